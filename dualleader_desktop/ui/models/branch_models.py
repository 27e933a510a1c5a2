"""The Party groups and committee tables of the branch settings page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from dualleader_desktop.services.branch import CommitteeSeat, GroupRecord
from dualleader_desktop.ui.models.table_model import RowsTableModel


class _CellsModel(RowsTableModel):
    """Each row shown as the tuple of strings ``_cells`` makes of it."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._cells(self._rows[index.row()])[index.column()]

    def _cells(self, row) -> tuple[str, ...]:
        raise NotImplementedError


class GroupsModel(_CellsModel):
    HEADERS = ("党小组", "组长", "在册人数")

    def _cells(self, group: GroupRecord) -> tuple[str, ...]:
        return (group.name, group.leader_name or "（未设）", str(group.member_count))


class CommitteeModel(_CellsModel):
    HEADERS = ("姓名", "职务", "任期开始", "任期结束", "状态")

    def __init__(self, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()

    def _cells(self, seat: CommitteeSeat) -> tuple[str, ...]:
        if seat.term_start > self.today:
            state = "未到任期"
        elif seat.term_end < self.today:
            state = "已届满"
        else:
            state = "现任"
        return (
            seat.member_name,
            seat.role_label,
            f"{seat.term_start:%Y-%m-%d}",
            f"{seat.term_end:%Y-%m-%d}",
            state,
        )
