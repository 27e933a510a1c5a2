"""Change a member's status: transferred out, suspended, expelled, deceased, or back on the roll."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from dualleader_desktop.domain.enums import MemberStatus
from dualleader_desktop.domain.member_records import MemberRecord
from dualleader_desktop.services.errors import RecordValidationError, ServiceError
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.ui.forms.ui_status_dialog import Ui_StatusDialog
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.widgets.field_errors import error_label, show_field_errors


class StatusDialog(QDialog):
    saved = Signal(object)  # MemberRecord

    def __init__(self, service: MemberService, record: MemberRecord, parent=None) -> None:
        super().__init__(parent)
        self.ui = Ui_StatusDialog()
        self.ui.setupUi(self)
        self.service, self.record = service, record
        ui = self.ui
        for status in MemberStatus:
            if status != record.status:
                label = "恢复在册" if status == MemberStatus.ACTIVE else status.label
                ui.statusCombo.addItem(label, status.value)
        ui.memberLabel.setText(f"党员：{record.name}（当前状态：{record.status.label}）")
        ui.dateEdit.setDate(QDate.currentDate())
        ui.dateEdit.setMaximumDate(QDate.currentDate())
        error_label(ui.dateError)
        error_label(ui.otherOrgError)
        ui.hintLabel.setStyleSheet("color: #555;")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.statusCombo.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def status(self) -> MemberStatus:
        return MemberStatus(self.ui.statusCombo.currentData())

    def _status_changed(self) -> None:
        transfer = self.status() == MemberStatus.TRANSFERRED_OUT
        for widget in (self.ui.otherOrgLabel, self.ui.otherOrgEdit):
            widget.setEnabled(transfer)

    def save(self) -> None:
        ui = self.ui
        try:
            record = self.service.change_status(
                self.record.id,
                self.status(),
                ui.dateEdit.date().toPython(),
                note=ui.noteEdit.toPlainText(),
                other_org=ui.otherOrgEdit.text(),
            )
        except RecordValidationError as exc:
            places = (
                (ui.dateError, ui.dateEdit, "status_date"),
                (ui.otherOrgError, ui.otherOrgEdit, "other_org"),
            )
            show_field_errors(places, exc.errors)
            return
        except (ServiceError, DatabaseError) as exc:
            show_error(self, "未能保存", str(exc))
            return
        self.saved.emit(record)
        self.accept()
