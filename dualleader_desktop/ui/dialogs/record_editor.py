"""What the meeting and talk editors share: background save, discard check, opening files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QMessageBox,
    QTableView,
)

from dualleader_desktop.services.attachments import check_source
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.models.attachments_model import AttachmentsModel
from dualleader_desktop.ui.workers import run_task


class RecordEditor(QDialog):
    """Subclasses emit their own ``saved`` signal from ``_on_saved`` and say what they edit."""

    RECORD_NAME = "记录"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.record = None
        self._dirty = False
        self._task = None
        # replaced in tests so no native dialog opens
        self.pick_files = lambda: QFileDialog.getOpenFileNames(self, "添加附件")[0]

    def _changed(self, *_args) -> None:
        self._dirty = True

    def _start_save(self, fn, *args, **kwargs) -> None:
        """Run the service's save off the GUI thread (attachments can be large)."""
        self.setEnabled(False)
        self._task = run_task(fn, *args, **kwargs)
        self._task.signals.finished.connect(self._finished)
        self._task.signals.failed.connect(self._failed)

    def _finished(self, record) -> None:
        self._task = None
        self.setEnabled(True)
        self.record = record
        self._dirty = False
        self._on_saved(record)
        self.accept()

    def _on_saved(self, record) -> None:
        raise NotImplementedError

    def _failed(self, message: str) -> None:
        self._task = None
        self.setEnabled(True)
        show_error(self, "未能保存", message)

    def add_picked_files(self, files: AttachmentsModel) -> None:
        """Add the files the user picks; one that cannot be attached (unreadable, over
        200 MB) is named at once instead of failing the save later."""
        refused = []
        for name in self.pick_files():
            path = Path(name)
            try:
                check_source(path)
            except ServiceError as exc:
                refused.append(str(exc))
            else:
                files.add_files([path])
        if refused:
            show_error(self, "未能添加附件", "\n".join(refused))

    def open_selected_file(self, view: QTableView, files: AttachmentsModel) -> None:
        row = view.currentIndex().row()
        if row >= 0:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(files.path_at(row))))

    def reject(self) -> None:
        if self._dirty and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            "放弃修改？",
            f"本条{self.RECORD_NAME}有尚未保存的修改，关闭后将丢失。确定放弃吗？",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


def commit_open_editors(*views: QAbstractItemView) -> None:
    """Take in the cell a user is still typing in: Ctrl+S arrives while the cell's editor is
    open, and the model would otherwise save the value from before the edit."""
    for view in views:
        editor = view.indexWidget(view.currentIndex())
        if editor is not None:
            view.commitData(editor)
            view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
