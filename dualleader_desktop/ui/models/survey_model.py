"""The items of the 双带头人 satisfaction survey: each item's answers and its two rates.

The rows are the draft's own items, edited in place. While answer sheets typed one by one
exist the counts are theirs (``count_papers``) and read-only; a sheet refers to an item by its
position, so removing an item renumbers the sheets' answers after it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from dualleader_desktop.domain.satisfaction import (
    SurveyDraft,
    SurveyItem,
    count_papers,
    percent,
    rates,
)
from dualleader_desktop.ui.models.table_model import RowsTableModel

COL_NAME, COL_SATISFIED, COL_FAIRLY, COL_DISSATISFIED, COL_TOTAL, COL_SIMPLE, COL_WEIGHTED = range(
    7
)
HEADERS = ("测评项目", "满意", "基本满意", "不满意", "合计", "满意率", "加权满意度")
COUNT_COLUMNS = (COL_SATISFIED, COL_FAIRLY, COL_DISSATISFIED)
GREY = "#777777"
EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


class SurveyItemsModel(RowsTableModel):
    HEADERS = HEADERS

    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.draft = SurveyDraft(0, items=[])
        self._rows = self.draft.items  # the rows are the draft's items, edited in place

    def set_draft(self, draft: SurveyDraft) -> None:
        self.beginResetModel()
        self.draft = draft
        self._rows = draft.items
        self._count()
        self.endResetModel()

    @property
    def from_papers(self) -> bool:
        return bool(self.draft.papers)

    def recount(self) -> None:
        """The sheets changed: every count is read from them again."""
        self._count()
        if self.draft.items:
            last = self.index(len(self.draft.items) - 1, COL_WEIGHTED)
            self.dataChanged.emit(self.index(0, COL_SATISFIED), last)

    def _count(self) -> None:
        if self.draft.papers:
            counted = count_papers(self.draft.papers, len(self.draft.items))
            for item, counts in zip(self.draft.items, counted, strict=True):
                item.satisfied, item.fairly, item.dissatisfied = counts

    def add_item(self, name: str = "") -> int:
        row = len(self.draft.items)
        self.beginInsertRows(QModelIndex(), row, row)
        self.draft.items.append(SurveyItem(name))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_item(self, row: int) -> None:
        if not 0 <= row < len(self.draft.items):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.draft.items[row]
        self.draft.papers = [
            {(p - 1 if p > row else p): answer for p, answer in paper.items() if p != row}
            for paper in self.draft.papers
        ]
        self.endRemoveRows()
        self.edited.emit()

    # ---- Qt ------------------------------------------------------------------------------
    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        item = self.draft.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_NAME:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column in COUNT_COLUMNS:
            return QColor(GREY) if self.from_papers else None
        if role not in (DISPLAY, EDIT):
            return None
        if column == COL_NAME:
            return item.name
        if column in COUNT_COLUMNS:
            return item.counts()[column - COL_SATISFIED]
        if column == COL_TOTAL:
            return item.total
        item_rates = rates(item.counts())
        return percent(item_rates.simple if column == COL_SIMPLE else item_rates.weighted)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == COL_NAME:
            return EDITABLE
        if index.column() in COUNT_COLUMNS and not self.from_papers:
            return EDITABLE
        return READ_ONLY

    def setData(self, index, value, role=EDIT) -> bool:
        if not index.isValid() or role != EDIT or not (self.flags(index) & EDITABLE):
            return False
        item = self.draft.items[index.row()]
        if index.column() == COL_NAME:
            item.name = str(value).strip()
        else:
            try:
                count = int(str(value).strip() or 0)
            except ValueError:
                return False
            if count < 0:
                return False
            counts = list(item.counts())
            counts[index.column() - COL_SATISFIED] = count
            item.satisfied, item.fairly, item.dissatisfied = counts
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COL_WEIGHTED))
        self.edited.emit()
        return True
