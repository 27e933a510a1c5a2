from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.dialogs.meeting_editor import MeetingEditor
from dualleader_desktop.ui.models.meeting_editor_models import AgendaModel, AttendanceModel
from dualleader_desktop.ui.pages.meetings_page import MeetingsPage
from tests.conftest import TODAY, make_draft

NAMES = ["赵一", "钱二", "孙三", "李四", "周五"]


@pytest.fixture
def services(db):
    members, branch = MemberService(db), BranchService(db)
    ids = [
        members.add(make_draft(n, sequence=10 + 2 * i), today=TODAY).id for i, n in enumerate(NAMES)
    ]
    for member_id, role in zip(
        ids[:3],
        [CommitteeRole.SECRETARY, CommitteeRole.ORGANIZATION, CommitteeRole.PROPAGANDA],
        strict=True,
    ):
        branch.save_seat(member_id, role, date(2024, 1, 1), date(2027, 1, 1))
    return MeetingService(db), members, branch


def new_meeting(qtbot, services, kind, **options):
    """A new meeting's editor opened from the meetings page, as the menu opens it."""
    page = MeetingsPage(*services)
    qtbot.addWidget(page)
    editor = page.new_meeting(kind, **options)
    qtbot.waitExposed(editor)
    return editor


def test_record_committee_meeting_with_two_on_leave(qtbot, services):
    meetings, members, branch = services
    page = MeetingsPage(meetings, members, branch)
    qtbot.addWidget(page)
    editor = page.new_meeting(MeetingKind.COMMITTEE)
    qtbot.waitExposed(editor)
    ui = editor.ui
    ui.dateEdit.setDate(QDate(2026, 10, 9))
    assert editor.attendance.rowCount() == 3
    ui.themeEdit.setText("研究十月份支部工作")
    ui.minutesEdit.setPlainText("一、传达会议精神。\n二、研究发展对象。")
    names = [editor.attendance.index(r, AttendanceModel.COL_NAME).data() for r in range(3)]
    for name in ("钱二", "孙三"):
        row = names.index(name)
        editor.attendance.setData(editor.attendance.index(row, AttendanceModel.COL_STATUS), "请假")
        editor.attendance.setData(editor.attendance.index(row, AttendanceModel.COL_REASON), "出差")
    assert "请假 2 人" in ui.countsLabel.text()
    ui.addAgendaButton.click()
    editor.agenda.setData(editor.agenda.index(0, AgendaModel.COL_TITLE), "研究发展对象")
    # first press: the quorum warning is shown and nothing is saved
    editor.save()
    assert ui.warningsLabel.isVisible() and "法定人数" in ui.warningsLabel.text()
    assert meetings.list_meetings() == []
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    [summary] = meetings.list_meetings(year=2026)
    record = meetings.get(summary.id).draft
    leave = {
        line.name: line.reason
        for line in record.attendance
        if line.status == AttendanceStatus.LEAVE
    }
    assert leave == {"钱二": "出差", "孙三": "出差"}
    assert record.minutes == "一、传达会议精神。\n二、研究发展对象。"
    assert [a.title for a in record.agenda] == ["研究发展对象"]
    assert page.model.rowCount() == 1


def test_empty_theme_is_marked_and_nothing_saved(qtbot, services):
    meetings, _members, _branch = services
    editor = MeetingEditor(meetings, member_names={}, groups=[], kind=MeetingKind.THEME_DAY)
    qtbot.addWidget(editor)
    editor.open()
    editor.save()
    assert editor.ui.themeError.isVisible()
    assert "主题" in editor.ui.themeError.text()
    assert meetings.list_meetings() == []


def test_escape_asks_before_discarding(qtbot, services, monkeypatch):
    meetings, _, _ = services
    editor = MeetingEditor(meetings, member_names={}, groups=[], kind=MeetingKind.THEME_DAY)
    qtbot.addWidget(editor)
    editor.open()
    editor.ui.themeEdit.setText("未保存的主题")
    asked = []
    monkeypatch.setattr(editor, "confirm_discard", lambda: asked.append(1) or False)
    editor.reject()
    assert asked and editor.isVisible()


@pytest.mark.parametrize("field", ["speakerEdit", "sittingInEdit", "placeEdit"])
def test_escape_asks_after_any_typed_field(qtbot, services, monkeypatch, field):
    meetings, _, _ = services
    editor = MeetingEditor(meetings, member_names={}, groups=[], kind=MeetingKind.PARTY_LECTURE)
    qtbot.addWidget(editor)
    editor.open()
    getattr(editor.ui, field).setText("x")
    asked = []
    monkeypatch.setattr(editor, "confirm_discard", lambda: asked.append(1) or False)
    editor.reject()
    assert asked


def test_group_meeting_from_last_copies_the_chosen_groups_last(qtbot, services, monkeypatch):
    meetings, members, branch = services
    groups = [branch.save_group(name, None) for name in ("第一党小组", "第二党小组")]
    for member, group in zip(members.list_members(), [0, 0, 1, 1, 1], strict=True):
        members.update(
            member.id,
            replace(member.to_draft(), party_group_id=groups[group]),
            expected_version=member.version,
            today=TODAY,
        )
    for group, theme in zip(groups, ("一组学习会", "二组学习会"), strict=True):
        draft = meetings.new_draft(MeetingKind.GROUP, date(2026, 10, 20), group)
        draft.theme, draft.place = theme, f"{theme}地点"
        meetings.save(draft)
    editor = new_meeting(qtbot, services, MeetingKind.GROUP, from_last=True)
    # no group chosen yet: nothing copied, nobody listed
    assert editor.ui.themeEdit.text() == "" and editor.attendance.rowCount() == 0
    editor.choose_group(groups[0])
    assert editor.ui.themeEdit.text() == "一组学习会"
    assert editor.attendance.rowCount() == 2
    editor.choose_group(groups[1])  # nothing typed yet: the other group's last is copied
    assert editor.ui.themeEdit.text() == "二组学习会"
    editor.ui.minutesEdit.setPlainText("已经写下的记录")
    editor.choose_group(groups[0])  # now only who should attend follows the group
    assert editor.ui.themeEdit.text() == "二组学习会"
    assert editor.ui.minutesEdit.toPlainText() == "已经写下的记录"
    assert editor.attendance.rowCount() == 2
    monkeypatch.setattr(editor, "confirm_discard", lambda: True)  # closed unsaved at the end


def test_attachment_added_through_the_editor(qtbot, services, tmp_path):
    meetings, _members, _branch = services
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"jpeg" * 10)
    editor = MeetingEditor(meetings, member_names={}, groups=[], kind=MeetingKind.THEME_DAY)
    qtbot.addWidget(editor)
    editor.open()
    editor.ui.themeEdit.setText("主题党日")
    editor.ui.dateEdit.setDate(QDate(2026, 5, 15))
    editor.pick_files = lambda: [str(photo)]
    editor.ui.addFileButton.click()
    assert editor.files.rowCount() == 1
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    [info] = meetings.get(editor.record.id).draft.attachments
    assert info.file_name == "签到表.jpg" and info.path.read_bytes() == photo.read_bytes()


def test_an_unreadable_pick_is_refused_at_once(qtbot, services, tmp_path, monkeypatch):
    meetings, _members, _branch = services
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"jpeg")
    editor = MeetingEditor(meetings, member_names={}, groups=[], kind=MeetingKind.THEME_DAY)
    qtbot.addWidget(editor)
    monkeypatch.setattr(editor, "confirm_discard", lambda: True)  # closed unsaved at the end
    editor.open()
    editor.pick_files = lambda: [str(tmp_path / "已删除.pdf"), str(photo)]
    editor.ui.addFileButton.click()
    assert editor.files.new_files() == [photo]
    [box] = [w for w in editor.findChildren(QMessageBox) if w.isVisible()]
    assert "无法读取附件「已删除.pdf」" in box.text()


def test_a_new_date_keeps_the_marks_already_given(qtbot, services, monkeypatch):
    editor = new_meeting(qtbot, services, MeetingKind.BRANCH_ASSEMBLY)
    monkeypatch.setattr(editor, "confirm_discard", lambda: True)
    editor.attendance.setData(editor.attendance.index(0, AttendanceModel.COL_STATUS), "请假")
    editor.attendance.setData(editor.attendance.index(0, AttendanceModel.COL_REASON), "外出培训")
    editor.ui.dateEdit.setDate(QDate(2026, 10, 8))
    line = editor.attendance.rows()[0]
    assert (line.status, line.reason) == (AttendanceStatus.LEAVE, "外出培训")


def test_ctrl_s_takes_the_cell_still_being_typed_in(qtbot, services):
    meetings = services[0]
    editor = new_meeting(qtbot, services, MeetingKind.THEME_DAY)
    editor.ui.themeEdit.setText("主题党日")
    editor.ui.dateEdit.setDate(QDate(2026, 10, 15))
    editor.ui.addAgendaButton.click()  # opens the new item's title cell for typing
    view = editor.ui.agendaView
    index = editor.agenda.index(0, AgendaModel.COL_TITLE)
    assert view.currentIndex() == index
    cell = view.indexWidget(index)
    cell.setText("学习党章")  # typed, the editor still open
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    [summary] = meetings.list_meetings(year=2026)
    assert [item.title for item in meetings.get(summary.id).draft.agenda] == ["学习党章"]


def test_models_pass_qtmodeltester(qtmodeltester, services):
    meetings, _, _ = services
    draft = meetings.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 5, 1))
    attendance = AttendanceModel()
    attendance.set_rows(draft.attendance)
    qtmodeltester.check(attendance)
    agenda = AgendaModel()
    agenda.append("议程一")
    qtmodeltester.check(agenda)
