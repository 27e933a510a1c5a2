"""The search page: members whose name matches first, a date column, pages on demand and a
summary that says how many there are (or that there are more than were ranked)."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from dualleader_desktop.domain.evaluation import EvaluationDraft, Step
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.satisfaction import SurveyDraft
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.services import search as search_module
from dualleader_desktop.services.evaluations import EvaluationService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.search import PAGE_SIZE, SearchService
from dualleader_desktop.services.surveys import SurveyService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.search_index import SearchKind
from dualleader_desktop.ui.models.search_model import COL_DATE, COL_DETAIL, COL_KIND, COL_TITLE
from dualleader_desktop.ui.pages.search_page import SearchPage
from tests.conftest import TODAY, make_draft

MEETINGS = PAGE_SIZE + 5


@pytest.fixture
def branch(db):
    """王伟 and 王家豪, a talk naming 王家豪 often, and more meetings naming 王伟 than a page
    holds (each a month apart, newest last)."""
    members = MemberService(db)
    ids = {
        name: members.add(make_draft(name, sequence=10 + 2 * n), today=TODAY).id
        for n, name in enumerate(["王伟", "王家豪", "李娜"])
    }
    TalkService(db).save(
        TalkDraft(
            talk_date=date(2026, 10, 9),
            topic="教学工作交流",
            content="王家豪谈到……王家豪表示……" * 6,  # named more often than any title could
            talker_ids=[ids["李娜"]],
            talkee_ids=[ids["王家豪"]],
        ),
        today=TODAY,
    )
    meetings = MeetingService(db)
    for n in range(MEETINGS):
        draft = meetings.new_draft(MeetingKind.THEME_DAY, date(2021 + n // 12, n % 12 + 1, 15))
        draft.theme = f"第{n + 1}次主题党日"
        draft.minutes = "王伟同志作交流发言。"
        meetings.save(draft)
    return db


def make_page(qtbot, db) -> SearchPage:
    page = SearchPage(SearchService(db))
    qtbot.addWidget(page)
    page.resize(1093, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_member_whose_name_matches_comes_before_a_talk_that_names_them(qtbot, branch):
    page = make_page(qtbot, branch)
    page.search("王")
    top = [
        (page.model.index(r, COL_KIND).data(), page.model.index(r, COL_TITLE).data())
        for r in range(3)
    ]
    assert top == [("党员", "王伟"), ("党员", "王家豪"), ("谈话", "教学工作交流")]
    assert "姓名相符的党员在前" in page.summary.text()


def test_the_date_has_its_own_column_wide_enough_to_show_it(qtbot, branch):
    page = make_page(qtbot, branch)
    page.search("王伟")
    row = next(
        r for r in range(page.model.rowCount()) if page.model.row_at(r).kind == SearchKind.MEETING
    )
    hit = page.model.row_at(row)
    shown = page.model.index(row, COL_DATE).data()
    assert shown == f"{hit.on:%Y-%m-%d}" and page.model.index(row, COL_DETAIL).data() == "主题党日"
    needed = page.view.fontMetrics().horizontalAdvance(shown)
    assert page.view.columnWidth(COL_DATE) > needed
    assert page.view.columnWidth(COL_DETAIL) > page.view.fontMetrics().horizontalAdvance(
        "支部委员会会议"
    )
    assert page.model.index(0, COL_DATE).data() == ""  # 王伟 the member: no date


def test_more_than_a_page_is_said_and_shown_on_demand(qtbot, branch, qtmodeltester):
    page = make_page(qtbot, branch)
    page.search("王伟")
    total = MEETINGS + 1  # the member and every meeting
    assert page.model.rowCount() == PAGE_SIZE
    assert f"共 {total} 条，显示前 {PAGE_SIZE} 条" in page.summary.text()
    assert page.more_button.isVisible()
    assert page.more_button.text() == f"显示更多（再显示 {total - PAGE_SIZE} 条）"
    first_page = [(h.kind, h.record_id) for h in page.model.rows()]
    page.view.selectRow(3)
    page.more_button.click()
    assert page.model.rowCount() == total
    rows = [(h.kind, h.record_id) for h in page.model.rows()]
    assert rows[:PAGE_SIZE] == first_page and len(set(rows)) == total
    assert page.view.currentIndex().row() == 3  # appending keeps the place
    assert f"找到 {total} 条" in page.summary.text() and not page.more_button.isVisible()
    qtmodeltester.check(page.model)
    # a change elsewhere runs the query again and keeps every row shown
    page.refresh()
    assert page.model.rowCount() == total and page.view.currentIndex().row() == 3


def test_more_matches_than_are_ranked_are_said_honestly(qtbot, branch, monkeypatch):
    monkeypatch.setattr(search_module, "CANDIDATES", 10)
    page = make_page(qtbot, branch)
    page.search("主题党日")
    assert page.model.rowCount() == 10 and not page.more_button.isVisible()
    assert "共 10 条以上" in page.summary.text() and "输入更多字词" in page.summary.text()


def test_a_query_with_markup_is_shown_as_typed(qtbot, branch):
    page = make_page(qtbot, branch)
    page.search("<b>无此词</b>")
    assert page.model.rowCount() == 0
    shown = QTextDocument()
    shown.setHtml(page.summary.text())
    assert page.summary.textFormat() == Qt.TextFormat.RichText
    assert "“<b>无此词</b>”" in shown.toPlainText()


def test_evaluations_and_surveys_are_listed_and_opened_by_kind(qtbot, branch, qtmodeltester):
    evaluations, surveys = EvaluationService(branch), SurveyService(branch)
    draft = evaluations.with_roll(EvaluationDraft(2025), date(2025, 12, 2))
    draft.step(Step.POLL).on = date(2025, 12, 2)
    draft.lines[0].self_review = "指导学生参加职业技能大赛获奖。"
    evaluation = evaluations.save(draft).id
    survey = SurveyDraft(2025, secretary_name="李娜", survey_date=date(2025, 12, 2))
    survey.notes = "建议多组织技能大赛经验交流。"
    surveys.save(survey)
    page = make_page(qtbot, branch)
    page.search("技能大赛")
    rows = [
        [page.model.index(r, c).data() for c in (COL_KIND, COL_DATE, COL_TITLE, COL_DETAIL)]
        for r in range(page.model.rowCount())
    ]
    assert rows == [
        ["民主评议", "2025-12-02", "2025年民主评议党员", draft.lines[0].name],
        ["满意度测评", "2025-12-02", "2025年双带头人满意度测评", "李娜"],
    ]
    kind_width = page.view.fontMetrics().horizontalAdvance("满意度测评")
    assert page.view.columnWidth(COL_KIND) > kind_width
    qtmodeltester.check(page.model)
    page.view.selectRow(0)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened.args == [SearchKind.EVALUATION, evaluation]
