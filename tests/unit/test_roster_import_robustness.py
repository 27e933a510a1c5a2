"""Roster imports in degraded cases (issue 7): two imports at once, formulas without cached
values, two-row headers."""

from __future__ import annotations

import threading

import pytest

from dualleader_desktop.services import roster
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.roster import (
    RosterFileError,
    RowAction,
    read_roster_file,
)
from tests.conftest import TODAY, make_draft
from tests.roster_workbooks import (
    HEADER,
    draft_row,
    save_formula_results,
    write_roster,
    write_two_row_roster,
)

WANG, LI = make_draft("王伟"), make_draft("李娜", sequence=22)


def names(db) -> list[str]:
    return sorted(m.name for m in MemberService(db).list_members())


def race(monkeypatch, *others):
    """Let ``others`` (callables) run, one per try, between the import's check of ID numbers
    and its insert, as a second import running at the same moment would."""
    check, pending, racing = roster._refuse_taken_ids, list(others), []

    def checked_then_raced(session, rows):
        check(session, rows)
        if pending and not racing:  # the other import's own check does not race
            racing.append(True)
            try:
                pending.pop(0)()
            finally:
                racing.clear()

    monkeypatch.setattr(roster, "_refuse_taken_ids", checked_then_raced)


def test_a_second_import_of_the_same_file_at_once_finds_its_rows_written(db, tmp_path, monkeypatch):
    path = write_roster(tmp_path / "r.xlsx", [draft_row(WANG, 1), draft_row(LI, 2)])
    ours, theirs = (BranchServices(db).roster.plan_import(path, today=TODAY) for _ in range(2))
    race(monkeypatch, lambda: BranchServices(db).roster.apply_import(theirs))

    result = BranchServices(db).roster.apply_import(ours)

    assert (result.added, result.updated, result.unchanged) == (0, 0, 2)
    assert names(db) == ["李娜", "王伟"]


def test_a_member_written_otherwise_at_once_is_named_in_chinese(db, tmp_path, monkeypatch):
    path = write_roster(tmp_path / "r.xlsx", [draft_row(WANG, 1), draft_row(LI, 2)])
    plan = BranchServices(db).roster.plan_import(path, today=TODAY)
    assert [row.action for row in plan.rows] == [RowAction.NEW, RowAction.NEW]
    race(monkeypatch, lambda: MemberService(db).add(LI, today=TODAY))  # 学位 the file lacks

    with pytest.raises(ServiceError) as caught:
        BranchServices(db).roster.apply_import(plan)

    assert "已登记在党员「李娜」名下" in str(caught.value)
    assert "UNIQUE" not in str(caught.value)
    assert names(db) == ["李娜"]


def test_an_import_raced_twice_says_so_in_chinese(db, tmp_path, monkeypatch):
    path = write_roster(tmp_path / "r.xlsx", [draft_row(WANG, 1), draft_row(LI, 2)])
    plan = BranchServices(db).roster.plan_import(path, today=TODAY)
    one_each = [
        BranchServices(db).roster.plan_import(
            write_roster(tmp_path / f"{n}.xlsx", [draft_row(draft, 1)]), today=TODAY
        )
        for n, draft in enumerate((LI, WANG))
    ]
    race(monkeypatch, *(lambda p=p: BranchServices(db).roster.apply_import(p) for p in one_each))

    with pytest.raises(ServiceError) as caught:
        BranchServices(db).roster.apply_import(plan)

    message = str(caught.value)
    assert "另一个导入同时写入了相同的党员" in message and "重新导入" in message
    assert "UNIQUE" not in message
    assert names(db) == ["李娜", "王伟"]  # theirs, each once


def test_two_imports_of_one_file_in_two_threads_both_end_well(db, tmp_path, monkeypatch):
    path = write_roster(tmp_path / "r.xlsx", [draft_row(WANG, 1), draft_row(LI, 2)])
    plans = [BranchServices(db).roster.plan_import(path, today=TODAY) for _ in range(2)]
    check, both_checked, first_try = roster._refuse_taken_ids, threading.Barrier(2), set()

    def checked_together(session, rows):
        check(session, rows)
        if threading.get_ident() not in first_try:  # both have checked before either inserts
            first_try.add(threading.get_ident())
            both_checked.wait(timeout=10)

    monkeypatch.setattr(roster, "_refuse_taken_ids", checked_together)
    outcomes: list[object] = [None, None]

    def apply(index: int) -> None:
        try:
            outcomes[index] = BranchServices(db).roster.apply_import(plans[index])
        except Exception as exc:  # kept for the assertion below
            outcomes[index] = exc

    threads = [threading.Thread(target=apply, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert all(isinstance(outcome, roster.ImportResult) for outcome in outcomes), outcomes
    assert sorted((o.added, o.unchanged) for o in outcomes) == [(0, 2), (2, 0)]
    assert names(db) == ["李娜", "王伟"]


# ---- formulas without saved results -------------------------------------------------------
def formula_roster(path, *, formula_columns=(1,), drafts=(WANG, LI)):
    """A roster whose ``formula_columns`` are formulas (as a program writes them: no result);
    the name column is column 1 (B)."""
    rows = []
    for number, draft in enumerate(drafts, 1):
        values = draft_row(draft, number)
        for column in formula_columns:
            values[column] = '=""' if values[column] is None else f'="{values[column]}"'
        rows.append(values)
    return write_roster(path, rows)


def test_formulas_without_saved_results_are_refused_with_their_cells(db, tmp_path):
    # 序号 (A) is not imported: its formulas' results do not matter
    path = formula_roster(tmp_path / "生成的花名册.xlsx", formula_columns=(0, 1, 7))
    with pytest.raises(RosterFileError) as caught:
        BranchServices(db).roster.plan_import(path, today=TODAY)
    message = str(caught.value)
    assert "公式没有保存计算结果（例如由其他程序生成）" in message
    assert "请用 Excel 或 WPS 打开并保存一次后再导入" in message
    assert "工作表“党员名册”的 B4、H4、B5、H5。" in message
    assert "请填写姓名" not in message

    # opened and saved in Excel: results stored, an empty text (职称 of 王伟) among them
    save_formula_results(path, {"B4": "王伟", "H4": "", "B5": "李娜", "H5": "讲师"})
    plan = BranchServices(db).roster.plan_import(path, today=TODAY)
    assert [(row.action, row.name, row.draft.title) for row in plan.rows] == [
        (RowAction.NEW, "王伟", ""),
        (RowAction.NEW, "李娜", "讲师"),
    ]


def test_a_sheet_of_formulas_only_is_not_called_empty(tmp_path):
    path = formula_roster(tmp_path / "r.xlsx", formula_columns=range(len(HEADER)))
    with pytest.raises(RosterFileError) as caught:
        read_roster_file(path)
    assert "公式没有保存计算结果" in str(caught.value) and "等 " in str(caught.value)
    assert "没有党员数据" not in str(caught.value)


# ---- headers two rows high ----------------------------------------------------------------
def test_group_headers_over_a_second_header_row(db, tmp_path):
    # 序号 学历 职称 部门 手机 over both rows (merged), 基本信息 and 党员信息 over their
    # columns, 党小组 written in the upper row only (not merged, the cell below left empty)
    upper = ["序号", "基本信息", None, None, None, None, "学历", "职称", "所在部门/教研室",
             "手机号码", "党员信息", None, None, "党小组"]  # fmt: skip
    lower = [None, "姓名", "性别", "民族", "出生年月", "公民身份号码", None, None, None, None,
             "入党时间", "转正时间", "人员类别", None]  # fmt: skip
    merges = ["A3:A4", "B3:F3", "G3:G4", "H3:H4", "I3:I4", "J3:J4", "K3:M3"]
    rows = [draft_row(WANG, 1, group="第一党小组"), draft_row(LI, 2, group="第二党小组")]
    path = write_two_row_roster(tmp_path / "r.xlsx", upper, lower, merges, rows)

    plan = BranchServices(db).roster.plan_import(path, today=TODAY)

    assert plan.header_row == 4 and [row.excel_row for row in plan.rows] == [5, 6]
    assert [key for key, _text in plan.columns] == [
        "name", "gender", "ethnicity", "birth_date", "id_number", "education", "title",
        "department", "phone", "joined_date", "full_member_date", "category", "party_group",
    ]  # fmt: skip
    assert plan.ignored_columns == []
    assert [(row.action, row.name, row.group_name) for row in plan.rows] == [
        (RowAction.NEW, "王伟", "第一党小组"),
        (RowAction.NEW, "李娜", "第二党小组"),
    ]
    BranchServices(db).roster.apply_import(plan)
    wang = next(m for m in MemberService(db).list_members() if m.name == "王伟")
    assert (wang.id_number, wang.title, wang.phone) == (WANG.id_number, "讲师", WANG.phone)


def test_an_id_number_column_merged_over_both_header_rows_is_found(db, tmp_path):
    upper = ["序号", "基本信息", None, None, None, "身份证号", "工作信息", None, None, None,
             "党员信息", None, None, None]  # fmt: skip
    lower = [None, "姓名", "性别", "民族", "出生年月", None, "学历", "职称", "所在部门/教研室",
             "手机号码", "入党时间", "转正时间", "人员类别", "党小组"]  # fmt: skip
    merges = ["A3:A4", "B3:E3", "F3:F4", "G3:J3", "K3:N3"]
    rows = [draft_row(WANG, 1, group="第一党小组")]
    path = write_two_row_roster(tmp_path / "r.xlsx", upper, lower, merges, rows)

    plan = BranchServices(db).roster.plan_import(path, today=TODAY)

    assert plan.header_row == 4
    assert ("id_number", "身份证号") in plan.columns
    [row] = plan.rows
    assert (row.action, row.excel_row, row.draft.id_number) == (RowAction.NEW, 5, WANG.id_number)
