"""The rules against hand-built years: exactly the cells and items expected."""

from datetime import date

from dualleader_desktop.domain.compliance import (
    CellStatus,
    DueKind,
    MeetingFact,
    evaluation_items,
    grid,
    meeting_items,
    probation_end,
    probation_items,
    talk_items,
    term_items,
)
from dualleader_desktop.domain.meeting_rules import MEETING_RULES, Period
from dualleader_desktop.domain.meetings import MeetingKind as K

GROUPS = [(1, "第一党小组"), (2, "第二党小组")]
YEAR = 2025


def full_year(*, skip=()) -> list[MeetingFact]:
    """Every meeting the default rules ask for in 2025, but those in ``skip`` (kind, month,
    group)."""
    facts = []

    def add(kind, month, group=None, by_secretary=False):
        if (kind, month, group) not in skip:
            day = date(YEAR, month, 10 + len(facts) % 15)
            facts.append(MeetingFact(len(facts) + 1, kind, day, group, by_secretary))

    for month in range(1, 13):
        add(K.COMMITTEE, month)
        add(K.THEME_DAY, month)
        for group, _ in GROUPS:
            add(K.GROUP, month, group)
        if month % 3 == 2:
            add(K.BRANCH_ASSEMBLY, month)
            add(K.PARTY_LECTURE, month, by_secretary=month == 5)
    add(K.LIFE_MEETING, 12)
    return facts


def statuses(rows, label):
    row = next(r for r in rows if r.label == label)
    return [cell.status for cell in row.cells]


def test_a_complete_year_is_done_everywhere_at_its_end():
    rows = grid(MEETING_RULES, full_year(), GROUPS, YEAR, date(2026, 1, 5))
    assert len(rows) == len(MEETING_RULES) + 1  # 党小组会 once per group
    assert all(c.status == CellStatus.DONE for row in rows for c in row.cells)
    assert meeting_items(rows, date(2026, 1, 5)) == []


def test_a_missing_second_quarter_assembly_is_missing_and_overdue():
    facts = full_year(skip={(K.BRANCH_ASSEMBLY, 5, None)})
    rows = grid(MEETING_RULES, facts, GROUPS, YEAR, date(2025, 8, 1))
    D, M = CellStatus.DONE, CellStatus.MISSING
    assert statuses(rows, "支部党员大会") == [D, M, D, D]  # Q3's and Q4's were entered ahead
    [item] = [i for i in meeting_items(rows, date(2025, 8, 1)) if i.overdue]
    assert (item.due, item.kind, item.meeting_kind) == (
        date(2025, 6, 30),
        DueKind.MEETING,
        K.BRANCH_ASSEMBLY,
    )
    assert item.text == "第2季度支部党员大会还差 1 次（支部党员大会：每季度至少 1 次）"
    # with nothing yet entered for the rest of the year: open, then not due
    early = [f for f in facts if f.on <= date(2025, 8, 1)]
    rows = grid(MEETING_RULES, early, GROUPS, YEAR, date(2025, 8, 1))
    assert statuses(rows, "支部党员大会") == [D, M, CellStatus.OPEN, CellStatus.NOT_DUE]


def test_a_group_without_its_june_meeting_misses_june_alone():
    facts = full_year(skip={(K.GROUP, 6, 2)})
    rows = grid(MEETING_RULES, facts, GROUPS, YEAR, date(2025, 12, 31))
    second = statuses(rows, "党小组会（第二党小组）")
    assert [month for month, s in enumerate(second, 1) if s != CellStatus.DONE] == [6]
    assert second[5] == CellStatus.MISSING
    assert all(s == CellStatus.DONE for s in statuses(rows, "党小组会（第一党小组）"))
    texts = [i.text for i in meeting_items(rows, date(2025, 12, 31))]
    assert texts == ["6月党小组会（第二党小组）还差 1 次（党小组会：每个党小组每月至少 1 次）"]


def test_the_secretary_s_lecture_counts_only_when_the_secretary_gives_it():
    facts = [
        f if f.kind != K.PARTY_LECTURE else MeetingFact(f.id, f.kind, f.on) for f in full_year()
    ]
    rows = grid(MEETING_RULES, facts, GROUPS, YEAR, date(2026, 1, 5))
    assert statuses(rows, "党课（书记讲）") == [CellStatus.MISSING]
    assert all(s == CellStatus.DONE for s in statuses(rows, "党课"))  # every quarter had one


def test_a_branch_without_a_committee_is_not_asked_for_committee_meetings():
    rows = grid(MEETING_RULES, [], GROUPS, YEAR, date(2025, 3, 1), has_committee=False)
    assert "支部委员会会议" not in [row.label for row in rows]
    assert next(r for r in MEETING_RULES if r.kind == K.COMMITTEE).period == Period.MONTH


def test_an_open_period_is_listed_when_its_end_is_near():
    rows = grid(MEETING_RULES, [], GROUPS, YEAR, date(2025, 3, 10))
    due = [(i.due, i.text) for i in meeting_items(rows, date(2025, 3, 10)) if not i.overdue]
    assert (date(2025, 3, 31), "3月支部委员会会议还差 1 次（支部委员会会议：每月至少 1 次）") in due
    assert (
        date(2025, 3, 31),
        "第1季度支部党员大会还差 1 次（支部党员大会：每季度至少 1 次）",
    ) in due
    assert not any(d > date(2025, 4, 9) for d, _ in due)  # the horizon: 30 days


def test_a_probation_ending_in_twenty_days_is_due_and_one_ended_is_overdue():
    today = date(2025, 6, 10)
    admitted = date(2024, 7, 1)  # probation ends 2025-06-30, in 20 days
    assert probation_end(admitted) == date(2025, 6, 30)
    items = probation_items(
        [("丁红霞", admitted), ("王伟", date(2024, 5, 1)), ("李娜", date(2025, 1, 1))], today
    )
    assert [(i.due, i.overdue, i.text) for i in items] == [
        (
            date(2025, 6, 30),
            False,
            "丁红霞的预备期将于 2025-06-30 期满：应召开支部党员大会讨论转正",
        ),
        (date(2025, 4, 30), True, "王伟的预备期已于 2025-04-30 期满：应召开支部党员大会讨论转正"),
    ]


def test_talks_owed_are_due_at_the_year_s_end():
    items = talk_items([("马涛", 2), ("蔡敏", 0)], YEAR, date(2025, 11, 1))
    assert [(i.due, i.overdue, i.text) for i in items] == [
        (date(2025, 12, 31), False, "马涛还有 2 名党员本年度未谈心谈话")
    ]
    assert talk_items([("马涛", 2)], YEAR, date(2026, 1, 2))[0].overdue


def test_a_term_ending_within_ninety_days_asks_for_the_election():
    items = term_items(
        [("马涛、蔡敏", date(2025, 9, 1)), ("王伟", date(2026, 9, 1))], date(2025, 7, 1)
    )
    assert [(i.kind, i.text) for i in items] == [
        (DueKind.TERM, "马涛、蔡敏的支委任期将于 2025-09-01 届满：应按期换届")
    ]


def test_the_evaluation_is_listed_from_the_fourth_quarter_until_filed():
    assert evaluation_items(YEAR, "", date(2025, 6, 1)) == []
    [item] = evaluation_items(YEAR, "民主测评", date(2025, 11, 1))
    assert (item.due, item.overdue) == (date(2026, 1, 31), False)
    assert item.text == "2025年度民主评议党员下一步：民主测评（应于 2026-01-31 前完成）"
    assert evaluation_items(YEAR, "", date(2026, 2, 1))[0].overdue
    assert evaluation_items(YEAR, None, date(2026, 2, 1)) == []


def test_the_life_meeting_is_listed_from_the_fourth_quarter_when_it_is_usually_held():
    facts = [f for f in full_year() if f.kind != K.LIFE_MEETING]
    texts = lambda today: [  # noqa: E731
        i.text
        for i in meeting_items(grid(MEETING_RULES, facts, GROUPS, YEAR, today), today)
        if "组织生活会" in i.text
    ]
    assert texts(date(2025, 9, 30)) == []  # not yet: due by the year's end
    assert texts(date(2025, 10, 1)) == [
        "2025年组织生活会还差 1 次（组织生活会：每年至少 1 次），一般在第4季度召开"
    ]
