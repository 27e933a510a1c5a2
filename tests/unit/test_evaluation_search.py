"""The search finds the yearly 民主评议党员 by its members' reasons, 个人总结 and its notes, and
the 满意度测评 by its notes: one hit a year, titled, dated, the matching member named and the
match shown; ranked among the other records; each branch only its own."""

from datetime import date

import pytest

from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.domain.evaluation import Ballots, FollowUp, Grade, Step
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.branch import BranchInfo, BranchService, list_branches
from dualleader_desktop.services.evaluations import EvaluationService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.search import Match, SearchService
from dualleader_desktop.services.surveys import SurveyService
from dualleader_desktop.storage.search_index import SearchKind
from tests.conftest import TODAY, make_draft

NAMES = ("王伟", "李娜", "张敏", "刘洋")
POLL_DAY = date(2025, 12, 2)
NOTICE = (date(2025, 12, 11), date(2025, 12, 17))
REASON = "全年多次无故缺席组织生活，发挥先锋模范作用不够"
NOTES = "评议结果公示期间未收到异议。"


class Branch:
    """One branch's members, its 2025 evaluation and survey, written through its services."""

    def __init__(self, db, branch_id: int | None, sequence: int, label: str) -> None:
        self.search = SearchService(db, branch_id)
        members = MemberService(db, branch_id)
        self.ids = {
            name: members.add(make_draft(name, sequence=sequence + 2 * n), today=TODAY).id
            for n, name in enumerate(NAMES)
        }
        BranchService(db, branch_id).save_seat(
            self.ids["王伟"], CommitteeRole.SECRETARY, date(2024, 1, 1), date(2027, 1, 1)
        )
        self.evaluations = EvaluationService(db, branch_id)
        draft = self.evaluations.with_roll(self.evaluations.new_draft(2025, today=TODAY), POLL_DAY)
        draft.ballots_cast = 4
        draft.step(Step.POLL).on = POLL_DAY
        draft.step(Step.NOTICE).on, draft.step(Step.NOTICE).until = NOTICE
        for line in draft.lines:
            line.ballots = Ballots(0, 4, 0, 0)
            line.proposed = line.final = Grade.QUALIFIED
        selves = {
            "李娜": "坚持把课程思政融入专业教学。",
            "张敏": f"指导学生参加职业技能大赛获省级奖项，推进课程思政建设。{label}专属",
        }
        for name, text in selves.items():
            draft.line(self.ids[name]).self_review = text
        liu = draft.line(self.ids["刘洋"])
        liu.ballots, liu.proposed, liu.final = Ballots(0, 1, 3, 0), Grade.BASIC, Grade.BASIC
        liu.reason, liu.follow_up = REASON, FollowUp.RECTIFY
        liu.follow_up_date = date(2026, 3, 31)
        draft.notes = NOTES
        self.evaluation = self.evaluations.save(draft).id
        surveys = SurveyService(db, branch_id)
        survey = surveys.new_draft(2025, today=TODAY)
        survey.survey_date, survey.respondents = POLL_DAY, 4
        for item in survey.items:
            item.satisfied, item.fairly = 3, 1
        survey.notes = "党员建议增加校企合作实践活动。"
        self.survey = surveys.save(survey).id

    def hits(self, query: str):
        return self.search.search(query)


@pytest.fixture
def branch(db):
    return Branch(db, None, 11, "机电")


def plain(snippet: str) -> str:
    return snippet.replace("<b>", "").replace("</b>", "")


@pytest.mark.parametrize(
    ("query", "subtitle", "shown"),
    [
        ("无故缺席", "刘洋（基本合格）", "<b>无故缺席</b>组织生活"),  # a reason
        ("缺", "刘洋（基本合格）", "<b>缺</b>席"),  # one character: found as well
        ("技能大赛", "张敏（合格）", "职业<b>技能大赛</b>获省级奖项"),  # a 个人总结
        ("公示期间", "评议情况说明", "评议结果<b>公示期间</b>未收到异议"),  # the notes
    ],
)
def test_a_reason_a_self_review_and_the_notes_are_found(branch, query, subtitle, shown):
    [hit] = [h for h in branch.hits(query) if h.kind == SearchKind.EVALUATION]
    assert (hit.record_id, hit.title, hit.subtitle) == (
        branch.evaluation,
        "2025年民主评议党员",
        subtitle,
    )
    assert hit.on == NOTICE[0]  # its latest step
    assert hit.match == Match.IN_TEXT and shown in hit.snippet_html


def test_a_word_in_several_members_lines_is_one_hit_naming_how_many(branch):
    [hit] = branch.hits("课程思政")
    assert hit.kind == SearchKind.EVALUATION
    assert hit.subtitle.endswith("等 2 人") and hit.subtitle.split("（")[0] in ("李娜", "张敏")
    assert "<b>课程思政</b>" in hit.snippet_html


def test_terms_in_different_lines_find_the_evaluation_whole(branch):
    [hit] = branch.hits("无故缺席 技能大赛")
    assert (hit.kind, hit.subtitle) == (SearchKind.EVALUATION, "")
    assert "<b>" in hit.snippet_html


def test_the_survey_is_found_by_its_notes_and_its_secretary(branch):
    [hit] = branch.hits("校企合作")
    assert (hit.kind, hit.record_id) == (SearchKind.SURVEY, branch.survey)
    assert (hit.title, hit.subtitle, hit.on) == ("2025年双带头人满意度测评", "王伟", POLL_DAY)
    assert "<b>校企合作</b>" in hit.snippet_html
    kinds = [h.kind for h in branch.hits("王伟")]
    assert kinds[0] == SearchKind.MEMBER  # the member by name first, the records after
    assert {SearchKind.EVALUATION, SearchKind.SURVEY} <= set(kinds[1:])


def test_titles_rank_with_the_meetings_newest_first_before_text_hits(db, branch):
    meetings = MeetingService(db)
    life = meetings.new_draft(MeetingKind.LIFE_MEETING, POLL_DAY)
    life.theme, life.minutes = "2025年度组织生活会暨民主评议党员", "开展批评与自我批评。"
    theme_day = meetings.new_draft(MeetingKind.THEME_DAY, date(2025, 12, 15))
    theme_day.theme, theme_day.minutes = "12月主题党日", "通报民主评议党员结果。"
    life_id, theme_day_id = meetings.save(life).id, meetings.save(theme_day).id
    hits = branch.hits("民主评议")
    assert [(h.kind, h.record_id, h.match) for h in hits] == [
        (SearchKind.EVALUATION, branch.evaluation, Match.IN_TITLE),  # its notice: 12-11
        (SearchKind.MEETING, life_id, Match.IN_TITLE),  # 12-02
        (SearchKind.MEETING, theme_day_id, Match.IN_TEXT),
    ]
    assert plain(hits[0].snippet_html).startswith("2025年民主评议党员")
    surveyed = branch.hits("满意度测评")
    assert [(h.kind, h.match) for h in surveyed] == [(SearchKind.SURVEY, Match.IN_TITLE)]


def test_a_deleted_evaluation_is_no_longer_found(branch):
    branch.evaluations.delete(branch.evaluation)
    assert not [h for h in branch.hits("无故缺席") if h.kind == SearchKind.EVALUATION]


def test_another_branchs_evaluation_and_survey_are_not_found(db):
    BranchService(db).save_branch(BranchInfo("机电工程学院教工党支部"), today=TODAY)
    [first_entry] = list_branches(db)
    second_id = BranchService(db, first_entry.id).create_branch(
        BranchInfo("信息工程学院教工党支部"), today=TODAY
    )
    first = Branch(db, first_entry.id, 11, "机电")
    second = Branch(db, second_id, 31, "信息")
    for mine, other in ((first, second), (second, first)):
        theirs = {(SearchKind.EVALUATION, other.evaluation), (SearchKind.SURVEY, other.survey)}
        for query in ("无故缺席", "技能大赛", "公示期间", "校企合作", "民主评议", "缺"):
            found = {(h.kind, h.record_id) for h in mine.hits(query)}
            assert found and not found & theirs, query
        own, their_label = ("机电", "信息") if mine is first else ("信息", "机电")
        assert {h.record_id for h in mine.hits(f"{own}专属")} == {mine.evaluation}
        assert mine.hits(f"{their_label}专属") == []
