"""The backups of the database, newest first, with what each holds."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dualleader_desktop.services.backups import BackupEntry
from dualleader_desktop.ui.models.table_model import RowsTableModel

COL_TIME, COL_REASON, COL_MEMBERS, COL_MEETINGS, COL_TALKS, COL_STATE = range(6)
HEADERS = ("备份时间", "类型", "党员", "会议", "谈话", "状态")


class BackupsModel(RowsTableModel):
    HEADERS = HEADERS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry: BackupEntry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(entry.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            COL_MEMBERS,
            COL_MEETINGS,
            COL_TALKS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_TIME:
            return entry.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        if column == COL_REASON:
            return entry.reason_label
        if column == COL_STATE:
            return entry.problem or "可用"
        count = {COL_MEMBERS: entry.members, COL_MEETINGS: entry.meetings}.get(column, entry.talks)
        return "—" if count is None else str(count)
