"""Schema 0008: meetings and talks are found through indexes that start with the branch and end
with the date, so a year's list reads that year's rows, in order, and sorts nothing."""

import shutil

import pytest
from sqlalchemy import inspect

from dualleader_desktop.storage.database import Database
from tests.unit.test_schema_fixtures import FIXTURES

YEAR = (
    "SELECT id FROM meetings WHERE branch_id = 1 AND meeting_date >= '2025-01-01'"
    " AND meeting_date <= '2025-12-31' ORDER BY meeting_date DESC, id DESC"
)
GROUP = (
    "SELECT id FROM meetings WHERE branch_id = 1 AND party_group_id = 2 ORDER BY meeting_date DESC"
)
KIND = (
    "SELECT id FROM meetings WHERE branch_id = 1 AND kind = 'committee' ORDER BY meeting_date DESC"
)
TALKS = (
    "SELECT id FROM talks WHERE branch_id = 1 AND talk_date >= '2025-01-01'"
    " ORDER BY talk_date DESC, id DESC"
)


@pytest.fixture
def upgraded_0007(tmp_path):
    shutil.copytree(FIXTURES / "0007", tmp_path / "0007")
    db = Database.open_file(tmp_path / "0007" / "schema-0007.sqlite3")
    yield db
    db.dispose()


def plan(conn, sql: str) -> str:
    return " | ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))


def test_the_lists_use_the_branch_first_indexes_and_sort_nothing(upgraded_0007):
    with upgraded_0007.engine.connect() as conn:
        year, group, kind, talks = (plan(conn, sql) for sql in (YEAR, GROUP, KIND, TALKS))
    assert "ix_meetings_branch_date (branch_id=? AND meeting_date>? AND meeting_date<?)" in year
    assert "ix_meetings_branch_group_date (branch_id=? AND party_group_id=?)" in group
    assert "ix_meetings_branch_kind_date (branch_id=? AND kind=?)" in kind
    assert "ix_talks_branch_date (branch_id=? AND talk_date>?)" in talks
    assert not [p for p in (year, group, kind, talks) if "TEMP B-TREE" in p]


def test_the_single_column_indexes_they_replace_are_gone(db):
    with db.engine.connect() as conn:
        names = {
            table: {ix["name"] for ix in inspect(conn).get_indexes(table)}
            for table in ("meetings", "talks")
        }
    assert names["meetings"] == {
        "ix_meetings_branch_date",
        "ix_meetings_branch_kind_date",
        "ix_meetings_branch_group_date",
        "ix_meetings_party_group_id",
    }
    assert names["talks"] == {"ix_talks_branch_date"}
