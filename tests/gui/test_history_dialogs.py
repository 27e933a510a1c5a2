"""修改记录 from the editors, and 记录 → 已删除的会议记录…/谈话记录… with their 恢复."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.history import ChangeAction, EntityKind
from dualleader_desktop.services.history_service import ChangeEntry, DeletedRecord
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.ui.dialogs.member_dialog import MemberDialog
from dualleader_desktop.ui.models.history_model import DeletedRecordsModel, HistoryModel
from dualleader_desktop.ui.pages.meetings_page import MeetingsPage
from dualleader_desktop.ui.pages.talks_page import TalksPage
from tests.conftest import TODAY, make_draft
from tests.gui.chinese_input import type_text


@pytest.fixture
def services(db):
    members = MemberService(db)
    for n, name in enumerate(["赵一", "钱二", "孙三"]):
        members.add(make_draft(name, sequence=10 + 2 * n), today=TODAY)
    return MeetingService(db), members, BranchService(db)


def saved_meeting(meetings: MeetingService, on: date, theme: str):
    draft = meetings.new_draft(MeetingKind.THEME_DAY, on)
    draft.theme, draft.start_time, draft.end_time = theme, time(14, 30), time(16, 0)
    return meetings.save(draft)


def logged(db, kind: str, entity_id: int) -> list[tuple]:
    with db.engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT action, user_name FROM change_log"
                " WHERE entity_kind = :k AND entity_id = :i ORDER BY id DESC"
            ),
            {"k": kind, "i": entity_id},
        ).all()


def test_history_models(qtmodeltester):
    from datetime import datetime

    model = HistoryModel()
    model.set_rows(
        [
            ChangeEntry(
                2,
                datetime(2026, 11, 26, 9, 5),
                "li",
                ChangeAction.UPDATE,
                ["职称：讲师 → 副教授", "联系电话：1 → 2"],
            ),
            ChangeEntry(1, datetime(2026, 11, 25, 8, 0), "li", ChangeAction.CREATE, []),
        ]
    )
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(4)] == [
        "2026-11-26 09:05",
        "li",
        "修改",
        "职称：讲师 → 副教授；联系电话：1 → 2",
    ]
    assert (
        model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
        == "职称：讲师 → 副教授\n联系电话：1 → 2"
    )
    deleted = DeletedRecordsModel()
    deleted.set_rows(
        [
            DeletedRecord(
                7,
                EntityKind.MEETING,
                3,
                datetime(2026, 11, 26, 9, 5),
                "li",
                date(2026, 5, 1),
                "主题党日",
                "五月主题党日",
            )
        ]
    )
    qtmodeltester.check(deleted)
    assert [deleted.index(0, c).data() for c in range(5)] == [
        "2026-11-26 09:05",
        "li",
        "2026-05-01",
        "主题党日",
        "五月主题党日",
    ]


def test_the_meeting_editor_shows_the_meetings_history(qtbot, services, db):
    meetings, members, branch = services
    record = saved_meeting(meetings, date(2026, 5, 1), "五月主题党日")
    page = MeetingsPage(meetings, members, branch)
    qtbot.addWidget(page)
    editor = page.edit_record(record.id)
    qtbot.waitExposed(editor)
    editor.ui.themeEdit.clear()
    type_text(editor.ui.themeEdit, "五月主题党日：参观红色教育基地")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()

    editor = page.edit_record(record.id)
    qtbot.waitExposed(editor)
    assert editor.history_button.isVisible()
    editor.history_button.click()
    dialog = editor.history_dialog
    qtbot.waitExposed(dialog)
    rows = logged(db, "meeting", record.id)
    assert [(e.action.value, e.user_name) for e in dialog.model.rows()] == rows
    assert [dialog.model.index(r, 2).data() for r in range(2)] == ["修改", "新建"]
    assert (
        dialog.model.index(0, 3).data() == "会议主题：五月主题党日 → 五月主题党日：参观红色教育基地"
    )
    assert dialog.ui.detailEdit.toPlainText() == dialog.model.index(0, 3).data()
    assert "共 2 次" in dialog.ui.recordLabel.text()


def test_a_new_record_has_no_history_button(qtbot, services):
    meetings, members, branch = services
    page = MeetingsPage(meetings, members, branch)
    qtbot.addWidget(page)
    editor = page.new_meeting(MeetingKind.THEME_DAY)
    qtbot.waitExposed(editor)
    assert not editor.history_button.isVisible()
    assert editor.show_history() is None


def test_the_member_dialog_shows_the_members_history(qtbot, services, db):
    _meetings, members, _branch = services
    record = members.list_members()[0]
    members.update(
        record.id, replace(record.to_draft(), title="副教授"), expected_version=record.version
    )
    dialog = MemberDialog(members, [], members.get(record.id))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    history = dialog.show_history()
    qtbot.waitExposed(history)
    assert history.model.rowCount() == len(logged(db, "member", record.id)) == 2
    assert history.model.index(0, 3).data() == "职称：讲师 → 副教授"


def test_a_deleted_meeting_is_restored_from_the_page_and_shown_again(
    qtbot, services, db, monkeypatch
):
    meetings, members, branch = services
    this_year = saved_meeting(meetings, date(TODAY.year, 5, 1), "五月主题党日")
    last_year = saved_meeting(meetings, date(2024, 6, 1), "六月主题党日")
    page = MeetingsPage(meetings, members, branch)
    qtbot.addWidget(page)
    page.year_filter.setCurrentIndex(page.year_filter.findData(TODAY.year))
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, q: asked.append(q) or QMessageBox.StandardButton.Yes
    )
    page.view.selectRow(page.model.row_of(this_year.id))
    page._delete_current()
    assert "可以在“记录 → 已删除的会议记录…”中恢复" in asked[0]
    assert page.model.row_of(this_year.id) == -1
    meetings.delete(last_year.id)

    dialog = page.show_deleted()
    qtbot.waitExposed(dialog)
    assert [dialog.model.index(r, 4).data() for r in range(2)] == ["六月主题党日", "五月主题党日"]
    dialog.ui.view.selectRow(1)
    with qtbot.waitSignal(dialog.restored):
        dialog.ui.restoreButton.click()
    assert page.model.row_of(this_year.id) == page.view.currentIndex().row() >= 0
    assert "已恢复" in dialog.ui.statusLabel.text()
    assert [r.title for r in dialog.model.rows()] == ["六月主题党日"]

    # a record of a year the list does not show: the filter moves to its year
    with qtbot.waitSignal(dialog.restored):
        dialog.ui.restoreButton.click()
    assert page.year_filter.currentData() == 2024
    assert page.model.row_of(last_year.id) == page.view.currentIndex().row() >= 0
    assert dialog.model.rowCount() == 0 and not dialog.ui.restoreButton.isEnabled()
    assert {m.id for m in meetings.list_meetings()} == {this_year.id, last_year.id}


def test_a_deleted_talk_is_restored_from_the_talks_page(qtbot, services, db):
    _meetings, members, _branch = services
    ids = [m.id for m in members.list_members()]
    talks = TalkService(db)
    talk = talks.save(
        TalkDraft(
            talk_date=date(TODAY.year, 4, 2),
            topic="谈心谈话",
            talker_ids=ids[:1],
            talkee_ids=ids[1:2],
        ),
        today=TODAY,
    )
    page = TalksPage(talks, members)
    qtbot.addWidget(page)
    talks.delete(talk.id)
    page.refresh()
    assert page.model.rowCount() == 0
    dialog = page.show_deleted()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.restored):
        dialog.ui.restoreButton.click()
    assert page.model.row_of(talk.id) == 0
    editor = page.edit_record(talk.id)
    qtbot.waitExposed(editor)
    history = editor.show_history()
    assert [history.model.index(r, 2).data() for r in range(3)] == ["恢复", "删除", "新建"]
    assert history.model.index(0, 3).data() == "按删除前的内容恢复"


def test_deleted_records_open_from_the_record_menu_and_the_pages_fit_125_percent(qtbot, db):
    from dualleader_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1093, 614)
    window.show()
    qtbot.waitExposed(window)
    record_menu = window.menuBar().actions()[2].menu()
    for label, page in (("已删除的会议记录…", 1), ("已删除的谈话记录…", 2)):
        [action] = [a for a in record_menu.actions() if a.text() == label]
        action.trigger()
        assert window.navigation.currentRow() == page
        dialog = window.stack.currentWidget().deleted_dialog
        qtbot.waitExposed(dialog)
        dialog.close()
        assert window.width() <= 1093, f"page {page} makes the window {window.width()} px wide"
