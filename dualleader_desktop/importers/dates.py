"""Dates as secretaries type them in Excel: real dates, serial numbers, and text in many forms.

Values known only to the month ("1985.07", "1985年7月", 198507, or a date cell formatted to show
no day, see ``format_shows_day``) give the 1st of the month with ``month_only`` set, so the
validators allow the whole month.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dualleader_desktop.domain.validators import FieldError

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01, counting Excel's phantom 1900-02-29
SERIAL_MIN, SERIAL_MAX = 10000, 80000  # 1927-05-18 .. 2119-01-10
YEAR_MIN, YEAR_MAX = 1900, 2100

_TIME_SUFFIX_RE = re.compile(r"[ T]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_SPACES_RE = re.compile(r"\s+")
_SEPARATED_RE = re.compile(r"^(\d{4})[.\-/年](\d{1,2})(?:月|[.\-/月](\d{1,2})[日号]?)?$")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
# parts of an Excel number format that are no date codes: "年" literals, \x escapes, [$-804]
# locales and [Red] colours, _x spacing and *x fills
_FORMAT_LITERALS_RE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].')


# Excel's built-in East Asian date formats (ECMA-376, as a Chinese Excel shows them). A file
# saved by a Chinese Excel names them by number only; openpyxl knows none of them, calls them
# "General" and hands the cell over as a plain serial number.
EAST_ASIAN_DATE_FORMATS = {
    27: 'yyyy"年"m"月"',
    28: 'm"月"d"日"',
    29: 'm"月"d"日"',
    30: "m-d-yy",
    31: 'yyyy"年"m"月"d"日"',
    36: 'yyyy"年"m"月"',
    50: 'yyyy"年"m"月"',
    51: 'm"月"d"日"',
    52: 'yyyy"年"m"月"',
    53: 'm"月"d"日"',
    54: 'm"月"d"日"',
    57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"',
}


@dataclass(frozen=True)
class ParsedDate:
    value: date
    month_only: bool = False
    warning: str = ""


def format_shows_day(number_format: str | None) -> bool:
    """Whether an Excel number format shows the day of a date (d, dd, or a weekday ddd/aaa).

    Secretaries type "1985.07" into a date cell formatted 'yyyy"年"m"月"' or 'yyyy.mm': Excel
    stores the 1st of the month, but the day was never given.
    """
    section = _FORMAT_LITERALS_RE.sub("", number_format or "").split(";")[0].lower()
    return "d" in section or "aaa" in section


def parse_cell_date(value: object, label: str) -> ParsedDate | None:
    """Read one cell as a date; None when blank. ``label`` names the column in messages.

    Raises FieldError with a Chinese message when the value is no date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return ParsedDate(value.date())
    if isinstance(value, date):
        return ParsedDate(value)
    if isinstance(value, bool):
        raise _unreadable(label, value)
    if isinstance(value, int):
        return _from_int(value, label)
    if isinstance(value, float):
        return _from_float(value, label)
    text = _SPACES_RE.sub("", _TIME_SUFFIX_RE.sub("", unicodedata.normalize("NFKC", str(value))))
    if not text:
        return None
    return _from_text(text, label, original=str(value).strip())


def _from_int(number: int, label: str) -> ParsedDate:
    if 10_000_000 <= number <= 99_999_999:  # 19850703
        return _from_text(str(number), label, original=str(number))
    if 100_000 <= number <= 999_999:  # 198507
        return _from_text(str(number), label, original=str(number))
    if SERIAL_MIN <= number <= SERIAL_MAX:  # a date whose cell lost its date format
        return ParsedDate(EXCEL_EPOCH + timedelta(days=number))
    if YEAR_MIN <= number <= YEAR_MAX:
        raise FieldError(f"{label}「{number}」只有年份，请至少填写到月份（如 {number}.07）")
    raise _unreadable(label, number)


def _from_float(number: float, label: str) -> ParsedDate:
    if number.is_integer():
        return _from_int(int(number), label)
    if SERIAL_MIN <= number <= SERIAL_MAX:  # a date with a time of day
        return ParsedDate(EXCEL_EPOCH + timedelta(days=int(number)))
    # 1985.07 typed into a number cell; repr is the shortest text that gives the same float
    text = repr(number)
    whole, _, decimals = text.partition(".")
    if not (len(whole) == 4 and decimals.isdigit() and len(decimals) <= 2):
        raise _unreadable(label, text)
    parsed = _build(int(whole), int(decimals), None, label, text)
    if decimals == "1":
        # Excel keeps 1985.10 as the number 1985.1: the same value as January
        warning = (
            f"{label}「{text}」按 {whole} 年 1 月导入。如果本意是 {whole} 年 10 月，"
            "是因为 Excel 把 1985.10 这样的数字存成了 1985.1；请把该列设为文本格式"
            "（或写成 1985-10）后重新填写"
        )
        return ParsedDate(parsed.value, parsed.month_only, warning)
    return parsed


def _from_text(text: str, label: str, original: str) -> ParsedDate:
    match = _SEPARATED_RE.match(text) or _COMPACT_RE.match(text)
    if match is None:
        raise _unreadable(label, original)
    year, month, day = match.groups()
    return _build(int(year), int(month), int(day) if day else None, label, original)


def _build(year: int, month: int, day: int | None, label: str, original: str) -> ParsedDate:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise FieldError(f"{label}「{original}」的年份 {year} 不合理，请核对")
    if not 1 <= month <= 12:
        raise FieldError(f"{label}「{original}」的月份 {month} 不存在，请核对")
    if day is None:
        return ParsedDate(date(year, month, 1), month_only=True)
    try:
        return ParsedDate(date(year, month, day))
    except ValueError:
        raise FieldError(f"{label}「{original}」这一天不存在，请核对") from None


def _unreadable(label: str, value: object) -> FieldError:
    return FieldError(
        f"无法识别{label}「{value}」，请写成 1985-07-03、1985.07 或 1985年7月 这样的形式"
    )
