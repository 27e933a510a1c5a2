"""The 工作台's two lists: the year's grid (a row per rule, a column per month; a quarter's or
a year's cell spans its months) and the overdue and upcoming items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from dualleader_desktop.domain.compliance import Cell, CellStatus, DueItem, RuleRow
from dualleader_desktop.ui.models.table_model import RowsTableModel

MONTHS = tuple(f"{month}月" for month in range(1, 13))
MARKS = {
    CellStatus.DONE: "✓",
    CellStatus.MISSING: "✗",
    CellStatus.OPEN: "…",
    CellStatus.NOT_DUE: "",
}
FILLS = {
    CellStatus.DONE: QColor("#dff0d8"),
    CellStatus.MISSING: QColor("#f8d7da"),
    CellStatus.OPEN: QColor("#fff3cd"),
}
OVERDUE = QColor("#b02a37")


class ComplianceGridModel(RowsTableModel):
    HEADERS = MONTHS

    def cell_at(self, row: int, column: int) -> Cell:
        """The period of the row's rule that holds month ``column + 1``."""
        rule_row: RuleRow = self._rows[row]
        return next(
            c for c in rule_row.cells if c.span.start.month <= column + 1 <= c.span.end.month
        )

    def spans(self) -> list[tuple[int, int, int]]:
        """(row, first column, columns) of every cell longer than a month."""
        return [
            (number, cell.span.start.month - 1, cell.span.end.month - cell.span.start.month + 1)
            for number, row in enumerate(self._rows)
            for cell in row.cells
            if cell.span.end.month > cell.span.start.month
        ]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: RuleRow = self._rows[index.row()]
        cell = self.cell_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            mark = MARKS[cell.status]
            return f"{mark} {cell.count}" if cell.status == CellStatus.DONE else mark
        if role == Qt.ItemDataRole.BackgroundRole and cell.status in FILLS:
            return QBrush(FILLS[cell.status])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            state = {
                CellStatus.DONE: f"已开 {cell.count} 次",
                CellStatus.MISSING: f"只开了 {cell.count} 次，缺少",
                CellStatus.OPEN: f"已开 {cell.count} 次，本期尚未完成",
                CellStatus.NOT_DUE: "未到期",
            }[cell.status]
            action = "单击查看这些会议" if cell.count else "单击新建一条该期的会议记录"
            return f"{cell.span.label}{row.label}：{state}（{row.rule.text}）。{action}"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return self._rows[section].label
        return super().headerData(section, orientation, role)


class DueItemsModel(RowsTableModel):
    HEADERS = ("到期日", "类别", "事项")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item: DueItem = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            due = f"{item.due:%Y-%m-%d}" + ("（已逾期）" if item.overdue else "")
            return (due, item.kind.label, item.text)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return QBrush(OVERDUE)
        return None
