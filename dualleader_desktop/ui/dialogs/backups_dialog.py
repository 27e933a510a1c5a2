"""备份与恢复: the backups of this database, a backup now or to a file, a restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QMessageBox

from dualleader_desktop.services.backups import BackupService
from dualleader_desktop.ui.forms.ui_backups_dialog import Ui_BackupsDialog
from dualleader_desktop.ui.messages import show_error, show_info
from dualleader_desktop.ui.models.backups_model import COL_STATE, BackupsModel
from dualleader_desktop.ui.workers import run_task


class BackupsDialog(QDialog):
    restored = Signal()  # the records were replaced: every page reads them anew

    def __init__(self, service: BackupService, parent=None) -> None:
        super().__init__(parent)
        self.ui = Ui_BackupsDialog()
        self.ui.setupUi(self)
        self.service = service
        self.task = None
        self.model = BackupsModel(self)
        ui = self.ui
        ui.view.setModel(self.model)
        ui.view.verticalHeader().hide()
        header = ui.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STATE, QHeaderView.ResizeMode.Stretch)
        ui.folderLabel.setText(f"备份文件夹：{service.folder}")
        ui.backupButton.clicked.connect(self.backup_now)
        ui.backupToFileButton.clicked.connect(self.backup_to_file)
        ui.restoreButton.clicked.connect(self.restore_selected)
        ui.restoreFileButton.clicked.connect(self.restore_from_file)
        ui.openFolderButton.clicked.connect(self._open_folder)
        ui.closeButton.clicked.connect(self.reject)
        ui.view.doubleClicked.connect(self.restore_selected)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.service.list_backups())
        if self.model.rowCount():
            self.ui.view.selectRow(0)

    # ---- what the buttons do -----------------------------------------------------------------
    def backup_now(self) -> None:
        self._run("正在备份…", self.service.take, done=lambda path: f"已备份到：\n{path}")

    def backup_to_file(self) -> None:
        target = self.pick_save_path()
        if target:
            self._run(
                "正在备份…",
                self.service.take,
                out=Path(target),
                done=lambda path: f"已备份到：\n{path}\n附件在同一文件夹的 attachments 中。",
            )

    def restore_selected(self) -> None:
        rows = self.ui.view.selectionModel().selectedRows()
        if not rows:
            show_info(self, "请先选择备份", "请先在列表中选择要恢复的备份。")
            return
        entry = self.model.row_at(rows[0].row())
        if entry.problem:
            show_error(self, "不能恢复", entry.problem)
            return
        when = entry.taken_at.strftime("%Y-%m-%d %H:%M")
        self._restore(
            entry.path, f"{when} 的备份（党员 {entry.members} 名，会议 {entry.meetings} 次）"
        )

    def restore_from_file(self) -> None:
        path = self.pick_open_path()
        if path:
            self._restore(Path(path), f"文件 {Path(path).name}")

    # ---- overridable in tests ----------------------------------------------------------------
    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, "请确认", text)
        return answer == QMessageBox.StandardButton.Yes

    def pick_save_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, "备份到文件", "", "数据库备份 (*.bak);;所有文件 (*)"
        )
        return path

    def pick_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "从文件恢复",
            str(self.service.folder),
            "数据库备份 (*.bak *.sqlite3);;所有文件 (*)",
        )
        return path

    # ---- helpers -----------------------------------------------------------------------------
    def _restore(self, path: Path, described: str) -> None:
        if not self.confirm(
            f"用 {described} 替换现在的全部记录？\n\n"
            "现在的数据会先另存为一份“恢复备份前”的备份，需要时可以再恢复回来。"
        ):
            return
        self._run(
            "正在恢复…",
            self.service.restore,
            path,
            done=lambda kept: "已恢复。" + (f"\n恢复前的数据已另存为：\n{kept}" if kept else ""),
            then=self.restored.emit,
        )

    def _run(self, status: str, fn, *args, done, then=None, **kwargs) -> None:
        self._busy(True, status)
        self.task = run_task(fn, *args, **kwargs)

        def finished(result) -> None:
            self._busy(False, "")
            self.refresh()
            if then:
                then()
            show_info(self, "完成", done(result))

        def failed(message: str) -> None:
            self._busy(False, "")
            show_error(self, "没有完成", message)

        self.task.signals.finished.connect(finished)
        self.task.signals.failed.connect(failed)

    def _busy(self, busy: bool, status: str) -> None:
        ui = self.ui
        for button in (
            ui.backupButton,
            ui.backupToFileButton,
            ui.restoreButton,
            ui.restoreFileButton,
            ui.closeButton,
        ):
            button.setEnabled(not busy)
        ui.statusLabel.setText(status)

    def _open_folder(self) -> None:
        self.service.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.service.folder)))
