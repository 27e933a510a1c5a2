"""The talks list: one row per TalkSummary."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from dualleader_desktop.services.talks import TalkSummary

COL_DATE, COL_KIND, COL_TOPIC, COL_TALKERS, COL_TALKEES, COL_PLACE = range(6)
HEADERS = ("日期", "类型", "主题", "谈话人", "谈话对象", "地点")


class TalksModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[TalkSummary] = []

    def set_rows(self, rows: list[TalkSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary_at(self, row: int) -> TalkSummary:
        return self._rows[row]

    def row_of(self, talk_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == talk_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

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
