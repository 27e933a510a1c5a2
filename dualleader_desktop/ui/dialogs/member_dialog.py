"""Add or edit a member's file. Every invalid field is marked with its reason; nothing is
saved until all are valid."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from dualleader_desktop.domain.enums import Gender, MemberCategory
from dualleader_desktop.domain.member_records import MemberRecord
from dualleader_desktop.domain.validators import (
    FieldError,
    MemberDraft,
    check_id_number,
    id_birth_date,
    id_gender,
)
from dualleader_desktop.services.errors import RecordValidationError, ServiceError
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.ui.dialogs.record_editor import RecordEditor
from dualleader_desktop.ui.forms.ui_member_dialog import Ui_MemberDialog
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.widgets.field_errors import error_label, show_field_errors

EDUCATION = ("研究生", "大学本科", "大学专科", "中专", "高中")
DEGREES = ("博士", "硕士", "学士", "无")
TITLES = (
    "教授",
    "副教授",
    "讲师",
    "助教",
    "正高级工程师",
    "高级工程师",
    "工程师",
    "高级实验师",
    "实验师",
)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class MemberDialog(RecordEditor):
    RECORD_NAME = "党员档案"
    HISTORY_KIND = EntityKind.MEMBER
    saved = Signal(object)  # MemberRecord

    def __init__(
        self,
        service: MemberService,
        groups: list[tuple[int, str]],
        record: MemberRecord | None = None,
        parent=None,
        *,
        history=None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        self.service = service
        self.record = record
        ui = self.ui
        for gender in Gender:
            ui.genderCombo.addItem(gender.label, gender.value)
        for category in MemberCategory:
            ui.categoryCombo.addItem(category.label, category.value)
        ui.groupCombo.addItem("（未分组）", None)
        for group_id, name in groups:
            ui.groupCombo.addItem(name, group_id)
        ui.educationCombo.addItems(("", *EDUCATION))
        ui.degreeCombo.addItems(("", *DEGREES))
        ui.titleCombo.addItems(("", *TITLES))
        for widget in (ui.birthDateEdit, ui.joinedDateEdit, ui.fullMemberDateEdit):
            widget.setMaximumDate(QDate.currentDate().addYears(1))
        self._fields = self._field_widgets()
        for label, _widget in self._fields.values():
            error_label(label)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.add_history_button(ui.buttonBox, history)
        self._load(record)
        self._connect()
        self.setWindowTitle(f"编辑党员档案 — {record.name}" if record else "新增党员")

    def _field_widgets(self) -> dict[str, tuple[QLabel, QWidget]]:
        ui = self.ui
        return {
            "name": (ui.nameError, ui.nameEdit),
            "id_number": (ui.idNumberError, ui.idNumberEdit),
            "gender": (ui.genderError, ui.genderCombo),
            "birth_date": (ui.birthDateError, ui.birthDateEdit),
            "ethnicity": (ui.ethnicityError, ui.ethnicityEdit),
            "native_place": (ui.nativePlaceError, ui.nativePlaceEdit),
            "phone": (ui.phoneError, ui.phoneEdit),
            "party_group_id": (ui.partyGroupIdError, ui.groupCombo),
            "category": (ui.categoryError, ui.categoryCombo),
            "joined_date": (ui.joinedDateError, ui.joinedDateEdit),
            "full_member_date": (ui.fullMemberDateError, ui.fullMemberDateEdit),
            "education": (ui.educationError, ui.educationCombo),
            "degree": (ui.degreeError, ui.degreeCombo),
            "title": (ui.titleError, ui.titleCombo),
            "post": (ui.postError, ui.postEdit),
            "department": (ui.departmentError, ui.departmentEdit),
            "remarks": (ui.remarksError, ui.remarksEdit),
        }

    def _connect(self) -> None:
        ui = self.ui
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.idNumberEdit.textChanged.connect(self._id_typed)
        ui.fullMemberCheck.toggled.connect(ui.fullMemberDateEdit.setEnabled)
        ui.fullMemberDateEdit.setEnabled(ui.fullMemberCheck.isChecked())  # as loaded
        # a month-only date ("2003.07" from a roster) the user edits becomes an exact day
        ui.joinedDateEdit.dateChanged.connect(lambda: self._month_only.discard("joined_date"))
        ui.fullMemberDateEdit.dateChanged.connect(
            lambda: self._month_only.discard("full_member_date")
        )
        ui.categoryCombo.currentIndexChanged.connect(self._category_changed)
        for signal in (
            ui.nameEdit.textChanged,
            ui.idNumberEdit.textChanged,
            ui.genderCombo.currentIndexChanged,
            ui.birthDateEdit.dateChanged,
            ui.ethnicityEdit.textChanged,
            ui.nativePlaceEdit.textChanged,
            ui.phoneEdit.textChanged,
            ui.groupCombo.currentIndexChanged,
            ui.categoryCombo.currentIndexChanged,
            ui.joinedDateEdit.dateChanged,
            ui.fullMemberCheck.toggled,
            ui.fullMemberDateEdit.dateChanged,
            ui.educationCombo.currentTextChanged,
            ui.degreeCombo.currentTextChanged,
            ui.titleCombo.currentTextChanged,
            ui.postEdit.textChanged,
            ui.departmentEdit.textChanged,
            ui.remarksEdit.textChanged,
        ):
            signal.connect(self._changed)

    def _load(self, record: MemberRecord | None) -> None:
        ui = self.ui
        draft = record.to_draft() if record else MemberDraft(ethnicity="汉族")
        self._month_only = set(draft.month_only)  # kept for the dates left untouched
        ui.nameEdit.setText(draft.name)
        ui.idNumberEdit.setText(draft.id_number)
        if draft.gender:
            ui.genderCombo.setCurrentIndex(ui.genderCombo.findData(draft.gender.value))
        ui.birthDateEdit.setDate(_qdate(draft.birth_date or date(1985, 1, 1)))
        ui.ethnicityEdit.setText(draft.ethnicity)
        ui.nativePlaceEdit.setText(draft.native_place)
        ui.phoneEdit.setText(draft.phone)
        ui.groupCombo.setCurrentIndex(max(0, ui.groupCombo.findData(draft.party_group_id)))
        category = draft.category or MemberCategory.FULL
        ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData(category.value))
        ui.joinedDateEdit.setDate(_qdate(draft.joined_date or date.today()))
        ui.fullMemberCheck.setChecked(draft.full_member_date is not None)
        ui.fullMemberDateEdit.setDate(_qdate(draft.full_member_date or date.today()))
        ui.educationCombo.setCurrentText(draft.education)
        ui.degreeCombo.setCurrentText(draft.degree)
        ui.titleCombo.setCurrentText(draft.title)
        ui.postEdit.setText(draft.post)
        ui.departmentEdit.setText(draft.department)
        ui.remarksEdit.setPlainText(draft.remarks)
        self._category_changed()
        if record is not None:
            self._show_transfers(record)
        self._dirty = False

    def _show_transfers(self, record: MemberRecord) -> None:
        transfers = self.service.transfers(record.id)
        if not transfers:
            return
        lines = [
            f"{t.transfer_date:%Y-%m-%d} {t.direction.label}：{t.other_org}"
            + (f"（{t.note}）" if t.note else "")
            for t in transfers
        ]
        self.ui.transfersLabel.setText("组织关系转接：" + "；".join(lines))
        self.ui.transfersLabel.setVisible(True)

    def _id_typed(self, text: str) -> None:
        """A complete, valid ID number fills the birth date and gender it contains."""
        try:
            number = check_id_number(text)
        except FieldError:
            return
        self.ui.birthDateEdit.setDate(_qdate(id_birth_date(number)))
        self.ui.genderCombo.setCurrentIndex(self.ui.genderCombo.findData(id_gender(number).value))

    def _category_changed(self) -> None:
        probationary = self.ui.categoryCombo.currentData() == MemberCategory.PROBATIONARY.value
        if probationary:
            self.ui.fullMemberCheck.setChecked(False)
        self.ui.fullMemberCheck.setEnabled(not probationary)

    def draft(self) -> MemberDraft:
        ui = self.ui
        return MemberDraft(
            name=ui.nameEdit.text(),
            gender=Gender(ui.genderCombo.currentData()),
            ethnicity=ui.ethnicityEdit.text().strip(),
            birth_date=ui.birthDateEdit.date().toPython(),
            native_place=ui.nativePlaceEdit.text().strip(),
            id_number=ui.idNumberEdit.text(),
            education=ui.educationCombo.currentText().strip(),
            degree=ui.degreeCombo.currentText().strip(),
            title=ui.titleCombo.currentText().strip(),
            post=ui.postEdit.text().strip(),
            department=ui.departmentEdit.text().strip(),
            phone=ui.phoneEdit.text(),
            party_group_id=ui.groupCombo.currentData(),
            joined_date=ui.joinedDateEdit.date().toPython(),
            full_member_date=(
                ui.fullMemberDateEdit.date().toPython() if ui.fullMemberCheck.isChecked() else None
            ),
            category=MemberCategory(ui.categoryCombo.currentData()),
            remarks=ui.remarksEdit.toPlainText().strip(),
            month_only=frozenset(self._month_only),
        )

    def save(self) -> None:
        draft = self.draft()
        try:
            if self.record is None:
                record = self.service.add(draft)
            else:
                record = self.service.update(
                    self.record.id, draft, expected_version=self.record.version
                )
        except RecordValidationError as exc:
            self.show_errors(exc.errors)
            return
        except (ServiceError, DatabaseError) as exc:
            show_error(self, "未能保存", str(exc))
            return
        self.show_errors({})
        self._finished(record)

    def history_title(self) -> str:
        return self.record.name

    def _on_saved(self, record: MemberRecord) -> None:
        self.saved.emit(record)

    def show_errors(self, errors: dict[str, str]) -> None:
        places = [(label, widget, key) for key, (label, widget) in self._fields.items()]
        show_field_errors(places, errors)
