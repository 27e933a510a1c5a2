"""The rules of 民主评议党员 (domain/evaluation.py) and the survey's rates, at their limits."""

from datetime import date
from fractions import Fraction

import pytest

from dualleader_desktop.domain.evaluation import (
    Ballots,
    EvaluationDraft,
    EvaluationLine,
    Grade,
    Step,
    count_papers,
    excellent_cap,
    review,
    tally,
)
from dualleader_desktop.domain.satisfaction import (
    Answer,
    SurveyDraft,
    SurveyItem,
    overall,
    percent,
    rates,
    survey_problems,
)
from dualleader_desktop.domain.satisfaction import count_papers as count_sheets


def branch_of(size: int, cast: int | None = None, excellent: int = 0) -> EvaluationDraft:
    """A draft of ``size`` members, the first ``excellent`` of them graded 优秀 by a clear
    majority, the rest 合格."""
    cast = size if cast is None else cast
    lines = []
    for n in range(size):
        grade = Grade.EXCELLENT if n < excellent else Grade.QUALIFIED
        ballots = Ballots(cast, 0, 0, 0) if grade == Grade.EXCELLENT else Ballots(0, cast, 0, 0)
        lines.append(EvaluationLine(n + 1, f"党员{n + 1}", ballots=ballots, final=grade))
    return EvaluationDraft(2025, ballots_cast=cast, lines=lines)


@pytest.mark.parametrize(("size", "cap"), [(3, 1), (7, 2), (35, 11), (36, 12), (2, 0)])
def test_the_cap_is_a_third_rounded_down(size, cap):
    assert excellent_cap(size) == cap
    assert tally(branch_of(size)).cap == cap


@pytest.mark.parametrize("size", [3, 7, 35])
def test_exactly_at_the_cap_is_no_warning_and_one_over_is(size):
    cap = excellent_cap(size)
    at_cap = review(branch_of(size, excellent=cap))
    assert at_cap.problems == {} and at_cap.warnings == []
    over = review(branch_of(size, excellent=cap + 1))
    assert over.problems == {}
    [warning] = over.warnings
    assert warning.key == "cap"
    assert f"评为优秀 {cap + 1} 人" in warning.message
    assert f"最多 {cap} 人" in warning.message


def test_a_configured_share_changes_the_cap():
    draft = branch_of(10, excellent=3)
    assert [w.key for w in review(draft).warnings] == []  # 10 × 1/3 → 3
    draft.excellent_share = Fraction(1, 5)
    [warning] = review(draft).warnings
    assert "1/5" in warning.message and "最多 2 人" in warning.message


def test_ballots_over_the_ballots_cast_are_refused_and_equal_is_not():
    draft = branch_of(7, cast=6)
    draft.lines[2].ballots = Ballots(3, 3, 0, 0)  # 6 of 6
    assert review(draft).problems == {}
    draft.lines[2].ballots = Ballots(3, 3, 1, 0)  # 7 of 6
    problems = review(draft).problems
    assert list(problems) == ["line:3"]
    assert "党员3的票数合计 7 张，多于投票人数 6 人" in problems["line:3"]


@pytest.mark.parametrize("grade", [Grade.BASIC, Grade.UNQUALIFIED])
def test_a_low_grade_without_its_reason_is_refused(grade):
    draft = branch_of(3)
    draft.lines[1].final = grade
    draft.lines[1].ballots = Ballots(0, 0, 3, 0) if grade == Grade.BASIC else Ballots(0, 0, 0, 3)
    assert f"评为“{grade.label}”，请填写理由" in review(draft).problems["line:2"]
    draft.lines[1].reason = "全年无故缺席组织生活三次"
    assert review(draft).problems == {}


def test_a_grade_against_the_majority_and_the_proposal_warns_until_explained():
    draft = branch_of(3)
    line = draft.lines[0]
    line.ballots = Ballots(1, 2, 0, 0)  # majority 合格
    line.proposed = Grade.QUALIFIED
    line.final = Grade.EXCELLENT
    verdict = review(draft)
    assert verdict.problems == {}
    assert {w.key for w in verdict.warnings} == {"majority:1", "proposal:1"}
    assert "测评票数最多的是“合格”" in next(w.message for w in verdict.warnings if w.member_id)
    draft.overrides = {"majority:1": "支部党员大会表决同意", "proposal:1": "  "}
    verdict = review(draft)
    assert verdict.explained == {"majority:1": "支部党员大会表决同意"}
    assert [w.key for w in verdict.open_warnings] == ["proposal:1"]


def test_a_tie_has_no_majority_to_differ_from():
    assert Ballots(2, 2, 0, 0).majority() is None
    assert Ballots(0, 0, 0, 0).majority() is None
    assert Ballots(1, 3, 0, 0).majority() == Grade.QUALIFIED
    draft = branch_of(3)
    draft.lines[0].ballots = Ballots(2, 2, 0, 0)
    draft.lines[0].final = Grade.EXCELLENT
    assert review(draft).warnings == []


def test_dates_out_of_order_warn_and_a_notice_ending_before_it_starts_is_refused():
    draft = branch_of(3)
    draft.step(Step.POLL).on = date(2025, 12, 10)
    draft.step(Step.DECIDE).on = date(2025, 12, 8)  # decided before the 测评
    draft.step(Step.NOTICE).on = date(2025, 12, 5)  # noticed before the decision
    draft.step(Step.NOTICE).until = date(2025, 12, 12)
    verdict = review(draft)
    assert [w.key for w in verdict.warnings] == ["order:decide", "order:notice"]
    assert (
        "“支部党员大会决定”（2025-12-08）早于“民主测评”（2025-12-10）"
        in verdict.warnings[0].message
    )
    draft.step(Step.DECIDE).on = date(2025, 12, 15)
    assert [w.key for w in review(draft).warnings] == ["order:notice"]
    draft.step(Step.NOTICE).on = date(2025, 12, 16)
    draft.step(Step.NOTICE).until = date(2025, 12, 15)
    verdict = review(draft)
    assert verdict.warnings == [] and "公示结束日期早于开始日期" in verdict.problems["notice"]


def test_ballots_entered_one_by_one_equal_the_counts():
    grades = list(Grade)
    papers = [{1: grades[n % 4], 2: grades[(n * 3) % 4], 3: Grade.QUALIFIED} for n in range(11)] + [
        {1: Grade.EXCELLENT}
    ]  # one paper left the others blank
    counted = count_papers(papers, [1, 2, 3])
    assert counted[1].counts() == (4, 3, 3, 2)
    assert counted[2].counts() == (3, 2, 3, 3)
    assert counted[3] == Ballots(0, 11, 0, 0)
    assert sum(b.total for b in counted.values()) == sum(len(p) for p in papers)


def test_tally_shares_and_distribution():
    draft = branch_of(4, cast=8, excellent=1)
    draft.lines[1].ballots = Ballots(2, 5, 1, 0)
    draft.lines[3].final = None
    draft.lines[3].proposed = Grade.BASIC
    result = tally(draft)
    line = result.lines[1]
    assert line.counts == (2, 5, 1, 0)
    assert line.shares == (0.25, 0.625, 0.125, 0.0)
    assert line.good_share == 0.875
    assert line.majority == Grade.QUALIFIED
    assert result.distribution == {
        Grade.EXCELLENT: 1,
        Grade.QUALIFIED: 2,
        Grade.BASIC: 1,  # proposed only: counted until a final grade replaces it
        Grade.UNQUALIFIED: 0,
    }


def test_no_ballots_cast_gives_zero_shares_not_a_division_error():
    draft = branch_of(3, cast=0)
    assert [line.good_share for line in tally(draft).lines] == [0.0, 0.0, 0.0]


def test_satisfaction_rates_simple_and_weighted():
    assert rates((8, 2, 0)) == pytest.approx(rates((8, 2, 0)))
    simple_weighted = rates((6, 3, 1))
    assert simple_weighted.simple == pytest.approx(0.9)
    assert simple_weighted.weighted == pytest.approx(0.75)
    assert rates((0, 0, 0)).simple is None and percent(None) == "—"
    items = [SurveyItem("政治引领", 6, 3, 1), SurveyItem("总体评价", 10, 0, 0)]
    both = overall(items)
    assert both.simple == pytest.approx(19 / 20)
    assert both.weighted == pytest.approx(17.5 / 20)
    assert percent(both.weighted) == "87.5%"


def test_survey_answers_over_the_respondents_are_refused():
    draft = SurveyDraft(2025, 1, "王伟", respondents=10)
    draft.items[0].satisfied, draft.items[0].fairly = 9, 1
    assert survey_problems(draft) == {}
    draft.items[0].dissatisfied = 1
    assert "多于参与测评人数 10 人" in survey_problems(draft)["item:0"]
    draft.items[1].name = draft.items[2].name
    assert survey_problems(draft)["items"] == "测评项目名称不能重复"


def test_survey_sheets_one_by_one_equal_the_counts():
    sheets = [{0: Answer.SATISFIED, 1: Answer.FAIRLY}, {0: Answer.DISSATISFIED}, {1: Answer.FAIRLY}]
    assert count_sheets(sheets, 2) == [[1, 0, 1], [0, 2, 0]]


def test_ballots_cast_other_than_the_poll_meetings_attendance_warn():
    draft = branch_of(7, cast=6)
    assert review(draft, present_at_poll=6).warnings == []
    [warning] = review(draft, present_at_poll=7).warnings
    assert warning.key == "cast" and "实到人数 7 人" in warning.message
    assert review(draft).warnings == []  # no meeting linked: nothing to compare with
