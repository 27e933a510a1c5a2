"""search index keyed by (kind, record id): search_entries, and pg_trgm on PostgreSQL

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Until now an FTS5 row's rowid was ``record_id * 3 + kind``: a fourth kind of record would have
made every stored rowid mean something else. ``search_entries`` keys each indexed record by
(kind, record_id) and keeps its branch (storage/search_backend.py):

- SQLite: the FTS5 table keeps its rows, their rowid becomes the entry's id (the old rowids are
  decoded once, here), and it drops the ``branch_id`` column the entry now holds.
- PostgreSQL: the entry holds the folded text itself (``body``) with a pg_trgm GIN index; the
  extension is created when missing (it ships with PostgreSQL's contrib package). Nothing to
  copy: PostgreSQL had no search index before.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FTS_TABLE = "search_index"
OLD_KINDS = 3  # member 0, meeting 1, talk 2: how rowids were packed before this revision


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    columns = [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=True),
    ]
    if not sqlite:
        columns.append(sa.Column("body", sa.Text(), nullable=False))
    op.create_table(
        "search_entries",
        *columns,
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entries")),
        sa.UniqueConstraint("kind", "record_id", name=op.f("uq_search_entries_kind")),
    )
    op.create_index(op.f("ix_search_entries_branch_id"), "search_entries", ["branch_id"])
    if sqlite:
        _key_fts_rows(conn)
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_search_entries_body_trgm ON search_entries "
            "USING gin (body gin_trgm_ops)"
        )


def _key_fts_rows(conn) -> None:
    """One entry per FTS5 row, under the row's old rowid; the FTS5 table without branch_id."""
    rows = conn.execute(sa.text(f"SELECT rowid, body, branch_id FROM {FTS_TABLE}")).all()
    if rows:
        conn.execute(
            sa.text(
                "INSERT INTO search_entries(id, kind, record_id, branch_id) "
                "VALUES (:id, :kind, :record, :branch)"
            ),
            [
                {"id": rowid, "kind": rowid % OLD_KINDS, "record": rowid // OLD_KINDS, "branch": g}
                for rowid, _body, g in rows
            ],
        )
    op.execute(f"DROP TABLE {FTS_TABLE}")
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, tokenize='unicode61', prefix='1')"
    )
    if rows:
        conn.execute(
            sa.text(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (:r, :b)"),
            [{"r": rowid, "b": body} for rowid, body, _g in rows],
        )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        rows = conn.execute(
            sa.text(
                f"SELECT e.kind, e.record_id, e.branch_id, f.body FROM {FTS_TABLE} AS f "
                "JOIN search_entries AS e ON e.id = f.rowid"
            )
        ).all()
        op.execute(f"DROP TABLE {FTS_TABLE}")
        op.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING "
            "fts5(body, branch_id UNINDEXED, tokenize='unicode61', prefix='1')"
        )
        if rows:
            conn.execute(
                sa.text(f"INSERT INTO {FTS_TABLE}(rowid, body, branch_id) VALUES (:r, :b, :g)"),
                [
                    {"r": record * OLD_KINDS + kind, "b": body, "g": branch}
                    for kind, record, branch, body in rows
                ],
            )
    else:
        op.execute("DROP INDEX ix_search_entries_body_trgm")
    op.drop_index(op.f("ix_search_entries_branch_id"), table_name="search_entries")
    op.drop_table("search_entries")
