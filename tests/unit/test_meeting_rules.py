"""How often each kind of meeting must be held: domain/meeting_rules.py holds DOMAIN.md's
numbers, and the demo year is built from them (issue 8)."""

from __future__ import annotations

from collections import Counter
from dataclasses import FrozenInstanceError, replace
from datetime import date
from itertools import pairwise

import pytest
from sqlalchemy import text

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.demo.records import meeting_plan
from dualleader_desktop.domain import meeting_rules
from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.domain.meeting_rules import (
    LECTURES_TWICE_A_SEMESTER,
    MEETING_RULES,
    FrequencyRule,
    Period,
    PeriodSpan,
    RuleScope,
    periods_in_year,
)
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.branch import BranchService, GroupRecord
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY

K, P, S = MeetingKind, Period, RuleScope
# DOMAIN.md, "Meetings (三会一课 and the rest)": (kind, period, at least, whose)
DOMAIN_MD = {
    (K.BRANCH_ASSEMBLY, P.QUARTER, 1, S.BRANCH),  # at least once a quarter
    (K.COMMITTEE, P.MONTH, 1, S.COMMITTEE),  # at least once a month
    (K.GROUP, P.MONTH, 1, S.EACH_GROUP),  # at least once a month, per group
    (K.PARTY_LECTURE, P.YEAR, 1, S.SECRETARY),  # the 条例: the secretary, one a year
    (K.PARTY_LECTURE, P.QUARTER, 1, S.BRANCH),  # local rules: once a quarter (default)
    (K.THEME_DAY, P.MONTH, 1, S.BRANCH),  # once a month
    (K.LIFE_MEETING, P.YEAR, 1, S.BRANCH),  # at least once a year, usually in Q4
}
GROUPS = [GroupRecord(n, f"第{n}党小组", None, "", 5) for n in (1, 2, 3)]


def test_the_rules_are_domain_md_numbers():
    rules = [(r.kind, r.period, r.min_count, r.scope) for r in MEETING_RULES]
    assert set(rules) == DOMAIN_MD and len(rules) == len(DOMAIN_MD)
    assert {r.kind for r in MEETING_RULES} == set(MeetingKind)
    [life] = [r for r in MEETING_RULES if r.kind == K.LIFE_MEETING]
    assert life.usual_quarter == 4 and "民主评议" in life.note
    assert all(r.usual_quarter is None for r in MEETING_RULES if r is not life)
    # the other local rule DOMAIN.md names: 2 a semester
    twice = LECTURES_TWICE_A_SEMESTER
    assert (twice.kind, twice.period, twice.min_count) == (K.PARTY_LECTURE, P.SEMESTER, 2)


def test_each_rule_reads_as_one_chinese_line():
    lines = [rule.text for rule in MEETING_RULES]
    assert lines == [
        "支部党员大会：每季度至少 1 次",
        "支部委员会会议：每月至少 1 次",
        "党小组会：每个党小组每月至少 1 次",
        "党课：支部书记每年至少 1 次",
        "党课：每季度至少 1 次",
        "主题党日：每月至少 1 次",
        "组织生活会：每年至少 1 次",
    ]
    assert LECTURES_TWICE_A_SEMESTER.text == "党课：每半年至少 2 次"


def test_a_rule_refuses_numbers_that_mean_nothing():
    with pytest.raises(ValueError, match="min_count"):
        FrequencyRule(K.THEME_DAY, P.MONTH, 0)
    with pytest.raises(ValueError, match="usual_quarter"):
        FrequencyRule(K.LIFE_MEETING, P.YEAR, 1, usual_quarter=5)
    with pytest.raises(ValueError, match="usual_quarter"):
        FrequencyRule(K.COMMITTEE, P.MONTH, 1, usual_quarter=4)
    with pytest.raises(FrozenInstanceError):
        MEETING_RULES[0].min_count = 2  # type: ignore[misc]


def test_periods_in_year_cover_the_year_without_gaps():
    assert periods_in_year(P.QUARTER, 2025) == [
        (date(2025, 1, 1), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 9, 30)),
        (date(2025, 10, 1), date(2025, 12, 31)),
    ]
    assert periods_in_year(P.SEMESTER, 2025) == [
        (date(2025, 1, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 12, 31)),
    ]
    assert periods_in_year(P.YEAR, 2025) == [(date(2025, 1, 1), date(2025, 12, 31))]
    months = periods_in_year(P.MONTH, 2024)
    assert months[1] == (date(2024, 2, 1), date(2024, 2, 29))  # a leap year
    for period in Period:
        spans = periods_in_year(period, 2024)
        assert len(spans) == 12 // period.months
        assert spans[0].start == date(2024, 1, 1) and spans[-1].end == date(2024, 12, 31)
        for before, after in pairwise(spans):
            assert (after.start - before.end).days == 1
    labels = [span.label for p in Period for span in periods_in_year(p, 2025)]
    assert labels == [
        *(f"{n}月" for n in range(1, 13)),
        *(f"第{n}季度" for n in range(1, 5)),
        "上半年",
        "下半年",
        "2025年",
    ]
    assert PeriodSpan(date(2025, 4, 1), date(2025, 6, 30)).holds(date(2025, 6, 30))
    assert not PeriodSpan(date(2025, 4, 1), date(2025, 6, 30)).holds(date(2025, 7, 1))


def meeting_rows(db) -> list:
    """(kind, date, group id, speaker, theme) of every meeting in ``db``."""
    with db.engine.connect() as conn:
        return conn.execute(
            text("SELECT kind, meeting_date, party_group_id, speaker, theme FROM meetings")
        ).all()


@pytest.fixture(scope="module")
def demo_2025(tmp_path_factory):
    """The demo year 2025 as the database holds it: (kind, date, group id, speaker) per
    meeting, the group ids and the secretary's name."""
    db = Database.open_file(tmp_path_factory.mktemp("rules") / "demo.sqlite3")
    try:
        populate_demo(db, 2025, today=TODAY)
        rows = meeting_rows(db)
        with db.engine.connect() as conn:
            groups = conn.execute(text("SELECT id FROM party_groups")).scalars().all()
        seats = BranchService(db).list_committee(on=date(2025, 12, 31))
    finally:
        db.dispose()
    [secretary] = [s.member_name for s in seats if s.role == CommitteeRole.SECRETARY]
    meetings = [
        (MeetingKind(kind), on if isinstance(on, date) else date.fromisoformat(on), group, who)
        for kind, on, group, who, _theme in rows
    ]
    return meetings, groups, secretary, sorted(rows)


def held(meetings, rule: FrequencyRule, span: PeriodSpan, group, secretary) -> int:
    """How many meetings count for ``rule`` in ``span`` (for ``group`` when it is per group)."""
    return sum(
        kind == rule.kind
        and span.holds(on)
        and (rule.scope != S.EACH_GROUP or group_id == group)
        and (rule.scope != S.SECRETARY or speaker == secretary)
        for kind, on, group_id, speaker in meetings
    )


def test_the_demo_year_holds_what_every_rule_asks_in_every_period(demo_2025):
    meetings, groups, secretary, _ = demo_2025
    assert len(groups) == 3
    for rule in MEETING_RULES:
        for span in periods_in_year(rule.period, 2025):
            for group in groups if rule.scope == S.EACH_GROUP else [None]:
                count = held(meetings, rule, span, group, secretary)
                assert count >= rule.min_count, (rule.text, span.label, group, count)
    [life] = [on for kind, on, *_ in meetings if kind == K.LIFE_MEETING]
    assert life.month >= 10  # usually in Q4


def test_the_demo_holds_no_more_than_the_rules_ask(demo_2025):
    meetings, groups, _, rows = demo_2025
    kinds = Counter(kind for kind, *_ in meetings)
    admission = sum("接收" in theme for *_, theme in rows)
    assert admission == 1
    assert kinds == {
        K.BRANCH_ASSEMBLY: 4 + admission,
        K.COMMITTEE: 12,
        K.GROUP: 12 * len(groups),
        K.PARTY_LECTURE: 4,  # the quarterly ones make the secretary's one a year
        K.THEME_DAY: 12,
        K.LIFE_MEETING: 1,
    }


def test_the_same_year_gives_the_same_meetings(demo_2025, tmp_path):
    db = Database.open_file(tmp_path / "again.sqlite3")
    try:
        populate_demo(db, 2025, today=TODAY)
        rows = meeting_rows(db)
    finally:
        db.dispose()
    assert sorted(rows) == demo_2025[3]


def test_a_changed_rule_changes_the_demo(tmp_path, monkeypatch):
    """The demo reads MEETING_RULES when it runs: a monthly 支部党员大会 gives twelve."""
    rules = tuple(
        replace(rule, period=P.MONTH) if rule.kind == K.BRANCH_ASSEMBLY else rule
        for rule in MEETING_RULES
    )
    monkeypatch.setattr(meeting_rules, "MEETING_RULES", rules)
    db = Database.open_file(tmp_path / "monthly.sqlite3")
    try:
        populate_demo(db, 2025, today=TODAY)
        with db.engine.connect() as conn:
            themes = conn.execute(
                text("SELECT theme FROM meetings WHERE kind = :kind ORDER BY meeting_date"),
                {"kind": K.BRANCH_ASSEMBLY.value},
            ).scalars()
            regular = [theme for theme in themes if "接收" not in theme]
    finally:
        db.dispose()
    # December's, the first after the 组织生活会 (12-02) and its 支委会, decides the 民主评议
    assert regular == [
        *(f"{n}月支部党员大会" for n in range(1, 12)),
        "12月支部党员大会暨民主评议党员等次表决",
    ]


def test_the_plan_spreads_more_meetings_over_their_period():
    rules = [FrequencyRule(K.PARTY_LECTURE, P.SEMESTER, 3), FrequencyRule(K.COMMITTEE, P.MONTH, 2)]
    plan = meeting_plan(rules, 2025, GROUPS, date(2025, 12, 31))
    lectures = [slot.on for slot in plan if slot.kind == K.PARTY_LECTURE]
    assert lectures == [date(2025, month, 25) for month in (2, 4, 6, 8, 10, 12)]
    committee = [slot.on for slot in plan if slot.kind == K.COMMITTEE]
    assert len(committee) == len(set(committee)) == 24
    assert all(sum(on.month == m for on in committee) == 2 for m in range(1, 13))
    assert plan == sorted(plan, key=lambda slot: slot.on)


def test_the_plan_of_a_year_in_progress():
    groups_each_month = meeting_plan(MEETING_RULES, 2026, GROUPS, date(2026, 4, 1))
    assert max(slot.on for slot in groups_each_month) <= date(2026, 4, 1)
    assert sum(slot.kind == K.GROUP for slot in groups_each_month) == 3 * 3  # Jan-Mar
    assert not any(slot.kind == K.LIFE_MEETING for slot in groups_each_month)
    # once the fourth quarter has begun, the year's 组织生活会 is held by today
    [life] = [s for s in meeting_plan(MEETING_RULES, 2026, [], TODAY) if s.kind == K.LIFE_MEETING]
    assert life.on == TODAY
    september = meeting_plan(MEETING_RULES, 2026, [], date(2026, 9, 30))
    assert not any(slot.kind == K.LIFE_MEETING for slot in september)
    # with the 条例's rule alone, the secretary's 党课 of a year comes at its end
    alone = [r for r in MEETING_RULES if r.scope == S.SECRETARY]
    assert [s.on for s in meeting_plan(alone, 2025, [], TODAY)] == [date(2025, 12, 25)]
    assert meeting_plan(alone, 2026, [], TODAY) == []
