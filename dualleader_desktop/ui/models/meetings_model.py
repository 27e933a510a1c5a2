"""The meetings list: one row per MeetingSummary, newest first as the service returns them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dualleader_desktop.domain.meeting_records import MeetingSummary
from dualleader_desktop.domain.meetings import IntegrationTag
from dualleader_desktop.ui.models.table_model import RowsTableModel

COL_DATE, COL_KIND, COL_THEME, COL_GROUP, COL_HOST, COL_ATTENDANCE, COL_TAGS, COL_FILES = range(8)
HEADERS = ("日期", "类型", "主题", "党小组", "主持人", "出席", "三融合", "附件")


class MeetingsModel(RowsTableModel):
    HEADERS = HEADERS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_THEME:
            return row.theme
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_ATTENDANCE, COL_FILES):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _display(row: MeetingSummary, column: int) -> str:
    if column == COL_DATE:
        return f"{row.meeting_date:%Y-%m-%d}"
    if column == COL_KIND:
        return row.kind.label
    if column == COL_THEME:
        return row.theme
    if column == COL_GROUP:
        return row.party_group_name
    if column == COL_HOST:
        return row.host_name
    if column == COL_ATTENDANCE:
        if not row.expected:
            return ""
        leave = f"（请假 {row.on_leave}）" if row.on_leave else ""
        return f"{row.present}/{row.expected}{leave}"
    if column == COL_TAGS:
        return "、".join(
            tag.label.removeprefix("融入") for tag in IntegrationTag if tag in row.tags
        )
    return str(row.attachment_count) if row.attachment_count else ""
