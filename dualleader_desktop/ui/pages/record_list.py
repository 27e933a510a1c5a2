"""What the meetings and talks pages share: filter combos, the list table and its column
widths, and the plumbing of opening an editor, deleting after a question, restoring what was
deleted, selecting what was saved or restored, exporting one record and previewing its PDF."""

from __future__ import annotations

import atexit
import itertools
import shutil
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QWidget,
)

from dualleader_desktop.staging import temp_dir
from dualleader_desktop.ui.messages import show_error, show_info
from dualleader_desktop.ui.system_open import show_done
from dualleader_desktop.ui.workers import run_task

_preview_numbers = itertools.count(1)
PREVIEW_PREFIX = "dl-preview-"


@cache
def preview_folder() -> Path:
    """One temporary folder for the previews of a program run, removed when the program ends
    (each preview gets a new name inside: a viewer may still hold the previous one open).
    A run that was killed never removed its folder: the folders of runs no longer alive are
    removed when the first preview of this one makes its own."""
    folder = temp_dir(PREVIEW_PREFIX)
    atexit.register(shutil.rmtree, folder, True)
    return folder


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


def fit_widths(
    available: int,
    preferred: Sequence[int],
    stretch: int,
    stretch_minimum: int,
    give_way: Mapping[int, int],
) -> list[int]:
    """Column widths for a table ``available`` pixels wide. Every column has its preferred
    width while the ``stretch`` column still gets ``stretch_minimum``; it takes what is left.
    Short of room, the columns of ``give_way`` (column: its minimum) narrow, each in proportion
    to what it can give, until the stretch column has its minimum; past that the table
    scrolls sideways. The other columns (a date, a kind) always keep their preferred width."""
    widths = list(preferred)
    others = sum(width for column, width in enumerate(widths) if column != stretch)
    short = stretch_minimum - (available - others)
    if short > 0:
        slack = {column: max(0, widths[column] - low) for column, low in give_way.items()}
        total = sum(slack.values())
        take = min(short, total)
        given = offered = 0  # rounded on the running sums: exactly ``take`` is given in all
        for column, room in slack.items():
            offered += room
            share = round(take * offered / total) - given if total else 0
            widths[column] -= share
            given += share
    others = sum(width for column, width in enumerate(widths) if column != stretch)
    widths[stretch] = max(stretch_minimum, available - others)
    return widths


class ColumnFit(QObject):
    """Keeps a table's columns fitted to its width (``fit_widths``) whenever the table is
    resized: the window made smaller, a 125 % screen, a scroll bar that comes or goes. A
    column the user drags keeps its width until the next resize."""

    def __init__(
        self,
        view: QTableView,
        preferred: Sequence[int],
        *,
        stretch: int,
        stretch_chars: int,
        give_way: Mapping[int, int],
    ) -> None:
        super().__init__(view)
        self.view = view
        self.preferred, self.stretch, self.give_way = list(preferred), stretch, dict(give_way)
        # a readable minimum: this many Chinese characters of the table's font, and padding
        self.stretch_minimum = view.fontMetrics().horizontalAdvance("中" * stretch_chars) + 16
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        widths = fit_widths(
            self.view.viewport().width(),
            self.preferred,
            self.stretch,
            self.stretch_minimum,
            self.give_way,
        )
        for column, width in enumerate(widths):
            if self.view.columnWidth(column) != width:
                self.view.setColumnWidth(column, width)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


def enum_value(combo: QComboBox, enum_cls):
    """The chosen enum member, or None for "all" (Qt returns a StrEnum as a plain str)."""
    value = combo.currentData()
    return None if value is None else enum_cls(value)


class RecordListPage(QWidget):
    """A page listing records (``self.model``, ``self.view``); subclasses open their editor in
    ``edit_record``, describe a record for the delete question and say its ``record_kind``,
    and list their filter combos in ``filters`` (``year_filter`` among them)."""

    records_changed = Signal()
    HISTORY_KIND = None  # services.history.EntityKind of the records listed
    RECORD_NAME = "记录"  # "会议记录", "谈话记录": what the empty year's note names

    def __init__(self, archive=None, parent=None, history=None) -> None:
        super().__init__(parent)
        self.editor = None
        self.archive = archive  # ArchiveService: export this record, preview its PDF
        self.history = history  # HistoryService: the deleted records and their restore
        self.deleted_dialog = None
        self.filters = ()
        self.task = None
        self.preview_task = None
        self.preview = None  # the preview dialog (or the message saying why there is none)
        self.exported_box = None
        # replaced in tests so no native dialog opens
        self.choose_folder = lambda: QFileDialog.getExistingDirectory(self, "导出到哪个文件夹")
        # above the list where a year has none: says so and offers the latest year that has
        self.empty_note = QLabel()
        self.empty_note.setObjectName("emptyYearNote")
        self.empty_note.setVisible(False)
        self.empty_note.linkActivated.connect(
            lambda year: self.year_filter.setCurrentIndex(self.year_filter.findData(int(year)))
        )

    def record_kind(self, row):
        raise NotImplementedError

    def record_date(self, record_id: int) -> date | None:
        """The day of a record (the year it is listed under)."""
        raise NotImplementedError

    def note_empty_year(self, shown: int, years: Sequence[int]) -> None:
        """With ``shown`` rows for the chosen year and none of them there, say so and offer
        the latest of ``years`` (those with records) instead."""
        year = self.year_filter.currentData()
        others = [y for y in years if y != year]
        narrowed = any(c.currentIndex() for c in self.filters if c is not self.year_filter)
        empty = shown == 0 and year is not None and bool(others) and not narrowed
        if empty:
            self.empty_note.setText(
                f"{year}年还没有{self.RECORD_NAME}。"
                f'<a href="{others[0]}">查看{others[0]}年的{self.RECORD_NAME}</a>'
            )
        self.empty_note.setVisible(empty)

    def export_current(self) -> None:
        """The selected record as .docx and .pdf, in a folder the user picks."""
        record_id = self.current_id()
        if record_id is None or self.archive is None:
            return
        folder = self.choose_folder()
        if not folder:
            return
        kind = self.record_kind(self.model.row_at(self.model.row_of(record_id)))
        self.task = run_task(self.archive.export_record, kind, record_id, Path(folder))
        self.task.signals.finished.connect(self._exported)
        self.task.signals.failed.connect(lambda message: show_error(self, "导出失败", message))

    def _exported(self, paths: list[Path]) -> None:
        self.exported_box = show_done(
            self,
            "已导出",
            "已导出：\n" + "\n".join(str(p) for p in paths),
            Path(paths[0]).parent,
        )

    def preview_current(self) -> Path | None:
        """Render the selected record's PDF off the GUI thread into the run's preview folder,
        then show it (``pdf_preview.show_pdf``); returns the file it will be."""
        record_id = self.current_id()
        if record_id is None or self.archive is None:
            return None
        kind = self.record_kind(self.model.row_at(self.model.row_of(record_id)))
        target = preview_folder() / f"预览_{record_id}_{next(_preview_numbers)}.pdf"
        self.preview_task = run_task(self.archive.preview_pdf, kind, record_id, target)
        self.preview_task.signals.finished.connect(self._show_preview)
        self.preview_task.signals.failed.connect(
            lambda message: show_error(self, "预览失败", message)
        )
        return target

    def _show_preview(self, path: Path) -> None:
        from dualleader_desktop.ui.dialogs.pdf_preview import show_pdf

        self.preview = show_pdf(self, Path(path))

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
        """The selected record; with none selected the user is told, not left guessing."""
        index = self.view.currentIndex()
        if not index.isValid():
            show_info(self, "请先选中一条记录", "请先在列表中点选一条记录，再执行此操作。")
            return None
        return self.model.row_at(index.row()).id

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
        """The saved record shown selected: a record saved for another year than the list
        shows (or hidden by a filter) takes the list to its year."""
        self.refresh()
        if self.model.row_of(record_id) < 0:
            self._reveal(self.record_date(record_id))
        row = self.model.row_of(record_id)
        if row >= 0:
            self.view.selectRow(row)
        self.records_changed.emit()

    def _reveal(self, day: date | None) -> None:
        """Every record of ``day``'s year: the filters cleared, the year set."""
        for combo in self.filters:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
        if day is not None:
            self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(day.year)))
        for combo in self.filters:
            combo.blockSignals(False)
        self.reload()

    # ---- deleted records -----------------------------------------------------------------
    def show_deleted(self):
        """已删除的记录…: the deleted records of this page, to restore (the dialog's module,
        and the history service's, imported now: not at start-up)."""
        from dualleader_desktop.ui.dialogs.history_dialog import DeletedRecordsDialog

        self.deleted_dialog = DeletedRecordsDialog(self.history, self.HISTORY_KIND, self)
        self.deleted_dialog.restored.connect(self._restored)
        self.deleted_dialog.open()
        return self.deleted_dialog

    def _restored(self, result) -> None:
        """Show the restored record selected; when the filters hide it, they are set to show
        its year with everything else of that year."""
        self.refresh()
        if self.model.row_of(result.record_id) < 0:
            self._reveal(result.record_date)
        self._saved(result.record_id)
