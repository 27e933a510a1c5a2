from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.domain.meeting_records import AgendaDraft
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind, VoteKind
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.dialogs.meeting_editor import MeetingEditor
from dualleader_desktop.ui.models.meeting_editor_models import AgendaModel, AttendanceModel
from dualleader_desktop.ui.pages.meetings_page import MeetingsPage
from tests.conftest import TODAY, make_draft
from tests.gui.chinese_input import type_text

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
    assert "未核对 1 人" in ui.countsLabel.text()
    ui.allPresentButton.click()  # the one not marked yet came
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
    editor.ui.allPresentButton.click()
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
    editor.ui.allPresentButton.click()
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
    unmarked = meetings.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 5, 1), unmarked=True)
    attendance.set_rows(unmarked.attendance)  # 未核对 on its amber ground
    qtmodeltester.check(attendance)
    agenda = AgendaModel()
    agenda.append("议程一")
    qtmodeltester.check(agenda)


def _statuses(editor) -> dict[str, str]:
    model = editor.attendance
    return {
        model.index(r, AttendanceModel.COL_NAME).data(): model.index(
            r, AttendanceModel.COL_STATUS
        ).data()
        for r in range(model.rowCount())
    }


def test_a_new_roll_is_confirmed_before_it_is_saved(qtbot, services):
    """Nobody is marked at first; saving then is refused and says how many are left; one
    marked on leave and 全部出席 pressed, the roll saved is exactly that."""
    meetings = services[0]
    editor = new_meeting(qtbot, services, MeetingKind.BRANCH_ASSEMBLY)
    ui = editor.ui
    ui.dateEdit.setDate(QDate(2026, 10, 9))
    type_text(ui.themeEdit, "十月支部党员大会")
    assert set(_statuses(editor).values()) == {"未核对"}
    assert "未核对 5 人" in ui.countsLabel.text() and "出席率" not in ui.countsLabel.text()
    ui.tabs.setCurrentWidget(ui.minutesTab)
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert ui.attendanceError.isVisible()
    assert "还有 5 人未核对出席情况" in ui.attendanceError.text()
    assert ui.tabs.currentWidget() is ui.attendanceTab  # shown where it is put right
    assert meetings.list_meetings() == []
    # mark one on leave first (select the row, 选中者请假, type the reason) ...
    row = list(_statuses(editor)).index("钱二")
    ui.attendanceView.selectRow(row)
    ui.leaveButton.click()
    editor.attendance.setData(editor.attendance.index(row, AttendanceModel.COL_REASON), "出差")
    assert ui.allPresentButton.text() == "其余全部出席(&Q)"
    # ... then everyone else present in one click; the leave stays
    ui.allPresentButton.click()
    assert _statuses(editor) == {
        "赵一": "出席",
        "钱二": "请假",
        "孙三": "出席",
        "李四": "出席",
        "周五": "出席",
    }
    assert not ui.allPresentButton.isEnabled()  # nothing left to mark: a second press is void
    assert not ui.attendanceError.isVisible()
    assert "实到 4 人，请假 1 人" in ui.countsLabel.text()
    with qtbot.waitSignal(editor.saved, timeout=5000):
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    [summary] = meetings.list_meetings(year=2026)
    assert (summary.expected, summary.present, summary.on_leave) == (5, 4, 1)
    stored = {
        line.name: (line.status, line.reason) for line in meetings.get(summary.id).draft.attendance
    }
    assert stored["钱二"] == (AttendanceStatus.LEAVE, "出差")
    assert {status for name, (status, _) in stored.items() if name != "钱二"} == {
        AttendanceStatus.PRESENT
    }


def test_a_recorder_marked_on_leave_is_warned_before_saving(qtbot, services):
    """The roll says the 记录人 was away: the first 保存 shows it among the warnings and saves
    nothing; with the recorder put right the next press saves without a warning."""
    meetings = services[0]
    editor = new_meeting(qtbot, services, MeetingKind.COMMITTEE)
    ui = editor.ui
    ui.dateEdit.setDate(QDate(2026, 10, 9))
    type_text(ui.themeEdit, "研究十月份支部工作")
    ui.hostCombo.setCurrentIndex(ui.hostCombo.findText("赵一"))
    ui.recorderCombo.setCurrentIndex(ui.recorderCombo.findText("钱二"))
    row = list(_statuses(editor)).index("钱二")
    ui.attendanceView.selectRow(row)
    ui.leaveButton.click()
    editor.attendance.setData(editor.attendance.index(row, AttendanceModel.COL_REASON), "出差")
    ui.allPresentButton.click()
    save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    assert ui.warningsLabel.isVisible()
    assert "记录人钱二在出席情况中为“请假”" in ui.warningsLabel.text()
    assert "主持人" not in ui.warningsLabel.text()
    assert save.text() == "仍然保存"
    assert meetings.list_meetings() == []
    ui.recorderCombo.setCurrentIndex(ui.recorderCombo.findText("孙三"))
    assert save.text() == "保存"
    with qtbot.waitSignal(editor.saved, timeout=5000):
        save.click()
    assert not ui.warningsLabel.isVisible()
    [summary] = meetings.list_meetings(year=2026)
    stored = meetings.get(summary.id).draft
    assert (stored.host_name, stored.recorder_name, stored.counts.on_leave) == ("赵一", "孙三", 1)


def test_all_present_has_a_keyboard_shortcut(qtbot, services, monkeypatch):
    editor = new_meeting(qtbot, services, MeetingKind.COMMITTEE)
    monkeypatch.setattr(editor, "confirm_discard", lambda: True)
    with qtbot.waitActive(editor):
        editor.activateWindow()
    qtbot.keyClick(editor, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    # a mnemonic "animates" the click: it lands a moment later
    qtbot.waitUntil(lambda: set(_statuses(editor).values()) == {"出席"}, timeout=2000)


def test_editing_a_saved_meeting_keeps_its_roll(qtbot, services):
    meetings, members, branch = services
    draft = meetings.new_draft(MeetingKind.COMMITTEE, date(2026, 10, 9))
    draft.theme = "研究十月份支部工作"
    draft.attendance = [
        replace(line, status=AttendanceStatus.ABSENT, reason="未请假")
        if line.name == "孙三"
        else line
        for line in draft.attendance
    ]
    record = meetings.save(draft)
    page = MeetingsPage(meetings, members, branch)
    qtbot.addWidget(page)
    editor = page.edit_record(record.id)
    qtbot.waitExposed(editor)
    assert _statuses(editor) == {"赵一": "出席", "钱二": "出席", "孙三": "缺席"}
    assert not editor.ui.allPresentButton.isEnabled()
    editor.ui.dateEdit.setDate(QDate(2026, 10, 10))  # a new date does not refill a stored roll
    assert _statuses(editor)["孙三"] == "缺席"
    editor.ui.placeEdit.setText("党员活动室")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    again = meetings.get(record.id).draft
    assert [line.status for line in again.attendance if line.name == "孙三"] == [
        AttendanceStatus.ABSENT
    ]


def test_votes_show_only_for_meetings_that_vote(qtbot, services, monkeypatch):
    """主题党日 votes on nothing: no 表决权 column, no vote columns, tab 议程; the 支部党员大会
    shows them, with the vote kind's column wide enough for its longest label."""
    editor = new_meeting(qtbot, services, MeetingKind.THEME_DAY)
    monkeypatch.setattr(editor, "confirm_discard", lambda: True)
    ui = editor.ui
    agenda_columns = range(AgendaModel.COL_VOTE, AgendaModel.COL_ABSTAIN + 1)
    assert ui.attendanceView.isColumnHidden(AttendanceModel.COL_VOTE)
    assert all(ui.agendaView.isColumnHidden(c) for c in agenda_columns)
    assert ui.tabs.tabText(ui.tabs.indexOf(ui.agendaTab)) == "议程"
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findText("支部党员大会"))
    assert not ui.attendanceView.isColumnHidden(AttendanceModel.COL_VOTE)
    assert not any(ui.agendaView.isColumnHidden(c) for c in agenda_columns)
    assert ui.tabs.tabText(ui.tabs.indexOf(ui.agendaTab)) == "议程与表决"
    ui.tabs.setCurrentWidget(ui.agendaTab)
    ui.addAgendaButton.click()
    view, agenda = ui.agendaView, editor.agenda
    agenda.setData(agenda.index(0, AgendaModel.COL_TITLE), "讨论接收王某为预备党员")
    agenda.setData(
        agenda.index(0, AgendaModel.COL_VOTE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    agenda.setData(agenda.index(0, AgendaModel.COL_KIND), "接收预备党员或转正表决")
    cell = agenda.index(0, AgendaModel.COL_KIND)
    label = cell.data()
    assert label == "接收预备党员或转正表决"
    # the label fits its cell (not elided), and so does the combo box that edits it
    assert view.columnWidth(AgendaModel.COL_KIND) > view.fontMetrics().horizontalAdvance(label)
    view.setCurrentIndex(cell)
    view.edit(cell)
    combo = view.indexWidget(cell)
    assert combo.currentText() == label
    assert combo.width() >= combo.sizeHint().width()


def test_a_stored_vote_stays_visible_on_a_kind_that_does_not_vote(qtbot, services):
    meetings, members, branch = services
    draft = meetings.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 15))
    draft.theme = "主题党日"
    draft.agenda = [AgendaDraft("推选优秀党员", True, VoteKind.GENERAL, 5, 0, 0)]
    record = meetings.save(draft)
    page = MeetingsPage(meetings, members, branch)
    qtbot.addWidget(page)
    editor = page.edit_record(record.id)
    qtbot.waitExposed(editor)
    assert not editor.ui.agendaView.isColumnHidden(AgendaModel.COL_FOR)
    assert editor.agenda.index(0, AgendaModel.COL_FOR).data() == 5


def test_party_lecture_gives_host_and_recorder_room(qtbot, services, monkeypatch):
    editor = new_meeting(qtbot, services, MeetingKind.PARTY_LECTURE)
    monkeypatch.setattr(editor, "confirm_discard", lambda: True)
    ui = editor.ui
    eight_characters = ui.hostCombo.fontMetrics().horizontalAdvance("上级党委组织部长")
    for combo in (ui.hostCombo, ui.recorderCombo):
        assert combo.width() > eight_characters
    # 主讲人 has a row of its own under them, as wide as the theme
    assert ui.speakerEdit.isVisible()
    assert ui.speakerEdit.y() > ui.hostCombo.y() + ui.hostCombo.height() - 1
    assert ui.speakerEdit.width() == ui.themeEdit.width()


def test_sitting_in_members_are_picked_and_guests_kept(qtbot, services):
    """列席人员: members not expected at the 支委会 are ticked in a list; what was typed for
    guests from outside stays; the stored field is the text."""
    meetings = services[0]
    editor = new_meeting(qtbot, services, MeetingKind.COMMITTEE)
    ui = editor.ui
    ui.dateEdit.setDate(QDate(2026, 10, 9))
    type_text(ui.themeEdit, "研究发展对象")
    type_text(ui.sittingInEdit, "上级党委组织员王某")
    ui.pickSittingInButton.click()
    picker = editor.sitting_in_picker
    qtbot.waitExposed(picker)
    model = picker.model
    offered = [model.index(r).data() for r in range(model.rowCount())]
    assert offered == sorted(["李四", "周五"])  # the committee attends: not offered
    model.setData(
        model.index(offered.index("周五")), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    picker.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ui.sittingInEdit.text() == "上级党委组织员王某、周五"
    # opened again, 周五 is ticked; 李四 instead, and the guest still stays
    ui.pickSittingInButton.click()
    picker = editor.sitting_in_picker
    qtbot.waitExposed(picker)
    model = picker.model
    assert picker.picked_names() == ["周五"]
    for name, state in (("周五", Qt.CheckState.Unchecked), ("李四", Qt.CheckState.Checked)):
        model.setData(model.index(offered.index(name)), state, Qt.ItemDataRole.CheckStateRole)
    picker.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ui.sittingInEdit.text() == "上级党委组织员王某、李四"
    ui.allPresentButton.click()
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    [summary] = meetings.list_meetings(year=2026)
    assert meetings.get(summary.id).draft.sitting_in == "上级党委组织员王某、李四"


def test_picking_nobody_new_leaves_typed_guests_alone(qtbot, services, monkeypatch):
    editor = new_meeting(qtbot, services, MeetingKind.BRANCH_ASSEMBLY)
    monkeypatch.setattr(editor, "confirm_discard", lambda: True)
    type_text(editor.ui.sittingInEdit, "入党积极分子 陈某，上级领导")
    editor.ui.pickSittingInButton.click()
    picker = editor.sitting_in_picker
    qtbot.waitExposed(picker)
    assert picker.model.rowCount() == 0  # at a 大会 every member is expected
    assert "没有可选的列席党员" in picker.ui.hintLabel.text()
    picker.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert editor.ui.sittingInEdit.text() == "入党积极分子 陈某，上级领导"


@pytest.mark.parametrize(
    "kind", [MeetingKind.COMMITTEE, MeetingKind.PARTY_LECTURE, MeetingKind.THEME_DAY]
)
def test_the_editor_opens_within_a_125_percent_screen(qtbot, services, monkeypatch, kind):
    """900×720 does not fit a 1366×768 screen at 125 % (1093×614 available to Qt): the
    editor opens inside it, title bar included, and its form still gets what it needs."""
    small = QRect(0, 0, 1093, 614)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: small)
    editor = new_meeting(qtbot, services, kind)
    monkeypatch.setattr(editor, "confirm_discard", lambda: True)
    assert editor.height() <= small.height() - 48 and editor.width() <= small.width()
    assert editor.height() >= editor.minimumSizeHint().height()
    assert editor.width() >= editor.minimumSizeHint().width()
