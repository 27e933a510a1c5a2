"""Search results: one row per SearchHit, in the service's rank order; later pages appended."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from dualleader_desktop.services.search import SearchHit
from dualleader_desktop.storage.search_index import SearchKind
from dualleader_desktop.ui.models.table_model import RowsTableModel

COL_KIND, COL_DATE, COL_TITLE, COL_DETAIL, COL_SNIPPET = range(5)
HEADERS = ("类别", "日期", "标题", "说明", "匹配内容")
KIND_LABELS = {
    SearchKind.MEMBER: "党员",
    SearchKind.MEETING: "会议",
    SearchKind.TALK: "谈话",
    SearchKind.EVALUATION: "民主评议",
    SearchKind.SURVEY: "满意度测评",
}
HTML_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchModel(RowsTableModel):
    HEADERS = HEADERS

    def append_rows(self, rows: list[SearchHit]) -> None:
        """Add the hits of the next page after those shown."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit: SearchHit = self._rows[index.row()]
        column = index.column()
        if role == HTML_ROLE and column == COL_SNIPPET:
            return hit.snippet_html
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == COL_KIND:
            return KIND_LABELS[hit.kind]
        if column == COL_DATE:
            return f"{hit.on:%Y-%m-%d}" if hit.on else ""
        if column == COL_TITLE:
            return hit.title
        if column == COL_DETAIL:
            return hit.subtitle
        # plain text for Qt's own use (copy, accessibility); the delegate paints the HTML
        return hit.snippet_html.replace("<b>", "").replace("</b>", "")
