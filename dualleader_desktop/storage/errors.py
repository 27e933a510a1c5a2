"""The storage errors every layer catches, and the words that tell the secretary what happened.

A ``DatabaseError`` is how storage/ tells the layers above that the database failed: its text
is Chinese, says what is wrong and what to do, and is shown as it is (a dialog, the command
line's message); the driver's error is its ``__cause__``. ``Database.session()``,
``Database.connect()`` and the checks made when a file is opened (storage/database.py) turn
DBAPI and OS errors into one.
"""

from __future__ import annotations

import errno


class DatabaseError(RuntimeError):
    """A storage failure worded for the user (Chinese), with the original as ``__cause__``."""


class PasswordRequired(DatabaseError):
    """The database is encrypted and no password was given; ask for one and open again."""


class WrongPassword(DatabaseError):
    """The password given does not open the encrypted database."""


def friendly_message(exc: BaseException) -> str:
    """Word a storage error for the secretary: what happened and what to do."""
    text_ = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text_ or "no space" in text_:
        return "磁盘空间已满，本次修改未保存。请清理磁盘空间后再保存，窗口中填写的内容仍然保留。"
    if "locked" in text_ or "busy" in text_:
        return "数据库正被另一个程序使用，本次修改未保存。请关闭其他打开此数据库的程序后重试。"
    if "readonly" in text_ or "read-only" in text_:
        return "数据库文件是只读的，无法保存。请检查文件权限或把数据库复制到可写的文件夹。"
    if "not a database" in text_ or "malformed" in text_:
        return "数据库文件已损坏或不是本程序的数据库，请从备份恢复，或用 --db 指定其他文件。"
    if "unable to open database file" in text_:
        return (
            "无法打开数据库文件：文件或它所在的文件夹不可写（本程序要在数据库旁边写入 -wal、-shm "
            "文件）。请检查权限，或把数据库复制到您有写入权限的文件夹后用 --db 打开。"
        )
    return f"数据库操作失败：{getattr(exc, 'orig', exc)}"


def os_error_message(when: str, exc: OSError) -> str:
    """An OSError met ``when`` (e.g. "创建文件夹 X 时") in words: disk full, read-only, no right."""
    if exc.errno == errno.ENOSPC:
        return f"{when}磁盘空间已满。请清理磁盘空间后重新启动本程序。"
    if exc.errno == errno.EROFS:
        return f"{when}失败：该磁盘是只读的。请把数据库放到可写的磁盘上，并用 --db 指定它。"
    if isinstance(exc, PermissionError):
        return (
            f"{when}失败：没有权限（{exc.filename}）。请选择您有读写权限的文件夹"
            "（例如“文档”），并用 --db 指定其中的数据库文件。"
        )
    return f"{when}出错：{exc.strerror or exc}（{exc.filename}）。"
