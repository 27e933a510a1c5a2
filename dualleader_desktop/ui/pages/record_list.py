"""Pieces the meetings and talks pages share: a filter combo and a list table."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView


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
