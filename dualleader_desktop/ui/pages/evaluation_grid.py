"""The member grid of the 民主评议 page, made for typing: a count is typed straight into its
cell (a digit opens it), Enter takes it and goes down to the next member, Tab goes on to the
next cell to fill (after 不合格, the next member's 优秀); a grade cell takes a key, 1 优秀 …
4 不合格 (0 or Delete clears it), and goes down, or opens its list on F2 or a double click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
)

from dualleader_desktop.ui.models.evaluation_model import (
    COL_NAME,
    COL_REASON,
    COUNT_COLUMNS,
    GRADE_CHOICES,
    GRADE_COLUMNS,
)
from dualleader_desktop.ui.widgets.choice_delegate import ChoiceDelegate

GRADE_KEYS = {
    Qt.Key.Key_1: "1",
    Qt.Key.Key_2: "2",
    Qt.Key.Key_3: "3",
    Qt.Key.Key_4: "4",
    Qt.Key.Key_0: "",
    Qt.Key.Key_Delete: "",
    Qt.Key.Key_Backspace: "",
}
MAX_BALLOTS = 9999
HEADER_PADDING = 22  # the cell's margins and the header's sort arrow


class CountDelegate(QStyledItemDelegate):
    """A count typed as digits: no spin arrows, up to four digits."""

    def createEditor(self, parent, option, index):
        editor = QSpinBox(parent)
        editor.setRange(0, MAX_BALLOTS)
        editor.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor, index):
        super().setEditorData(editor, index)
        editor.selectAll()  # a digit typed replaces the count, as in a spreadsheet


class EvaluationGrid(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        # the roll's order until a header is clicked
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setStretchLastSection(True)
        self.count_delegate = CountDelegate(self)
        self.grade_delegate = ChoiceDelegate(GRADE_CHOICES, self)
        for column in COUNT_COLUMNS:
            self.setItemDelegateForColumn(column, self.count_delegate)
        for column in GRADE_COLUMNS:
            self.setItemDelegateForColumn(column, self.grade_delegate)

    def fit_columns(self) -> None:
        """Every column as wide as its header (with the sort arrow) or its widest name;
        理由/处理 takes the rest."""
        model = self.model()
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(model.columnCount() - 1):
            texts = [str(model.headerData(column, Qt.Orientation.Horizontal))]
            if column == COL_NAME:
                texts += [str(model.index(row, column).data()) for row in range(model.rowCount())]
            width = max(metrics.horizontalAdvance(text) for text in texts) + HEADER_PADDING
            self.setColumnWidth(column, width)

    def keyPressEvent(self, event) -> None:
        index = self.currentIndex()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        column = index.column() if index.isValid() and plain else -1
        if column in GRADE_COLUMNS and event.key() in GRADE_KEYS:
            self.model().setData(index, GRADE_KEYS[event.key()], Qt.ItemDataRole.EditRole)
            self._go(index.row() + 1, column)
            return
        if column in COUNT_COLUMNS and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.model().setData(index, 0, Qt.ItemDataRole.EditRole)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # typed in a cell, the editor's Enter is taken when the editor closes (below)
            if self.state() != QAbstractItemView.State.EditingState and index.isValid():
                self._go(index.row() + 1, index.column())
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:
        """Enter goes down a row, Tab (Shift+Tab) to the next (previous) cell to fill,
        whose editor opens at once when it is a count."""
        current = self.currentIndex()
        if editor is not self.indexWidget(current):  # closed by moving elsewhere
            super().closeEditor(editor, hint)
        elif hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._go(current.row() + 1, current.column())
        elif hint in (
            QAbstractItemDelegate.EndEditHint.EditNextItem,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem,
        ):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            step = 1 if hint == QAbstractItemDelegate.EndEditHint.EditNextItem else -1
            self._tab(current.row(), current.column(), step)
        else:
            super().closeEditor(editor, hint)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab between cells goes to the cells to fill, not through every column."""
        current = self.currentIndex()
        if current.isValid() and self.state() != QAbstractItemView.State.EditingState:
            self._tab(current.row(), current.column(), 1 if forward else -1)
            return True
        return super().focusNextPrevChild(forward)

    def _tab(self, row: int, column: int, step: int) -> None:
        """The next editable cell along the row (wrapping to the next row); a count's editor
        opens, ready for its digits."""
        model = self.model()
        columns = (*COUNT_COLUMNS, *GRADE_COLUMNS, COL_REASON)
        cells = [(r, c) for r in range(model.rowCount()) for c in columns]
        here = (row, column)
        ahead = [c for c in cells if c > here] if step > 0 else [c for c in cells if c < here][::-1]
        for cell in ahead:
            target = model.index(*cell)
            if target.flags() & Qt.ItemFlag.ItemIsEditable:
                self.setCurrentIndex(target)
                if target.column() in COUNT_COLUMNS:
                    self.edit(target)
                return

    def _go(self, row: int, column: int) -> None:
        if 0 <= row < self.model().rowCount():
            self.setCurrentIndex(self.model().index(row, column))
