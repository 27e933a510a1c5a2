"""Exporting the roster: a readable, printable workbook the importer reads back unchanged."""

from datetime import date, datetime

import openpyxl
import pytest

from dualleader_desktop.domain.enums import MemberCategory, MemberStatus
from dualleader_desktop.services.branch import BranchInfo, BranchService
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.roster import (
    ROSTER_COLUMNS,
    RosterFileError,
    RowAction,
)
from tests.conftest import TODAY, make_draft


@pytest.fixture
def branch(db):
    branches = BranchService(db)
    branches.save_branch(BranchInfo("机电工程学院教师党支部"), today=TODAY)
    group = branches.save_group("第一党小组", None)
    members = MemberService(db)
    members.add(make_draft("王伟", party_group_id=group, remarks="系主任"), today=TODAY)
    members.add(
        make_draft(
            "李娜",
            sequence=22,
            native_place="江西南昌",
            phone="0791-88123456",
            full_member_date=None,
            joined_date=date(2026, 5, 4),
            category=MemberCategory.PROBATIONARY,
        ),
        today=TODAY,
    )
    left = members.add(make_draft("张强", sequence=33), today=TODAY)
    members.change_status(
        left.id, MemberStatus.TRANSFERRED_OUT, date(2026, 9, 1), other_org="某党支部", today=TODAY
    )
    return db


def test_export_writes_title_header_text_ids_and_real_dates(branch, tmp_path):
    path = tmp_path / "花名册.xlsx"
    assert BranchServices(branch).roster.export_roster(path, today=TODAY) == 2

    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "机电工程学院教师党支部党员花名册"
    assert sheet["A2"].value == "导出日期：2026-11-24"
    headers = [cell.value for cell in sheet[3]]
    assert headers == ["序号"] + [header for _key, header in ROSTER_COLUMNS]
    assert all(cell.font.bold for cell in sheet[3])
    assert sheet.freeze_panes == "A4"
    column = {header: index for index, header in enumerate(headers)}
    wang = next(row for row in sheet.iter_rows(min_row=4) if row[column["姓名"]].value == "王伟")
    id_cell = wang[column["身份证号"]]
    assert id_cell.data_type == "s" and id_cell.number_format == "@"
    assert id_cell.value == make_draft("王伟").id_number
    assert wang[column["联系电话"]].data_type == "s"
    joined = wang[column["入党时间"]]
    assert joined.value == datetime(2008, 6, 20) and joined.number_format == "yyyy-mm-dd"
    assert wang[column["党小组"]].value == "第一党小组"
    assert wang[column["党员类别"]].value == "正式党员"
    assert sheet.column_dimensions["G"].width >= 18  # 身份证号 fits


def test_export_then_import_gives_unchanged_for_every_member(branch, tmp_path):
    service = BranchServices(branch).roster
    for include_left, count in ((False, 2), (True, 3)):
        path = tmp_path / f"花名册{include_left}.xlsx"
        service.export_roster(path, include_left=include_left, today=TODAY)
        plan = service.plan_import(path, today=TODAY)
        assert [row.action for row in plan.rows] == [RowAction.UNCHANGED] * count
        assert plan.ignored_columns == (["状态"] if include_left else [])


def test_export_includes_members_who_left_only_when_asked(branch, tmp_path):
    path = tmp_path / "全部.xlsx"
    assert BranchServices(branch).roster.export_roster(path, include_left=True, today=TODAY) == 3
    sheet = openpyxl.load_workbook(path).active
    assert sheet.cell(3, sheet.max_column).value == "状态"
    statuses = {row[1]: row[-1] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert statuses == {"王伟": "在册", "李娜": "在册", "张强": "转出"}


def test_export_to_a_missing_folder_is_a_clear_error(branch, tmp_path):
    with pytest.raises(RosterFileError, match="不存在"):
        BranchServices(branch).roster.export_roster(tmp_path / "没有" / "花名册.xlsx")
