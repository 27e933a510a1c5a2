"""Search behind one interface, one implementation per database engine.

Services ask ``search_backend(connection)`` for the backend of the database they are in and
call ``index``, ``remove`` and ``query`` on it, inside their own transaction. Hits are keyed by
(kind, record id) explicitly: the table ``search_entries`` (schema 0007) holds one row per
indexed record, ``UNIQUE (kind, record_id)``, with its branch; a new kind of record is a new
``SearchKind`` value and nothing stored needs decoding again.

- SQLite (``Fts5Backend``): FTS5 over character bigrams (storage/search_index.py explains why,
  and how queries of one or two characters are matched); the FTS5 row's rowid is the entry's
  id.
- PostgreSQL (``TrigramBackend``): the folded text in ``search_entries.body`` with a pg_trgm
  GIN index, searched with ``LIKE '%term%'`` for every term of the query. pg_trgm's similarity
  needs three characters, but its GIN index serves LIKE patterns of any length (one or two
  characters: by reading the whole index, which is still correct), so a 1–2 character Chinese
  query is found as a longer one is.

Both match the same way: text and query are folded alike (``search_index.fold``) and cut into
terms at spaces and punctuation; a record matches when every term of the query occurs inside one
term of one of its fields. Both return the newest ``limit`` matches (the entry indexed first
keeps its place when it is indexed again), which services/search.py reads back and ranks.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from sqlalchemy import column, table, text
from sqlalchemy.engine import Connection

from dualleader_desktop.storage.search_index import (
    TABLE as FTS_TABLE,
)
from dualleader_desktop.storage.search_index import (
    SearchKind,
    bigrams,
    match_expression,
    terms,
)

ENTRIES = "search_entries"
# PostgreSQL: entries read newest first before the trigram index is asked, at least this many
# and RECENT_PER_HIT for every hit asked for (a page of 1001 hits needs more than 1000 entries)
RECENT_WINDOW = 1000
RECENT_PER_HIT = 4
# a token no query can form (queries are cut at punctuation): a match never spans two fields
FIELD_SEPARATOR = " | "
_entries = table(
    ENTRIES,
    column("id"),
    column("kind"),
    column("record_id"),
    column("branch_id"),
    column("body"),
)


class SearchHit(NamedTuple):
    """A record whose text matched. ``score`` is 1.0 for every hit of these backends: they
    return the newest matches, and services/search.py ranks the few it shows."""

    kind: SearchKind
    record_id: int
    score: float


class SearchBackend(ABC):
    """The search index of one database, used on the caller's connection (and transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    @abstractmethod
    def index(
        self, kind: SearchKind, record_id: int, parts: Iterable[str], branch_id: int | None
    ) -> None:
        """Put (or replace) the searchable text of a record, one part per field."""

    @abstractmethod
    def remove(self, kind: SearchKind, record_id: int) -> None:
        """Forget a record (nothing happens when it was never indexed)."""

    @abstractmethod
    def query(
        self,
        text_: str,
        kinds: Sequence[SearchKind] | None = None,
        limit: int = 200,
        branch_id: int | None = None,
    ) -> list[SearchHit]:
        """The newest ``limit`` records (of ``kinds``, of ``branch_id``; all when None) whose
        text holds every term of ``text_``, newest first."""

    def _entry_id(self, kind: SearchKind, record_id: int) -> int | None:
        return self.conn.execute(
            text(f"SELECT id FROM {ENTRIES} WHERE kind = :k AND record_id = :r"),
            {"k": int(kind), "r": record_id},
        ).scalar()

    @staticmethod
    def _filters(kinds: Sequence[SearchKind] | None, branch_id: int | None) -> tuple[str, dict]:
        sql, params = "", {}
        if branch_id is not None:
            sql += " AND e.branch_id = :g"
            params["g"] = branch_id
        if kinds is not None:
            names = [f"k{i}" for i in range(len(kinds))]
            sql += " AND e.kind IN (" + ", ".join(f":{n}" for n in names) + ")"
            params.update({n: int(k) for n, k in zip(names, kinds, strict=True)})
        return sql, params


class Fts5Backend(SearchBackend):
    """SQLite: FTS5 over bigrams; the FTS5 rowid is the entry's id."""

    def index(self, kind, record_id, parts, branch_id) -> None:
        body = FIELD_SEPARATOR.join(" ".join(bigrams(part)) for part in parts if part)
        entry = self._entry_id(kind, record_id)
        if not body:
            self.remove(kind, record_id)
            return
        if entry is None:
            entry = self.conn.execute(
                text(f"INSERT INTO {ENTRIES}(kind, record_id, branch_id) VALUES (:k, :r, :g)"),
                {"k": int(kind), "r": record_id, "g": branch_id},
            ).lastrowid
        else:
            self.conn.execute(
                text(f"UPDATE {ENTRIES} SET branch_id = :g WHERE id = :e"),
                {"g": branch_id, "e": entry},
            )
            self.conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :e"), {"e": entry})
        self.conn.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (:e, :b)"), {"e": entry, "b": body}
        )

    def remove(self, kind, record_id) -> None:
        entry = self._entry_id(kind, record_id)
        if entry is not None:
            self.conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :e"), {"e": entry})
            self.conn.execute(text(f"DELETE FROM {ENTRIES} WHERE id = :e"), {"e": entry})

    def query(self, text_, kinds=None, limit=200, branch_id=None) -> list[SearchHit]:
        expression = match_expression(text_)
        if expression is None:
            return []
        filters, params = self._filters(kinds, branch_id)
        rows = self.conn.execute(
            text(
                f"SELECT e.kind, e.record_id FROM {FTS_TABLE} "
                f"JOIN {ENTRIES} AS e ON e.id = {FTS_TABLE}.rowid "
                f"WHERE {FTS_TABLE} MATCH :q{filters} ORDER BY {FTS_TABLE}.rowid DESC LIMIT :n"
            ),
            {"q": expression, "n": limit, **params},
        )
        return [SearchHit(SearchKind(kind), record_id, 1.0) for kind, record_id in rows]


class TrigramBackend(SearchBackend):
    """PostgreSQL: folded text in ``search_entries.body``, LIKE served by a pg_trgm GIN index."""

    def index(self, kind, record_id, parts, branch_id) -> None:
        body = FIELD_SEPARATOR.join(" ".join(terms(part)) for part in parts if terms(part or ""))
        if not body:
            self.remove(kind, record_id)
            return
        from sqlalchemy.dialects.postgresql import insert

        statement = insert(_entries).values(
            kind=int(kind), record_id=record_id, branch_id=branch_id, body=body
        )
        self.conn.execute(
            statement.on_conflict_do_update(
                index_elements=["kind", "record_id"],
                set_={"branch_id": statement.excluded.branch_id, "body": statement.excluded.body},
            )
        )

    def remove(self, kind, record_id) -> None:
        self.conn.execute(
            text(f"DELETE FROM {ENTRIES} WHERE kind = :k AND record_id = :r"),
            {"k": int(kind), "r": record_id},
        )

    def query(self, text_, kinds=None, limit=200, branch_id=None) -> list[SearchHit]:
        keys = terms(text_)
        if not keys:
            return []
        filters, params = self._filters(kinds, branch_id)
        likes = " AND ".join(f"e.body LIKE :t{i} ESCAPE '\\'" for i in range(len(keys)))
        params.update({f"t{i}": f"%{_escape_like(key)}%" for i, key in enumerate(keys)})
        params.update({"n": limit, "w": max(RECENT_WINDOW, RECENT_PER_HIT * limit)})
        # PostgreSQL guesses that LIKE '%…%' on Chinese text matches a handful of rows, so for
        # a common word it read all its matches (49 000 of 50 000 meetings: 90-180 ms) and
        # sorted them. The newest entries are read first, where a common word fills the page
        # (1-5 ms); a rarer one then goes through the trigram index, quick because its matches
        # are few (5-10 ms in all). A rare word of one or two characters has no trigram: a scan.
        recent = self.conn.execute(
            text(
                "SELECT e.kind, e.record_id FROM (SELECT id, kind, record_id, branch_id, body "
                f"FROM {ENTRIES} ORDER BY id DESC LIMIT :w) AS e "
                f"WHERE {likes}{filters} ORDER BY e.id DESC LIMIT :n"
            ),
            params,
        ).all()
        rows = recent
        if len(recent) < limit:
            rows = self.conn.execute(
                text(
                    f"SELECT e.kind, e.record_id FROM {ENTRIES} AS e "
                    f"WHERE {likes}{filters} ORDER BY e.id DESC LIMIT :n"
                ),
                params,
            ).all()
        return [SearchHit(SearchKind(kind), record_id, 1.0) for kind, record_id in rows]


def _escape_like(value: str) -> str:
    # terms hold letters, digits and CJK only; escaped all the same, should that ever change
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_backend(conn: Connection) -> SearchBackend:
    """The search backend of the database ``conn`` is connected to."""
    if conn.dialect.name == "sqlite":
        return Fts5Backend(conn)
    if conn.dialect.name == "postgresql":
        return TrigramBackend(conn)
    raise NotImplementedError(f"no search backend for {conn.dialect.name}")
