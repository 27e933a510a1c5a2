"""PostgreSQL search: pg_trgm (what storage/search_backend.py uses) against tsvector bigrams.

Issue 8 asked to measure both before picking. PostgreSQL's text search has no parser for
Chinese, so the tsvector side is built the way FTS5's is here: each term cut into overlapping
bigrams plus its last character (storage/search_index.py), stored with the 'simple'
configuration; a query of one character is a prefix query (王:*), of two a bigram, of more a
phrase of bigrams (产教 <-> 教融). Both are asked for the newest 50 matches, plainly (the GIN
index, then a sort) and, for pg_trgm, the way the backend asks (the newest 1000 entries first).

Run after bench_meetings.py has filled the server's database:
    python benchmarks/bench_pg_search_methods.py --database-url postgresql+psycopg://…/dl_bench
It adds a table ``bench_tsvector`` (kept for the next run; drop it when done).
"""

from __future__ import annotations

import argparse
import time

from bench_meetings import timed  # the same median/max of runs as the search benchmark
from sqlalchemy import text

from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.search_backend import TrigramBackend
from dualleader_desktop.storage.search_index import terms

# common words, then words with no match (a rare word of one or two characters has no trigram)
QUERIES = ("王", "王伟", "产教融", "课程思政", "科教融汇推进", "不存在的词", "蔺", "蔺伟")
LIMIT = 50


def tokens(body: str) -> str:
    out = []
    for term in terms(body):
        out += [term[i : i + 2] for i in range(len(term) - 1)]
        out.append(term[-1])
    return " ".join(out)


def tsquery(query: str) -> str:
    parts = []
    for term in terms(query):
        if len(term) == 1:
            parts.append(f"{term}:*")
        else:
            parts.append(" <-> ".join(term[i : i + 2] for i in range(len(term) - 1)))
    return " & ".join(f"({p})" for p in parts)


def build(conn) -> float:
    started = time.perf_counter()
    conn.execute(text("DROP TABLE IF EXISTS bench_tsvector"))
    conn.execute(text("CREATE TABLE bench_tsvector (id integer PRIMARY KEY, tsv tsvector)"))
    rows = conn.execute(text("SELECT id, body FROM search_entries")).all()
    conn.execute(
        text("INSERT INTO bench_tsvector VALUES (:id, to_tsvector('simple', :t))"),
        [{"id": row_id, "t": tokens(body)} for row_id, body in rows],
    )
    conn.execute(text("CREATE INDEX bench_tsvector_gin ON bench_tsvector USING gin (tsv)"))
    conn.execute(text("ANALYZE bench_tsvector"))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    args = parser.parse_args()
    db = Database.open_url(args.database_url)
    with db.engine.begin() as conn:
        exists = conn.execute(text("SELECT to_regclass('bench_tsvector')")).scalar()
        if exists is None:
            print(f"tsvector index built in {build(conn):.1f} s")
    with db.engine.connect() as conn:
        sizes = conn.execute(
            text(
                "SELECT pg_size_pretty(pg_relation_size(i.indexrelid)) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = :n"
            ),
            [{"n": "ix_search_entries_body_trgm"}],
        ).scalar()
        tsv_size = conn.execute(
            text("SELECT pg_size_pretty(pg_relation_size('bench_tsvector_gin'))")
        ).scalar()
        entries = conn.execute(text("SELECT count(*) FROM search_entries")).scalar()
        print(f"{entries} entries; GIN index size: pg_trgm {sizes}, tsvector bigrams {tsv_size}")
        trigram = TrigramBackend(conn)

        def plain_trgm(q):
            likes = " AND ".join(f"body LIKE '%{t}%'" for t in terms(q))
            return conn.execute(
                text(f"SELECT id FROM search_entries WHERE {likes} ORDER BY id DESC LIMIT {LIMIT}")
            ).all()

        def plain_tsv(q):
            return conn.execute(
                text(
                    "SELECT id FROM bench_tsvector WHERE tsv @@ to_tsquery('simple', :q) "
                    f"ORDER BY id DESC LIMIT {LIMIT}"
                ),
                {"q": tsquery(q)},
            ).all()

        methods = {
            "pg_trgm plain": plain_trgm,
            "pg_trgm as used": lambda q: trigram.query(q, limit=LIMIT),
            "tsvector bigrams": plain_tsv,
        }
        print(f"{'query (median / max ms, rows)':24}" + "".join(f"{m:>24}" for m in methods))
        for query in QUERIES:
            line = f"{query} ({len(query)})".ljust(24 - len(query))
            for method in methods.values():
                median, worst, size = timed(lambda m=method, q=query: m(q))
                line += f"{median:10.1f} /{worst:7.1f} {size:4d}"
            print(line)


if __name__ == "__main__":
    main()
