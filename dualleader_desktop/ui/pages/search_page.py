"""Global search results: members, meetings, talks, 民主评议 and 满意度测评, ranked, with the
match in bold; a page at a time, 「显示更多」 for the next, the summary saying how many there are
(or that there are more). Opening a hit asks the window to show its record (``open_requested``
with its kind and id).

The query runs again whenever a record changes elsewhere, so the list never shows a deleted
record or an old snippet.
"""

from __future__ import annotations

import html as html_lib

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from dualleader_desktop.services.search import PAGE_SIZE, SearchResults, SearchService
from dualleader_desktop.storage.search_index import SearchKind
from dualleader_desktop.ui.models.search_model import (
    COL_DATE,
    COL_DETAIL,
    COL_KIND,
    COL_SNIPPET,
    COL_TITLE,
    HTML_ROLE,
    KIND_LABELS,
    SearchModel,
)
from dualleader_desktop.ui.pages.record_list import list_table
from dualleader_desktop.ui.widgets.field_errors import ERROR_COLOR


class HtmlDelegate(QStyledItemDelegate):
    """Paints a cell's HTML (the snippet with <b> around each match)."""

    def paint(self, painter, option, index):
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        color = "#ffffff" if selected else "#202020"
        # red marks on the blue selection are hard to read: yellow there
        mark = "#ffe066" if selected else ERROR_COLOR
        document.setHtml(
            f"<span style='color:{color}'>{index.data(HTML_ROLE) or ''}</span>".replace(
                "<b>", f"<b style='color:{mark}'>"
            )
        )
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        document.drawContents(painter)
        painter.restore()

    def sizeHint(self, option, index):
        return QSize(400, 28)


class SearchPage(QWidget):
    """The hits of the global search box, a page at a time (the service ranks them: members
    whose name matches first); 「显示更多」 asks the service for the next page."""

    open_requested = Signal(object, int)  # SearchKind, record id

    def __init__(self, search: SearchService, parent=None) -> None:
        super().__init__(parent)
        self.search_service = search
        self.query = ""
        self.results: SearchResults | None = None  # the last page read
        self.model = SearchModel(self)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # the query is escaped into it
        self.summary.setWordWrap(True)
        self.view = list_table(self.model, COL_SNIPPET)
        self.view.setItemDelegateForColumn(COL_SNIPPET, HtmlDelegate(self.view))
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.more_button = QPushButton("显示更多")
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        more_row = QHBoxLayout()
        more_row.addWidget(self.more_button)
        more_row.addStretch(1)
        layout.addLayout(more_row)
        self._size_columns()

    def _size_columns(self) -> None:
        """Columns as wide as what they hold: a kind (满意度测评) and a date whole, a meeting's
        kind such as 支部委员会会议 whole; the title gets room for about 18 characters, the
        snippet the rest."""
        metrics = self.view.fontMetrics()
        pad = 2 * metrics.horizontalAdvance("M") + 8
        widths = {
            COL_KIND: max(map(metrics.horizontalAdvance, ("类别", *KIND_LABELS.values()))) + pad,
            COL_DATE: metrics.horizontalAdvance("2025-12-31") + pad,
            COL_TITLE: metrics.horizontalAdvance("中" * 18) + pad,
            COL_DETAIL: metrics.horizontalAdvance("支部委员会会议") + pad,
        }
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)

    def search(self, query: str, *, rows: int = PAGE_SIZE) -> None:
        """Show the first ``rows`` hits of ``query`` (at least a page)."""
        self.query = query.strip()
        if not self.query:
            self.results = None
            self.model.set_rows([])
        else:
            self.results = self.search_service.search_page(self.query, limit=max(rows, PAGE_SIZE))
            self.model.set_rows(self.results.hits)
        self._show_state()
        if self.model.rowCount():
            self.view.selectRow(0)

    def show_more(self) -> None:
        """Append the next page of hits."""
        if not self.query or self.results is None or not self.results.has_more:
            return
        self.results = self.search_service.search_page(self.query, offset=self.model.rowCount())
        self.model.append_rows(self.results.hits)
        self._show_state()

    def _show_state(self) -> None:
        self.summary.setText(self.summary_text())
        results = self.results
        more = results is not None and results.has_more
        self.more_button.setVisible(more)
        if more:
            step = min(PAGE_SIZE, results.total - results.shown_to)
            self.more_button.setText(f"显示更多（再显示 {step} 条）")

    def summary_text(self) -> str:
        """What the list shows, and what is known of what it does not."""
        query = html_lib.escape(self.query)
        results = self.results
        if results is None:
            return "在上方搜索框输入姓名、会议主题，或会议记录、谈话、民主评议、满意度测评中的任意词语。"
        if not results.total:
            return f"没有找到包含“{query}”的党员、会议、谈话、民主评议或满意度测评记录。"
        shown = self.model.rowCount()
        order = "姓名相符的党员在前，其余按相关程度、日期由近及远排列。双击打开。"
        if results.complete and shown >= results.total:
            return f"“{query}”：找到 {results.total} 条，{order}"
        if results.complete:
            return f"“{query}”：共 {results.total} 条，显示前 {shown} 条，{order}"
        if shown < results.total:
            return (
                f"“{query}”：共 {results.total} 条以上，显示前 {shown} 条，{order}"
                f"（只比较了最新的 {results.total} 条记录，输入更多字词可缩小范围）"
            )
        return (
            f"“{query}”：共 {results.total} 条以上，已显示最新的 {shown} 条；"
            "更早的记录请输入更多字词缩小范围。双击打开。"
        )

    def refresh(self) -> None:
        """Run the current query again (records changed), keeping as many rows and the
        selected record."""
        if not self.query:
            return
        selected = self.view.currentIndex()
        keep = self.model.row_at(selected.row()) if selected.isValid() else None
        self.search(self.query, rows=self.model.rowCount())
        if keep is not None:
            for row, hit in enumerate(self.model.rows()):
                if (hit.kind, hit.record_id) == (keep.kind, keep.record_id):
                    self.view.selectRow(row)
                    break

    def _open(self, index) -> None:
        hit = self.model.row_at(index.row())
        self.open_requested.emit(SearchKind(hit.kind), hit.record_id)
