"""The talk editor (谈心谈话记录): who talked with whom, what was said, follow-up, files."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox

from dualleader_desktop.domain.talk_records import TalkDraft, TalkRecord
from dualleader_desktop.domain.talks import TalkKind
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.ui.dialogs.record_editor import RecordEditor
from dualleader_desktop.ui.forms.ui_talk_editor import Ui_TalkEditor
from dualleader_desktop.ui.models.attachments_model import AttachmentsModel
from dualleader_desktop.ui.models.member_choice_model import MemberChoiceModel
from dualleader_desktop.ui.widgets.field_errors import error_label, show_field_errors


class TalkEditor(RecordEditor):
    RECORD_NAME = "谈话记录"
    HISTORY_KIND = EntityKind.TALK

    saved = Signal(int)

    def __init__(
        self,
        service: TalkService,
        *,
        member_names: dict[int, str],
        record: TalkRecord | None = None,
        parent=None,
        history=None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_TalkEditor()
        self.ui.setupUi(self)
        self.service = service
        self.record = record
        ui = self.ui
        for kind in TalkKind:
            ui.kindCombo.addItem(kind.label, kind)
        self.talkers = MemberChoiceModel(member_names, self)
        self.talkees = MemberChoiceModel(member_names, self)
        # the chosen names stand in the heading: a list of 40 names hides who is ticked
        for model, label, role in (
            (self.talkers, ui.talkersLabel, "谈话人"),
            (self.talkees, ui.talkeesLabel, "谈话对象"),
        ):
            model.edited.connect(partial(_show_chosen, model, label, role))
        self.files = AttachmentsModel(self)
        ui.talkersView.setModel(self.talkers)
        ui.talkeesView.setModel(self.talkees)
        ui.filesView.setModel(self.files)
        ui.filesView.verticalHeader().setVisible(False)
        ui.filesView.horizontalHeader().setStretchLastSection(True)
        ui.filesView.setColumnWidth(0, 360)
        for label in (
            ui.dateError,
            ui.topicError,
            ui.talkersError,
            ui.talkeesError,
            ui.followUpError,
        ):
            error_label(label)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.add_history_button(ui.buttonBox, history)
        self._load(record.draft if record else TalkDraft(talk_date=date.today()))
        self.setWindowTitle("编辑谈话记录" if record else "新建谈话记录")
        self._connect()

    def _connect(self) -> None:
        ui = self.ui
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.talkersFilter.textChanged.connect(self.talkers.set_filter)
        ui.talkeesFilter.textChanged.connect(self.talkees.set_filter)
        ui.followUpDateCheck.toggled.connect(ui.followUpDateEdit.setEnabled)
        ui.followUpDateEdit.setEnabled(ui.followUpDateCheck.isChecked())  # as loaded
        ui.addFileButton.clicked.connect(lambda: self.add_picked_files(self.files))
        ui.openFileButton.clicked.connect(lambda: self.open_selected_file(ui.filesView, self.files))
        ui.removeFileButton.clicked.connect(
            lambda: self.files.remove(ui.filesView.currentIndex().row())
        )
        for signal in (
            ui.dateEdit.dateChanged,
            ui.kindCombo.currentIndexChanged,
            ui.placeEdit.textChanged,
            ui.topicEdit.textChanged,
            ui.contentEdit.textChanged,
            ui.viewEdit.textChanged,
            ui.followUpEdit.textChanged,
            ui.followUpDateCheck.toggled,
            ui.followUpDateEdit.dateChanged,
            self.talkers.edited,
            self.talkees.edited,
            self.files.rowsInserted,
            self.files.rowsRemoved,
        ):
            signal.connect(self._changed)

    def _load(self, draft: TalkDraft) -> None:
        ui = self.ui
        on = draft.talk_date or date.today()
        ui.dateEdit.setDate(QDate(on.year, on.month, on.day))
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(draft.kind))
        ui.placeEdit.setText(draft.place)
        ui.topicEdit.setText(draft.topic)
        ui.contentEdit.setPlainText(draft.content)
        ui.viewEdit.setPlainText(draft.member_view)
        ui.followUpEdit.setPlainText(draft.follow_up)
        ui.followUpDateCheck.setChecked(draft.follow_up_date is not None)
        follow = draft.follow_up_date or on
        ui.followUpDateEdit.setDate(QDate(follow.year, follow.month, follow.day))
        self.talkers.set_checked_ids(draft.talker_ids)
        self.talkees.set_checked_ids(draft.talkee_ids)
        self.files.set_stored(draft.attachments)
        self._dirty = False

    def draft(self) -> TalkDraft:
        ui = self.ui
        return TalkDraft(
            talk_date=ui.dateEdit.date().toPython(),
            kind=TalkKind(ui.kindCombo.currentData()),
            place=ui.placeEdit.text().strip(),
            topic=ui.topicEdit.text(),
            content=ui.contentEdit.toPlainText(),
            member_view=ui.viewEdit.toPlainText(),
            follow_up=ui.followUpEdit.toPlainText(),
            follow_up_date=(
                ui.followUpDateEdit.date().toPython() if ui.followUpDateCheck.isChecked() else None
            ),
            talker_ids=self.talkers.checked_ids(),
            talkee_ids=self.talkees.checked_ids(),
            attachments=self.files.stored(),
            new_files=self.files.new_files(),
        )

    def history_title(self) -> str:
        draft = self.record.draft
        return f"{draft.talk_date:%Y-%m-%d} {draft.topic}"

    def _on_saved(self, record: TalkRecord) -> None:
        self.saved.emit(record.id)

    def save(self) -> None:
        if self._task is not None:
            return
        draft = self.draft()
        errors = self.service.check(draft)
        ui = self.ui
        places = (
            (ui.dateError, ui.dateEdit, "talk_date"),
            (ui.topicError, ui.topicEdit, "topic"),
            (ui.talkersError, ui.talkersView, "talker_ids"),
            (ui.talkeesError, ui.talkeesView, "talkee_ids"),
            (ui.followUpError, ui.followUpDateEdit, "follow_up_date"),
        )
        if show_field_errors(places, errors) is not None:
            return
        talk_id = self.record.id if self.record else None
        version = self.record.version if self.record else 0
        self._start_save(self.service.save, draft, talk_id=talk_id, expected_version=version)


def _show_chosen(model: MemberChoiceModel, label, role: str) -> None:
    names = model.checked_names()
    label.setText(f"{role}（已选：{'、'.join(names)}）" if names else f"{role}（可多选）")
