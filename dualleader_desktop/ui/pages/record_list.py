"""What the meetings and talks pages share: filter combos, the list table, and the plumbing
of opening an editor, deleting after a question, and selecting what was saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QMessageBox,
    QTableView,
    QWidget,
)


def filter_combo(items: list[tuple[str, object]], *, all_label: str = "全部") -> QComboBox:
    combo = QComboBox()
    combo.addItem(all_label, None)
    for label, value in items:
        combo.addItem(label, value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace a filter's choices, keeping the current one when it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for label, value in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def list_table(model, stretch_column: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(28)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


def enum_value(combo: QComboBox, enum_cls):
    """The chosen enum member, or None for "all" (Qt returns a StrEnum as a plain str)."""
    value = combo.currentData()
    return None if value is None else enum_cls(value)


class RecordListPage(QWidget):
    """A page listing records (``self.model``, ``self.view``); subclasses open their editor in
    ``edit_record`` and describe a record for the delete question."""

    records_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editor = None

    def refresh(self) -> None:
        raise NotImplementedError

    def edit_record(self, record_id: int):
        raise NotImplementedError

    def open_editor(self, editor):
        self.editor = editor
        editor.saved.connect(self._saved)
        editor.open()
        return editor

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def edit_current(self) -> None:
        if (record_id := self.current_id()) is not None:
            self.edit_record(record_id)

    def delete_current(self, title: str, describe, delete) -> None:
        """Ask with ``describe(row)`` and, if confirmed, ``delete(record_id)``."""
        record_id = self.current_id()
        if record_id is None:
            return
        question = describe(self.model.row_at(self.model.row_of(record_id)))
        if QMessageBox.question(self, title, question) == QMessageBox.StandardButton.Yes:
            delete(record_id)
            self.refresh()
            self.records_changed.emit()

    def _saved(self, record_id: int) -> None:
        self.refresh()
        row = self.model.row_of(record_id)
        if row >= 0:
            self.view.selectRow(row)
        self.records_changed.emit()
