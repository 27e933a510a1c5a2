"""One engine per database, short sessions, SQLite pragmas, and the checks made when a database
file is opened.

``Database.open_file`` goes through these steps, and each refusal is a ``DatabaseError`` whose
Chinese text says what is wrong and what to do (never a traceback). Step 1 is in
storage/database_file.py, steps 2–4 and the password in storage/file_checks.py (both without
SQLAlchemy), step 5 and the engine here.

1. The place (``prepare_database_file``): a folder where the file should be, a parent that is a
   file, a folder that cannot be written. A missing data folder is made 0700 and a new database
   file is created empty with mode 0600 before SQLite sees it; SQLite gives its ``-wal`` and
   ``-shm`` the mode of the database file, so they are private too (POSIX; on Windows the user
   profile's ACLs already keep the data folder private).
2. The format: a file that does not start with SQLite's header is not touched.
3. Whose it is: our databases carry ``PRAGMA application_id`` = ``APPLICATION_ID``. A file with
   another application_id, or with none (0) and neither empty nor holding our
   ``alembic_version`` (a 4-digit revision beside our ``members`` and ``branch`` tables: every
   database written before the mark existed), belongs to another program and is refused
   without a byte of it changed. This look is read-only; it uses ``immutable=1`` when a WAL
   file has no ``-wal`` beside it, so not even an empty ``-wal``/``-shm`` is left behind.
4. Its health: ``PRAGMA quick_check`` (about O(N) in the file's pages, without the index
   cross-check of ``integrity_check``); a damaged file is refused, naming the newest backup
   (in its backups folder, or an older one beside it) that passes the same check, and how to
   restore it. The command-line tools run it too: they read or write the same records.
Between steps 1 and 2, a file that is not plain SQLite but could be SQLCipher
(storage/encryption.py) needs its password: without one ``PasswordRequired``, with a wrong one
``WrongPassword``; with the right one every later step (and every connection of the engine, and
the backups taken on the way) uses it.

A database server (``Database.open_url``, PostgreSQL through psycopg 3) has none of these steps:
no file to look at, no lock, no quick_check (the server keeps its pages sound and its backups
are the server's job); a connection that fails says in words what to check.

5. Only then is the database ours to change: its mode (and its ``-wal``/``-shm``) is tightened to
   0600 when others could read it, ``migrate.upgrade_if_needed`` brings it to the current schema,
   and the application_id is set where it is still missing. A new, empty database is marked
   before the upgrade, so a first start that is stopped half way is still known as ours.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from dualleader_desktop.paths import attachments_dir, server_attachments_dir, url_file
from dualleader_desktop.storage import encryption, migrate
from dualleader_desktop.storage.database_file import (
    APPLICATION_ID,
    PRIVATE_FILE,
    prepare_database_file,
)
from dualleader_desktop.storage.encryption import Secret
from dualleader_desktop.storage.errors import (
    DatabaseError,
    friendly_message,
    os_error_message,
)
from dualleader_desktop.storage.file_checks import (
    DamagedFile,
    damaged_message,
    probe_owner,
    quick_check_or_refuse,
    sidecar,
    sqlite_error,
    unlock,
)

BUSY_TIMEOUT_MS = 5000
SERVER_CONNECT_TIMEOUT_S = 10  # a server that does not answer is said so, not waited for


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@contextmanager
def unit_of_work(session: Session) -> Iterator[Session]:
    """Commit ``session`` when the block ends well, roll it back on any error (a database
    error worded for the user), close it either way."""
    try:
        yield session
        session.commit()
    except DBAPIError as exc:
        session.rollback()
        raise DatabaseError(friendly_message(exc)) from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


class Database:
    """The program's database: an engine plus a session factory.

    Sessions are short (one ``with db.session():`` per use case) and never leave the services.
    Objects stay readable after commit (``expire_on_commit=False``) so services can return them
    detached.
    """

    def __init__(
        self,
        url: str | URL,
        *,
        upgrade: bool = True,
        secret: Secret | None = None,
        attachments: Path | None = None,
    ) -> None:
        # the URL of an encrypted database holds its key: never shown
        self.url = url if isinstance(url, str) else url.render_as_string(hide_password=True)
        self.secret = secret
        self._attachments = Path(attachments) if attachments is not None else None
        self._registered = False  # whether dispose() forgets the password (open_file)
        options = {}
        if not isinstance(url, str) and url.drivername == "sqlite+pysqlcipher":
            # the dialect's default SingletonThreadPool keeps one connection per thread and
            # closes other threads' connections when it has too many; the pool plain files get
            options["poolclass"] = QueuePool
        if make_url(url).get_backend_name() == "postgresql":
            options["connect_args"] = {"connect_timeout": SERVER_CONNECT_TIMEOUT_S}
            options["pool_pre_ping"] = True  # a server restarted overnight: reconnect, not fail
        self.engine: Engine = create_engine(url, **options)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _set_sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if upgrade:
            try:
                migrate.upgrade_if_needed(self.engine)
            except DBAPIError as exc:
                self.engine.dispose()
                if self.engine.dialect.name == "sqlite":
                    raise DatabaseError(friendly_message(exc)) from exc
                raise DatabaseError(server_message(exc, self.engine.url)) from exc
            except OSError as exc:
                self.engine.dispose()
                raise DatabaseError(os_error_message("升级数据库时", exc)) from exc
            except DatabaseError:
                self.engine.dispose()
                raise

    @classmethod
    def open_file(
        cls,
        path: str | Path,
        *,
        upgrade: bool = True,
        check: bool = True,
        password: str | None = None,
    ) -> Database:
        """Open (or create) the database file at ``path`` through the checks of this module's
        docstring; ``check=False`` skips the quick_check (step 4) only. An encrypted database
        needs ``password``, or one proven earlier in this process (``encryption.register``)."""
        path = Path(path)
        prepare_database_file(path)
        secret = unlock(path, password)
        # the backups and attachment stores reached on the way (a backup before an upgrade,
        # the damaged-file message) and later find the key by the database's path; a password
        # registered by the caller (the command line) stays registered after dispose()
        ours = secret is not None and encryption.secret_for(path) is not secret
        if ours:
            encryption.register(path, secret)
        try:
            database = cls._open_checked(path, upgrade=upgrade, check=check, secret=secret)
        except BaseException:
            if ours:
                encryption.unregister(path, secret)
            raise
        database._registered = ours
        return database

    @classmethod
    def open_url(
        cls,
        url: str | URL,
        *,
        upgrade: bool = True,
        password: str | None = None,
        attachments: Path | None = None,
    ) -> Database:
        """The database a SQLAlchemy URL names. ``sqlite:///FILE`` is a database file, opened
        by ``open_file`` with all its checks; a server's URL (``postgresql://…``, run through
        psycopg 3) has none of them (see the module docstring). A URL that cannot be used or a
        server that cannot be reached is a ``DatabaseError`` saying what to check.
        ``attachments``: the folder of a server's attachment files (``--attachments-dir``;
        by default ``paths.server_attachments_dir``); a file keeps its own beside it."""
        file = url_file(str(url)) if isinstance(url, str) else None
        if file is not None:
            return cls.open_file(file, upgrade=upgrade, password=password)
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise DatabaseError(
                f"数据库地址“{url}”的格式不对。PostgreSQL 的地址应写成 "
                "postgresql://用户名:密码@服务器:5432/数据库名 。"
            ) from exc
        if parsed.drivername == "postgresql":
            # psycopg 3 is the driver installed with the program (plain postgresql:// would
            # ask SQLAlchemy for psycopg2)
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return cls(parsed, upgrade=upgrade, attachments=attachments)
        except (NoSuchModuleError, ImportError) as exc:
            raise DatabaseError(
                f"本程序不支持数据库地址 {parsed.render_as_string(hide_password=True)} 的类型"
                f"（{parsed.drivername}）。请使用 PostgreSQL（postgresql://…）或 SQLite 数据库文件。"
            ) from exc

    @classmethod
    def _open_checked(
        cls, path: Path, *, upgrade: bool, check: bool, secret: Secret | None
    ) -> Database:
        try:
            marked, empty = probe_owner(path, secret)
            if check and not empty:
                quick_check_or_refuse(path, secret)
        except DamagedFile as exc:
            raise DatabaseError(damaged_message(path, str(exc))) from exc
        _make_private(path)
        if empty and not marked:
            _mark(path)
        # a URL object, not "sqlite:///" + path: a "?" or "#" in a folder's name cut the path
        # there and SQLite opened (and filled) another file; the key is a URL field of its own
        # (the dialect quotes it), so no character of a password can end it
        if secret is None:
            url = URL.create("sqlite", database=str(path))
        else:
            key = secret.pragma_key(encryption.file_salt(path))
            url = URL.create("sqlite+pysqlcipher", password=key, database=str(path))
        database = cls(url, upgrade=upgrade, secret=secret)
        if upgrade and not marked:
            try:
                database._mark_ours()
            except DBAPIError as exc:
                database.dispose()
                raise DatabaseError(friendly_message(exc)) from exc
        return database

    @property
    def encrypted(self) -> bool:
        return self.secret is not None

    @property
    def path(self) -> Path | None:
        """The database file; None in memory and on a server."""
        if self.engine.dialect.name != "sqlite":
            return None
        database = self.engine.url.database
        return Path(database) if database and database != ":memory:" else None

    @property
    def attachments_root(self) -> Path:
        """The folder of this database's attachment files: beside a database file
        (``paths.attachments_dir``); for a server the one given, else one in the user data
        folder named after the server and database (not made here: the store makes it)."""
        if self._attachments is not None:
            return self._attachments
        if self.on_server:
            return server_attachments_dir(self.engine.url.render_as_string(hide_password=True))
        return attachments_dir(self.path)

    @property
    def on_server(self) -> bool:
        """A database on a server (PostgreSQL): no file, no lock, no backups of ours."""
        return self.engine.dialect.name != "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        with unit_of_work(self._sessions()) as session:
            yield session

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A Core connection for reading (a long list costs half what it costs through a
        Session). A database error, on connecting or inside the block, comes out as a
        ``DatabaseError`` worded for the user, as from ``session()``."""
        try:
            with self.engine.connect() as connection:
                yield connection
        except DBAPIError as exc:
            raise DatabaseError(friendly_message(exc)) from exc

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def is_empty(self) -> bool:
        """True when no branch and no member has been recorded yet."""
        with self.connect() as conn:
            return not any(
                conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first()
                for table in ("branch", "members")
            )

    def dispose(self) -> None:
        self.engine.dispose()
        if self._registered and self.path is not None:
            encryption.unregister(self.path, self.secret)

    def _mark_ours(self) -> None:
        """Set the application_id on a database of ours that was written before the mark."""
        with self.engine.connect() as conn:
            if conn.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
                conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                conn.commit()


def server_message(exc: BaseException, url: URL) -> str:
    """A server's refusal to connect, in words saying what to check."""
    detail = str(getattr(exc, "orig", exc))
    lowered = detail.lower()
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    if "authentication failed" in lowered or ("role" in lowered and "does not exist" in lowered):
        return (
            f"数据库服务器 {where} 拒绝了用户“{url.username}”的登录（没有这个用户，或密码不对）。"
            "请检查 --database-url 中的 用户名:密码@ 部分，或请管理员检查该用户的权限"
            "（pg_hba.conf）。"
        )
    if "does not exist" in lowered and "database" in lowered:
        return (
            f"数据库服务器 {where} 上没有名为“{url.database}”的数据库。请检查 --database-url "
            f"末尾的数据库名，或请管理员先创建它（CREATE DATABASE {url.database}）。"
        )
    if (
        "could not connect" in lowered
        or "connection refused" in lowered
        or "timeout" in lowered
        or "could not translate host name" in lowered
        or "connection failed" in lowered
    ):
        return (
            f"无法连接数据库服务器 {where}。请检查：服务器地址和端口是否写对，"
            "数据库服务是否在运行，这台电脑与服务器之间的网络和防火墙是否放行该端口。"
            f"\n（{detail.strip()}）"
        )
    return f"数据库服务器 {where} 出错：{detail.strip()}"


# --- step 5: ours to change --------------------------------------------------------------------


def _make_private(path: Path) -> None:
    """Tighten the database and its -wal/-shm to 0600 when group or others may read them (we
    own them: a database of ours, in a folder the user chose). Windows: nothing to do."""
    if sys.platform == "win32":
        return
    for file in (path, sidecar(path, "-wal"), sidecar(path, "-shm")):
        try:
            info = file.stat()
            if info.st_mode & 0o077 and info.st_uid == os.geteuid():
                file.chmod(PRIVATE_FILE)
        except OSError:
            continue  # not there, or not ours to change: leave it as it is


def _mark(path: Path) -> None:
    """Set the application_id on an empty database before the upgrade creates its tables."""
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.commit()
    except sqlite3.Error as exc:
        raise sqlite_error(exc) from exc
