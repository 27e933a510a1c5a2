"""Backups: checked copies under names never reused, a rotation of days, weeks and months, and a
restore that keeps what it replaces."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from dualleader_desktop.domain.meeting_records import MeetingDraft
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage import backup, migrate
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY, make_draft

KNOWN = {migrate.HEAD_REVISION}


def names(db: Database) -> list[str]:
    return sorted(m.name for m in MemberService(db).list_members())


@pytest.fixture
def branch_db(tmp_path):
    database = Database.open_file(tmp_path / "branch.sqlite3")
    MemberService(database).add(make_draft("王伟"), today=TODAY)
    yield database
    database.dispose()


def test_a_backup_is_a_checked_private_copy_taken_while_the_database_is_open(branch_db):
    MemberService(branch_db).add(make_draft("李娜", sequence=12), today=TODAY)
    copy = backup.take_backup(branch_db.path, "manual")
    assert copy.parent == branch_db.path.parent / "branch-backups"
    contents = backup.describe(copy)
    assert (contents.members, contents.revision) == (2, migrate.HEAD_REVISION)
    # a file of its own: no -wal beside it, and no partial file left
    assert sorted(p.name for p in copy.parent.iterdir() if p.is_file()) == [copy.name]
    if os.name == "posix":
        assert copy.stat().st_mode & 0o777 == 0o600
        assert copy.parent.stat().st_mode & 0o777 == 0o700


def test_two_backups_in_one_second_get_two_names(branch_db):
    moment = datetime(2026, 12, 1, 9, 30, 0)
    first = backup.take_backup(branch_db.path, "manual", now=moment)
    first_bytes = first.read_bytes()
    MemberService(branch_db).add(make_draft("李娜", sequence=12), today=TODAY)
    second = backup.take_backup(branch_db.path, "manual", now=moment)
    assert first != second
    assert first.read_bytes() == first_bytes
    assert [b.path for b in backup.list_backups(branch_db.path)] == [second, first]
    assert backup.describe(second).members == 2


def test_writing_a_copy_over_an_existing_file_is_refused(branch_db, tmp_path):
    target = tmp_path / "usb" / "branch.bak"
    target.parent.mkdir()
    target.write_bytes(b"someone's file")
    with pytest.raises(backup.BackupError, match="不会覆盖"):
        backup.write_copy(branch_db.path, target)
    assert target.read_bytes() == b"someone's file"


def test_a_backup_due_once_a_day(branch_db):
    start = datetime(2026, 12, 1, 8, 0)
    assert backup.backup_if_due(branch_db.path, now=start) is not None
    assert backup.backup_if_due(branch_db.path, now=start + timedelta(hours=23)) is None
    later = backup.backup_if_due(branch_db.path, now=start + timedelta(days=1, minutes=1))
    assert later is not None and len(backup.list_backups(branch_db.path)) == 2


def test_the_rotation_keeps_seven_days_four_weeks_twelve_months(branch_db):
    seed = backup.take_backup(branch_db.path, "daily", now=datetime(2020, 1, 1))
    newest = datetime(2026, 12, 2, 8, 0)
    for days in range(1, 500):
        moment = newest - timedelta(days=days)
        shutil.copyfile(seed, seed.with_name(f"branch.sqlite3.{moment:%Y%m%d-%H%M%S}.daily.bak"))
    seed.unlink()
    shutil.copyfile(
        branch_db.path, seed.with_name(f"branch.sqlite3.{newest:%Y%m%d-%H%M%S}.daily.bak")
    )
    backup.prune(branch_db.path)
    kept = [b.taken_at for b in backup.list_backups(branch_db.path)]
    days = {t.date() for t in kept}
    assert {(newest - timedelta(days=d)).date() for d in range(7)} <= days
    weeks = {t.isocalendar()[:2] for t in kept}
    assert {(newest - timedelta(weeks=w)).isocalendar()[:2] for w in range(4)} <= weeks
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 12 and min(months) == (2026, 1)
    assert len(kept) <= 7 + 4 + 12


def add_meeting_with_file(db: Database, tmp_path) -> int:
    source = tmp_path / "签到表.pdf"
    source.write_bytes(b"%PDF-1.4 sign-in sheet")
    service = MeetingService(db)
    draft: MeetingDraft = service.new_draft(_kind(), TODAY)
    draft.theme = "学习会"
    draft.new_files = [source]
    return service.save(draft).id


def _kind():
    from dualleader_desktop.domain.meetings import MeetingKind

    return MeetingKind.COMMITTEE


def test_restore_brings_back_records_and_their_files_and_keeps_the_replaced_database(
    branch_db, tmp_path
):
    meeting_id = add_meeting_with_file(branch_db, tmp_path)
    service = MeetingService(branch_db)
    [attachment] = service.get(meeting_id).draft.attachments
    copy = backup.take_backup(branch_db.path, "manual")
    service.delete(meeting_id)
    assert not attachment.path.exists()
    MemberService(branch_db).add(make_draft("李娜", sequence=12), today=TODAY)

    kept = backup.restore(branch_db.path, copy, known_revisions=KNOWN)

    assert names(branch_db) == ["王伟"]
    restored = service.get(meeting_id)
    assert restored.draft.theme == "学习会"
    assert restored.draft.attachments[0].path.read_bytes() == b"%PDF-1.4 sign-in sheet"
    assert kept is not None and backup.describe(kept).members == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database at all, just text" * 200, "不是可用的数据库备份"),
        (None, "不是本程序的数据库备份"),
    ],
)
def test_restore_refuses_a_file_that_is_no_backup_and_changes_nothing(
    branch_db, tmp_path, content, message
):
    bad = tmp_path / "bad.bak"
    if content is None:
        connection = sqlite3.connect(bad)
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.commit()
        connection.close()
    else:
        bad.write_bytes(content)
    with pytest.raises(backup.BackupError, match=message):
        backup.restore(branch_db.path, bad, known_revisions=KNOWN)
    assert names(branch_db) == ["王伟"]
    assert backup.list_backups(branch_db.path) == []


def test_restore_refuses_a_backup_of_a_newer_program(branch_db):
    copy = backup.take_backup(branch_db.path, "manual")
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(backup.BackupError, match="更新版本"):
        backup.restore(branch_db.path, copy, known_revisions=KNOWN)


def test_a_damaged_database_is_kept_byte_for_byte_and_replaced_whole(tmp_path):
    path = tmp_path / "branch.sqlite3"
    db = Database.open_file(path)
    members = MemberService(db)
    for number in range(60):
        birth = date(1970, 1, 1) + timedelta(days=number * 40)
        members.add(make_draft(f"党员{number}", birth_date=birth), today=TODAY)
    copy = backup.take_backup(path, "manual")
    db.dispose()
    with open(path, "r+b") as fh:  # pages 3-5 overwritten, as a failing disk would
        fh.seek(2 * 4096)
        fh.write(b"\xa5" * 3 * 4096)
    damaged = path.read_bytes()

    kept = backup.restore(path, copy, known_revisions=KNOWN)

    assert kept.read_bytes() == damaged and "damaged" in kept.name
    assert not Path(f"{path}-wal").exists()
    db = Database.open_file(path)
    try:
        assert len(MemberService(db).list_members()) == 60
    finally:
        db.dispose()


def test_paths_with_uri_characters_are_read_from_the_right_file(tmp_path):
    folder = tmp_path / "支部?#%20资料"
    folder.mkdir()
    db = Database.open_file(folder / "branch.sqlite3")
    MemberService(db).add(make_draft("王伟"), today=TODAY)
    copy = backup.take_backup(db.path, "manual")
    db.dispose()
    assert copy.parent.parent == folder and backup.describe(copy).members == 1


def test_pruning_keeps_the_files_of_another_database_sharing_the_folder(tmp_path):
    first = Database.open_file(tmp_path / "支部.sqlite3")
    second = Database.open_file(tmp_path / "支部.db")
    MemberService(first).add(make_draft("王伟"), today=TODAY)
    MemberService(second).add(make_draft("王伟"), today=TODAY)
    add_meeting_with_file(second, tmp_path)
    old = datetime(2025, 1, 1)
    backup.take_backup(second.path, "daily", now=old)
    for days in range(40):  # enough of the first database's own to prune
        backup.take_backup(first.path, "daily", now=old + timedelta(days=days))
    assert backup.prune(first.path)
    [kept] = backup.list_backups(second.path)
    assert backup.backups_dir(first.path) == backup.backups_dir(second.path)
    [row] = backup._attachment_names(kept.path)
    assert (backup.backups_dir(second.path) / "attachments" / row[:2] / row).exists()
    first.dispose()
    second.dispose()


def test_an_import_that_changes_members_is_preceded_by_a_backup(branch_db, tmp_path):
    from dualleader_desktop.services.composition import BranchServices
    from tests.roster_workbooks import draft_row, write_roster

    service = BranchServices(branch_db).roster
    path = write_roster(tmp_path / "r.xlsx", [draft_row(make_draft("李娜", sequence=22), 1)])
    service.apply_import(service.plan_import(path, today=TODAY))
    [copy] = backup.list_backups(branch_db.path)
    assert copy.reason == "before-import" and backup.describe(copy.path).members == 1
    # the same file again changes nothing, so nothing is copied
    service.apply_import(service.plan_import(path, today=TODAY))
    assert len(backup.list_backups(branch_db.path)) == 1


def test_an_import_whose_backup_fails_writes_nothing(branch_db, tmp_path, monkeypatch):
    from dualleader_desktop.services.composition import BranchServices
    from dualleader_desktop.services.errors import ServiceError
    from tests.roster_workbooks import draft_row, write_roster

    def full(*args, **kwargs):
        raise backup.BackupError("磁盘空间不足，无法保存数据库备份。")

    monkeypatch.setattr(backup, "take_backup", full)
    service = BranchServices(branch_db).roster
    path = write_roster(tmp_path / "r.xlsx", [draft_row(make_draft("李娜", sequence=22), 1)])
    with pytest.raises(ServiceError, match="没有导入任何数据"):
        service.apply_import(service.plan_import(path, today=TODAY))
    assert names(branch_db) == ["王伟"]


def test_a_killed_backups_partial_copies_are_swept_by_the_next_one(branch_db):
    import subprocess
    import sys

    from dualleader_desktop import staging

    folder = backup.backups_dir(branch_db.path)
    store = folder / "attachments" / "0f"
    store.mkdir(parents=True)
    leave = (
        "import sys; from pathlib import Path; from dualleader_desktop import staging\n"
        "for folder in sys.argv[1:]:\n"
        "    handle, path = staging.make_file(Path(folder), staging.PARTIAL)\n"
        "    Path(f'{path}-journal').write_bytes(b'x')\n"
    )
    subprocess.run([sys.executable, "-c", leave, str(folder), str(store)], check=True)
    dead = sorted(p.name for p in [*folder.iterdir(), *store.iterdir()] if p.is_file())
    assert len(dead) == 4
    _handle, mine = staging.make_file(folder, staging.PARTIAL)  # a backup still at work
    backup.take_backup(branch_db.path, "manual")
    left = sorted(p.name for p in [*folder.iterdir(), *store.iterdir()] if p.name.startswith("."))
    assert left == [mine.name]


def test_a_copy_stopped_by_a_full_disk_leaves_no_wal_or_shm(branch_db, monkeypatch):
    """The pages carry the source's WAL mode; a copy stopped before it switched to DELETE had
    a -wal and -shm beside it, which were left (seen in the fault round on a full tmpfs)."""

    def full_while_in_wal_mode(db_path, partial):
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").write_bytes(b"\0" * 64)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_online_copy", full_while_in_wal_mode)
    with pytest.raises(backup.BackupError, match="磁盘空间不足"):
        backup.take_backup(branch_db.path, "manual")
    assert list(backup.backups_dir(branch_db.path).iterdir()) == []
