"""The first screen read with sqlite3 before SQLAlchemy (storage/first_screen.py) begins the
roster the members service reads for the default view (在册), record for record and in its
order, and counts it, for the branch chosen; and a file that needs anything done to it first
gets no first screen (the full open handles it)."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.domain.enums import MemberStatus
from dualleader_desktop.services.branch import BranchInfo, BranchService, list_branches
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.first_screen import read_first_screen
from tests.conftest import TODAY, make_draft

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"


@pytest.fixture
def demo_file(tmp_path) -> Path:
    """The demo branch (groups in their order, probationary, transferred-out and ungrouped
    members, month-only dates) and a second branch of three members."""
    path = tmp_path / "branch.sqlite3"
    db = Database.open_file(path)
    try:
        populate_demo(db, 2025, today=TODAY)
        first = list_branches(db)[0].id
        second = BranchService(db, first).create_branch(BranchInfo("信息工程学院教工党支部"))
        members = MemberService(db, second)
        for n, name in enumerate(["张敏", "刘洋", "陈静"]):
            members.add(make_draft(name, sequence=71 + 2 * n, party_group_id=None), today=TODAY)
    finally:
        db.dispose()
    return path


def service_roster(path: Path, branch_id: int, status: MemberStatus | None = None):
    db = Database.open_file(path)
    try:
        return MemberService(db, branch_id).list_members(status=status)
    finally:
        db.dispose()


def test_the_first_screen_begins_the_roster_the_service_reads(demo_file):
    first = read_first_screen(demo_file, rows=7)
    [(branch_id, name), _second] = first.branches
    assert first.branch_id == branch_id and first.branch_name == name
    active = service_roster(demo_file, branch_id, MemberStatus.ACTIVE)
    assert first.members == active[:7]  # every field, in the same order
    assert first.active == len(active) > 7
    everyone = service_roster(demo_file, branch_id)
    assert len(everyone) > len(active)  # the demo has members who left: not counted, not read
    assert read_first_screen(demo_file, rows=1000).members == active


def test_the_branch_shown_last_is_read_and_a_gone_one_falls_back_to_the_first(demo_file):
    first = read_first_screen(demo_file)
    second_id = first.branches[1][0]
    other = read_first_screen(demo_file, remembered=second_id)
    assert other.branch_id == second_id and other.groups == [] and other.active == 3
    assert [m.name for m in other.members] == [m.name for m in service_roster(demo_file, second_id)]
    assert read_first_screen(demo_file, remembered=9999).branch_id == first.branch_id


def test_the_groups_come_in_the_order_the_branch_gave_them(demo_file):
    first = read_first_screen(demo_file)
    db = Database.open_file(demo_file)
    try:
        groups = BranchService(db, first.branch_id).list_groups()
    finally:
        db.dispose()
    assert first.groups == [(group.id, group.name) for group in groups] and len(groups) > 1


def mark(path: Path, sql: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(sql)
    conn.close()


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda p: mark(p, "PRAGMA application_id = 0"), id="not marked as ours"),
        pytest.param(
            lambda p: mark(p, "UPDATE alembic_version SET version_num = '0011'"), id="older schema"
        ),
        pytest.param(lambda p: mark(p, "DELETE FROM branch"), id="no branch yet"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty file"),
        pytest.param(lambda p: p.write_bytes(b"\x13" * 4096), id="not plain SQLite (encrypted)"),
        pytest.param(lambda p: p.unlink(), id="missing"),
        pytest.param(lambda p: mark(p, "DROP TABLE members"), id="a table gone"),
    ],
)
def test_a_file_that_needs_the_full_open_gets_no_first_screen(demo_file, spoil):
    mark(demo_file, "PRAGMA wal_checkpoint(TRUNCATE)")
    spoil(demo_file)
    assert read_first_screen(demo_file) is None


def test_a_fixture_of_the_schema_before_gets_no_first_screen(tmp_path):
    folder = shutil.copytree(FIXTURES / "0011", tmp_path / "0011")
    [path] = Path(folder).glob("*.sqlite3")
    before = path.read_bytes()
    assert read_first_screen(path) is None
    assert path.read_bytes() == before  # looked at, not touched


def test_records_built_from_rows_are_the_records_built_field_by_field(demo_file):
    record = read_first_screen(demo_file).members[0]
    rebuilt = type(record)(*(getattr(record, name) for name in record.__dataclass_fields__))
    assert record == rebuilt and hash(record) == hash(rebuilt)
    assert replace(record, name="改名") != record  # still a dataclass replace() works on
    with pytest.raises(AttributeError):
        record.name = "改名"  # still frozen
    with pytest.raises(ValueError):
        type(record).from_row([1, "短"])  # a row of the wrong length is refused
