"""Where things live: the one module that knows.

Resources sit in ``resources/`` beside the package in a checkout and under ``sys._MEIPASS`` in a
frozen (PyInstaller) build. User data (the database, attachments, exports) lives in the user data
folder that platformdirs names for this OS, unless ``--db`` or ``DUALLEADER_DB`` says otherwise;
``--database-url`` or ``DUALLEADER_DATABASE_URL`` names a database server instead (``server_url``).
The demo branch of ``dualleader --demo`` has a database file of its own in the same folder
(``demo_db_path``), so trying the program out never writes into the branch's own records.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dualleader_desktop import APP_ID

DB_ENV_VAR = "DUALLEADER_DB"
DATABASE_URL_ENV_VAR = "DUALLEADER_DATABASE_URL"
FONT_CACHE_ENV_VAR = "DUALLEADER_FONT_CACHE"
DB_FILENAME = "dualleader.sqlite3"
# ASCII, like DB_FILENAME: its attachments and backups folders are named after it
DEMO_DB_FILENAME = "dualleader-demo.sqlite3"
PRIVATE_FOLDER = 0o700  # folders we make for the user's data: theirs alone (POSIX)


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def user_data_dir() -> Path:
    """The user's data folder, made private to them (0700 on POSIX) when it is new."""
    from platformdirs import user_data_path

    path = user_data_path(APP_ID, appauthor=False)
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    return path


def signing_keys_dir() -> Path:
    """Where each branch's Ed25519 key for signing archive packages is kept
    (documents/signing.py; ``export --sign``): ``keys`` in the user data folder, made private
    to the user (0700) when it is new. The private keys never leave it; a package carries only
    the public key. Back it up with the database: a lost key means a new fingerprint."""
    path = user_data_dir() / "keys"
    path.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    return path


def lock_dir() -> Path:
    """Where the window keeps its locks on database files by their identity (device and inode
    numbers, see ``app.DatabaseLock``): the user's cache folder, one place for every database
    of this user, wherever the files are. Not made here: the caller makes it when it locks."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_ID, appauthor=False) / "locks"


def font_cache_dir() -> Path:
    """Where Chinese fonts converted for embedding in PDFs are kept (documents/font_subsets.py):
    the user's cache folder, so a year's export converts a font once, not once a document or a
    process. ``DUALLEADER_FONT_CACHE`` names another folder; being in the environment, it holds
    for the processes started from this one too (export workers, the CLI), which is how the
    tests keep every process's fonts out of the user's cache. Not made here: font_subsets.py
    makes it when it first writes there."""
    env_value = os.environ.get(FONT_CACHE_ENV_VAR)
    if env_value:
        return Path(env_value).expanduser().resolve()
    from platformdirs import user_cache_path

    return user_cache_path(APP_ID, appauthor=False) / "fonts"


def default_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The database file: ``--db`` first, then ``DUALLEADER_DB``, then the user data folder."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env_value = os.environ.get(DB_ENV_VAR)
    if env_value:
        return Path(env_value).expanduser().resolve()
    return user_data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    """The database of ``dualleader --demo``: beside the default database in the user data
    folder, whatever ``--db`` or ``DUALLEADER_DB`` say (those name the branch's own records)."""
    return user_data_dir() / DEMO_DB_FILENAME


def server_url(cli_db: object = None, cli_url: str | None = None) -> str | None:
    """The SQLAlchemy URL of a database server to use, or None for a database file.

    The command line comes first (``--db`` or ``--database-url``), then
    ``DUALLEADER_DATABASE_URL``, then ``DUALLEADER_DB`` and the default file. An ``sqlite:`` URL
    naming a file is a database file like any other: its path is given back by ``url_file``."""
    if cli_url:
        return cli_url
    if cli_db:
        return None
    env_value = os.environ.get(DATABASE_URL_ENV_VAR)
    return env_value or None


def url_file(url: str) -> Path | None:
    """The file of an ``sqlite:///PATH`` URL (which is opened as a database file), else None."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+")[0].lower() != "sqlite" or not rest.startswith("/"):
        return None
    path = rest[1:].split("?")[0]
    return Path(path).expanduser().resolve() if path and path != ":memory:" else None


def server_attachments_dir(url: str | None) -> Path:
    """Where the attachments of a database on a server are kept when ``--attachments-dir``
    does not say: ``attachments-<server>-<database>`` in the user data folder (README: "Files
    of a database on a server")."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url) if url else None
    name = (
        "-".join(str(part) for part in (parsed.host or "localhost", parsed.database) if part)
        if parsed is not None
        else "server"
    )
    safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)
    return user_data_dir() / f"attachments-{safe}"


def attachments_dir(db_path: Path | None) -> Path:
    """Attachments sit beside the database file, so the two move together, in a folder named
    after it: two databases in one folder must not share one, or deleting a record in one
    would delete a file the other still uses."""
    if db_path is None:
        return user_data_dir() / "attachments"
    return db_path.parent / f"{db_path.stem}-attachments"
