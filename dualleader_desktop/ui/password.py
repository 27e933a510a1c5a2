"""The password of an encrypted database (``dualleader encrypt``): asked in a small dialog, a
wrong one said and asked again, three times at most; cancelling ends the program quietly.
``--smoke`` takes it from ``DUALLEADER_PASSWORD`` when set."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from dualleader_desktop.storage.errors import DatabaseError, PasswordRequired, WrongPassword

if TYPE_CHECKING:
    from dualleader_desktop.storage.database import Database

PASSWORD_TRIES = 3
WRONG_PASSWORD = "密码不正确，请重新输入。"


class PasswordCancelled(Exception):
    """The user closed the password dialog: the program ends without a message."""


def password_dialog(path: Path, problem: str = "", parent: QWidget | None = None) -> QInputDialog:
    """The dialog asking an encrypted database's password (shown by ``ask_password``)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("输入数据库密码")
    lines = [f"数据库已加密：\n{path}", "", "请输入密码："]
    if problem:
        lines.insert(0, problem + "\n")
    dialog.setLabelText("\n".join(lines))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText("打开")
    dialog.setCancelButtonText("退出")
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    hint = dialog.sizeHint()  # wide enough for the whole path: it is not wrapped
    dialog.resize(max(420, hint.width()), hint.height())
    return dialog


def ask_password(path: Path, problem: str = "") -> str | None:
    """The password typed, or None when the user cancelled. Tests replace this function."""
    dialog = password_dialog(path, problem)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    text = dialog.textValue()
    dialog.deleteLater()
    return text if accepted else None


def open_database(path: Path, *, smoke: bool = False) -> Database:
    """``Database.open_file``, asking the password of an encrypted database. Raises
    ``PasswordCancelled`` when the user gave up, ``DatabaseError`` for anything else (three
    wrong passwords included)."""
    from dualleader_desktop.storage.database import Database
    from dualleader_desktop.storage.encryption import PASSWORD_ENV_VAR

    try:
        return Database.open_file(path)
    except PasswordRequired:
        pass
    given = os.environ.get(PASSWORD_ENV_VAR) if smoke else None
    if given:
        return Database.open_file(path, password=given)
    problem = ""
    for _attempt in range(PASSWORD_TRIES):
        password = ask_password(path, problem)
        if password is None:
            raise PasswordCancelled
        try:
            return Database.open_file(path, password=password)
        except WrongPassword:
            problem = WRONG_PASSWORD
    raise DatabaseError(
        f"密码连续 {PASSWORD_TRIES} 次不正确，程序退出。\n{path}\n\n"
        "请确认密码后重新启动本程序。忘记密码时，加密的数据库和备份都无法打开。"
    )
