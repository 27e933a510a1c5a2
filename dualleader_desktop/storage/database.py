"""One engine per database, short sessions, SQLite pragmas, and upgrade on open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from dualleader_desktop.storage import migrate

BUSY_TIMEOUT_MS = 5000


class DatabaseError(RuntimeError):
    """A storage failure worded for the user (Chinese), with the original as ``__cause__``."""


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


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
    return f"数据库操作失败：{getattr(exc, 'orig', exc)}"


class Database:
    """The program's database: an engine plus a session factory.

    Sessions are short (one ``with db.session():`` per use case) and never leave the services.
    Objects stay readable after commit (``expire_on_commit=False``) so services can return them
    detached.
    """

    def __init__(self, url: str, *, upgrade: bool = True) -> None:
        self.url = url
        self.engine: Engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _set_sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if upgrade:
            try:
                migrate.upgrade_if_needed(self.engine)
            except DBAPIError as exc:
                raise DatabaseError(friendly_message(exc)) from exc

    @classmethod
    def open_file(cls, path: str | Path, *, upgrade: bool = True) -> Database:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _refuse_non_sqlite(path)
        return cls(f"sqlite:///{path}", upgrade=upgrade)

    @property
    def path(self) -> Path | None:
        database = self.engine.url.database
        return Path(database) if database and database != ":memory:" else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        session = self._sessions()
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

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def is_empty(self) -> bool:
        """True when no branch and no member has been recorded yet."""
        with self.engine.connect() as conn:
            return not any(
                conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first()
                for table in ("branch", "members")
            )

    def dispose(self) -> None:
        self.engine.dispose()


def _refuse_non_sqlite(path: Path) -> None:
    """Refuse a file that exists but is not SQLite, before SQLAlchemy touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseError(
            f"{path} 不是本程序的数据库文件（不是 SQLite 格式）。请用 --db 指定正确的文件。"
        )
