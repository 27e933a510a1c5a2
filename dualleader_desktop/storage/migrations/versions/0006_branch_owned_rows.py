"""every branch-owned row carries its branch: many branches in one database

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Groups, committee seats, members, meetings, talks, attachment links, archive settings and
change-log entries get ``branch_id`` (NOT NULL, foreign key to ``branch``, indexed); the search
index stores it in an UNINDEXED column. Rows below those (agenda items, attendance, talk
participants) and member transfers belong to their meeting, talk or member and reach the branch
through it. Attachment files are shared: the link says which branch uses one.

An existing database held one branch, and every row is given it. A database with rows but no
branch row (members entered before the branch page was ever saved) gets one branch with an
empty name, which the secretary names on the branch page as before; the program's services
create the same unnamed branch when the first record is written to such a database. An empty
database gets no branch: it appears when the secretary saves it, as before.

Only portable Alembic operations (batch mode, so SQLite copies the tables; PostgreSQL alters
them in place), except the search index, which exists on SQLite only (FTS5, made by hand in
0002) and is rebuilt there with its rows and the new column.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = (
    "party_groups",
    "committee_members",
    "members",
    "meetings",
    "talks",
    "attachment_links",
    "archive_settings",
    "change_log",
)
SEARCH_TABLE = "search_index"


def upgrade() -> None:
    conn = op.get_bind()
    branch_id = _the_branch(conn)
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("branch_id", sa.Integer(), nullable=True))
        if branch_id is not None:
            rows = sa.table(table, sa.column("branch_id"))
            conn.execute(rows.update().values(branch_id=branch_id))
        with op.batch_alter_table(table) as batch:
            batch.alter_column("branch_id", existing_type=sa.Integer(), nullable=False)
            batch.create_foreign_key(
                op.f(f"fk_{table}_branch_id_branch"), "branch", ["branch_id"], ["id"]
            )
            if table == "archive_settings":  # one row of settings per branch
                batch.create_unique_constraint(op.f("uq_archive_settings_branch_id"), ["branch_id"])
            else:
                batch.create_index(op.f(f"ix_{table}_branch_id"), ["branch_id"], unique=False)
            if table == "party_groups":  # a group's name is unique inside its branch
                batch.drop_constraint(op.f("uq_party_groups_name"), type_="unique")
                batch.create_unique_constraint(
                    op.f("uq_party_groups_branch_id"), ["branch_id", "name"]
                )
    if conn.dialect.name == "sqlite" and sa.inspect(conn).has_table(SEARCH_TABLE):
        _rebuild_search_index(conn, branch_id)


def _the_branch(conn) -> int | None:
    """The database's one branch; made (unnamed) only where rows need it."""
    branch = sa.table(
        "branch",
        sa.column("id", sa.Integer()),
        sa.column("name", sa.String()),
        sa.column("parent_org", sa.String()),
        sa.column("studio_name", sa.String()),
    )
    found = conn.execute(sa.select(sa.func.min(branch.c.id))).scalar()
    if found is not None:
        return found
    has_rows = any(
        conn.execute(sa.select(sa.literal(1)).select_from(sa.table(t)).limit(1)).first()
        for t in TABLES
        if t != "change_log"  # history alone needs no branch: its records are gone
    )
    if not has_rows:
        return None
    conn.execute(branch.insert().values(name="", parent_org="", studio_name=""))
    return conn.execute(sa.select(sa.func.min(branch.c.id))).scalar()


def _rebuild_search_index(conn, branch_id: int | None) -> None:
    """FTS5 cannot add a column: the index is made again with ``branch_id UNINDEXED`` (kept
    with each row, filtered after the match) and its rows copied over, all of them the one
    branch's."""
    _remake_search_index(conn, {"branch_id UNINDEXED": branch_id})


def _remake_search_index(conn, extra: dict) -> None:
    """Drop and create the FTS5 table with ``body`` and the ``extra`` columns (declaration:
    the value every row gets), its rows copied over."""
    rows = conn.execute(sa.text(f"SELECT rowid, body FROM {SEARCH_TABLE}")).all()
    op.execute(f"DROP TABLE {SEARCH_TABLE}")
    columns = ", ".join(["body", *extra])
    op.execute(
        f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING "
        f"fts5({columns}, tokenize='unicode61', prefix='1')"
    )
    names = ["rowid", "body", *(declaration.split()[0] for declaration in extra)]
    values = [f":{name}" for name in names]
    if rows:
        conn.execute(
            sa.text(f"INSERT INTO {SEARCH_TABLE}({', '.join(names)}) VALUES ({', '.join(values)})"),
            [dict(zip(names, (rowid, body, *extra.values()), strict=True)) for rowid, body in rows],
        )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite" and sa.inspect(conn).has_table(SEARCH_TABLE):
        _remake_search_index(conn, {})
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            if table == "party_groups":
                batch.drop_constraint(op.f("uq_party_groups_branch_id"), type_="unique")
                batch.create_unique_constraint(op.f("uq_party_groups_name"), ["name"])
            if table == "archive_settings":
                batch.drop_constraint(op.f("uq_archive_settings_branch_id"), type_="unique")
            else:
                batch.drop_index(op.f(f"ix_{table}_branch_id"))
            batch.drop_constraint(op.f(f"fk_{table}_branch_id_branch"), type_="foreignkey")
            batch.drop_column("branch_id")
