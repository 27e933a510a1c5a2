"""Attachment files no row refers to (left by a save killed between copying and committing)
are swept once a day old; referenced and young files stay, and so do other databases' files
(issue 7). The store is private to its owner."""

from __future__ import annotations

import os
import stat
import time
from datetime import date, timedelta

import pytest

from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.attachments import AttachmentService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.storage.database import Database

DAY = 24 * 60 * 60


def age(path, days: float) -> None:
    then = time.time() - days * DAY
    os.utime(path, (then, then))


def copied_in(db, tmp_path, name: str, content: bytes):
    """A file copied into the store by a save that never committed (killed)."""
    source = tmp_path / name
    source.write_bytes(content)
    store = MeetingService(db).attachments
    sha256, _size, suffix, _new = store.put(source)
    return store.path_for(sha256, suffix)


def saved_with(db, tmp_path, name: str, content: bytes):
    source = tmp_path / name
    source.write_bytes(content)
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 1))
    draft.theme, draft.new_files = "主题党日", [source]
    [info] = service.save(draft).draft.attachments
    return info.path


def test_an_old_orphan_goes_a_referenced_or_young_file_stays(db, tmp_path):
    referenced = saved_with(db, tmp_path, "签到表.jpg", b"sign-in sheet")
    old_orphan = copied_in(db, tmp_path, "会议照片.jpg", b"photo of a save that was killed")
    young_orphan = copied_in(db, tmp_path, "议程.pdf", b"a save committing right now")
    root = referenced.parent.parent
    cut_short = root / ".incoming-x1y2z3"
    cut_short.write_bytes(b"half a copy")
    stranger = root / "说明.txt"  # not named by the store: never touched
    stranger.write_text("放在这里的说明")
    for path in (referenced, old_orphan, cut_short, stranger):
        age(path, 3)
    age(young_orphan, 0.5)

    removed = AttachmentService(db).sweep_orphans(older_than=timedelta(days=1))

    assert sorted(removed) == sorted([old_orphan, cut_short])
    assert not old_orphan.exists() and not cut_short.exists()
    assert referenced.read_bytes() == b"sign-in sheet"
    assert young_orphan.exists() and stranger.exists()
    assert AttachmentService(db).sweep_orphans() == []


def test_an_orphan_stored_again_by_a_save_under_way_stays(db, tmp_path):
    orphan = copied_in(db, tmp_path, "a.pdf", b"the same file")
    age(orphan, 3)
    assert copied_in(db, tmp_path, "b.pdf", b"the same file") == orphan  # not yet committed
    assert AttachmentService(db).sweep_orphans() == []
    assert orphan.exists()


@pytest.mark.sqlite_only("about database files: a server's database has a folder of its own")
def test_nothing_is_swept_beside_another_database_of_the_same_name(db, tmp_path):
    orphan = copied_in(db, tmp_path, "a.pdf", b"maybe the other database's")
    age(orphan, 3)
    other = Database.open_file(db.path.with_suffix(".db"))  # its attachments: the same folder
    try:
        assert AttachmentService(db).sweep_orphans() == []
        assert orphan.exists()
    finally:
        other.dispose()


def test_a_database_without_a_file_sweeps_nothing():
    db = Database("sqlite://")
    try:
        assert AttachmentService(db).sweep_orphans() == []
    finally:
        db.dispose()


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_store_is_private_to_its_owner(db, tmp_path):
    path = saved_with(db, tmp_path, "身份证复印件.jpg", b"a member's papers")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
