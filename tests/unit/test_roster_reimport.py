"""Importing a roster again: members are matched by ID number, never duplicated or blanked."""

from datetime import date

import pytest

from dualleader_desktop.domain.enums import MemberCategory, MemberStatus
from dualleader_desktop.domain.member_search import matching_members
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.roster import RowAction, report_lines
from tests.conftest import TODAY, make_draft
from tests.roster_workbooks import HEADER, draft_row, write_roster

TITLE = HEADER.index("职称")
PHONE = HEADER.index("手机号码")
JOINED = HEADER.index("入党\n时间")


def roster_rows():
    return [
        draft_row(make_draft("王伟"), 1, group="第一党小组"),
        draft_row(make_draft("李娜", sequence=22, title="副教授"), 2),
    ]


def member_with_id(db, id_number):
    """The one member the roster search finds by this ID number."""
    (member,) = matching_members(MemberService(db).list_members(), id_number)
    return member


def import_file(db, path):
    service = BranchServices(db).roster
    plan = service.plan_import(path, today=TODAY)
    service.apply_import(plan)
    return plan


def test_reimporting_the_same_roster_changes_nothing(db, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", roster_rows())
    import_file(db, path)
    before = MemberService(db).list_members()

    plan = import_file(db, path)

    assert [row.action for row in plan.rows] == [RowAction.UNCHANGED] * 2
    assert MemberService(db).list_members() == before  # same ids, same versions


def test_an_edited_cell_is_an_update_with_the_change_listed(db, tmp_path):
    import_file(db, write_roster(tmp_path / "r.xlsx", roster_rows()))
    rows = roster_rows()
    rows[0][TITLE] = "副教授"
    rows[1][HEADER.index("党小组")] = "第二党小组"

    plan = import_file(db, write_roster(tmp_path / "r2.xlsx", rows))

    assert [row.action for row in plan.rows] == [RowAction.UPDATE, RowAction.UPDATE]
    assert plan.rows[0].changes == ["职称：讲师 → 副教授"]
    assert plan.rows[1].changes == ["党小组：（空） → 第二党小组"]
    assert any(line.endswith("王伟 更新：职称：讲师 → 副教授") for line in report_lines(plan))
    members = {m.name: m for m in MemberService(db).list_members()}
    assert members["王伟"].title == "副教授" and members["王伟"].version == 2
    assert members["李娜"].party_group_name == "第二党小组"
    assert len(members) == 2


def test_blank_cells_and_absent_columns_keep_stored_values(db, tmp_path):
    import_file(db, write_roster(tmp_path / "r.xlsx", roster_rows()))
    rows = roster_rows()
    rows[0][TITLE] = None
    rows[0][PHONE] = "  "
    rows[0][HEADER.index("党小组")] = None
    import_file(db, write_roster(tmp_path / "blank.xlsx", rows))
    narrow = [["王伟", rows[0][5], "13900001111", "2008.06"]]
    plan = import_file(
        db,
        write_roster(
            tmp_path / "narrow.xlsx",
            narrow,
            header=["姓名", "身份证号", "联系电话", "入党时间"],
            title_rows=False,
        ),
    )

    assert plan.rows[0].changes == ["联系电话：13812345678 → 13900001111"]
    wang = member_with_id(db, rows[0][5])
    assert (wang.title, wang.phone, wang.party_group_name) == ("讲师", "13900001111", "第一党小组")
    assert wang.joined_date == date(2008, 6, 20)  # "2008.06" agrees with the stored day
    assert wang.category == MemberCategory.FULL and wang.department == "机电工程学院"


def test_members_matched_by_id_keep_their_status(db, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", roster_rows())
    import_file(db, path)
    wang = member_with_id(db, roster_rows()[0][5])
    MemberService(db).change_status(
        wang.id, MemberStatus.TRANSFERRED_OUT, date(2026, 9, 1), other_org="某党支部", today=TODAY
    )
    rows = roster_rows()
    rows[0][TITLE] = "副教授"

    plan = import_file(db, write_roster(tmp_path / "r2.xlsx", rows))

    assert plan.rows[0].action == RowAction.UPDATE
    wang = MemberService(db).get(wang.id)
    assert wang.status == MemberStatus.TRANSFERRED_OUT and wang.title == "副教授"


def test_full_member_date_for_a_probationary_member_makes_them_full(db, tmp_path):
    draft = make_draft("李娜", sequence=22, full_member_date=None, joined_date=date(2025, 11, 1))
    draft.category = MemberCategory.PROBATIONARY
    MemberService(db).add(draft, today=TODAY)
    header = ["姓名", "身份证号", "入党时间", "转正时间"]
    rows = [["李娜", draft.id_number, "2025-11-01", "2026-11-20"]]

    plan = import_file(db, write_roster(tmp_path / "r.xlsx", rows, header=header))

    assert plan.rows[0].changes == [
        "转正时间：（空） → 2026-11-20",
        "党员类别：预备党员 → 正式党员",
    ]
    assert MemberService(db).list_members()[0].category == MemberCategory.FULL


def test_a_member_edited_after_planning_stops_the_import(db, tmp_path):
    import_file(db, write_roster(tmp_path / "r.xlsx", roster_rows()))
    rows = roster_rows()
    rows[0][TITLE] = "副教授"
    service = BranchServices(db).roster
    plan = service.plan_import(write_roster(tmp_path / "r2.xlsx", rows), today=TODAY)
    wang = member_with_id(db, rows[0][5])
    MemberService(db).update(
        wang.id, make_draft("王伟", phone="13600000000"), expected_version=wang.version, today=TODAY
    )
    with pytest.raises(ServiceError, match="被修改过"):
        service.apply_import(plan)
    wang = MemberService(db).get(wang.id)
    assert (wang.title, wang.phone) == ("讲师", "13600000000")
