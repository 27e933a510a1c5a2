"""Bring a database to the current schema when the program opens it.

Alembic (and its script directory) is imported only when the stored revision differs from
``HEAD_REVISION``, which keeps it off the start-up path of an up-to-date database; a test checks
the constant against the migration scripts. Before an existing file is upgraded a copy is kept
beside it, so a failed upgrade never costs the secretary their records.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

HEAD_REVISION = "0004"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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


def upgrade_if_needed(engine: Engine, target: str = "head") -> None:
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision == HEAD_REVISION and target == "head":
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    from dualleader_desktop.storage.database import DatabaseError

    config = alembic_config()
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if revision is not None and revision not in known:
        raise DatabaseError(
            f"此数据库由更新版本的程序创建（架构版本 {revision}），请升级本程序后再打开。"
        )
    if revision is not None and engine.url.database not in (None, "", ":memory:"):
        db_file = Path(engine.url.database)
        shutil.copy2(db_file, db_file.with_name(f"{db_file.name}.before-upgrade-{revision}.bak"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
