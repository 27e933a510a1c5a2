"""Change a member's status: transferred out, suspended, expelled, deceased, or back on the roll;
or record that a member on the roll came in from another organization (转入)."""

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

TRANSFER_IN = "transfer_in"  # the combo's entry that is no status: a transfer in is recorded
TRANSFER_IN_LABEL = "转入（组织关系从其他党组织转入）"
HINT = "档案不会被删除：原有会议记录中仍保留该党员的姓名，状态可随时恢复为“在册”。"
TRANSFER_IN_HINT = (
    "自转入日期起，该党员计入本支部当日的名册和会议应到人员；此前的名册和会议不再列入。"
    "新来的党员请用“转入党员…”建立档案。"
)
# the texts of the fields that change with the entry: (date, organization, its placeholder)
TEXTS = {
    MemberStatus.TRANSFERRED_OUT.value: (
        "转出日期(&D)",
        "转往党组织(&O)",
        "接收组织关系的党组织全称",
    ),
    TRANSFER_IN: ("转入日期(&D)", "原所在党组织(&O)", "转出组织关系的原党组织全称"),
}
DEFAULT_TEXTS = ("日期(&D)", "转往党组织(&O)", "接收组织关系的党组织全称")


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
        if record.status == MemberStatus.ACTIVE:
            # one who has left comes back with 恢复在册 (the roll keeps one period a member)
            ui.statusCombo.addItem(TRANSFER_IN_LABEL, TRANSFER_IN)
        ui.memberLabel.setText(f"党员：{record.name}（当前状态：{record.status.label}）")
        ui.dateEdit.setDate(QDate.currentDate())
        ui.dateEdit.setMaximumDate(QDate.currentDate())
        for label in (ui.statusError, ui.dateError, ui.otherOrgError):
            error_label(label)
        ui.hintLabel.setStyleSheet("color: #555;")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.statusCombo.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def choose(self, value: str) -> None:
        """Select the entry of a status value, or ``TRANSFER_IN``."""
        self.ui.statusCombo.setCurrentIndex(self.ui.statusCombo.findData(value))

    def is_transfer_in(self) -> bool:
        return self.ui.statusCombo.currentData() == TRANSFER_IN

    def status(self) -> MemberStatus:
        """The status chosen (a transfer in keeps the member 在册)."""
        if self.is_transfer_in():
            return MemberStatus.ACTIVE
        return MemberStatus(self.ui.statusCombo.currentData())

    def _status_changed(self) -> None:
        ui, chosen = self.ui, self.ui.statusCombo.currentData()
        date_text, org_text, placeholder = TEXTS.get(chosen, DEFAULT_TEXTS)
        ui.dateLabel.setText(date_text)
        ui.otherOrgLabel.setText(org_text)
        ui.otherOrgEdit.setPlaceholderText(placeholder)
        ui.hintLabel.setText(TRANSFER_IN_HINT if self.is_transfer_in() else HINT)
        for widget in (ui.otherOrgLabel, ui.otherOrgEdit):
            widget.setEnabled(chosen in TEXTS)
        show_field_errors(self._places(), {})  # what was said of the other entry

    def _places(self):
        ui = self.ui
        return (
            (ui.statusError, ui.statusCombo, "status"),
            (ui.dateError, ui.dateEdit, ("status_date", "transfer_date")),
            (ui.otherOrgError, ui.otherOrgEdit, "other_org"),
        )

    def save(self) -> None:
        ui = self.ui
        day = ui.dateEdit.date().toPython()
        note, other_org = ui.noteEdit.toPlainText(), ui.otherOrgEdit.text()
        try:
            if self.is_transfer_in():
                self.service.record_transfer_in(self.record.id, day, other_org, note)
                record = self.service.get(self.record.id)
            else:
                record = self.service.change_status(
                    self.record.id, self.status(), day, note=note, other_org=other_org
                )
        except RecordValidationError as exc:
            show_field_errors(self._places(), exc.errors)
            return
        except (ServiceError, DatabaseError) as exc:
            show_error(self, "未能保存", str(exc))
            return
        self.saved.emit(record)
        self.accept()
