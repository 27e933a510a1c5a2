"""Importing a roster: every form a real file uses lands right; bad rows stop everything."""

from datetime import date, datetime

import pytest

from dualleader_desktop.domain.enums import Gender, MemberCategory, MemberStatus
from dualleader_desktop.domain.validators import build_id_number
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.roster import (
    ImportCancelled,
    RowAction,
    report_lines,
)
from tests.conftest import TODAY, make_draft
from tests.roster_workbooks import HEADER, draft_row, excel_row, write_roster


def id_with_x(birth: date, gender: Gender) -> str:
    """An ID number whose check character is X."""
    for sequence in range(1, 1000):
        number = build_id_number("360102", birth, sequence, gender)
        if number.endswith("X"):
            return number
    raise AssertionError("no sequence gives X")


def plan_and_apply(db, path, **kwargs):
    service = BranchServices(db).roster
    plan = service.plan_import(path, today=TODAY)
    return plan, service.apply_import(plan, **kwargs)


def members_by_name(db):
    return {m.name: m for m in MemberService(db).list_members()}


def test_real_world_roster_is_imported_with_the_right_values(db, tmp_path):
    wang_id = build_id_number("360102", date(1985, 7, 3), 11, Gender.MALE)
    li_id = id_with_x(date(1990, 3, 15), Gender.FEMALE)
    zhang_id = build_id_number("360103", date(1988, 1, 9), 31, Gender.MALE)
    zhao_id = build_id_number("360104", date(1989, 5, 20), 42, Gender.FEMALE)
    rows = [
        # 序号, 姓名, 性别, 民族, 出生年月, 身份证, 学历, 职称, 部门, 手机, 入党, 转正, 类别, 党小组
        [1, " 王 伟 ", "男", "汉族", datetime(1985, 7, 3), wang_id, "研究生", "讲师",
         "机械 教研室", "138 1234 5678", "2008.06", "2009年6月", "正式", "第一党小组"],
        [2, "李\u3000娜", "女 ", "汉族", "1990年3月", li_id.lower(), "本科", "副 教 授",
         "电气\xa0教研室", "１３９１２３４５６７８", 20150701, "2016-07-01", "正式党员", None],
        [3, "张强", None, "回族", 1988.1, f" {zhang_id}\u3000", "研究生", "助教",
         "机械教研室", "0791-88123456", "2026.03", None, "预备党员", "第一党小组"],
        [4, "赵敏", "女", "汉族", 198905, zhao_id, "博士研究生", "教授",
         "电气教研室", 13700001111, 40695, 2012.05, "正式", None],
    ]  # fmt: skip
    path = write_roster(tmp_path / "花名册.xlsx", rows)

    plan, result = plan_and_apply(db, path)

    assert plan.sheet_name == "党员名册" and plan.header_row == 3
    assert [r.action for r in plan.rows] == [RowAction.NEW] * 4
    assert (result.added, result.skipped, result.new_groups) == (4, 0, ["第一党小组"])
    members = members_by_name(db)
    assert set(members) == {"王伟", "李娜", "张强", "赵敏"}
    wang, li, zhang, zhao = (members[n] for n in ("王伟", "李娜", "张强", "赵敏"))
    assert wang.birth_date == date(1985, 7, 3)
    assert wang.phone == "13812345678" and wang.department == "机械教研室"
    assert wang.joined_date == date(2008, 6, 1) and wang.full_member_date == date(2009, 6, 1)
    assert wang.party_group_name == "第一党小组" and wang.category == MemberCategory.FULL
    assert li.id_number == li_id and li.id_number.endswith("X")
    assert li.birth_date == date(1990, 3, 15)  # the month from the file, the day from the ID
    assert li.gender == Gender.FEMALE and li.title == "副教授"
    assert li.department == "电气教研室" and li.phone == "13912345678"
    assert li.joined_date == date(2015, 7, 1) and li.full_member_date == date(2016, 7, 1)
    assert zhang.id_number == zhang_id and zhang.gender == Gender.MALE  # from the ID number
    assert zhang.birth_date == date(1988, 1, 9) and zhang.phone == "0791-88123456"
    assert zhang.category == MemberCategory.PROBATIONARY and zhang.full_member_date is None
    assert zhao.birth_date == date(1989, 5, 20) and zhao.phone == "13700001111"
    assert zhao.joined_date == date(2011, 6, 1)  # Excel serial 40695
    assert zhao.full_member_date == date(2012, 5, 1)
    assert all(m.status == MemberStatus.ACTIVE for m in members.values())
    # 1988.1 as a number is January, with a warning that it might have meant October
    assert any("10 月" in w for w in plan.rows[2].warnings)


def test_header_variants_are_recognised(db, tmp_path):
    header = ["身 份 证 号", "姓名", "出生日期（年月）", "入党\n日期", "党员类别", "政治面貌"]
    draft = make_draft("王伟")
    rows = [[draft.id_number, "王伟", "1985.07", "2008-06-20", "正式党员", "中共党员"]]
    plan = BranchServices(db).roster.plan_import(
        write_roster(tmp_path / "r.xlsx", rows, header=header, title_rows=False), today=TODAY
    )
    assert [key for key, _text in plan.columns] == [
        "id_number", "name", "birth_date", "joined_date", "category",
    ]  # fmt: skip
    assert plan.columns[2] == ("birth_date", "出生日期（年月）")
    assert plan.ignored_columns == ["政治面貌"]
    assert plan.rows[0].action == RowAction.NEW


def test_one_bad_row_of_each_kind_stops_everything_and_each_is_reported(db, tmp_path):
    good = draft_row(make_draft("王伟"), 1)
    bad_check = draft_row(make_draft("李娜", sequence=22), 2)
    bad_check[5] = bad_check[5][:-1] + ("0" if bad_check[5][-1] != "0" else "1")
    too_young = draft_row(make_draft("张强", sequence=33, joined_date=date(2000, 5, 1)), 3)
    future = draft_row(make_draft("赵敏", sequence=44, full_member_date=None), 4)
    future[10], future[12] = "2027-01-05", "预备党员"
    bad_phone = draft_row(make_draft("刘洋", sequence=55, phone="1381234567"), 5)
    path = write_roster(tmp_path / "r.xlsx", [good, bad_check, too_young, future, bad_phone])
    service = BranchServices(db).roster

    plan = service.plan_import(path, today=TODAY)

    errors = {(r.excel_row, e.column): e.message for r in plan.invalid_rows for e in r.errors}
    assert set(errors) == {
        (excel_row(1), "公民身份号码"),
        (excel_row(2), "入党 时间"),
        (excel_row(3), "入党 时间"),
        (excel_row(4), "手机号码"),
    }
    assert "校验位" in errors[(excel_row(1), "公民身份号码")]
    assert "18 周岁" in errors[(excel_row(2), "入党 时间")]
    assert "晚于今天" in errors[(excel_row(3), "入党 时间")]
    assert "手机号" in errors[(excel_row(4), "手机号码")]
    assert plan.counts()[RowAction.INVALID] == 4 and plan.counts()[RowAction.NEW] == 1
    lines = report_lines(plan)
    assert f"第 {excel_row(1)} 行 [公民身份号码] " + errors[(excel_row(1), "公民身份号码")] in lines
    with pytest.raises(ServiceError, match="4 行有错误"):
        service.apply_import(plan)
    assert MemberService(db).list_members() == []


def test_skip_invalid_imports_only_the_valid_rows(db, tmp_path):
    rows = [
        draft_row(make_draft("王伟"), 1, group="第一党小组"),
        draft_row(make_draft("李娜", sequence=22, phone="12345"), 2, group="第二党小组"),
        draft_row(make_draft("张强", sequence=33), 3),
    ]
    plan, result = plan_and_apply(db, write_roster(tmp_path / "r.xlsx", rows), skip_invalid=True)
    assert plan.new_groups == ["第一党小组"]  # the skipped row's group is not created
    assert (result.added, result.skipped) == (2, 1)
    assert set(members_by_name(db)) == {"王伟", "张强"}
    assert [g.name for g in BranchService(db).list_groups()] == ["第一党小组"]


def test_importer_checks_duplicates_genders_categories_and_lengths(db, tmp_path):
    first = make_draft("王伟")
    rows = [
        draft_row(first, 1),
        draft_row(make_draft("王伟二", birth_date=first.birth_date), 2),  # same ID number
        draft_row(make_draft("李娜", sequence=22), 3),
        draft_row(make_draft("张强", sequence=33, department="机" * 51), 4),
        [5, "赵敏", "未知", None, None, make_draft(sequence=44).id_number, None, None, None,
         None, "2008-06-20", None, "积极分子", None],
    ]  # fmt: skip
    rows[2][5] = 360102198507031234.0  # an ID number Excel stored as a number
    plan = BranchServices(db).roster.plan_import(
        write_roster(tmp_path / "r.xlsx", rows), today=TODAY
    )
    messages = {r.excel_row: [(e.column, e.message) for e in r.errors] for r in plan.rows}
    assert messages[excel_row(0)] == []
    assert messages[excel_row(1)] == [
        ("公民身份号码", f"与第 {excel_row(0)} 行的身份证号相同，同一名党员在花名册中只能出现一次，请删除重复的行")
    ]  # fmt: skip
    assert "15 位有效数字" in messages[excel_row(2)][0][1]
    assert messages[excel_row(3)] == [("所在部门/教研室", "所在部门过长（最多 50 个字），请精简")]
    columns = dict(messages[excel_row(4)])
    assert "“男”或“女”" in columns["性别"]
    assert "“正式党员”或“预备党员”" in columns["人员类别"]


def test_empty_rows_are_skipped_silently(db, tmp_path):
    rows = [draft_row(make_draft("王伟"), 1), [None] * len(HEADER), [3, " ", "\u3000"]]
    rows.append(draft_row(make_draft("李娜", sequence=22), 4))
    plan = BranchServices(db).roster.plan_import(
        write_roster(tmp_path / "r.xlsx", rows), today=TODAY
    )
    assert [r.excel_row for r in plan.rows] == [excel_row(0), excel_row(3)]
    assert plan.counts()[RowAction.NEW] == 2


def test_without_category_column_the_category_is_inferred_with_a_warning(db, tmp_path):
    header = ["姓名", "身份证号", "入党时间", "转正时间"]
    rows = [
        ["王伟", make_draft().id_number, "2008-06-20", "2009-06-20"],
        ["李娜", make_draft(sequence=22).id_number, "2026-03-01", None],
        ["张强", make_draft(sequence=33).id_number, "2020-03-01", None],
    ]
    path = write_roster(tmp_path / "r.xlsx", rows, header=header, title_rows=False)
    plan, _result = plan_and_apply(db, path)
    assert any("党员类别" in w for w in plan.warnings)
    assert all(row.warnings for row in plan.rows)
    categories = {m.name: m.category for m in MemberService(db).list_members()}
    assert categories == {
        "王伟": MemberCategory.FULL,
        "李娜": MemberCategory.PROBATIONARY,
        "张强": MemberCategory.FULL,
    }


def test_existing_groups_are_matched_by_name(db, tmp_path):
    group_id = BranchService(db).save_group("第一党小组", None)
    rows = [draft_row(make_draft("王伟"), 1, group="第一党小组")]
    plan, result = plan_and_apply(db, write_roster(tmp_path / "r.xlsx", rows))
    assert plan.new_groups == [] and result.new_groups == []
    assert MemberService(db).list_members()[0].party_group_id == group_id


def test_cancelling_raises_and_writes_nothing(db, tmp_path):
    rows = [draft_row(make_draft(f"党员{n}", sequence=n), n) for n in range(250)]
    path = write_roster(tmp_path / "r.xlsx", rows)
    seen = []

    def progress(done, total):
        seen.append((done, total))

    with pytest.raises(ImportCancelled, match="没有写入"):
        BranchServices(db).roster.plan_import(
            path, today=TODAY, progress=progress, is_cancelled=lambda: len(seen) >= 2
        )
    assert seen == [(0, 250), (100, 250)]
    assert MemberService(db).list_members() == []
    plan = BranchServices(db).roster.plan_import(path, today=TODAY, progress=progress)
    assert seen[-1] == (250, 250) and len(plan.rows) == 250


def test_an_id_number_taken_after_planning_stops_the_import(db, tmp_path):
    rows = [draft_row(make_draft("王伟"), 1), draft_row(make_draft("李娜", sequence=22), 2)]
    service = BranchServices(db).roster
    plan = service.plan_import(write_roster(tmp_path / "r.xlsx", rows), today=TODAY)
    MemberService(db).add(make_draft("李娜", sequence=22), today=TODAY)
    with pytest.raises(ServiceError, match="已登记在党员「李娜」名下"):
        service.apply_import(plan)
    assert [m.name for m in MemberService(db).list_members()] == ["李娜"]
