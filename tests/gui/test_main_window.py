from datetime import date

import pytest
from PySide6.QtCore import QSettings

from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY, make_draft


@pytest.fixture
def window(qtbot, db):
    MemberService(db).add(make_draft("王伟", sequence=11), today=TODAY)
    MemberService(db).add(make_draft("李娜", sequence=12, gender=None), today=TODAY)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_shows_database_and_counts(window, db):
    assert str(db.path) in window.db_label.text()
    assert "在册党员 2 人" in window.count_label.text()
    assert window.members_page.model.rowCount() == 2


def test_search_box_finds_members_and_minutes(qtbot, window, db):
    meetings = MeetingService(db)
    draft = meetings.new_draft(MeetingKind.THEME_DAY, date(2026, 3, 15))
    draft.theme, draft.minutes = "三月主题党日", "王伟同志讲述了校企合作的体会。"
    meetings.save(draft)
    window.search_box.setText("王伟")
    window.run_search()
    assert window.stack.currentWidget() is window.search_page
    titles = [
        window.search_page.model.row_at(r).title for r in range(window.search_page.model.rowCount())
    ]
    assert "王伟" in titles and "三月主题党日" in titles
    window.search_box.setText("校企合作")
    window.run_search()
    assert window.search_page.model.row_at(0).title == "三月主题党日"


def test_layout_is_remembered(qtbot, window, db):
    window.resize(800, 530)  # within the offscreen screen (800×600)
    window.show_page(4)
    window.close()
    assert QSettings().value("main/page") in (4, "4")
    again = MainWindow(db)
    qtbot.addWidget(again)
    assert again.size().height() == 530
    assert again.stack.currentWidget() is again.branch_page


def test_member_card_exported_from_the_roster(qtbot, window, tmp_path):
    import docx

    out = tmp_path / "cards"
    out.mkdir()
    member_id = window.members_page.model.record_at(0).id
    task = window.export_member_card(member_id, str(out))
    with qtbot.waitSignal(task.signals.finished, timeout=20000):
        pass
    word = next(out.glob("*.docx"))
    assert "党员信息采集表" in word.name
    cells = [c.text for t in docx.Document(word).tables for r in t.rows for c in r.cells]
    assert window.members_page.model.record_at(0).name in cells
    assert next(out.glob("*.pdf")).read_bytes().startswith(b"%PDF")


def test_the_member_menu_offers_a_transfer_in(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(window.members_page, "transfer_in_member", lambda: opened.append(1))
    window.show_page(1)
    [action] = [a for a in window.menuBar().actions() if a.text().startswith("党员")]
    [transfer] = [a for a in action.menu().actions() if a.text() == "转入党员…"]
    assert transfer.shortcut().toString() == "Ctrl+Shift+N"
    transfer.trigger()
    assert opened == [1] and window.stack.currentWidget() is window.members_page
