"""Dates known only to the month ("2003.07", or a date cell shown as 2003年7月): read as such,
stored as such, and kept through edits, re-imports and exports."""

import re
import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from dualleader_desktop.importers.dates import EAST_ASIAN_DATE_FORMATS
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.roster import RowAction
from tests.conftest import TODAY, make_draft
from tests.roster_workbooks import HEADER, draft_row, write_roster

BIRTH = HEADER.index("出生年月")
JOINED = HEADER.index("入党\n时间")
FULL = HEADER.index("转正时间")


def born_in_july(**overrides):
    """Born 1985-07-20: 18 years old only from 2003-07-20."""
    return make_draft("王伟", birth_date=date(1985, 7, 20), **overrides)


def plan(db, path):
    return BranchServices(db).roster.plan_import(path, today=TODAY)


def import_file(db, path):
    service = BranchServices(db).roster
    planned = service.plan_import(path, today=TODAY)
    service.apply_import(planned)
    return planned


def only_member(db):
    (member,) = MemberService(db).list_members()
    return member


def month_only_roster(tmp_path, name="r.xlsx", joined="2003.07", full="2004.07"):
    row = draft_row(born_in_july())
    row[JOINED], row[FULL] = joined, full
    return write_roster(tmp_path / name, [row])


@pytest.mark.parametrize(
    "number_format", ['yyyy"年"m"月"', "yyyy.mm", "yyyy/m", '[$-804]yyyy"年"m"月"', "mmm-yy"]
)
def test_date_cells_shown_without_a_day_are_known_to_the_month(db, tmp_path, number_format):
    row = draft_row(born_in_july())
    # what Excel stores when "1985年7月" is typed into a cell formatted to show year and month
    row[BIRTH], row[JOINED], row[FULL] = (
        datetime(1985, 7, 1),
        datetime(2003, 7, 1),
        datetime(2004, 7, 1),
    )
    formats = {BIRTH: number_format, JOINED: number_format, FULL: number_format}
    path = write_roster(tmp_path / "r.xlsx", [row], number_formats=formats)

    planned = import_file(db, path)

    assert planned.rows[0].errors == []
    member = only_member(db)
    assert member.birth_date == date(1985, 7, 20)  # the day from the ID number
    assert member.month_only == {"joined_date", "full_member_date"}


@pytest.mark.parametrize("number_format", ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "mm-dd-yy"])
def test_date_cells_that_show_the_day_are_exact(db, tmp_path, number_format):
    row = draft_row(born_in_july())
    row[BIRTH] = datetime(1985, 7, 1)
    path = write_roster(tmp_path / "r.xlsx", [row], number_formats={BIRTH: number_format})
    [error] = plan(db, path).rows[0].errors
    assert "出生日期与身份证号不一致" in error.message


def test_month_only_dates_are_stored_and_survive_an_edit_of_another_field(db, tmp_path):
    import_file(db, month_only_roster(tmp_path))
    member = only_member(db)
    assert (member.joined_date, member.full_member_date) == (date(2003, 7, 1), date(2004, 7, 1))
    assert member.month_only == {"joined_date", "full_member_date"}

    draft = member.to_draft()
    draft.phone = "13900001111"
    edited = MemberService(db).update(
        member.id, draft, expected_version=member.version, today=TODAY
    )

    assert edited.phone == "13900001111"
    assert edited.month_only == {"joined_date", "full_member_date"}


def test_an_exact_date_entered_later_drops_the_mark(db, tmp_path):
    import_file(db, month_only_roster(tmp_path))
    member = only_member(db)
    draft = member.to_draft()
    draft.joined_date = date(2003, 7, 25)
    draft.month_only -= {"joined_date"}
    edited = MemberService(db).update(
        member.id, draft, expected_version=member.version, today=TODAY
    )
    assert edited.month_only == {"full_member_date"}


def test_reimporting_month_only_dates_changes_nothing(db, tmp_path):
    path = month_only_roster(tmp_path)
    import_file(db, path)
    before = only_member(db)

    planned = import_file(db, path)

    assert [row.action for row in planned.rows] == [RowAction.UNCHANGED]
    assert only_member(db) == before


def test_a_reimported_exact_day_replaces_the_month(db, tmp_path):
    import_file(db, month_only_roster(tmp_path))
    planned = import_file(db, month_only_roster(tmp_path, "r2.xlsx", joined="2003-07-25"))
    assert planned.rows[0].changes == ["入党时间：2003.07 → 2003-07-25"]
    member = only_member(db)
    assert member.joined_date == date(2003, 7, 25)
    assert member.month_only == {"full_member_date"}


def test_a_month_matching_a_stored_exact_day_keeps_the_day(db, tmp_path):
    import_file(db, month_only_roster(tmp_path, joined="2003-07-25", full="2004-07-25"))
    planned = import_file(db, month_only_roster(tmp_path, "r2.xlsx"))
    assert [row.action for row in planned.rows] == [RowAction.UNCHANGED]
    member = only_member(db)
    assert member.joined_date == date(2003, 7, 25) and member.month_only == frozenset()


def test_export_writes_month_only_dates_as_year_and_month_and_reads_them_back(db, tmp_path):
    import_file(db, month_only_roster(tmp_path))
    exported = tmp_path / "导出.xlsx"
    service = BranchServices(db).roster
    service.export_roster(exported, today=TODAY)

    sheet = openpyxl.load_workbook(exported).active
    headers = [cell.value for cell in sheet[3]]
    row = next(sheet.iter_rows(min_row=4))
    joined = row[headers.index("入党时间")]
    assert joined.value == datetime(2003, 7, 1) and joined.number_format == "yyyy.mm"
    birth = row[headers.index("出生日期")]
    assert birth.value == datetime(1985, 7, 20) and birth.number_format == "yyyy-mm-dd"

    planned = import_file(db, exported)
    assert [r.action for r in planned.rows] == [RowAction.UNCHANGED]
    assert only_member(db).month_only == {"joined_date", "full_member_date"}


def as_saved_by_chinese_excel(path, number_format, builtin_id):
    """Rewrite the workbook as a Chinese Excel saves it: the format named only by its built-in
    East Asian id, with no format code in the file."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    styles = parts["xl/styles.xml"].decode()
    code = number_format.replace('"', "&quot;")
    [(element, custom_id)] = re.findall(
        rf'(<numFmt numFmtId="(\d+)" formatCode="{re.escape(code)}"/>)', styles
    )
    styles = styles.replace(element, "").replace(
        f'numFmtId="{custom_id}"', f'numFmtId="{builtin_id}"'
    )
    parts["xl/styles.xml"] = styles.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


@pytest.mark.parametrize("builtin_id", [27, 31, 57])
def test_a_chinese_excels_builtin_date_formats_are_read(db, tmp_path, builtin_id):
    row = draft_row(born_in_july())
    shown = EAST_ASIAN_DATE_FORMATS[builtin_id]
    day = 20 if "d" in shown else 1  # a format with the day holds the real one
    row[BIRTH], row[JOINED] = datetime(1985, 7, day), datetime(2003, 7, day)
    path = write_roster(tmp_path / "r.xlsx", [row], number_formats={BIRTH: shown, JOINED: shown})
    as_saved_by_chinese_excel(path, shown, builtin_id)

    planned = import_file(db, path)

    assert planned.rows[0].errors == []
    member = only_member(db)
    assert member.birth_date == date(1985, 7, 20)
    assert member.joined_date == date(2003, 7, day)
    assert ("joined_date" in member.month_only) == ("d" not in shown)


@pytest.mark.parametrize("typed", [20030725, 200307, 2003.07])
def test_numbers_typed_into_a_chinese_excel_date_cell_are_read_as_typed(db, tmp_path, typed):
    row = draft_row(born_in_july())
    shown = EAST_ASIAN_DATE_FORMATS[57]
    row[BIRTH], row[JOINED] = datetime(1985, 7, 1), typed
    path = write_roster(tmp_path / "r.xlsx", [row], number_formats={BIRTH: shown, JOINED: shown})
    as_saved_by_chinese_excel(path, shown, 57)

    planned = import_file(db, path)

    assert planned.rows[0].errors == []
    assert only_member(db).joined_date in (date(2003, 7, 1), date(2003, 7, 25))
