"""Handlers of the command-line subcommands; each takes the parsed arguments, returns an exit code."""

from __future__ import annotations


def open_existing_database(db_arg):
    """The database a tool reads from: refused, not created, when the file is not there (a
    mistyped --db would otherwise leave an empty database behind and report nothing found)."""
    from dualleader_desktop.paths import default_db_path
    from dualleader_desktop.storage.database import Database, DatabaseError, os_error_message

    try:
        path = default_db_path(db_arg)
    except OSError as exc:  # the user data folder could not be made
        raise DatabaseError(os_error_message("准备数据文件夹时", exc)) from exc
    if not path.exists():
        raise DatabaseError(f"找不到数据库 {path}，请用 --db 指定本支部的数据库文件。")
    return Database.open_file(path)
