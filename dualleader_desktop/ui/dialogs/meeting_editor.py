"""The meeting editor: one meeting with its attendance, agenda and votes, minutes and files.

Saving runs in the background (attachments may be large). Warnings (no quorum, a vote that
cannot pass, a future date, a host who is not a member, a host or recorder the roll marks 请假
or 缺席) are shown first; a second press of 保存 saves through them. Errors mark their field
and save nothing.

A new meeting's roll starts with nobody marked (未核对): 全部出席 (Alt+Q) marks everyone not
yet marked present, before or after the few on leave or absent are marked, and a roll with
anyone still unmarked is not saved (MeetingService.check says how many). An existing meeting
keeps the roll it was saved with. Meetings that take no votes (DOMAIN.md: only the 支部党员大会
and the 支委会 vote) do not show the vote columns.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
)

from dualleader_desktop.domain.meeting_records import MeetingDraft, MeetingRecord
from dualleader_desktop.domain.meetings import (
    AttendanceLine,
    AttendanceStatus,
    IntegrationTag,
    MeetingKind,
    VoteKind,
)
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.ui.dialogs.member_picker import MemberPicker, merge_names, split_names
from dualleader_desktop.ui.dialogs.record_editor import RecordEditor, commit_open_editors
from dualleader_desktop.ui.forms.ui_meeting_editor import Ui_MeetingEditor
from dualleader_desktop.ui.models.attachments_model import AttachmentsModel
from dualleader_desktop.ui.models.meeting_editor_models import AgendaModel, AttendanceModel
from dualleader_desktop.ui.widgets.choice_delegate import ChoiceDelegate
from dualleader_desktop.ui.widgets.field_errors import error_label, show_field_errors


class MeetingEditor(RecordEditor):
    RECORD_NAME = "会议记录"
    HISTORY_KIND = EntityKind.MEETING

    saved = Signal(int)

    def __init__(
        self,
        service: MeetingService,
        *,
        member_names: dict[int, str],
        groups: list[tuple[int, str]],
        record: MeetingRecord | None = None,
        kind: MeetingKind = MeetingKind.COMMITTEE,
        on: date | None = None,
        theme: str = "",
        parent=None,
        history=None,
    ) -> None:
        """``kind``, ``on`` (today when None) and ``theme`` start a new meeting (no
        ``record``): its roll is the one expected that day."""
        super().__init__(parent)
        self.ui = Ui_MeetingEditor()
        self.ui.setupUi(self)
        self.service = service
        self.record = record
        self._names = member_names
        self._ids_by_name = {name: member_id for member_id, name in member_names.items()}
        self._warned = False
        self._copied: tuple | None = None  # the content "start from last" put in
        self._fitted = False  # sized to the screen when first shown
        self.sitting_in_picker: MemberPicker | None = None
        self._tag_boxes = {
            IntegrationTag.TEACHING: self.ui.tagTeaching,
            IntegrationTag.INDUSTRY: self.ui.tagIndustry,
            IntegrationTag.RESEARCH: self.ui.tagResearch,
        }
        self._setup_widgets(groups)
        self.add_history_button(self.ui.buttonBox, history)
        # a new roll starts unmarked: the secretary confirms it (module docstring)
        if record is None:
            draft = replace(service.new_draft(kind, on or date.today(), unmarked=True), theme=theme)
        else:
            draft = record.draft
        self._load(draft)
        self._connect()
        self._update_title()

    # ---- set-up --------------------------------------------------------------------------
    def _setup_widgets(self, groups) -> None:
        ui = self.ui
        for kind in MeetingKind:
            ui.kindCombo.addItem(kind.label, kind)
        ui.groupCombo.addItem("（请选择）", None)
        for group_id, name in groups:
            ui.groupCombo.addItem(name, group_id)
        for combo in (ui.hostCombo, ui.recorderCombo):
            combo.addItem("")
            combo.addItems(sorted(self._names.values()))
        for label in (
            ui.themeError,
            ui.dateError,
            ui.groupError,
            ui.agendaError,
            ui.attendanceError,
        ):
            error_label(label)
        ui.allPresentButton.setToolTip(
            "把还未核对的人都标为出席（Alt+Q）；已标为请假、缺席的不变。\n"
            "可以先点它再标出请假、缺席的人，也可以反过来。"
        )
        ui.pickSittingInButton.setToolTip(
            "从本支部党员中勾选列席的人；支部以外的来宾直接在左边填写"
        )
        ui.warningsLabel.setStyleSheet(
            "background: #fff4e5; color: #7a4500; padding: 6px; border-radius: 4px;"
        )
        self.attendance = AttendanceModel(self)
        self.agenda = AgendaModel(self)
        self.files = AttachmentsModel(self)
        for view, model in (
            (ui.attendanceView, self.attendance),
            (ui.agendaView, self.agenda),
            (ui.filesView, self.files),
        ):
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.verticalHeader().setDefaultSectionSize(28)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.horizontalHeader().setStretchLastSection(True)
        ui.attendanceView.setItemDelegateForColumn(
            AttendanceModel.COL_STATUS,
            ChoiceDelegate(AttendanceModel.CHOICES[AttendanceModel.COL_STATUS], self),
        )
        ui.agendaView.setItemDelegateForColumn(
            AgendaModel.COL_KIND, ChoiceDelegate(AgendaModel.CHOICES[AgendaModel.COL_KIND], self)
        )
        ui.agendaView.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ui.agendaView.horizontalHeader().setStretchLastSection(False)
        ui.attendanceView.setColumnWidth(0, 120)
        ui.attendanceView.setColumnWidth(1, 130)
        ui.attendanceView.setColumnWidth(2, 90)
        self._size_agenda_columns()
        ui.filesView.setColumnWidth(0, 420)
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("保存")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def _connect(self) -> None:
        ui = self.ui
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        ui.groupCombo.currentIndexChanged.connect(self._group_changed)
        ui.dateEdit.dateChanged.connect(self._refill_attendance)
        ui.allPresentButton.clicked.connect(self.mark_rest_present)
        ui.pickSittingInButton.clicked.connect(self.pick_sitting_in)
        ui.leaveButton.clicked.connect(lambda: self._mark_selected(AttendanceStatus.LEAVE))
        ui.absentButton.clicked.connect(lambda: self._mark_selected(AttendanceStatus.ABSENT))
        ui.addAgendaButton.clicked.connect(self._add_agenda)
        ui.removeAgendaButton.clicked.connect(
            lambda: self.agenda.remove(ui.agendaView.currentIndex().row())
        )
        ui.addFileButton.clicked.connect(lambda: self.add_picked_files(self.files))
        ui.openFileButton.clicked.connect(lambda: self.open_selected_file(ui.filesView, self.files))
        ui.removeFileButton.clicked.connect(
            lambda: self.files.remove(ui.filesView.currentIndex().row())
        )
        for signal in (
            ui.themeEdit.textChanged,
            ui.placeEdit.textChanged,
            ui.speakerEdit.textChanged,
            ui.sittingInEdit.textChanged,
            ui.minutesEdit.textChanged,
            ui.resolutionsEdit.textChanged,
            ui.hostCombo.currentTextChanged,
            ui.recorderCombo.currentTextChanged,
            ui.startTimeEdit.timeChanged,
            ui.endTimeEdit.timeChanged,
            self.attendance.edited,
            self.agenda.edited,
            self.files.rowsInserted,
            self.files.rowsRemoved,
            *(box.toggled for box in self._tag_boxes.values()),
        ):
            signal.connect(self._changed)
        self.attendance.edited.connect(self._update_counts)

    def history_title(self) -> str:
        draft = self.record.draft
        return f"{draft.meeting_date:%Y-%m-%d} {draft.theme}"

    # ---- loading and reading back --------------------------------------------------------
    def _load(self, draft: MeetingDraft) -> None:
        ui = self.ui
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(draft.kind))
        ui.themeEdit.setText(draft.theme)
        on = draft.meeting_date or date.today()
        ui.dateEdit.setDate(QDate(on.year, on.month, on.day))
        ui.startTimeEdit.setTime(_qtime(draft.start_time, 14, 30))
        ui.endTimeEdit.setTime(_qtime(draft.end_time, 16, 0))
        ui.placeEdit.setText(draft.place)
        ui.groupCombo.setCurrentIndex(max(0, ui.groupCombo.findData(draft.party_group_id)))
        ui.hostCombo.setCurrentText(draft.host_name)
        ui.recorderCombo.setCurrentText(draft.recorder_name)
        ui.speakerEdit.setText(draft.speaker)
        ui.sittingInEdit.setText(draft.sitting_in)
        for tag, box in self._tag_boxes.items():
            box.setChecked(tag in draft.tags)
        self.attendance.set_rows(draft.attendance)
        self.agenda.set_rows(draft.agenda)
        ui.minutesEdit.setPlainText(draft.minutes)
        ui.resolutionsEdit.setPlainText(draft.resolutions)
        self.files.set_stored(draft.attachments)
        self._kind_widgets()
        self._update_counts()
        self._dirty = False

    def draft(self) -> MeetingDraft:
        ui = self.ui
        host, recorder = ui.hostCombo.currentText().strip(), ui.recorderCombo.currentText().strip()
        is_lecture = self._kind() == MeetingKind.PARTY_LECTURE
        return MeetingDraft(
            kind=self._kind(),
            meeting_date=ui.dateEdit.date().toPython(),
            theme=ui.themeEdit.text(),
            start_time=ui.startTimeEdit.time().toPython(),
            end_time=ui.endTimeEdit.time().toPython(),
            place=ui.placeEdit.text().strip(),
            party_group_id=ui.groupCombo.currentData()
            if self._kind() == MeetingKind.GROUP
            else None,
            host_member_id=self._ids_by_name.get(host),
            host_name=host,
            recorder_member_id=self._ids_by_name.get(recorder),
            recorder_name=recorder,
            speaker=ui.speakerEdit.text().strip() if is_lecture else "",
            sitting_in=ui.sittingInEdit.text().strip(),
            minutes=ui.minutesEdit.toPlainText(),
            resolutions=ui.resolutionsEdit.toPlainText(),
            tags=frozenset(tag for tag, box in self._tag_boxes.items() if box.isChecked()),
            agenda=self.agenda.rows(),
            attendance=self.attendance.rows(),
            attachments=self.files.stored(),
            new_files=self.files.new_files(),
        )

    # ---- reactions -----------------------------------------------------------------------
    def _kind(self) -> MeetingKind:
        # Qt hands a str-based enum back as a plain str
        return MeetingKind(self.ui.kindCombo.currentData())

    def _kind_widgets(self) -> None:
        ui = self.ui
        group = self._kind() == MeetingKind.GROUP
        lecture = self._kind() == MeetingKind.PARTY_LECTURE
        for widget in (ui.groupLabel, ui.groupCombo):
            widget.setVisible(group)
        for widget in (ui.speakerLabel, ui.speakerEdit):
            widget.setVisible(lecture)
        # votes only where the kind takes them, or where a stored agenda holds some anyway
        votes = self._takes_votes()
        ui.attendanceView.setColumnHidden(AttendanceModel.COL_VOTE, not votes)
        for column in range(AgendaModel.COL_VOTE, AgendaModel.COL_ABSTAIN + 1):
            ui.agendaView.setColumnHidden(column, not votes)
        ui.tabs.setTabText(ui.tabs.indexOf(ui.agendaTab), "议程与表决" if votes else "议程")

    def _takes_votes(self) -> bool:
        return self._kind().takes_votes or any(item.has_vote for item in self.agenda.rows())

    def _size_agenda_columns(self) -> None:
        """Wide enough for the longest vote kind with the combo box's arrow, and for three-digit
        vote counts; the agenda item's title takes the rest."""
        view = self.ui.agendaView
        metrics = view.fontMetrics()
        longest = max(metrics.horizontalAdvance(label) for label in VoteKind.labels())
        view.setColumnWidth(AgendaModel.COL_VOTE, metrics.horizontalAdvance("表决") + 36)
        view.setColumnWidth(AgendaModel.COL_KIND, longest + 48)
        for column in (AgendaModel.COL_FOR, AgendaModel.COL_AGAINST, AgendaModel.COL_ABSTAIN):
            view.setColumnWidth(column, metrics.horizontalAdvance("弃权") + 36)

    def _kind_changed(self) -> None:
        self._kind_widgets()
        self._refill_attendance()
        self._update_title()

    def _refill_attendance(self) -> None:
        """A new meeting's attendance follows its kind, date and group; an existing meeting's
        list is the record's and is not replaced behind the user's back."""
        self._changed()
        if self.record is not None:
            return
        group = self.ui.groupCombo.currentData() if self._kind() == MeetingKind.GROUP else None
        fresh = self.service.new_draft(
            self._kind(), self.ui.dateEdit.date().toPython(), group, unmarked=True
        )
        self.attendance.set_rows(self._keep_marks(fresh.attendance))
        self._update_counts()

    def _keep_marks(self, fresh: list[AttendanceLine]) -> list[AttendanceLine]:
        """A new roll in which who is still expected keeps the mark and reason already given
        (the newly expected are not marked yet)."""
        marked = {line.member_id: line for line in self.attendance.rows()}
        return [
            replace(
                line, status=marked[line.member_id].status, reason=marked[line.member_id].reason
            )
            if line.member_id in marked
            else line
            for line in fresh
        ]

    def set_date(self, on: date) -> None:
        """The meeting's day (the attendance is read again for it), chosen for the user."""
        self.ui.dateEdit.setDate(QDate(on.year, on.month, on.day))
        self._dirty = False

    def choose_group(self, group_id: int) -> None:
        self.ui.groupCombo.setCurrentIndex(max(0, self.ui.groupCombo.findData(group_id)))
        self._dirty = False  # chosen for the user, not by them

    def _group_changed(self) -> None:
        """A new 党小组会 started from the last one copies the chosen group's last meeting,
        as long as nothing copied has been edited since; otherwise only the list of who
        should attend follows the group, and what the user typed stays."""
        if self.record is None and self._copied is not None and self._content() == self._copied:
            self.start_from_last()
        else:
            self._refill_attendance()

    def start_from_last(self) -> None:
        """Copy theme, place, host, recorder, guests and tags of the last meeting of this
        kind (of the chosen group for a 党小组会); who should attend is today's roll."""
        group = self.ui.groupCombo.currentData() if self._kind() == MeetingKind.GROUP else None
        draft = self.service.draft_from_last(
            self._kind(), self.ui.dateEdit.date().toPython(), group, unmarked=True
        )
        draft.party_group_id = group
        draft.attendance = self._keep_marks(draft.attendance)
        self._load(draft)
        self._copied = self._content()
        self._changed()

    def _content(self) -> tuple:
        """What the user writes (not the kind, date, group or attendance)."""
        d = self.draft()
        return (
            d.theme,
            d.place,
            d.host_name,
            d.recorder_name,
            d.speaker,
            d.sitting_in,
            d.minutes,
            d.resolutions,
            d.tags,
            tuple(d.agenda),
            tuple(d.new_files),
        )

    def mark_rest_present(self) -> None:
        """全部出席: everyone not yet marked is present; marks already given stay."""
        self.attendance.mark(self.attendance.unmarked_rows(), AttendanceStatus.PRESENT)
        self.ui.attendanceView.setFocus()  # the button is disabled now; the few are marked next

    def pick_sitting_in(self) -> MemberPicker:
        """选择党员…: tick members who sit in. Those expected at the meeting are not offered
        (they attend, with their vote); guests typed in the field stay as typed."""
        expected = {line.member_id for line in self.attendance.rows()}
        offered = {mid: name for mid, name in self._names.items() if mid not in expected}
        hint = (
            "勾选列席本次会议的本支部党员（应到人员不在此列）。"
            "支部以外的来宾、入党积极分子请在“列席人员”栏直接填写。"
        )
        if not offered:
            hint = "本支部党员都是本次会议的应到人员，没有可选的列席党员；来宾请直接填写。"
        picker = MemberPicker(
            offered,
            split_names(self.ui.sittingInEdit.text()),
            title="选择列席党员",
            hint=hint,
            parent=self,
        )
        picker.accepted.connect(
            lambda: self.ui.sittingInEdit.setText(
                merge_names(
                    self.ui.sittingInEdit.text(), set(offered.values()), picker.picked_names()
                )
            )
        )
        self.sitting_in_picker = picker
        picker.open()
        return picker

    def _mark_selected(self, status: AttendanceStatus) -> None:
        rows = sorted(
            {index.row() for index in self.ui.attendanceView.selectionModel().selectedRows()}
        )
        self.attendance.mark(rows, status)
        if status == AttendanceStatus.LEAVE and rows:
            view = self.ui.attendanceView
            view.setCurrentIndex(self.attendance.index(rows[0], AttendanceModel.COL_REASON))
            view.edit(view.currentIndex())

    def _add_agenda(self) -> None:
        row = self.agenda.append()
        self.ui.tabs.setCurrentWidget(self.ui.agendaTab)
        index = self.agenda.index(row, AgendaModel.COL_TITLE)
        self.ui.agendaView.setCurrentIndex(index)
        self.ui.agendaView.edit(index)

    def _on_saved(self, record: MeetingRecord) -> None:
        self.saved.emit(record.id)

    def _changed(self, *_args) -> None:
        super()._changed()
        self._warned = False
        self.save_button.setText("保存")

    def _update_counts(self) -> None:
        ui = self.ui
        counts = self.draft().counts
        some_marked = 0 < counts.unmarked < counts.expected
        button = "其余全部出席(&Q)" if some_marked else "全部出席(&Q)"
        ui.allPresentButton.setText(button)
        ui.allPresentButton.setEnabled(counts.unmarked > 0)
        if counts.unmarked:
            then = (
                "其余的都到了就点「其余全部出席」"
                if some_marked
                else "点「全部出席」，再标出请假、缺席的人"
            )
            text = f"应到 {counts.expected} 人，未核对 {counts.unmarked} 人：{then}"
            ui.countsLabel.setStyleSheet(f"color: {AttendanceModel.UNMARKED_COLOR};")
            ui.countsLabel.setText(text)
            return
        ui.countsLabel.setStyleSheet("")
        # the roll is complete: what save said about it is done
        ui.attendanceError.hide()
        ui.attendanceView.setStyleSheet("")
        text = (
            f"应到 {counts.expected} 人，实到 {counts.present} 人，请假 {counts.on_leave} 人，"
            f"缺席 {counts.absent} 人，出席率 {counts.rate_text}"
        )
        if counts.voters_expected != counts.expected and self._takes_votes():
            text += f"；有表决权 {counts.voters_expected} 人，到会 {counts.voters_present} 人"
        ui.countsLabel.setText(text)

    def _update_title(self) -> None:
        action = "编辑" if self.record else "新建"
        self.setWindowTitle(f"{action}{self._kind().label}记录")

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> None:
        """First press shows warnings (if any); the next press saves through them."""
        if self._task is not None:
            return
        commit_open_editors(self.ui.attendanceView, self.ui.agendaView)
        draft = self.draft()
        errors = self.service.check(draft)
        self._show_errors(errors)
        if errors:
            return
        warnings = self.service.warnings(draft)
        self.ui.warningsLabel.setText("请注意：\n" + "\n".join(f"• {w}" for w in warnings))
        self.ui.warningsLabel.setVisible(bool(warnings))
        if warnings and not self._warned:
            self._warned = True
            self.save_button.setText("仍然保存")
            return
        meeting_id = self.record.id if self.record else None
        version = self.record.version if self.record else 0
        self._start_save(self.service.save, draft, meeting_id=meeting_id, expected_version=version)

    def _show_errors(self, errors: dict[str, str]) -> None:
        ui = self.ui
        places = (
            (ui.themeError, ui.themeEdit, ("theme",)),
            (ui.dateError, ui.dateEdit, ("meeting_date", "end_time")),
            (ui.groupError, ui.groupCombo, ("party_group_id",)),
            (ui.attendanceError, ui.attendanceView, ("attendance",)),
            (ui.agendaError, ui.agendaView, ("agenda",)),
        )
        first = show_field_errors(places, errors)
        if first is ui.agendaView:
            ui.tabs.setCurrentWidget(ui.agendaTab)
        elif first is ui.attendanceView:
            ui.tabs.setCurrentWidget(ui.attendanceTab)

    # ---- size ----------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        """Opened the first time, the editor fits the screen it opens on (900×720 does not
        fit a 1366×768 screen at 125 %, 1093×614); the user's resizing after that stays."""
        if not self._fitted:
            self._fitted = True
            screen = (self.parentWidget() or self).screen().availableGeometry()
            # leave room for the title bar and frame the window manager adds
            self.resize(
                min(self.width(), screen.width() - 16), min(self.height(), screen.height() - 48)
            )
        super().showEvent(event)


def _qtime(value, hour: int, minute: int) -> QTime:
    return QTime(value.hour, value.minute) if value else QTime(hour, minute)
