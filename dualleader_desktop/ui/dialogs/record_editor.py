"""What the member dialog and the meeting and talk editors share: background save, discard
check, opening files, and the 修改记录 button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QTableView,
)

from dualleader_desktop.domain.attachments import AttachmentInfo
from dualleader_desktop.services.attachments import check_source
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.history_service import HistoryService
from dualleader_desktop.ui.dialogs.history_dialog import HistoryDialog
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.models.attachments_model import AttachmentsModel
from dualleader_desktop.ui.workers import run_task

HISTORY_SHORTCUT = "Ctrl+H"


class RecordEditor(QDialog):
    """Subclasses emit their own ``saved`` signal from ``_on_saved`` and say what they edit;
    those with a 修改记录 button set HISTORY_KIND and ``history_title``."""

    RECORD_NAME = "记录"
    HISTORY_KIND = None  # services.history.EntityKind

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.record = None
        self._dirty = False
        self._task = None
        self._history = None
        self.history_button = None
        self.history_dialog = None
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

    # ---- 修改记录 ------------------------------------------------------------------------
    def add_history_button(self, buttons: QDialogButtonBox, history=None) -> None:
        """修改记录… beside 保存 (and Ctrl+H), for a record already saved. ``history`` is the
        HistoryService; without one it is made for the editor's own service's database."""
        self._history = history
        # the reset role only places it: apart from 保存 and 取消, at the left on every platform
        self.history_button = buttons.addButton("修改记录…", QDialogButtonBox.ButtonRole.ResetRole)
        self.history_button.setToolTip(
            f"谁在何时新建、修改过这条{self.RECORD_NAME}，改了什么（{HISTORY_SHORTCUT}）"
        )
        self.history_button.setAutoDefault(False)
        self.history_button.clicked.connect(self.show_history)
        self.history_button.setVisible(self.record is not None)
        QShortcut(QKeySequence(HISTORY_SHORTCUT), self, activated=self.show_history)

    def history_title(self) -> str:
        raise NotImplementedError

    def show_history(self):
        """Open the 修改记录 of the record being edited (nothing for a new one)."""
        if self.record is None or self.HISTORY_KIND is None:
            return None
        if self._history is None:
            self._history = HistoryService(self.service.db, self.service.branch_id)
        self.history_dialog = HistoryDialog(
            self._history, self.HISTORY_KIND, self.record.id, self.history_title(), self
        )
        self.history_dialog.open()
        return self.history_dialog

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
        """A stored file opens through the store (an encrypted database's files are opened
        from a private decrypted copy); a file picked but not yet saved opens where it is."""
        row = view.currentIndex().row()
        if row < 0:
            return
        item = files.row_at(row)
        try:
            path = (
                self.service.attachments.plain_copy(item)
                if isinstance(item, AttachmentInfo)
                else item
            )
        except ServiceError as exc:
            show_error(self, "无法打开附件", str(exc))
            return
        self.open_path(path)

    def open_path(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

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
