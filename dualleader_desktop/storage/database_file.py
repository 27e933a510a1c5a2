"""The place of a database file, looked at before anything opens it: a folder where the file
should be, a parent that is a file, a folder that cannot be written. A missing data folder is
made 0700 and a new database file created empty with mode 0600 before SQLite sees it (step 1 of
storage/database.py). Standard library only: the window's first screen (storage/first_screen.py)
comes before SQLAlchemy is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

from dualleader_desktop.storage.errors import DatabaseError, os_error_message

__all__ = ["APPLICATION_ID", "PRIVATE_FILE", "SQLITE_HEADER", "prepare_database_file"]

# PRAGMA application_id of our databases: the ASCII bytes "DLDT" (DualLeader DeskTop) read as a
# big-endian 32-bit integer, as SQLite stores it at offset 68 of the file header. Not in
# SQLite's magic.txt list of registered ids; `file(1)` shows it as "application id 0x444c4454".
APPLICATION_ID = 0x444C4454
SQLITE_HEADER = b"SQLite format 3\x00"
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700


def prepare_database_file(path: Path) -> None:
    """Make sure ``path`` can be the database: refuse a folder, a parent that is a file or a
    folder that cannot be written; make a missing folder (0700) and an empty file (0600)."""
    try:
        _prepare(path)
    except OSError as exc:  # a folder on the way that may not even be looked at, and the like
        raise DatabaseError(os_error_message(f"访问 {path} 时", exc)) from exc


def _prepare(path: Path) -> None:
    if path.is_dir():
        raise DatabaseError(
            f"{path} 是一个文件夹，不是数据库文件。请在 --db 后写出数据库文件本身的路径，"
            f"例如 {path / 'dualleader.sqlite3'}。"
        )
    existing = next(parent for parent in (path, *path.parents) if parent.exists())
    if existing != path and not existing.is_dir():
        raise DatabaseError(
            f"无法在 {path.parent} 中存放数据库：{existing} 是一个文件，不是文件夹。"
            "请用 --db 指定另一个位置。"
        )
    try:
        path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(os_error_message(f"创建文件夹 {path.parent} 时", exc)) from exc
    if path.exists():
        _refuse_unwritable(path)
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        pass  # made a moment ago by another start; the steps after this one look at it
    except OSError as exc:
        raise DatabaseError(os_error_message(f"创建数据库文件 {path} 时", exc)) from exc


def _refuse_unwritable(path: Path) -> None:
    if not os.access(path, os.R_OK):
        raise DatabaseError(
            f"没有读取数据库文件 {path} 的权限。请以创建它的用户登录，或请管理员开放权限。"
        )
    if not os.access(path, os.W_OK):
        raise DatabaseError(
            f"数据库文件 {path} 是只读的，本程序不能在其中保存。请去掉文件的只读属性，"
            "或把它复制到您有写入权限的文件夹后用 --db 打开。"
        )
    if not os.access(path.parent, os.W_OK):
        raise DatabaseError(
            f"数据库所在的文件夹 {path.parent} 是只读的：本程序要在数据库旁边写入锁文件和 "
            "-wal、-shm 文件。请把数据库复制到您有写入权限的文件夹（例如“文档”）后用 --db 打开。"
        )
