from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.search import SearchService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.search_index import SearchKind
from dualleader_desktop.ui.models.member_choice_model import MemberChoiceModel
from dualleader_desktop.ui.models.search_model import SearchModel
from dualleader_desktop.ui.pages.search_page import SearchPage
from dualleader_desktop.ui.pages.talks_page import TalksPage
from tests.conftest import TODAY, make_draft


@pytest.fixture
def branch(db):
    members = MemberService(db)
    ids = {
        n: members.add(make_draft(n, sequence=10 + 2 * i), today=TODAY).id
        for i, n in enumerate(["王伟", "李娜", "张敏"])
    }
    BranchService(db).save_seat(
        ids["王伟"], CommitteeRole.SECRETARY, date(2024, 1, 1), date(2027, 1, 1)
    )
    return db, ids


def check(model: MemberChoiceModel, name: str) -> None:
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    model.setData(model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_record_a_talk_and_coverage_updates(qtbot, branch):
    db, _ids = branch
    talks = TalkService(db)
    page = TalksPage(talks, MemberService(db))
    qtbot.addWidget(page)
    assert "尚未谈话 2 人" in page.coverage.toPlainText()
    editor = page.new_talk()
    qtbot.waitExposed(editor)
    editor.ui.dateEdit.setDate(QDate(2026, 11, 2))
    editor.ui.topicEdit.setText("教学工作交流")
    editor.ui.contentEdit.setPlainText("交流了课程思政建设的想法。")
    editor.ui.talkeesFilter.setText("李")
    assert editor.talkees.rowCount() == 1
    check(editor.talkers, "王伟")
    check(editor.talkees, "李娜")
    editor.ui.talkeesFilter.setText("张")
    # the filter hides 李娜, the heading still names her
    assert editor.ui.talkeesLabel.text() == "谈话对象（已选：李娜）"
    assert editor.ui.talkersLabel.text() == "谈话人（已选：王伟）"
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    [summary] = talks.list_talks(year=2026)
    assert (summary.talkers, summary.talkees, summary.topic) == ("王伟", "李娜", "教学工作交流")
    record = talks.get(summary.id)
    talks.save(
        replace(record.draft, follow_up_date=date(2026, 12, 1)),
        talk_id=record.id,
        expected_version=record.version,
        today=TODAY,
    )
    reopened = page.edit_record(summary.id)
    assert reopened.ui.followUpDateCheck.isChecked() and reopened.ui.followUpDateEdit.isEnabled()
    assert page.model.rowCount() == 1
    assert "尚未谈话 1 人" in page.coverage.toPlainText()


def test_coverage_is_headed_with_the_year_it_shows(qtbot, branch):
    db, ids = branch
    talks = TalkService(db)
    last_year = date.today().year - 1
    talks.save(
        TalkDraft(
            talk_date=date(last_year, 6, 1),
            topic="谈心",
            talker_ids=[ids["王伟"]],
            talkee_ids=[ids["李娜"]],
        ),
        today=TODAY,
    )
    page = TalksPage(talks, MemberService(db))
    qtbot.addWidget(page)
    assert page.coverage_title.text() == f"{date.today().year}年谈心谈话覆盖情况"
    assert "尚未谈话 2 人" in page.coverage.toPlainText()
    page.year_filter.setCurrentIndex(page.year_filter.findData(last_year))
    assert page.coverage_title.text() == f"{last_year}年谈心谈话覆盖情况"
    assert "尚未谈话 1 人" in page.coverage.toPlainText()
    assert "本年度" not in page.coverage_title.text() + page.coverage.toPlainText()


def test_talk_without_people_is_refused_inline(qtbot, branch):
    db, _ = branch
    page = TalksPage(TalkService(db), MemberService(db))
    qtbot.addWidget(page)
    editor = page.new_talk()
    editor.ui.topicEdit.setText("谈话")
    editor.save()
    assert editor.ui.talkersError.isVisible() and editor.ui.talkeesError.isVisible()
    assert TalkService(db).list_talks() == []


def test_search_page_finds_a_word_from_the_minutes(qtbot, branch, qtmodeltester):
    db, _ = branch
    meetings = MeetingService(db)
    draft = meetings.new_draft(MeetingKind.THEME_DAY, date(2026, 3, 15))
    draft.theme, draft.minutes = "三月主题党日", "党员教师到合作企业开展实践锻炼。"
    saved = meetings.save(draft)
    page = SearchPage(SearchService(db))
    qtbot.addWidget(page)
    opened = []
    page.open_requested.connect(lambda kind, rid: opened.append((kind, rid)))
    page.search("实践")
    assert page.model.rowCount() == 1
    assert page.model.row_at(0).title == "三月主题党日"
    assert "<b>实践</b>" in page.model.row_at(0).snippet_html
    page.view.doubleClicked.emit(page.model.index(0, 0))
    assert opened == [(SearchKind.MEETING, saved.id)]
    meetings.delete(saved.id)
    page.refresh()
    assert page.model.rowCount() == 0 and "没有找到" in page.summary.text()
    page.search("王")
    qtmodeltester.check(page.model)
    assert isinstance(page.model, SearchModel)
