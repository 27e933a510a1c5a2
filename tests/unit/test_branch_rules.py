"""A branch keeps its own meeting-frequency rules (schema 0011), in its order, on both engines;
another branch of the database keeps the defaults, and the year is checked against each's."""

from dataclasses import replace
from datetime import date

import pytest

from dualleader_desktop.domain.meeting_rules import (
    LECTURES_TWICE_A_SEMESTER,
    MEETING_RULES,
    Period,
)
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.branch import BranchInfo, BranchService, list_branches
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from tests.conftest import TODAY


@pytest.fixture
def branches(db):
    BranchService(db).save_branch(BranchInfo("机电工程学院教工党支部"), today=TODAY)
    [first] = [entry.id for entry in list_branches(db)]
    second = BranchService(db, first).create_branch(
        BranchInfo("信息工程学院教工党支部"), today=TODAY
    )
    return BranchServices(db, first).compliance, BranchServices(db, second).compliance


def college_rules():
    """The defaults with 党课 twice a semester in place of once a quarter, listed first."""
    quarterly = next(
        r
        for r in MEETING_RULES
        if r.kind == MeetingKind.PARTY_LECTURE and r.period == Period.QUARTER
    )
    return [LECTURES_TWICE_A_SEMESTER, *(r for r in MEETING_RULES if r is not quarterly)]


def test_a_branch_s_own_rules_are_kept_in_order_and_the_other_keeps_the_defaults(branches):
    first, second = branches
    assert first.rules() == MEETING_RULES
    saved = first.save_rules(college_rules())
    assert saved == tuple(college_rules()) and first.rules() == saved
    assert second.rules() == MEETING_RULES
    labels = [row.label for row in first.overview(2025, date(2025, 3, 1)).rows]
    assert labels[0] == "党课" and labels.count("党课") == 1
    lecture = first.overview(2025, date(2025, 3, 1)).rows[0]
    assert [c.span.label for c in lecture.cells] == ["上半年", "下半年"]
    # saving the defaults keeps nothing of the branch's: it follows DOMAIN.md's again
    assert first.save_rules(list(MEETING_RULES)) == MEETING_RULES
    with first.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM meeting_rules").scalar() == 0


def test_the_same_rule_twice_or_no_rule_is_refused_and_nothing_changes(branches):
    first, _ = branches
    first.save_rules(college_rules())
    twice = [*college_rules(), replace(college_rules()[1], min_count=3)]
    with pytest.raises(ServiceError, match="规则重复：支部党员大会：每季度至少 3 次"):
        first.save_rules(twice)
    with pytest.raises(ServiceError, match="至少要保留一条规则"):
        first.save_rules([])
    assert first.rules() == tuple(college_rules())
