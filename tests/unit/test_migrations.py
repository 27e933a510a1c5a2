"""The schema comes from the migrations, and the models agree with it."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from dualleader_desktop.storage import migrate, records_models  # noqa: F401 (registers tables)
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.storage.models import Base


def test_empty_database_is_upgraded_to_head(database_url, tmp_path):
    db = Database.open_url(database_url, attachments=tmp_path / "files")
    tables = set(db.table_names())
    assert {"branch", "members", "party_groups", "committee_members", "member_transfers"} <= tables
    assert {
        "meetings",
        "attendance",
        "agenda_items",
        "talks",
        "attachments",
        "search_entries",
    } <= tables
    assert ("search_index" in tables) == (db.engine.dialect.name == "sqlite")  # FTS5
    with db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD_REVISION
    db.dispose()


def test_models_match_the_migrated_schema(db):
    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # the search index's tables are created by hand in the migrations and have no model
    differences = [d for d in differences if "search_" not in str(d)]
    assert differences == []


def test_each_migration_runs_on_its_own(database_url):
    """0001, 0002, … one upgrade each on an empty database of each engine (PostgreSQL: its
    transactional DDL, no batch copies, no FTS5), ending where a one-step upgrade ends."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    revisions = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    database = Database(database_url, upgrade=False)
    try:
        for revision in revisions:
            migrate.upgrade_if_needed(database.engine, target=revision)
            with database.engine.connect() as conn:
                assert migrate.current_revision(conn) == revision
    finally:
        database.dispose()


def test_head_constant_matches_the_scripts():
    assert migrate.script_head() == migrate.HEAD_REVISION


def test_database_from_a_newer_program_is_refused(tmp_path):
    path = tmp_path / "newer.sqlite3"
    Database.open_file(path).dispose()
    db = Database.open_file(path)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    with pytest.raises(DatabaseError, match="更新版本"):
        Database.open_file(path)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("这是一份文本", encoding="utf-8")
    with pytest.raises(DatabaseError, match="不是本程序的数据库"):
        Database.open_file(path)
    assert path.read_text(encoding="utf-8") == "这是一份文本"
