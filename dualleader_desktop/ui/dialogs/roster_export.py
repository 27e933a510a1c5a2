"""Export the roster (花名册) to .xlsx: ask where, write in the background, offer the folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from dualleader_desktop.services.roster import RosterService
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.workers import Task, run_task

LAST_FOLDER_KEY = "export/last_folder"


def ask_target(parent: QWidget) -> tuple[str, bool]:
    """The file to write and whether members who left are included; ("", False) if cancelled."""
    settings = QSettings()
    folder = Path(str(settings.value(LAST_FOLDER_KEY, str(Path.home()))))
    suggested = folder / f"党员花名册_{date.today():%Y%m%d}.xlsx"
    path, _ = QFileDialog.getSaveFileName(
        parent, "导出花名册", str(suggested), "Excel 工作簿 (*.xlsx)"
    )
    if not path:
        return "", False
    settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
    answer = QMessageBox.question(
        parent,
        "导出花名册",
        "是否包括已转出、停止党籍、去世等不在册的党员？\n（选“否”只导出在册党员）",
    )
    return path, answer == QMessageBox.StandardButton.Yes


def export_roster_interactively(
    parent: QWidget, roster_service: RosterService, ask=ask_target
) -> Task | None:
    path, include_left = ask(parent)
    if not path:
        return None
    target = Path(path) if path.lower().endswith(".xlsx") else Path(f"{path}.xlsx")
    task = run_task(roster_service.export_roster, target, include_left=include_left)
    task.signals.finished.connect(lambda count: _done(parent, target, count))
    task.signals.failed.connect(lambda message: show_error(parent, "导出失败", message))
    return task


def _done(parent: QWidget, target: Path, count: int) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "导出完成",
        f"已导出 {count} 名党员到：\n{target}",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
    folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(target.parent))))
    box.open()
