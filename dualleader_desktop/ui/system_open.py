"""Handing a file or a folder to the system (its PDF viewer, its file manager), and saying so
when nothing takes it: a failure never ends as a line on stderr only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from dualleader_desktop.ui.messages import show_error

OPEN_FOLDER = "打开所在文件夹"


def open_path(path: Path) -> bool:
    """Open ``path`` with the program the system has for it; False when none started.
    Tests replace this function."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_folder(parent: QWidget | None, folder: Path) -> bool:
    """The folder in the file manager, or a message naming it when none can be started."""
    if open_path(folder):
        return True
    show_error(
        parent,
        "无法打开文件夹",
        f"本机没有可以打开文件夹的程序（文件管理器）。文件在：\n{folder}",
    )
    return False


def add_folder_button(box: QMessageBox, folder: Path) -> QPushButton:
    """「打开所在文件夹」 on a message box (clicking it also closes the box)."""
    button = box.addButton(OPEN_FOLDER, QMessageBox.ButtonRole.ActionRole)
    parent = box.parentWidget()
    button.clicked.connect(lambda: open_folder(parent, folder))
    return button


def show_done(parent: QWidget | None, title: str, text: str, folder: Path) -> QMessageBox:
    """An information box that offers to open the folder where the files were written."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    add_folder_button(box, folder)
    box.open()
    return box
