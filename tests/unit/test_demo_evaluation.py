"""The demo year's 民主评议党员 and satisfaction survey: complete, on the meetings that held
them, passing the rules with every warning explained; a year in progress shows only what has
happened by today."""

from datetime import date, timedelta

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.domain.evaluation import (
    STEPS,
    EvaluationDraft,
    FollowUp,
    Grade,
    Step,
    excellent_cap,
)
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.satisfaction import DEFAULT_ITEMS, overall, rates, survey_problems
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY


def working_days(first: date, last: date) -> int:
    return sum((first + timedelta(days=n)).weekday() < 5 for n in range((last - first).days + 1))


def test_the_demo_year_has_a_complete_evaluation_that_passes_the_rules(db):
    populate_demo(db, 2025, today=TODAY)
    services = BranchServices(db)
    evaluations = services.evaluations
    record = evaluations.find(2025)
    assert record is not None
    draft = record.draft
    verdict = evaluations.review(draft)
    assert verdict.problems == {} and verdict.open_warnings == []
    # steps: all seven, in order, in the year; the notice runs five working days
    days = [draft.step(step).on for step in STEPS]
    assert None not in days and days == sorted(days) and len(set(days)) == len(days)
    assert date(2025, 1, 1) <= days[0] and days[-1] <= date(2025, 12, 31)
    notice = draft.step(Step.NOTICE)
    assert notice.until > notice.on and working_days(notice.on, notice.until) == 5
    # each meeting step on its meeting, of the kind that holds it, on the meeting's day
    meetings = {m.id: m for m in services.meetings.list_meetings(year=2025)}
    expected = {
        Step.POLL: MeetingKind.LIFE_MEETING,
        Step.PROPOSE: MeetingKind.COMMITTEE,
        Step.DECIDE: MeetingKind.BRANCH_ASSEMBLY,
    }
    for step, kind in expected.items():
        meeting = meetings[draft.step(step).meeting_id]
        assert (meeting.kind, meeting.meeting_date) == (kind, draft.step(step).on)
        assert "民主评议党员" in meeting.theme
    poll = meetings[draft.step(Step.POLL).meeting_id]
    assert draft.ballots_cast == poll.present == evaluations.poll_meeting(poll.id)[1]
    # who was evaluated: the roll of the poll day, the member who left in July not on it
    roll = evaluations.with_roll(EvaluationDraft(2025), poll.meeting_date)
    assert [line.member_id for line in draft.lines] == [line.member_id for line in roll.lines]
    assert sum(line.probationary for line in draft.lines) >= 2
    # grades: 优秀 exactly at the cap, no 不合格, at most one 基本合格 with its reason and a
    # deadline after the decision; each grade the committee's and the ballots' (but the
    # explained one)
    finals = [line.final for line in draft.lines]
    assert finals.count(Grade.EXCELLENT) == excellent_cap(len(draft.lines)) > 0
    assert Grade.UNQUALIFIED not in finals and None not in finals
    assert finals.count(Grade.BASIC) <= 1
    for line in draft.lines:
        assert line.proposed == line.final
        assert draft.ballots_cast - 1 <= line.ballots.total <= draft.ballots_cast
        assert line.ballots.majority() == line.final or f"majority:{line.member_id}" in (
            verdict.explained
        )
        if line.final == Grade.BASIC:
            assert line.reason and line.follow_up == FollowUp.RECTIFY
            assert line.follow_up_date > draft.step(Step.DECIDE).on
        else:
            assert not line.reason and line.follow_up is None
    assert all(not line.probationary for line in draft.lines if line.final == Grade.EXCELLENT)
    # most members' 个人总结, each of its own words, 300–600 characters
    reviews = [line.self_review for line in draft.lines if line.self_review]
    assert len(reviews) >= 0.85 * len(draft.lines)
    assert all(300 <= len(text) <= 600 for text in reviews)
    assert len(set(reviews)) == len(reviews)
    assert f"到会 {draft.ballots_cast} 人" in draft.notes and "公示" in draft.notes
    # the survey of the secretary, by those at the 组织生活会
    survey = services.surveys.find(2025).draft
    [secretary] = [
        s
        for s in services.branch.list_committee(on=poll.meeting_date)
        if s.role == CommitteeRole.SECRETARY
    ]
    assert (survey.secretary_id, survey.secretary_name) == (
        secretary.member_id,
        secretary.member_name,
    )
    assert (survey.survey_date, survey.respondents) == (poll.meeting_date, poll.present)
    assert tuple(item.name for item in survey.items) == DEFAULT_ITEMS
    assert survey_problems(survey) == {}
    for found in [*(rates(item.counts()) for item in survey.items), overall(survey.items)]:
        assert 0 < found.weighted <= found.simple <= 1
    assert all(item.satisfied > item.fairly + item.dissatisfied for item in survey.items)


def test_the_same_year_gives_the_same_evaluation(tmp_path):
    drafts = []
    for n in (1, 2):
        db = Database.open_file(tmp_path / f"{n}.sqlite3")
        populate_demo(db, 2024, today=TODAY)
        drafts.append(BranchServices(db).evaluations.find(2024).draft)
        db.dispose()
    first, second = ([(line.name, line.ballots, line.final) for line in d.lines] for d in drafts)
    assert first == second and drafts[0].steps == drafts[1].steps


def demo_in_progress(tmp_path, today: date):
    db = Database.open_file(tmp_path / f"{today}.sqlite3")
    populate_demo(db, 2026, today=today)
    services = BranchServices(db)
    return db, services.evaluations.find(2026), services.surveys.find(2026)


def test_a_year_in_progress_shows_the_steps_held_by_today(tmp_path):
    today = date(2026, 12, 8)  # after the 支委会's proposal, before the 支部党员大会
    db, record, survey = demo_in_progress(tmp_path, today)
    try:
        draft = record.draft
        dated = [draft.step(step).on for step in STEPS if draft.step(step).on is not None]
        assert dated == sorted(dated) and max(dated) <= today
        assert draft.step(Step.PROPOSE).meeting_id is not None
        for step in (Step.DECIDE, Step.NOTICE, Step.FILE):
            assert draft.step(step).on is None and draft.step(step).meeting_id is None
        assert all(line.final is None for line in draft.lines)
        proposed = [line.proposed for line in draft.lines]
        assert proposed.count(Grade.EXCELLENT) == excellent_cap(len(draft.lines))
        verdict = BranchServices(db).evaluations.review(draft)
        assert verdict.problems == {} and verdict.warnings == []
        assert "待支部党员大会表决" in draft.notes
        assert survey.draft.survey_date == draft.step(Step.POLL).on <= today
    finally:
        db.dispose()


def test_no_evaluation_before_the_years_life_meeting(tmp_path):
    db, record, survey = demo_in_progress(tmp_path, date(2026, 9, 30))
    db.dispose()
    assert record is None and survey is None
