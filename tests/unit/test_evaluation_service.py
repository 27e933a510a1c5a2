"""The evaluation and survey services: who is evaluated, who cast ballots, saving and refusing."""

from dataclasses import replace
from datetime import date

import pytest

from dualleader_desktop.domain.enums import CommitteeRole, MemberCategory
from dualleader_desktop.domain.evaluation import Ballots, Grade, Step
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind
from dualleader_desktop.services.branch import BranchInfo, BranchService
from dualleader_desktop.services.errors import RecordValidationError, StaleRecordError
from dualleader_desktop.services.evaluations import EvaluationService
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.services.history_service import HistoryService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.surveys import SurveyService
from tests.conftest import TODAY, make_draft

POLL_DAY = date(2025, 12, 10)
NAMES = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊"]


@pytest.fixture
def branch(db):
    """Seven members (赵磊 a 预备党员 since 2025-03-01, 杨帆 joining only in 2026), a
    secretary, and the 组织生活会 of the 测评 with 刘洋 on leave."""
    members = MemberService(db)
    ids = {}
    for n, name in enumerate(NAMES):
        extra = {}
        if name == "赵磊":
            extra = dict(
                joined_date=date(2025, 3, 1),
                full_member_date=None,
                category=MemberCategory.PROBATIONARY,
            )
        if name == "杨帆":
            extra = dict(joined_date=date(2026, 1, 5), full_member_date=None)
            extra["category"] = MemberCategory.PROBATIONARY
        ids[name] = members.add(make_draft(name, sequence=10 + 2 * n, **extra), today=TODAY).id
    BranchService(db).save_seat(
        ids["王伟"], CommitteeRole.SECRETARY, date(2024, 1, 1), date(2027, 1, 1)
    )
    meetings = MeetingService(db)
    draft = meetings.new_draft(MeetingKind.LIFE_MEETING, POLL_DAY)
    draft.theme = "2025年度组织生活会暨民主评议党员"
    draft.host_name = "王伟"
    draft.recorder_name = "李娜"
    draft.attendance = [
        replace(line, status=AttendanceStatus.LEAVE, reason="出差") if line.name == "刘洋" else line
        for line in draft.attendance
    ]
    poll = meetings.save(draft).id
    return ids, poll


def started(db, branch):
    _, poll = branch
    service = EvaluationService(db)
    on, present = service.poll_meeting(poll)
    draft = service.with_roll(service.new_draft(2025, today=TODAY), on)
    draft.ballots_cast = present
    draft.step(Step.POLL).on, draft.step(Step.POLL).meeting_id = on, poll
    return service, draft


def test_the_roll_of_the_poll_day_is_evaluated_and_the_attendance_cast_the_ballots(db, branch):
    _, poll = branch
    service = EvaluationService(db)
    assert service.poll_meeting(poll) == (POLL_DAY, 5)  # six on the roll, 刘洋 on leave
    assert [label for _, label in service.meetings_for(2025, Step.POLL)] == [
        "2025-12-10 组织生活会：2025年度组织生活会暨民主评议党员"
    ]
    assert service.meetings_for(2025, Step.PROPOSE) == []  # no 支委会 yet
    _, draft = started(db, branch)
    assert sorted(line.name for line in draft.lines) == sorted(set(NAMES) - {"杨帆"})
    assert {line.name for line in draft.lines if line.probationary} == {"赵磊"}


def test_a_saved_evaluation_reads_back_whole(db, branch):
    ids, poll = branch
    service, draft = started(db, branch)
    for line in draft.lines:
        line.ballots = Ballots(1, 4, 0, 0) if line.name != "王伟" else Ballots(4, 1, 0, 0)
        line.proposed = line.final = Grade.EXCELLENT if line.name == "王伟" else Grade.QUALIFIED
    draft.line(ids["张敏"]).self_review = "一年来认真履行党员义务。"
    draft.step(Step.NOTICE).on, draft.step(Step.NOTICE).until = (
        date(2025, 12, 16),
        date(2025, 12, 20),
    )
    saved = service.save(draft)
    again = service.find(2025)
    assert again == saved and again.version == 1
    assert again.draft.ballots_cast == 5
    assert again.draft.step(Step.POLL).meeting_id == poll
    assert again.draft.step(Step.POLL).meeting_label.startswith("2025-12-10 组织生活会")
    assert again.draft.step(Step.NOTICE).until == date(2025, 12, 20)
    wang = again.draft.line(ids["王伟"])
    assert (wang.ballots, wang.final) == (Ballots(4, 1, 0, 0), Grade.EXCELLENT)
    assert again.draft.line(ids["张敏"]).self_review == "一年来认真履行党员义务。"
    assert service.years() == [2025]
    [entry] = HistoryService(db).history(EntityKind.EVALUATION, saved.id)
    assert "投票人数：5" in entry.changes
    assert any(c.startswith("测评结果：") and "合格（1/4/0/0）" in c for c in entry.changes)


def test_ballots_over_the_cast_are_refused_and_nothing_is_saved(db, branch):
    service, draft = started(db, branch)
    draft.lines[0].ballots = Ballots(3, 3, 0, 0)  # 6 of 5
    with pytest.raises(RecordValidationError) as refused:
        service.save(draft)
    assert "多于投票人数 5 人" in refused.value.errors[f"line:{draft.lines[0].member_id}"]
    assert service.find(2025) is None


def test_papers_typed_one_by_one_become_the_counts(db, branch):
    ids, _ = branch
    service, draft = started(db, branch)
    draft.papers = [{ids["王伟"]: Grade.EXCELLENT, ids["李娜"]: Grade.QUALIFIED}] * 3 + [
        {ids["王伟"]: Grade.QUALIFIED}
    ]
    saved = service.save(draft).draft
    assert saved.line(ids["王伟"]).ballots == Ballots(3, 1, 0, 0)
    assert saved.line(ids["李娜"]).ballots == Ballots(0, 3, 0, 0)
    assert saved.line(ids["张敏"]).ballots == Ballots()
    assert len(saved.papers) == 4 and saved.papers[3] == {ids["王伟"]: Grade.QUALIFIED}


def test_a_year_has_one_evaluation_and_a_stale_copy_is_refused(db, branch):
    service, draft = started(db, branch)
    first = service.save(draft)
    _, second = started(db, branch)
    with pytest.raises(RecordValidationError) as refused:
        service.save(second)
    assert "2025 年的民主评议已经有记录" in refused.value.errors["year"]
    service.save(first.draft, evaluation_id=first.id, expected_version=first.version)
    with pytest.raises(StaleRecordError):
        service.save(first.draft, evaluation_id=first.id, expected_version=first.version)


def test_explanations_of_warnings_are_kept(db, branch):
    ids, _ = branch
    service, draft = started(db, branch)
    line = draft.line(ids["李娜"])
    line.ballots, line.final = Ballots(1, 4, 0, 0), Grade.EXCELLENT
    assert [w.key for w in service.review(draft).open_warnings] == [f"majority:{ids['李娜']}"]
    draft.overrides = {f"majority:{ids['李娜']}": "全年获校级优秀教师，支部大会表决通过"}
    saved = service.save(draft)
    verdict = service.review(service.get(saved.id).draft)
    assert verdict.open_warnings == []
    assert verdict.explained == {f"majority:{ids['李娜']}": "全年获校级优秀教师，支部大会表决通过"}


def test_deleting_the_poll_meeting_unlinks_the_step(db, branch):
    _, poll = branch
    service, draft = started(db, branch)
    saved = service.save(draft)
    MeetingService(db).delete(poll)
    step = service.get(saved.id).draft.step(Step.POLL)
    assert (step.on, step.meeting_id, step.meeting_label) == (POLL_DAY, None, "")


def test_another_branch_sees_no_evaluation(db, branch):
    service, draft = started(db, branch)
    service.save(draft)
    other = BranchService(db).create_branch(BranchInfo("第二党支部"), today=TODAY)
    assert EvaluationService(db, other).find(2025) is None
    assert EvaluationService(db, other).years() == []


def test_the_survey_names_the_secretary_and_keeps_last_years_items(db, branch):
    service = SurveyService(db)
    draft = service.new_draft(2025, today=TODAY)
    assert draft.secretary_name == "王伟"
    assert [item.name for item in draft.items][:2] == ["政治引领", "支部建设"]
    draft.items = draft.items[:2]
    draft.items[1].name = "支部建设成效"
    draft.respondents = 5
    draft.items[0].satisfied, draft.items[0].fairly = 4, 1
    draft.survey_date = POLL_DAY
    saved = service.save(draft)
    assert service.find(2025) == saved
    assert saved.draft.items[0].counts() == (4, 1, 0)
    following = service.new_draft(2026, today=TODAY)
    assert [item.name for item in following.items] == ["政治引领", "支部建设成效"]
    assert following.items[0].counts() == (0, 0, 0)
    draft.items[1].dissatisfied = 6
    with pytest.raises(RecordValidationError) as refused:
        service.save(draft, survey_id=saved.id, expected_version=saved.version)
    assert "多于参与测评人数 5 人" in refused.value.errors["item:1"]
    assert service.find(2025).draft.items[1].dissatisfied == 0


def test_ballots_cast_other_than_the_poll_meetings_attendance_warn(db, branch):
    service, draft = started(db, branch)
    assert service.review(draft).warnings == []
    draft.ballots_cast = 6
    [warning] = service.review(draft).open_warnings
    assert warning.key == "cast"
    assert "投票人数 6 人，与民主测评会议记录的实到人数 5 人不一致" in warning.message
    draft.overrides["cast"] = "一名请假党员会前交来书面测评票"
    assert service.review(draft).open_warnings == []
    assert service.review(draft).explained == {"cast": "一名请假党员会前交来书面测评票"}


def test_a_year_evaluated_in_the_next_january_finds_that_meeting(db, branch):
    meetings = MeetingService(db)
    draft = meetings.new_draft(MeetingKind.LIFE_MEETING, date(2026, 1, 8))
    draft.theme, draft.host_name, draft.recorder_name = "2025年度组织生活会", "王伟", "李娜"
    january = meetings.save(draft).id
    april = meetings.new_draft(MeetingKind.LIFE_MEETING, date(2026, 4, 8))
    april.theme, april.host_name, april.recorder_name = "专题组织生活会", "王伟", "李娜"
    meetings.save(april)
    service = EvaluationService(db)
    listed = [meeting_id for meeting_id, _ in service.meetings_for(2025, Step.POLL)]
    assert listed[0] == january and len(listed) == 2  # January's, then December's
