"""A record's change log entries (修改记录), and the deleted meetings or talks to restore."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dualleader_desktop.services.history_service import ChangeEntry, DeletedRecord
from dualleader_desktop.ui.models.table_model import RowsTableModel

COL_TIME, COL_USER, COL_ACTION, COL_CHANGES = range(4)
TIME_FORMAT = "%Y-%m-%d %H:%M"


class HistoryModel(RowsTableModel):
    """Newest first, as the service lists them; a change's lines joined in one cell, each on
    a line of its own in the tooltip (and in the dialog's detail pane)."""

    HEADERS = ("时间", "操作人", "操作", "修改内容")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry: ChangeEntry = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_CHANGES:
            return "\n".join(entry.changes)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            entry.changed_at.strftime(TIME_FORMAT),
            entry.user_name,
            entry.action.label,
            "；".join(entry.changes),
        )[index.column()]


COL_DELETED_AT, COL_DELETED_BY, COL_DATE, COL_KIND, COL_TITLE = range(5)


class DeletedRecordsModel(RowsTableModel):
    HEADERS = ("删除时间", "操作人", "日期", "类型", "主题")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record: DeletedRecord = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_TITLE:
            return record.title
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            record.deleted_at.strftime(TIME_FORMAT),
            record.user_name,
            record.record_date.isoformat() if record.record_date else "",
            record.kind_label,
            record.title,
        )[index.column()]
