"""Bring a database to the current schema when the program opens it.

Alembic (and its script directory) is imported only when the stored revision differs from
``HEAD_REVISION``, which keeps it off the start-up path of an up-to-date database; a test checks
the constant against the migration scripts.

An upgrade follows SQLite's procedure for altering tables (https://sqlite.org/lang_altertable.html,
"making other kinds of table schema changes"): foreign-key enforcement off on a connection of its
own, every migration inside one ``BEGIN IMMEDIATE`` transaction, ``PRAGMA foreign_key_check``
before the commit. Alembic's batch mode copies a table and drops the old one; with enforcement on,
that drop deleted the members the attendance rows refer to and failed, half-way and outside any
transaction, so later opens met the leftover ``_alembic_tmp_…`` table. Now a failed upgrade rolls
back whole and leaves the file as it was. Before an existing file is upgraded a checked copy is
kept in its backups folder (storage/backup.py); when the copy cannot be made the upgrade does not
start.

On PostgreSQL (a server URL) DDL is transactional by itself and foreign keys need no switching
off: the migrations run in one plain transaction and a failed one leaves nothing behind, so no
leftovers are looked for. No copy is taken there: a server's database is backed up by the
server's own tools (pg_dump, pg_basebackup), which its administrator runs.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

from dualleader_desktop import staging
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.storage.revision import HEAD_REVISION

__all__ = ["HEAD_REVISION", "current_revision", "upgrade_if_needed"]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    """Every schema revision this program has a migration for."""
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade_if_needed(engine: Engine, target: str = "head") -> None:
    db_file = _file_of(engine)
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision != HEAD_REVISION or target != "head":
        _upgrade(engine, db_file, revision, target)
    if db_file is not None:
        adopt_legacy_attachments(engine, db_file)


def _upgrade(engine: Engine, db_file: Path | None, revision: str | None, target: str) -> None:
    from dualleader_desktop.storage.backup import BackupError, take_backup

    config = alembic_config()
    if revision is not None and revision not in known_revisions():
        raise DatabaseError(
            f"此数据库由更新版本的程序创建（架构版本 {revision}），请升级本程序后再打开。"
        )
    if revision is not None and db_file is not None:
        try:
            take_backup(db_file, f"before-upgrade-{revision}")
        except BackupError as exc:
            raise DatabaseError(
                "数据库需要升级到新版本，升级前要先保存一份备份，但没能保存：\n"
                f"{exc}\n因此没有升级，数据库保持原样。"
            ) from exc
    sqlite = engine.dialect.name == "sqlite"
    expected = _tables_at(revision) if revision is not None and sqlite else None
    # an in-memory database lives on the engine's own connection: nothing to keep safe there;
    # a server's DDL is transactional and its foreign keys are checked as the rows change
    upgrader = _upgrade_engine(engine) if db_file is not None else engine
    try:
        with upgrader.begin() as conn:
            broken_before = _foreign_key_problems(conn) if sqlite else set()
            if expected is not None:
                _drop_leftovers(conn, expected)
            config.attributes["connection"] = conn
            from alembic import command

            command.upgrade(config, target)
            broken = _foreign_key_problems(conn) - broken_before if sqlite else set()
            if broken:
                table = sorted(broken)[0][0]
                raise DatabaseError(
                    f"数据库升级后表 {table} 中有 {len(broken)} 行引用了不存在的记录，"
                    "升级已撤销，数据库保持原样。请把数据库文件发给技术支持。"
                )
    finally:
        if upgrader is not engine:
            upgrader.dispose()
            # the pooled connection that read the revision still holds the old schema for
            # PRAGMAs and EXPLAIN (SQLite re-reads it only for plain statements): closed
            engine.dispose()


def _upgrade_engine(engine: Engine) -> Engine:
    """A connection of its own for the upgrade: foreign keys off (settable only outside a
    transaction) and the driver's implicit transactions replaced by one explicit BEGIN, so the
    migrations' DDL is inside it too (pysqlite otherwise commits around DDL)."""
    upgrader = create_engine(engine.url, poolclass=NullPool)

    @event.listens_for(upgrader, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    @event.listens_for(upgrader, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return upgrader


def _foreign_key_problems(conn: Connection) -> set[tuple]:
    return {tuple(row) for row in conn.exec_driver_sql("PRAGMA foreign_key_check")}


def _tables_at(revision: str) -> set[str]:
    """The tables a database of ``revision`` has: the migrations run on an empty in-memory
    database (a few milliseconds, and only when an upgrade is due)."""
    from alembic import command

    scratch = create_engine("sqlite://", poolclass=NullPool)
    with scratch.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        tables = _plain_tables(conn)
    scratch.dispose()
    return tables


def _plain_tables(conn: Connection) -> set[str]:
    """Tables and virtual tables, without the shadow tables a virtual table keeps itself."""
    rows = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return {
        name
        for name, _sql in rows
        if not name.startswith("sqlite_") and not any(name.startswith(f"{v}_") for v in virtual)
    }


def _drop_leftovers(conn: Connection, expected: set[str]) -> None:
    """Remove what an upgrade that failed under earlier versions of the program left behind:
    Alembic's ``_alembic_tmp_…`` copies, and tables of later schema versions that it created
    before failing (they committed one by one). Such tables are empty; one that holds rows is
    not a leftover, and the database is refused rather than touched."""
    for table in sorted(_plain_tables(conn) - expected):
        if not table.startswith("_alembic_tmp_"):
            has_rows = conn.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first()
            if has_rows:
                raise DatabaseError(
                    f"数据库中的表 {table} 与它记录的架构版本不符，无法自动升级，"
                    "数据库保持原样。请把数据库文件发给技术支持。"
                )
        conn.exec_driver_sql(f'DROP TABLE "{table}"')


def adopt_legacy_attachments(engine: Engine, db_file: Path) -> None:
    """Databases made before each had its own attachment folder kept their files in a shared
    ``attachments/`` beside them. Copy the files this database refers to into its own folder
    (never move: another database in the same folder may still use the shared one)."""
    from dualleader_desktop.storage.backup import attachment_sources

    own, legacy = attachment_sources(db_file)
    if not legacy.is_dir():
        return
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT sha256, suffix FROM attachments").all()
    for sha256, suffix in rows:
        relative = Path(sha256[:2]) / f"{sha256}{suffix}"
        if (own / relative).exists() or not (legacy / relative).is_file():
            continue
        (own / relative).parent.mkdir(parents=True, exist_ok=True)
        handle, partial = staging.make_file((own / relative).parent, staging.PARTIAL)
        os.close(handle)
        try:
            shutil.copyfile(legacy / relative, partial)
            partial.replace(own / relative)
        finally:
            partial.unlink(missing_ok=True)


def _file_of(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    return Path(database) if database not in (None, "", ":memory:") else None
