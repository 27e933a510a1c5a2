"""The rows of an Excel roster as the import will treat them, shown before anything is written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dualleader_desktop.domain.validators import mask_id_number
from dualleader_desktop.services.roster import PlannedRow, RowAction
from dualleader_desktop.ui.models.table_model import RowsTableModel

COL_ROW, COL_NAME, COL_ID, COL_ACTION, COL_NOTE = range(5)
HEADERS = ("行号", "姓名", "身份证号", "结果", "说明")
_TINT = {RowAction.INVALID: QColor("#fde7e9"), RowAction.NEW: QColor("#e8f5e9")}


def note(row: PlannedRow) -> str:
    if row.errors:
        return "；".join(f"[{e.column}] {e.message}" for e in row.errors)
    return "；".join(row.changes + row.warnings)


class ImportPreviewModel(RowsTableModel):
    HEADERS = HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[PlannedRow] = []
        self._errors_only = False

    def set_planned(self, rows: list[PlannedRow]) -> None:
        self._all = list(rows)
        self._apply()

    def set_errors_only(self, errors_only: bool) -> None:
        self._errors_only = errors_only
        self._apply()

    def _apply(self) -> None:
        self.set_rows(
            [r for r in self._all if not self._errors_only or r.action == RowAction.INVALID]
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return _TINT.get(row.action)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == COL_ROW:
            return str(row.excel_row)
        if column == COL_NAME:
            return row.name
        if column == COL_ID:
            number = row.draft.id_number if row.draft else row.cells.get("id_number", "")
            return mask_id_number(number)
        if column == COL_ACTION:
            return row.action.label
        return note(row)
