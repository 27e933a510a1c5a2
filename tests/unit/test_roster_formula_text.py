"""Texts that look like formulas (a 备注 "=HYPERLINK(…)") leave in the roster as text and come
back from a re-import unchanged."""

import openpyxl
import pytest

from dualleader_desktop.cli import main
from dualleader_desktop.services.branch import BranchInfo, BranchService
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.roster import RowAction
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY, make_draft
from tests.xlsx_raw import raw_cells

TRICKY = ['=HYPERLINK("http://x","y")', "+1", "-3 天", "@SUM(A1)", "#N/A", "=1+1"]


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "branch.sqlite3"
    db = Database.open_file(path)
    try:
        BranchService(db).save_branch(BranchInfo("=机电工程学院教师党支部"), today=TODAY)
        members = MemberService(db)
        for number, remarks in enumerate(TRICKY):
            sequence = 11 + 2 * number  # odd: a man's ID number
            members.add(
                make_draft(f"王伟{sequence}", sequence=sequence, remarks=remarks), today=TODAY
            )
    finally:
        db.dispose()
    return path


def test_exported_texts_are_strings_not_formulas(db_path, tmp_path, capsys):
    target = tmp_path / "花名册.xlsx"
    assert main(["export-members", str(target), "--db", str(db_path)]) == 0
    capsys.readouterr()
    cells = raw_cells(target)
    assert not [cell for cell in cells if cell[2]]  # no <f> anywhere
    for text in TRICKY:
        assert ("inlineStr", text, False) in cells
    sheet = openpyxl.load_workbook(target).active
    assert sheet["A1"].value == "=机电工程学院教师党支部党员花名册"
    headers = [cell.value for cell in sheet[3]]
    remarks = [row[headers.index("备注")] for row in sheet.iter_rows(min_row=4)]
    assert [cell.value for cell in remarks] == TRICKY
    assert {cell.data_type for cell in remarks} == {"s"}


def remarks_in(path) -> list[str | None]:
    db = Database.open_file(path)
    try:
        return [m.remarks for m in sorted(MemberService(db).list_members(), key=lambda m: m.name)]
    finally:
        db.dispose()


def test_the_file_imports_with_the_same_texts(db_path, tmp_path, capsys):
    target = tmp_path / "花名册.xlsx"
    assert main(["export-members", str(target), "--db", str(db_path)]) == 0
    db = Database.open_file(db_path)
    try:  # into the database it came from: nothing to change
        plan = BranchServices(db).roster.plan_import(target, today=TODAY)
        assert [row.action for row in plan.rows] == [RowAction.UNCHANGED] * len(TRICKY)
    finally:
        db.dispose()
    elsewhere = tmp_path / "another.sqlite3"  # into an empty one: the texts as they were
    assert main(["import-members", str(target), "--db", str(elsewhere)]) == 0
    capsys.readouterr()
    assert remarks_in(elsewhere) == remarks_in(db_path) == TRICKY
