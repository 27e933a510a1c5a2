"""Where things live: the one module that knows.

Resources sit in ``resources/`` beside the package in a checkout and under ``sys._MEIPASS`` in a
frozen (PyInstaller) build. User data (the database, attachments, exports) lives in the user data
folder that platformdirs names for this OS, unless ``--db`` or ``DUALLEADER_DB`` says otherwise.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dualleader_desktop import APP_ID

DB_ENV_VAR = "DUALLEADER_DB"
DB_FILENAME = "dualleader.sqlite3"


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_ID, appauthor=False, ensure_exists=True)


def default_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The database file: ``--db`` first, then ``DUALLEADER_DB``, then the user data folder."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env_value = os.environ.get(DB_ENV_VAR)
    if env_value:
        return Path(env_value).expanduser().resolve()
    return user_data_dir() / DB_FILENAME


def attachments_dir(db_path: Path | None) -> Path:
    """Attachments sit beside the database file, so the two move together, in a folder named
    after it: two databases in one folder must not share one, or deleting a record in one
    would delete a file the other still uses."""
    if db_path is None:
        return user_data_dir() / "attachments"
    return db_path.parent / f"{db_path.stem}-attachments"
