"""The member roster page: the actions on a member's file, the filters, and the table.

The dialogs are imported when first opened, to keep them off the start-up path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from dualleader_desktop.domain.enums import MemberCategory, MemberStatus
from dualleader_desktop.domain.member_records import MemberRecord
from dualleader_desktop.ui.messages import show_info
from dualleader_desktop.ui.models.roster_model import (
    COL_CATEGORY,
    COL_GROUP,
    COL_NAME,
    COL_STATUS,
    NO_GROUP,
    RosterModel,
)
from dualleader_desktop.ui.pages.record_list import enum_value, filter_combo, list_table, refill

if TYPE_CHECKING:
    from dualleader_desktop.services.branch import BranchService
    from dualleader_desktop.services.members import MemberService
    from dualleader_desktop.storage.first_screen import FirstScreen

ALL = "__all__"  # the status filter's "every status" entry (None would mean the default)
FILTER_SHORTCUT = "Ctrl+L"


class MembersPage(QWidget):
    members_changed = Signal()
    import_requested = Signal()
    export_requested = Signal()
    card_requested = Signal(int)  # member id: export the 党员信息采集表

    def __init__(
        self,
        members: MemberService | None,
        branch: BranchService | None,
        parent=None,
        *,
        first: FirstScreen | None = None,
    ) -> None:
        """``first``: the roster of the first screen, shown before the services come (the main
        window gives them, ``members`` and ``branch``, when the database is open)."""
        super().__init__(parent)
        self.members, self.branch = members, branch
        self.dialog = None
        self.model = RosterModel(self)
        self.status_filter = filter_combo(
            [("全部状态", ALL)]
            + [(s.label, s.value) for s in MemberStatus if s != MemberStatus.ACTIVE],
            all_label="在册党员",
        )
        self.group_filter = filter_combo([], all_label="全部党小组")
        self.category_filter = filter_combo(
            [(c.label, c.value) for c in MemberCategory], all_label="全部类别"
        )
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("rosterFilter")
        self.filter_edit.setPlaceholderText("筛选：姓名、身份证号、电话、部门")
        self.filter_edit.setToolTip(
            f"输入即筛选本页名册（{FILTER_SHORTCUT} 跳到此处，Esc 清空）；"
            "查找会议、谈话记录请用窗口上方的搜索"
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(180)
        self.filter_edit.setMaximumWidth(360)
        self.filter_edit.textChanged.connect(self.apply_filters)
        QShortcut(QKeySequence(FILTER_SHORTCUT), self, activated=self.focus_filter)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.filter_edit,
            activated=self.filter_edit.clear,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.count_label = QLabel()
        self.view = list_table(self.model, COL_NAME)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(
            COL_NAME, self.view.horizontalHeader().ResizeMode.Interactive
        )
        # what a narrow window (1366 px at 125 %) must still show comes first: 党员类别, 状态 and
        # 党小组 beside 姓名; the model keeps its order (the roster export and tests use it)
        header = self.view.horizontalHeader()
        for place, column in enumerate((COL_CATEGORY, COL_STATUS, COL_GROUP), start=1):
            header.moveSection(header.visualIndex(column), place)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.view.activated.connect(lambda _index: self.edit_current())
        self.reveal_button = QPushButton("显示完整身份证号")
        self.reveal_button.setCheckable(True)
        self.reveal_button.toggled.connect(self._reveal)
        # two rows, so each fits a 1366-pixel screen at 125 % (1093 px): what to do, what to show
        actions = QHBoxLayout()
        for text, slot, tip in (
            ("新增党员", self.add_member, "新建一名党员的档案"),
            (
                "转入党员…",
                self.transfer_in_member,
                "组织关系从其他党组织转入本支部的党员：建立档案并记下转入日期和原所在党组织",
            ),
            ("编辑", self.edit_current, "编辑所选党员的档案"),
            ("变更状态…", self.change_status, "转出、停止党籍、出党、去世、恢复在册，或补记转入"),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, s=slot: s())
            actions.addWidget(button)
        # the less frequent ones behind one button
        files_button = QPushButton("导入/导出")
        files_menu = QMenu(files_button)
        files_menu.addAction("导入花名册…", self.import_requested.emit)
        files_menu.addAction("导出花名册…", self.export_requested.emit)
        files_menu.addAction("导出所选党员的信息采集表…", self._request_card)
        files_button.setMenu(files_menu)
        actions.addWidget(files_button)
        actions.addStretch(1)
        actions.addWidget(self.reveal_button)
        filters = QHBoxLayout()
        for widget in (self.status_filter, self.group_filter, self.category_filter):
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self.apply_filters)
        filters.addWidget(self.filter_edit, 1)
        filters.addSpacing(12)
        filters.addWidget(self.count_label)
        filters.addStretch(0)
        self.empty_label = QLabel(
            "还没有党员档案。\n\n点击“新增党员”逐个录入，或点击“导入花名册”从 Excel 花名册导入。"
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555; font-size: 15px;")
        self.stack = QStackedLayout()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addLayout(self.stack)
        for column, width in enumerate(
            (80, 44, 92, 160, 56, 80, 80, 90, 140, 110, 100, 92, 92, 80, 60)
        ):
            self.view.setColumnWidth(column, width)
        if first is None:
            self.refresh()
        else:
            self._show_groups([(name, group_id) for group_id, name in first.groups])
            self.model.show_first_rows(first.members, first.active)
            self._show_count(first.active, first.active)
            self.stack.setCurrentWidget(self.view if first.active else self.empty_label)

    # ---- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the members and the group filter from the database."""
        self._show_groups([(g.name, g.id) for g in self.branch.list_groups()])
        self._show_records(self.members.list_members())

    def _show_groups(self, groups: list[tuple[str, int]]) -> None:
        refill(self.group_filter, [*groups, ("（未分组）", NO_GROUP)])

    def _show_records(self, records: list[MemberRecord]) -> None:
        self.model.set_records(records)
        self.apply_filters()

    def apply_filters(self) -> None:
        status = self.status_filter.currentData()
        self.model.set_filters(
            status=None if status == ALL else MemberStatus(status or MemberStatus.ACTIVE),
            party_group_id=self.group_filter.currentData(),
            category=enum_value(self.category_filter, MemberCategory),
            text=self.filter_edit.text(),
        )
        records = self.model.all_records()
        self._show_count(
            self.model.rowCount(), sum(r.status == MemberStatus.ACTIVE for r in records)
        )
        self.stack.setCurrentWidget(self.view if records else self.empty_label)

    def _show_count(self, shown: int, active: int) -> None:
        self.count_label.setText(f"显示 {shown} 人 / 在册 {active} 人")

    def focus_filter(self) -> None:
        """Put the cursor in the filter box, its text selected to be typed over."""
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _reveal(self, revealed: bool) -> None:
        self.model.set_id_revealed(revealed)
        self.reveal_button.setText("隐藏完整身份证号" if revealed else "显示完整身份证号")

    def current_record(self) -> MemberRecord | None:
        """The selected member; with none selected the user is told, not left guessing."""
        index = self.view.currentIndex()
        if not index.isValid():
            show_info(self, "请先选中党员", "请先在名册中点选一名党员，再执行此操作。")
            return None
        return self.model.record_at(index.row())

    # ---- actions -------------------------------------------------------------------------
    def _groups(self) -> list[tuple[int, str]]:
        return [(g.id, g.name) for g in self.branch.list_groups()]

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()

    def add_member(self):
        from dualleader_desktop.ui.dialogs.member_dialog import MemberDialog

        dialog = MemberDialog(self.members, self._groups(), parent=self)
        self._open(dialog)
        return dialog

    def transfer_in_member(self):
        """A member whose organizational relationship comes in from another organization:
        a new file with the day it came and where from."""
        from dualleader_desktop.ui.dialogs.member_dialog import MemberDialog

        dialog = MemberDialog(self.members, self._groups(), parent=self, transfer_in=True)
        self._open(dialog)
        return dialog

    def edit_member(self, member_id: int):
        from dualleader_desktop.ui.dialogs.member_dialog import MemberDialog

        dialog = MemberDialog(
            self.members, self._groups(), self.members.get(member_id), parent=self
        )
        self._open(dialog)
        return dialog

    def edit_current(self) -> None:
        if (record := self.current_record()) is not None:
            self.edit_member(record.id)

    def change_status(self):
        from dualleader_desktop.ui.dialogs.status_dialog import StatusDialog

        record = self.current_record()
        if record is None:
            return None
        dialog = StatusDialog(self.members, self.members.get(record.id), parent=self)
        self._open(dialog)
        return dialog

    def _request_card(self) -> None:
        if (record := self.current_record()) is not None:
            self.card_requested.emit(record.id)

    def _saved(self, record: MemberRecord) -> None:
        self.refresh()
        row = self.model.row_of(record.id)
        if row >= 0:
            self.view.selectRow(row)
        self.members_changed.emit()
