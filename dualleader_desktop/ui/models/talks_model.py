"""The talks list: one row per TalkSummary."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dualleader_desktop.ui.models.table_model import RowsTableModel

COL_DATE, COL_KIND, COL_TOPIC, COL_TALKERS, COL_TALKEES, COL_PLACE = range(6)
HEADERS = ("日期", "类型", "主题", "谈话人", "谈话对象", "地点")


class TalksModel(RowsTableModel):
    HEADERS = HEADERS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        return (
            f"{row.talk_date:%Y-%m-%d}",
            row.kind.label,
            row.topic,
            row.talkers,
            row.talkees,
            row.place,
        )[index.column()]
