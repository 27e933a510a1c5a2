"""Turn one row's cells into field values: normalise text, read dates, genders and categories.

Text the secretary typed keeps its punctuation; only full-width letters and digits become ASCII
and stray spaces (including U+3000 and non-breaking spaces) are dropped, so a re-import of the
same roster finds the same values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from dualleader_desktop.domain.enums import Gender, MemberCategory
from dualleader_desktop.domain.text import strip_control_chars
from dualleader_desktop.domain.validators import FieldError, clean_text, normalize_text
from dualleader_desktop.importers.dates import parse_cell_date
from dualleader_desktop.importers.roster_columns import DATE_FIELDS, FIELD_LABELS

_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_SPACE_IN_CJK_RE = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")
_GENDERS = {"男": Gender.MALE, "男性": Gender.MALE, "女": Gender.FEMALE, "女性": Gender.FEMALE}
_CATEGORIES = {
    "正式": MemberCategory.FULL,
    "正式党员": MemberCategory.FULL,
    "中共党员": MemberCategory.FULL,
    "预备": MemberCategory.PROBATIONARY,
    "预备党员": MemberCategory.PROBATIONARY,
    "中共预备党员": MemberCategory.PROBATIONARY,
}


@dataclass
class ParsedRow:
    """The readable cells of one row; a blank cell has no entry in ``values``."""

    values: dict[str, object] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)
    month_only: set[str] = field(default_factory=set)
    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def parse_row(raw: dict[str, object]) -> ParsedRow:
    row = ParsedRow()
    for key, value in raw.items():
        if isinstance(value, str):  # control characters (C1 in an .xlsx) never reach a record
            value = strip_control_chars(value)
        if value is None:
            continue
        row.cells[key] = cell_text(value)
        try:
            _parse_cell(row, key, value)
        except FieldError as exc:
            row.errors[key] = exc.message
    return row


def _parse_cell(row: ParsedRow, key: str, value: object) -> None:
    label = FIELD_LABELS[key]
    if key in DATE_FIELDS:
        parsed = parse_cell_date(value, label)
        if parsed is None:
            return
        row.values[key] = parsed.value
        if parsed.month_only:
            row.month_only.add(key)
        if parsed.warning:
            row.warnings.append(parsed.warning)
    elif key == "id_number":
        row.values[key] = _id_number(value)
    elif key == "phone":
        row.values[key] = clean_text(_number_text(value))
    elif key == "gender":
        row.values[key] = _lookup(_GENDERS, value, "性别", "“男”或“女”")
    elif key == "category":
        row.values[key] = _lookup(_CATEGORIES, value, "党员类别", "“正式党员”或“预备党员”")
    elif key == "name":
        text = cell_words(value)
        row.values[key] = re.sub(r"\s", "", text) if _CJK_RE.search(text) else text
    else:
        row.values[key] = cell_words(_number_text(value))
    if row.values[key] in ("", None):
        del row.values[key]


def cell_words(value: object) -> str:
    """A cell's text as the member file keeps it (``normalize_text``), and without the spaces
    between Chinese characters ("副 教 授") that were typed to align a column."""
    return _SPACE_IN_CJK_RE.sub("", normalize_text(value))


def cell_text(value: object) -> str:
    """A cell as the secretary sees it, for the preview."""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d}" if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return _number_text(value).strip()


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _id_number(value: object) -> str:
    if isinstance(value, float):
        raise FieldError(
            f"身份证号「{cell_text(value)}」被 Excel 存成了数字，只保留了 15 位有效数字，后几位已丢失。"
            "请把该列设为文本格式，再重新填写身份证号"
        )
    return clean_text(value).upper()


def _lookup(table: dict, value: object, label: str, expected: str):
    text = clean_text(value)
    if text in table:
        return table[text]
    raise FieldError(f"{label}「{cell_text(value)}」无法识别，请填写{expected}")
