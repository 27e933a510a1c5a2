"""What the window shows first, read with the standard library's sqlite3 before SQLAlchemy,
the models and the services are imported: the branches, the chosen branch's Party groups, how
many members the roster shows by default (those 在册) and the first of them, as many as a screen
can show. Importing the ORM costs about as much as starting Qt and showing a window
(../shared/GOTCHAS.md, Start-up), and making Python objects of a whole roster of 10 000 members
half as much again: reading only these lets the window with the roster appear first, and the
database be opened in full (its checks, its upgrade, the whole roster) right after (app.py),
before the window handles any event, so nobody scrolls to the rows not read yet.

Only a file that needs nothing done to it qualifies: plain SQLite, marked as ours, at this
program's schema revision. Anything else, and any error on the way, answers None and the start
takes the full path first, where every refusal is worded. The rows are the ones
``MemberService.list_members(status=ACTIVE)`` begins with: the same columns in MemberRecord's
order, the same order (a test holds the two to each other).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from dualleader_desktop.domain.enums import Gender, MemberCategory, MemberStatus
from dualleader_desktop.domain.member_records import MemberRecord
from dualleader_desktop.storage.database_file import APPLICATION_ID, SQLITE_HEADER
from dualleader_desktop.storage.revision import HEAD_REVISION

_COLUMNS = ", ".join(
    "coalesce(party_groups.name, '')" if f.name == "party_group_name" else f"members.{f.name}"
    for f in fields(MemberRecord)
)
ROSTER_QUERY = (
    f"SELECT {_COLUMNS} FROM members"
    " LEFT OUTER JOIN party_groups ON members.party_group_id = party_groups.id"
    " WHERE members.branch_id = ? AND members.status = ?"
    " ORDER BY party_groups.sort_order, party_groups.name, members.name, members.id"
    " LIMIT ?"
)
COUNT_QUERY = "SELECT count(*) FROM members WHERE branch_id = ? AND status = ?"
# rows read for the first screen: more than the tallest screen shows (2160 px at 28 px a row);
# every one (SQLite's LIMIT -1) where the roster is sorted by a column, to be shown in its order
FIRST_ROWS, EVERY_ROW = 100, -1
GROUPS_QUERY = "SELECT id, name FROM party_groups WHERE branch_id = ? ORDER BY sort_order, name"
# how each stored value becomes the record's: enums by value (a dict: 5× faster than calling
# the enum, on 30 000 values), dates from ISO text, flags
_CONVERT = {
    "gender": {member.value: member for member in Gender}.__getitem__,
    "category": {member.value: member for member in MemberCategory}.__getitem__,
    "status": {member.value: member for member in MemberStatus}.__getitem__,
    "birth_date": date.fromisoformat,
    "joined_date": date.fromisoformat,
    "full_member_date": date.fromisoformat,
    "status_date": date.fromisoformat,
    "joined_date_month_only": bool,
    "full_member_date_month_only": bool,
}
_CONVERTERS = [
    (i, _CONVERT[f.name]) for i, f in enumerate(fields(MemberRecord)) if f.name in _CONVERT
]


@dataclass(frozen=True)
class FirstScreen:
    branches: list[tuple[int, str]]  # (id, name), oldest first
    branch_id: int
    groups: list[tuple[int, str]]  # (id, name) of the branch's Party groups, in their order
    members: list[MemberRecord]  # the first rows the roster shows by default (在册, its order)
    active: int  # how many it shows: the members 在册

    @property
    def branch_name(self) -> str:
        return dict(self.branches)[self.branch_id]


def read_first_screen(
    path: Path, remembered: int | None = None, rows: int | None = None
) -> FirstScreen | None:
    """The first screen of the database file at ``path`` for the branch ``remembered`` (the
    one shown last time; the first branch when it is gone), with ``rows`` of the roster
    (``FIRST_ROWS`` unless given; ``EVERY_ROW``), or None when the file must be opened in full
    first (see the module docstring)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
        if len(header) < 100 or not header.startswith(SQLITE_HEADER):
            return None
        if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
            return None
        with closing(sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)) as conn:
            return _read(conn, remembered, FIRST_ROWS if rows is None else rows)
    except (OSError, sqlite3.Error, ValueError, KeyError):
        return None


def _read(conn: sqlite3.Connection, remembered: int | None, rows: int) -> FirstScreen | None:
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] != HEAD_REVISION:
        return None
    branches = conn.execute("SELECT id, name FROM branch ORDER BY id").fetchall()
    if not branches:
        return None  # a new database: the full open and the first save make its branch
    ids = [branch_id for branch_id, _name in branches]
    branch_id = remembered if remembered in ids else ids[0]
    groups = conn.execute(GROUPS_QUERY, (branch_id,)).fetchall()
    active = MemberStatus.ACTIVE.value
    [(count,)] = conn.execute(COUNT_QUERY, (branch_id, active)).fetchall()
    members = []
    for row in conn.execute(ROSTER_QUERY, (branch_id, active, rows)):
        values = list(row)
        for index, convert in _CONVERTERS:
            if values[index] is not None:
                values[index] = convert(values[index])
        members.append(MemberRecord.from_row(values))
    return FirstScreen(branches, branch_id, groups, members, count)
