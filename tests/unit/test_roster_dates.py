"""Dates as they arrive from Excel rosters: real dates, serials, numbers and text of many shapes."""

from datetime import date, datetime

import pytest

from dualleader_desktop.domain.validators import FieldError
from dualleader_desktop.importers.dates import format_shows_day, parse_cell_date


@pytest.mark.parametrize(
    ("value", "expected", "month_only"),
    [
        (datetime(1985, 7, 3), date(1985, 7, 3), False),
        (date(1985, 7, 3), date(1985, 7, 3), False),
        (datetime(2019, 7, 1, 8, 30), date(2019, 7, 1), False),
        ("1985.07", date(1985, 7, 1), True),
        ("1985.7", date(1985, 7, 1), True),
        ("1985.10", date(1985, 10, 1), True),
        ("1985年7月", date(1985, 7, 1), True),
        ("1985年7月3日", date(1985, 7, 3), False),
        ("1985-07-03", date(1985, 7, 3), False),
        ("1985-7", date(1985, 7, 1), True),
        ("2019/07/01", date(2019, 7, 1), False),
        ("2019/7/1 0:00:00", date(2019, 7, 1), False),
        ("1985.07.03", date(1985, 7, 3), False),
        ("19850703", date(1985, 7, 3), False),
        ("198507", date(1985, 7, 1), True),
        ("１９８５．０７", date(1985, 7, 1), True),  # full-width digits and stop
        ("\u30001985 年 7 月\xa0", date(1985, 7, 1), True),  # U+3000 and a non-breaking space
        (19850703, date(1985, 7, 3), False),
        (198507, date(1985, 7, 1), True),
        (31231, date(1985, 7, 3), False),  # an Excel serial in a cell without date format
        (31231.75, date(1985, 7, 3), False),
        (19850703.0, date(1985, 7, 3), False),
        (1985.07, date(1985, 7, 1), True),
        (1985.12, date(1985, 12, 1), True),
    ],
)
def test_accepted_forms(value, expected, month_only):
    parsed = parse_cell_date(value, "出生日期")
    assert (parsed.value, parsed.month_only) == (expected, month_only)
    assert parsed.warning == ""


def test_one_decimal_number_is_that_month_with_a_warning_about_october():
    # Excel stores 1985.10 typed into a number cell as 1985.1
    parsed = parse_cell_date(1985.1, "入党时间")
    assert parsed.value == date(1985, 1, 1)
    assert parsed.month_only
    assert "10 月" in parsed.warning
    assert "文本格式" in parsed.warning


@pytest.mark.parametrize("value", [None, "", "  ", "\u3000"])
def test_blank_is_none(value):
    assert parse_cell_date(value, "出生日期") is None


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("不详", "无法识别出生日期「不详」"),
        ("1985.13", "月份 13 不存在"),
        ("1985-02-30", "这一天不存在"),
        ("1850-01-01", "年份 1850 不合理"),
        (1985, "只有年份"),
        (1985.073, "无法识别"),
        (123, "无法识别"),
        (True, "无法识别"),
    ],
)
def test_refused_forms_say_why(value, words):
    with pytest.raises(FieldError) as caught:
        parse_cell_date(value, "出生日期")
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("number_format", "shows_day"),
    [
        ('yyyy"年"m"月"', False),
        ('[$-804]yyyy"年"m"月";@', False),
        ("yyyy.mm", False),
        ("yyyy/m", False),
        ("mmm-yy", False),
        ('[DBNum1][$-804]yyyy"年"m"月"', False),
        ('yyyy"年"m"月"d"日"', True),
        ("yyyy-mm-dd", True),
        ("mm-dd-yy", True),
        ("m/d/yy h:mm", True),
        ('yyyy"年"m"月"aaaa', True),  # 星期几: a particular day
        ("[$-F800]dddd, mmmm dd, yyyy", True),
        ("yyyy\\.mm", False),
    ],
)
def test_whether_a_number_format_shows_the_day(number_format, shows_day):
    assert format_shows_day(number_format) is shows_day
