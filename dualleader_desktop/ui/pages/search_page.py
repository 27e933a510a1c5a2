"""Global search results: members, meetings and talks, ranked, with the match in bold.

The query runs again whenever a record changes elsewhere, so the list never shows a deleted
record or an old snippet.
"""

from __future__ import annotations

import html as html_lib

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QVBoxLayout, QWidget

from dualleader_desktop.services.search import SearchService
from dualleader_desktop.storage.search_index import SearchKind
from dualleader_desktop.ui.models.search_model import COL_SNIPPET, HTML_ROLE, SearchModel
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
    open_requested = Signal(object, int)  # SearchKind, record id

    def __init__(self, search: SearchService, parent=None) -> None:
        super().__init__(parent)
        self.search_service = search
        self.query = ""
        self.model = SearchModel(self)
        self.summary = QLabel()
        self.view = list_table(self.model, COL_SNIPPET)
        self.view.setItemDelegateForColumn(COL_SNIPPET, HtmlDelegate(self.view))
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        for column, width in enumerate((60, 260, 180)):
            self.view.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)

    def search(self, query: str) -> None:
        self.query = query.strip()
        hits = self.search_service.search(self.query) if self.query else []
        self.model.set_rows(hits)
        if not self.query:
            self.summary.setText("在上方搜索框输入姓名、会议主题、记录或谈话中的任意词语。")
        elif hits:
            self.summary.setText(
                f"“{html_lib.escape(self.query)}”：找到 {len(hits)} 条，按相关程度排列。双击打开。"
            )
        else:
            self.summary.setText(
                f"没有找到包含“{html_lib.escape(self.query)}”的党员、会议或谈话记录。"
            )
        if hits:
            self.view.selectRow(0)

    def refresh(self) -> None:
        """Run the current query again (records changed)."""
        if self.query:
            self.search(self.query)

    def _open(self, index) -> None:
        hit = self.model.row_at(index.row())
        self.open_requested.emit(SearchKind(hit.kind), hit.record_id)
