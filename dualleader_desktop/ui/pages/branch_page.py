"""Branch settings: the branch's details, its Party groups and its committee with terms."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dualleader_desktop.domain.enums import MemberCategory, MemberStatus
from dualleader_desktop.services.branch import BranchInfo, BranchService
from dualleader_desktop.services.errors import RecordValidationError, ServiceError
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.dialogs.branch_dialogs import GroupDialog, SeatDialog
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.models.branch_models import CommitteeModel, GroupsModel
from dualleader_desktop.ui.pages.record_list import list_table
from dualleader_desktop.ui.widgets.field_errors import error_label, show_field_errors


class BranchPage(QWidget):
    branch_changed = Signal()

    def __init__(self, branch_service: BranchService, member_service: MemberService, parent=None):
        super().__init__(parent)
        self.branch, self.members = branch_service, member_service
        self.dialog = None
        self.first_run = QLabel(
            "欢迎使用！请先填写支部名称等基本信息并保存，然后登记党小组和支委会。"
        )
        self.first_run.setStyleSheet("background: #e8f0fe; padding: 8px; border-radius: 4px;")
        self.first_run.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            "background: #fff4e5; color: #7a4500; padding: 8px; border-radius: 4px;"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.first_run)
        layout.addWidget(self.warnings)
        layout.addWidget(self._details_box())
        tables = QHBoxLayout()
        tables.addWidget(self._groups_box(), 2)
        tables.addWidget(self._committee_box(), 3)
        layout.addLayout(tables, 1)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_details)
        self.refresh()

    # ---- building ------------------------------------------------------------------------
    def _details_box(self) -> QGroupBox:
        box = QGroupBox("支部信息")
        form = QFormLayout(box)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("如：机电工程学院教师党支部")
        self.name_error = error_label()
        self.parent_edit = QLineEdit()
        self.parent_edit.setPlaceholderText("上级党组织全称")
        self.founded_check = QCheckBox("已知成立日期")
        self.founded_edit = QDateEdit()
        self.founded_edit.setCalendarPopup(True)
        self.founded_edit.setDisplayFormat("yyyy-MM-dd")
        self.founded_edit.setEnabled(False)
        self.founded_check.toggled.connect(self.founded_edit.setEnabled)
        self.founded_error = error_label()
        self.studio_edit = QLineEdit()
        self.studio_edit.setPlaceholderText("如：“双带头人”教师党支部书记工作室")
        save = QPushButton("保存支部信息")
        save.clicked.connect(self.save_details)
        founded = QHBoxLayout()
        founded.addWidget(self.founded_check)
        founded.addWidget(self.founded_edit)
        founded.addStretch(1)
        form.addRow("支部名称(&N)", self.name_edit)
        form.addRow("", self.name_error)
        form.addRow("上级党组织", self.parent_edit)
        form.addRow("成立日期", founded)
        form.addRow("", self.founded_error)
        form.addRow("书记工作室", self.studio_edit)
        form.addRow("", save)
        return box

    def _table_box(self, title: str, model, buttons) -> tuple[QGroupBox, object]:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
        row.addStretch(1)
        view = list_table(model, 0)
        view.doubleClicked.connect(lambda _index: buttons[1][1]())
        layout.addLayout(row)
        layout.addWidget(view)
        return box, view

    def _groups_box(self) -> QGroupBox:
        self.groups_model = GroupsModel(self)
        box, self.groups_view = self._table_box(
            "党小组",
            self.groups_model,
            [("新增", self.add_group), ("编辑", self.edit_group), ("删除", self.delete_group)],
        )
        return box

    def _committee_box(self) -> QGroupBox:
        self.committee_model = CommitteeModel(self)
        box, self.committee_view = self._table_box(
            "支部委员会（任期一般为 3 年）",
            self.committee_model,
            [("新增", self.add_seat), ("编辑", self.edit_seat), ("删除", self.remove_seat)],
        )
        return box

    # ---- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_branch_fields()
        self._refresh_lists()

    def _refresh_branch_fields(self) -> None:
        info = self.branch.get_branch()
        self.first_run.setVisible(info is None)
        if info is not None:
            self.name_edit.setText(info.name)
            self.parent_edit.setText(info.parent_org)
            self.studio_edit.setText(info.studio_name)
            self.founded_check.setChecked(info.founded_on is not None)
            founded = info.founded_on or date.today()
            self.founded_edit.setDate(QDate(founded.year, founded.month, founded.day))

    def _refresh_lists(self) -> None:
        self.groups_model.set_rows(self.branch.list_groups())
        self.committee_model.set_rows(self.branch.list_committee())
        notes = self.branch.warnings()
        self.warnings.setText("\n".join(f"• {n}" for n in notes))
        self.warnings.setVisible(bool(notes))

    def save_details(self) -> None:
        info = BranchInfo(
            name=self.name_edit.text(),
            parent_org=self.parent_edit.text(),
            founded_on=self.founded_edit.date().toPython()
            if self.founded_check.isChecked()
            else None,
            studio_name=self.studio_edit.text(),
        )
        places = (
            (self.name_error, self.name_edit, "name"),
            (self.founded_error, self.founded_edit, "founded_on"),
        )
        try:
            self.branch.save_branch(info)
        except RecordValidationError as exc:
            show_field_errors(places, exc.errors)
            return
        except ServiceError as exc:
            show_error(self, "未能保存", str(exc))
            return
        show_field_errors(places, {})
        self.refresh()
        self.branch_changed.emit()

    # ---- groups and committee ------------------------------------------------------------
    def _active_members(self, *, full_only: bool = False) -> dict[int, str]:
        category = MemberCategory.FULL if full_only else None
        return {
            m.id: m.name
            for m in self.members.list_members(status=MemberStatus.ACTIVE, category=category)
        }

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._changed)
        dialog.open()

    def _changed(self) -> None:
        """A group or seat was saved: the lists change, the branch fields keep what is typed."""
        self._refresh_lists()
        self.branch_changed.emit()

    def _selected(self, view, model):
        index = view.currentIndex()
        return model.row_at(index.row()) if index.isValid() else None

    def add_group(self) -> GroupDialog:
        dialog = GroupDialog(self.branch, self._active_members(), parent=self)
        self._open(dialog)
        return dialog

    def edit_group(self) -> None:
        if group := self._selected(self.groups_view, self.groups_model):
            self._open(GroupDialog(self.branch, self._active_members(), group, parent=self))

    def delete_group(self) -> None:
        group = self._selected(self.groups_view, self.groups_model)
        if group is None or not self.confirm(f"确定删除党小组「{group.name}」吗？"):
            return
        try:
            self.branch.delete_group(group.id)
        except ServiceError as exc:
            show_error(self, "不能删除", str(exc))
            return
        self._changed()

    def add_seat(self) -> SeatDialog:
        dialog = SeatDialog(self.branch, self._active_members(full_only=True), parent=self)
        self._open(dialog)
        return dialog

    def edit_seat(self) -> None:
        if seat := self._selected(self.committee_view, self.committee_model):
            members = self._active_members(full_only=True)
            members.setdefault(seat.member_id, seat.member_name)
            self._open(SeatDialog(self.branch, members, seat, parent=self))

    def remove_seat(self) -> None:
        seat = self._selected(self.committee_view, self.committee_model)
        if seat and self.confirm(f"确定删除 {seat.member_name} 的{seat.role_label}任职记录吗？"):
            self.branch.remove_seat(seat.id)
            self._changed()

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, "请确认", text)
        return answer == QMessageBox.StandardButton.Yes
