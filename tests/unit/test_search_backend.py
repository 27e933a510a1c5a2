"""The search backends answer alike: the same records indexed, the same hits on SQLite (FTS5)
and PostgreSQL (pg_trgm), for queries of every length, keyed by (kind, id)."""

import pytest

from dualleader_desktop.storage.search_backend import Fts5Backend, TrigramBackend, search_backend
from dualleader_desktop.storage.search_index import SearchKind

MEMBER, MEETING, TALK = SearchKind.MEMBER, SearchKind.MEETING, SearchKind.TALK
RECORDS = [
    (MEMBER, 1, ("欧阳明", "智能制造教研室", "讲师"), 1),
    (MEETING, 1, ("支部党员大会", "学习党的二十大精神，讨论教学科研工作。"), 1),
    (TALK, 1, ("谈心谈话", "欧阳明 张伟", "交流教学和思想状况"), 1),
    (MEETING, 2, ("主题党日", "参观革命旧址，重温入党誓词。"), 1),
    (MEETING, 3, ("支部党员大会", "另一个支部的会议：教学科研。"), 2),
    (MEMBER, 7, ("Zhang WEI", "ＡＢＣ教研室", ""), 1),  # ASCII case and full-width forms
]


def indexed(db):
    with db.engine.begin() as conn:
        backend = search_backend(conn)
        for kind, record_id, parts, branch in RECORDS:
            backend.index(kind, record_id, parts, branch)


def found(db, query, **options):
    with db.engine.connect() as conn:
        return {(hit.kind, hit.record_id) for hit in search_backend(conn).query(query, **options)}


def test_each_engine_has_its_backend(db):
    with db.engine.connect() as conn:
        expected = Fts5Backend if db.engine.dialect.name == "sqlite" else TrigramBackend
        assert type(search_backend(conn)) is expected


@pytest.mark.parametrize(
    ("query", "hits"),
    [
        ("党", {(MEETING, 1), (MEETING, 2)}),  # one character
        ("欧阳", {(MEMBER, 1), (TALK, 1)}),  # two
        ("教研室", {(MEMBER, 1), (MEMBER, 7)}),  # three
        ("教学科研", {(MEETING, 1)}),  # four
        ("教学 状况", {(TALK, 1)}),  # every term, anywhere in the record
        ("zhang", {(MEMBER, 7)}),
        ("abc", {(MEMBER, 7)}),
        ("明智", set()),  # a match never spans two fields
        ("，", set()),  # nothing searchable
    ],
)
def test_the_same_hits_on_both_engines(db, query, hits):
    indexed(db)
    assert found(db, query, branch_id=1) == hits


def test_kinds_and_branches_filter_and_the_newest_come_first(db):
    indexed(db)
    assert found(db, "教学科研") == {(MEETING, 1), (MEETING, 3)}  # every branch
    assert found(db, "教学科研", branch_id=2) == {(MEETING, 3)}
    assert found(db, "欧阳", kinds=[TALK], branch_id=1) == {(TALK, 1)}
    with db.engine.connect() as conn:
        hits = search_backend(conn).query("党", limit=1, branch_id=1)
    assert [(hit.kind, hit.record_id) for hit in hits] == [(MEETING, 2)]


def test_reindexing_replaces_and_removing_forgets(db):
    indexed(db)
    with db.engine.begin() as conn:
        backend = search_backend(conn)
        backend.index(MEETING, 1, ("支部委员会", "研究发展党员工作"), 1)
        backend.remove(TALK, 1)
        backend.remove(TALK, 99)  # never indexed: nothing happens
        backend.index(MEMBER, 1, ("", ""), 1)  # no text left: not in the index
    assert found(db, "教学科研", branch_id=1) == set()
    assert found(db, "发展党员", branch_id=1) == {(MEETING, 1)}
    assert found(db, "欧阳", branch_id=1) == set()


def test_the_newest_entries_first_then_the_whole_index(db, monkeypatch):
    """PostgreSQL reads the newest entries before asking the trigram index: a page found
    there, or not, the hits are the same."""
    from dualleader_desktop.storage import search_backend as module

    monkeypatch.setattr(module, "RECENT_WINDOW", 2)
    indexed(db)
    with db.engine.connect() as conn:
        backend = search_backend(conn)
        newest = backend.query("教研室", limit=1, branch_id=1)  # among the newest two
        older = backend.query("党", limit=1, branch_id=1)  # not: the whole index
    assert [(h.kind, h.record_id) for h in newest] == [(MEMBER, 7)]
    assert [(h.kind, h.record_id) for h in older] == [(MEETING, 2)]
    assert found(db, "党", branch_id=1) == {(MEETING, 1), (MEETING, 2)}


def test_the_window_grows_with_the_page_asked_for(db, monkeypatch):
    """PostgreSQL reads RECENT_PER_HIT entries for every hit asked for (at least RECENT_WINDOW)
    before it asks the trigram index: a page larger than RECENT_WINDOW is still answered from
    the newest entries, in one statement, when they hold it."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's FTS5 reads no window of newest entries")
    from sqlalchemy import event

    from dualleader_desktop.storage import search_backend as module

    monkeypatch.setattr(module, "RECENT_WINDOW", 1)
    monkeypatch.setattr(module, "RECENT_PER_HIT", 2)
    indexed(db)
    statements = []
    with db.engine.connect() as conn:
        event.listen(conn, "before_cursor_execute", lambda *args: statements.append(args[2]))
        hits = search_backend(conn).query("教学", limit=2)  # the newest 4 entries hold 2
    assert [(h.kind, h.record_id) for h in hits] == [(MEETING, 3), (TALK, 1)]
    assert len(statements) == 1
