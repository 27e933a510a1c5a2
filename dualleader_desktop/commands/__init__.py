"""Handlers of the command-line subcommands; each takes the parsed arguments, returns an exit code.

An encrypted database needs its password before a tool can read it. ``unlock_database`` gets it
from the environment variable ``DUALLEADER_PASSWORD`` when that is set (meant for scripts: the
value can be seen in the process's environment by the same user and by administrators, so
prefer typing it), else asks for it without echo when standard input is a terminal, else
refuses with a message saying how to give it. The password, once proven, is registered for the
file (storage/encryption.py), so the handler then opens the database, its backups and
attachments as it always did.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def window_lock(path: Path, doing: str) -> Iterator[None]:
    """The window's lock on ``path``, for a tool that replaces the database's contents: a window
    open on it is told to close (it would go on showing what was replaced), and none can open
    until the tool is done. ``doing`` names the work in the message (恢复备份, 加密或解密)."""
    from dualleader_desktop.app import DatabaseLock, StartupRefused
    from dualleader_desktop.storage.errors import DatabaseError

    lock = DatabaseLock(path)
    try:
        lock.acquire()
    except StartupRefused as exc:
        raise DatabaseError(f"{exc.text}\n请先关闭程序窗口，再{doing}。") from exc
    try:
        yield
    finally:
        lock.release()


def open_existing_database(db_arg, url: str | None = None, attachments: str | None = None):
    """The database a tool reads from: refused, not created, when the file is not there (a
    mistyped --db would otherwise leave an empty database behind and report nothing found).
    With ``url`` (``--database-url``, settled by the command line) the server it names, its
    attachments in the folder ``attachments`` (``--attachments-dir``) when given."""
    from dualleader_desktop.paths import default_db_path
    from dualleader_desktop.storage.database import Database
    from dualleader_desktop.storage.errors import DatabaseError, os_error_message

    if url is not None:
        return Database.open_url(url, attachments=Path(attachments) if attachments else None)
    try:
        path = default_db_path(db_arg)
    except OSError as exc:  # the user data folder could not be made
        raise DatabaseError(os_error_message("准备数据文件夹时", exc)) from exc
    if not path.exists():
        raise DatabaseError(f"找不到数据库 {path}，请用 --db 指定本支部的数据库文件。")
    unlock_database(path)
    return Database.open_file(path)


def chosen_branch(db, name: str | None) -> int | None:
    """The branch a command works on: the one ``--branch`` names, else the database's only one
    (None while it has none). A database of several branches needs ``--branch``; a name it does
    not hold is refused with the names it does."""
    from dualleader_desktop.services.branch import list_branches
    from dualleader_desktop.services.errors import ServiceError

    branches = list_branches(db)
    names = "、".join(entry.name or "（未命名）" for entry in branches)
    if name is None:
        if len(branches) > 1:
            raise ServiceError(
                f"此数据库中有 {len(branches)} 个支部：{names}。"
                "请用 --branch 支部名称 指定要处理的支部。"
            )
        return branches[0].id if branches else None
    for entry in branches:
        if entry.name == name.strip():
            return entry.id
    raise ServiceError(
        f"数据库中没有名为“{name}”的支部"
        + (f"（已有：{names}）" if branches else "")
        + "。新的支部用 dualleader branches --add 支部名称 添加。"
    )


def unlock_database(path: Path, *, also_for: Path | None = None) -> None:
    """When ``path`` is an encrypted database whose password is not known yet in this
    process: get it (see the module docstring), prove it and register it, for ``also_for``
    too (a database that a restore is about to create from this encrypted copy). A
    ``DatabaseError`` says what is wrong: no password given, a wrong one, no SQLCipher here."""
    from dualleader_desktop.storage import encryption
    from dualleader_desktop.storage.errors import DatabaseError, WrongPassword
    from dualleader_desktop.storage.file_checks import (
        check_password,
        encrypted_unavailable_message,
    )

    path = Path(path)
    if not encryption.may_be_encrypted(path) or encryption.secret_for(path) is not None:
        return
    if not encryption.available():
        raise DatabaseError(encrypted_unavailable_message(path))
    for known in encryption.registered_secrets():  # a copy under the database's password
        try:
            check_password(path, known)
        except encryption.WrongKey:
            continue
        encryption.register(path, known)
        if also_for is not None:
            encryption.register(also_for, known)
        return
    secret = encryption.Secret(read_password(f"数据库 {path.name} 已加密，请输入密码："))
    try:
        check_password(path, secret)
    except encryption.WrongKey as exc:
        raise WrongPassword(f"密码不正确，无法打开加密的数据库 {path}。") from exc
    encryption.register(path, secret)
    if also_for is not None:
        encryption.register(also_for, secret)


def read_password(prompt: str) -> str:
    """The password for an existing encrypted database: ``DUALLEADER_PASSWORD``, else typed
    at a terminal; a ``DatabaseError`` when neither can be had."""
    from dualleader_desktop.storage.encryption import PASSWORD_ENV_VAR
    from dualleader_desktop.storage.errors import DatabaseError

    value = os.environ.get(PASSWORD_ENV_VAR)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            typed = getpass.getpass(prompt)
        except (EOFError, KeyboardInterrupt):
            typed = ""
        if typed:
            return typed
        raise DatabaseError("没有输入密码，数据库没有打开。")
    raise DatabaseError(
        "数据库已加密，需要密码。请在终端中运行本命令以输入密码；脚本中可以用环境变量 "
        f"{PASSWORD_ENV_VAR} 给出密码（注意：同一用户的其他程序和管理员能看到进程的环境变量）。"
    )
