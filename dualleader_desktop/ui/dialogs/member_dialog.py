"""Add or edit a member's file, or add one whose organizational relationship comes in from
another organization (转入). Every invalid field is marked with its reason; nothing is saved
until all are valid.

A new file starts with its dates empty, and a field's error shows once the user has edited the
field and left it, or on 保存: never for a value nobody typed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QWidget

from dualleader_desktop.domain.enums import Gender, MemberCategory
from dualleader_desktop.domain.member_records import MemberRecord
from dualleader_desktop.domain.validators import (
    FieldError,
    MemberDraft,
    TransferInDraft,
    check_id_number,
    id_birth_date,
    id_gender,
    validate_member,
    validate_transfer_in,
)
from dualleader_desktop.services.errors import RecordValidationError, ServiceError
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.services.member_photos import IMAGE_SUFFIXES, REMOVE_PHOTO, RemovePhoto
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.ui.dialogs.record_editor import RecordEditor
from dualleader_desktop.ui.forms.ui_member_dialog import Ui_MemberDialog
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.widgets.date_field import DateField
from dualleader_desktop.ui.widgets.field_errors import (
    INVALID_STYLE,
    error_label,
    show_field_errors,
)

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
# the date fields by their draft key, and the name their messages give them
DATE_LABELS = {
    "birth_date": "出生日期",
    "joined_date": "入党时间",
    "full_member_date": "转正时间",
    "transfer_date": "转入日期",
}
# an error shown while the user edits: a field's own once it was edited, and these besides
# (入党时间 typed within the year makes 正式党员 wrong: the message is about what was typed)
ALSO_CHECKED = {"joined_date": ("category",), "category": ("full_member_date",)}


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
        transfer_in: bool = False,
    ) -> None:
        """``transfer_in``: a new member whose organizational relationship comes in from
        another organization; the form asks for the day and the organization too."""
        super().__init__(parent)
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        self.service = service
        self.record = record
        self.transfer_in = transfer_in and record is None
        self._touched: set[str] = set()  # the fields the user edited
        # the photo the save applies: a new image file, REMOVE_PHOTO, or None (as it is)
        self._photo_change: Path | RemovePhoto | None = None
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
        for key, field in self._date_fields().items():
            field.label = DATE_LABELS[key]
        ui.transferDateEdit.allow_month_only = False  # the roll counts from that very day
        ui.transferBox.setVisible(self.transfer_in)
        if self.transfer_in:
            ui.joinedDateEdit.setToolTip("在原党组织入党的日期（不是转入日期）")
        self._fields = self._field_widgets()
        for label, _widget in self._fields.values():
            error_label(label)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.add_history_button(ui.buttonBox, history)
        self._load(record)
        self._connect()
        if record:
            self.setWindowTitle(f"编辑党员档案 — {record.name}")
        else:
            self.setWindowTitle(
                "转入党员（组织关系从其他党组织转入）" if transfer_in else "新增党员"
            )

    def _date_fields(self) -> dict[str, DateField]:
        ui = self.ui
        return {
            "birth_date": ui.birthDateEdit,
            "joined_date": ui.joinedDateEdit,
            "full_member_date": ui.fullMemberDateEdit,
            "transfer_date": ui.transferDateEdit,
        }

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
            "transfer_date": (ui.transferDateError, ui.transferDateEdit),
            "other_org": (ui.otherOrgError, ui.otherOrgEdit),
        }

    def _connect(self) -> None:
        ui = self.ui
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.choosePhotoButton.clicked.connect(self.choose_photo)
        ui.removePhotoButton.clicked.connect(self.remove_photo)
        ui.idNumberEdit.textChanged.connect(self._id_typed)
        ui.categoryCombo.currentIndexChanged.connect(self._category_changed)
        # what the user edits: (the edit, the moment to check it)
        edits = {
            "name": (ui.nameEdit.textEdited, ui.nameEdit.editingFinished),
            "id_number": (ui.idNumberEdit.textEdited, ui.idNumberEdit.editingFinished),
            "gender": (ui.genderCombo.activated, ui.genderCombo.activated),
            "phone": (ui.phoneEdit.textEdited, ui.phoneEdit.editingFinished),
            "category": (ui.categoryCombo.activated, ui.categoryCombo.activated),
            "other_org": (ui.otherOrgEdit.textEdited, ui.otherOrgEdit.editingFinished),
        }
        for key, field in self._date_fields().items():
            edits[key] = (field.edited, field.committed)
        for key, (edited, done) in edits.items():
            edited.connect(lambda *_args, k=key: self._touched.add(k))
            done.connect(self.check_edited)
        for signal in (
            ui.nameEdit.textChanged,
            ui.idNumberEdit.textChanged,
            ui.genderCombo.currentIndexChanged,
            ui.birthDateEdit.textChanged,
            ui.ethnicityEdit.textChanged,
            ui.nativePlaceEdit.textChanged,
            ui.phoneEdit.textChanged,
            ui.groupCombo.currentIndexChanged,
            ui.categoryCombo.currentIndexChanged,
            ui.joinedDateEdit.textChanged,
            ui.fullMemberDateEdit.textChanged,
            ui.educationCombo.currentTextChanged,
            ui.degreeCombo.currentTextChanged,
            ui.titleCombo.currentTextChanged,
            ui.postEdit.textChanged,
            ui.departmentEdit.textChanged,
            ui.remarksEdit.textChanged,
            ui.transferDateEdit.textChanged,
            ui.otherOrgEdit.textChanged,
            ui.transferNoteEdit.textChanged,
        ):
            signal.connect(self._changed)

    def _load(self, record: MemberRecord | None) -> None:
        ui = self.ui
        draft = record.to_draft() if record else MemberDraft(ethnicity="汉族")
        ui.nameEdit.setText(draft.name)
        ui.idNumberEdit.setText(draft.id_number)
        if draft.gender:
            ui.genderCombo.setCurrentIndex(ui.genderCombo.findData(draft.gender.value))
        ui.birthDateEdit.set_value(draft.birth_date)  # a new file's dates start empty
        ui.ethnicityEdit.setText(draft.ethnicity)
        ui.nativePlaceEdit.setText(draft.native_place)
        ui.phoneEdit.setText(draft.phone)
        ui.groupCombo.setCurrentIndex(max(0, ui.groupCombo.findData(draft.party_group_id)))
        category = draft.category or MemberCategory.FULL
        ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData(category.value))
        # a month-only date ("2003.07" from a roster) shows as such and stays so until edited
        ui.joinedDateEdit.set_value(draft.joined_date, "joined_date" in draft.month_only)
        ui.fullMemberDateEdit.set_value(
            draft.full_member_date, "full_member_date" in draft.month_only
        )
        ui.educationCombo.setCurrentText(draft.education)
        ui.degreeCombo.setCurrentText(draft.degree)
        ui.titleCombo.setCurrentText(draft.title)
        ui.postEdit.setText(draft.post)
        ui.departmentEdit.setText(draft.department)
        ui.remarksEdit.setPlainText(draft.remarks)
        self._category_changed()
        if record is not None:
            self._show_transfers(record)
        try:
            stored = self.service.photo(record.id) if record is not None else None
        except ServiceError as exc:  # an unreadable stored file: the rest of the file opens
            stored = None
            ui.photoView.setToolTip(str(exc))
        self._show_photo(stored)
        self._dirty = False

    def _show_photo(self, image: bytes | str | None) -> None:
        """The photo box: the image (bytes or a file), fitted, or 无照片."""
        pixmap = QPixmap()
        if isinstance(image, bytes):
            pixmap.loadFromData(image)
        elif image:
            pixmap.load(image)
        view = self.ui.photoView
        if pixmap.isNull():
            view.setPixmap(QPixmap())
            view.setText("无照片")
        else:
            view.setPixmap(
                pixmap.scaled(
                    view.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.ui.removePhotoButton.setEnabled(not pixmap.isNull())

    def choose_photo(self) -> None:
        """A photo file, shown now and stored when the file is saved."""
        patterns = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
        path, _filter = QFileDialog.getOpenFileName(
            self, "选择照片", "", f"图片 ({patterns});;所有文件 (*)"
        )
        if not path:
            return
        if QPixmap(path).isNull():
            show_error(
                self,
                "无法使用这张照片",
                f"“{Path(path).name}”不是能识别的图片。"
                "请选择 JPEG、PNG、BMP、GIF、TIFF 或 WebP 格式的照片。",
            )
            return
        self._photo_change = Path(path)
        self._show_photo(path)
        self._changed()

    def remove_photo(self) -> None:
        self._photo_change = REMOVE_PHOTO
        self._show_photo(None)
        self._changed()

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
        self.ui.birthDateEdit.set_value(id_birth_date(number))
        self.ui.genderCombo.setCurrentIndex(self.ui.genderCombo.findData(id_gender(number).value))

    def _category_changed(self) -> None:
        """A probationary member has no 转正时间: the field is off (what it holds is kept for
        a slip of the category, and not saved)."""
        probationary = self.ui.categoryCombo.currentData() == MemberCategory.PROBATIONARY.value
        self.ui.fullMemberDateEdit.setEnabled(not probationary)

    def _dates(self) -> tuple[dict[str, object], dict[str, str]]:
        """The date fields read: ({key: date or None}, {key: why its text is no date}), and
        the keys of dates known only to the month under "month_only"."""
        values: dict[str, object] = {}
        errors: dict[str, str] = {}
        month_only = set()
        for key, field in self._date_fields().items():
            try:
                parsed = field.value()
            except FieldError as exc:
                values[key], errors[key] = None, exc.message
                continue
            values[key] = parsed.value if parsed else None
            if parsed and parsed.month_only:
                month_only.add(key)
        values["month_only"] = frozenset(month_only)
        return values, errors

    def draft(self) -> MemberDraft:
        return self._read()[0]

    def _read(self) -> tuple[MemberDraft, TransferInDraft | None, dict[str, str]]:
        """The form as a draft, its transfer in (added by 转入 only), and why the text of a
        date field is no date."""
        ui = self.ui
        dates, errors = self._dates()
        full_allowed = ui.fullMemberDateEdit.isEnabled()
        if not full_allowed:
            dates["full_member_date"] = None
            errors.pop("full_member_date", None)
        draft = MemberDraft(
            name=ui.nameEdit.text(),
            gender=Gender(ui.genderCombo.currentData()),
            ethnicity=ui.ethnicityEdit.text().strip(),
            birth_date=dates["birth_date"],
            native_place=ui.nativePlaceEdit.text().strip(),
            id_number=ui.idNumberEdit.text(),
            education=ui.educationCombo.currentText().strip(),
            degree=ui.degreeCombo.currentText().strip(),
            title=ui.titleCombo.currentText().strip(),
            post=ui.postEdit.text().strip(),
            department=ui.departmentEdit.text().strip(),
            phone=ui.phoneEdit.text(),
            party_group_id=ui.groupCombo.currentData(),
            joined_date=dates["joined_date"],
            full_member_date=dates["full_member_date"],
            category=MemberCategory(ui.categoryCombo.currentData()),
            remarks=ui.remarksEdit.toPlainText().strip(),
            # a month-only mark of a date not saved (转正 of a 预备党员) is dropped on saving
            month_only=dates["month_only"] - {"transfer_date"},
        )
        transfer = None
        if self.transfer_in:
            transfer = TransferInDraft(
                dates["transfer_date"], ui.otherOrgEdit.text(), ui.transferNoteEdit.text()
            )
        else:
            errors.pop("transfer_date", None)
        return draft, transfer, errors

    def form_errors(self) -> dict[str, str]:
        """What is wrong with the form by the rules that need no database (a taken ID number
        is said by the service on 保存)."""
        draft, transfer, errors = self._read()
        draft = replace(draft)  # validate_member normalises its draft in place
        found = validate_member(draft)
        if transfer is not None:
            joined = None if "joined_date" in found else draft.joined_date
            found.update(validate_transfer_in(transfer, joined))
        # a text that is no date is said as such, not as "请填写…"
        return {**found, **errors}

    def check_edited(self, *_args) -> None:
        """Mark what is wrong with the fields the user edited and leave the others as they
        are (no message for a value nobody typed); the focus stays where the user put it."""
        checked = set(self._touched)
        for key in self._touched:
            checked.update(ALSO_CHECKED.get(key, ()))
        errors = self.form_errors()
        for key in checked & self._fields.keys():
            label, widget = self._fields[key]
            message = errors.get(key, "")
            label.setText(message)
            label.setVisible(bool(message))
            widget.setStyleSheet(INVALID_STYLE if message else "")

    def save(self) -> None:
        draft, transfer, date_errors = self._read()
        if date_errors:  # a date that is no date: said with everything else wrong, not saved
            self.show_errors(self.form_errors())
            return
        try:
            if self.record is None:
                photo = self._photo_change if isinstance(self._photo_change, Path) else None
                record = self.service.add(draft, transfer_in=transfer, photo=photo)
            else:
                record = self.service.update(
                    self.record.id,
                    draft,
                    expected_version=self.record.version,
                    photo=self._photo_change,
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
