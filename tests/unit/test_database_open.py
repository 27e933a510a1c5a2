"""Opening a database file: whose it is (application_id), its health (quick_check), its place
and its modes. Each refusal is a DatabaseError in Chinese, and the file is left as it was."""

from __future__ import annotations

import errno
import os
import random
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dualleader_desktop.storage import database as database_module
from dualleader_desktop.storage.backup import backups_dir
from dualleader_desktop.storage.database import APPLICATION_ID, Database
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.storage.file_checks import backup_candidates, quick_check
from dualleader_desktop.storage.migrate import HEAD_REVISION, upgrade_if_needed

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def application_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()


def make_ours(path: Path, members: int = 400) -> Path:
    db = Database.open_file(path)
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO branch (id, name, parent_org, studio_name) VALUES (1, '', '', '')")
        )
        conn.execute(
            text(
                "INSERT INTO members (branch_id, name, gender, ethnicity, birth_date, native_place, id_number,"
                " education, degree, title, post, department, phone, joined_date, category,"
                " status, status_note, remarks, version) VALUES (1, :name, 'male', '汉族',"
                " '1980-01-02', '', :idn, '', '', '讲师', '', '智能制造教研室', '',"
                " '2005-06-01', 'full', 'active', '', '', 1)"
            ),
            [{"name": f"张{i}", "idn": f"{i:018d}"} for i in range(members)],
        )
    db.dispose()
    return path


def damage(path: Path) -> None:
    """Overwrite the middle of four b-tree pages, as a failing disk or a stray write would."""
    data = bytearray(path.read_bytes())
    noise = random.Random(7)
    for page in range(5, 9):
        start = (page - 1) * 4096 + 10
        data[start : start + 390] = noise.randbytes(390)
    path.write_bytes(bytes(data))


def make_foreign(path: Path, *, wal: bool, extra: str = "") -> Path:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');" + extra)
    conn.commit()
    conn.close()
    return path


# --- whose it is ---------------------------------------------------------------------------------


def test_a_new_database_is_marked_as_ours(tmp_path):
    path = tmp_path / "new.sqlite3"
    Database.open_file(path).dispose()
    assert application_id(path) == APPLICATION_ID == int.from_bytes(b"DLDT", "big")


@pytest.mark.parametrize("revision", ["0001", "0002", "0003", "0004"])
def test_databases_of_ours_from_before_the_mark_are_accepted_and_marked(tmp_path, revision):
    path = tmp_path / f"old-{revision}.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_if_needed(engine, target=revision)
    engine.dispose()
    assert application_id(path) == 0
    db = Database.open_file(path)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            HEAD_REVISION
        )
    db.dispose()
    assert application_id(path) == APPLICATION_ID


def test_an_sqlite_file_without_tables_is_taken_as_new(tmp_path):
    path = tmp_path / "blank.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=1")
    conn.close()
    db = Database.open_file(path)
    assert "members" in db.table_names()
    db.dispose()
    assert application_id(path) == APPLICATION_ID


def test_an_empty_file_is_taken_as_a_new_database(tmp_path):
    """SQLite's own reading of a zero-byte file, and what a first start stopped before its first
    write leaves behind: there are no records in it to protect."""
    path = tmp_path / "zero.sqlite3"
    path.write_bytes(b"")
    Database.open_file(path).dispose()
    assert application_id(path) == APPLICATION_ID


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda p: make_foreign(p, wal=True), id="wal"),
        pytest.param(lambda p: make_foreign(p, wal=False), id="rollback-journal"),
        pytest.param(
            lambda p: make_foreign(
                p,
                wal=True,
                extra="CREATE TABLE alembic_version (version_num TEXT);"
                "INSERT INTO alembic_version VALUES ('ae1027a6acf');"
                "CREATE TABLE members (id INTEGER); CREATE TABLE branch (id INTEGER);",
            ),
            id="another-alembic-program",
        ),
        pytest.param(
            lambda p: make_foreign(p, wal=False, extra="PRAGMA application_id=1196444237;"),
            id="other-application-id",
        ),
    ],
)
def test_another_programs_database_is_refused_untouched(tmp_path, make):
    path = make(tmp_path / "other.sqlite3")
    if sys.platform != "win32":
        path.chmod(0o644)
    before, listing, mode = path.read_bytes(), sorted(os.listdir(tmp_path)), path.stat().st_mode
    with pytest.raises(DatabaseError, match="另一个程序的 SQLite 数据库"):
        Database.open_file(path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == listing  # not even an empty -wal or -shm left
    assert path.stat().st_mode == mode


def test_a_database_from_a_newer_program_is_refused(tmp_path):
    path = make_ours(tmp_path / "newer.sqlite3", members=1)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="更新版本"):
        Database.open_file(path)


# --- its health ----------------------------------------------------------------------------------


def test_quick_check_passes_a_sound_database(tmp_path):
    assert quick_check(make_ours(tmp_path / "sound.sqlite3")) is None


def test_a_damaged_database_is_refused_naming_the_newest_good_backup(tmp_path):
    path = make_ours(tmp_path / "branch.sqlite3")
    folder = backups_dir(path)
    folder.mkdir()
    old_good = tmp_path / "branch.sqlite3.before-upgrade-0003.bak"  # where they were before
    newer_good = folder / "branch.sqlite3.20261120-090000.daily.bak"
    newest_bad = folder / "branch.sqlite3.20261123-090000.daily.bak"
    unrelated = tmp_path / "other.sqlite3.bak"
    for number, backup in enumerate((old_good, newer_good, newest_bad, unrelated)):
        backup.write_bytes(path.read_bytes())
        os.utime(backup, (1_700_000_000 + number * 1000,) * 2)
    damage(newest_bad)
    damage(path)
    assert quick_check(path) is not None
    before = path.read_bytes()
    assert backup_candidates(path) == [newest_bad, newer_good, old_good]
    with pytest.raises(DatabaseError) as refused:
        Database.open_file(path)
    message = str(refused.value)
    assert "数据库文件已损坏" in message
    assert f"可以用 dualleader restore {newer_good} 恢复" in message
    assert path.read_bytes() == before


def test_a_damaged_database_without_backups_says_so(tmp_path):
    path = make_ours(tmp_path / "branch.sqlite3")
    damage(path)
    with pytest.raises(DatabaseError, match="没有找到此数据库的完好备份"):
        Database.open_file(path)


def test_a_truncated_header_is_damage_not_a_stranger(tmp_path):
    path = tmp_path / "cut.sqlite3"
    path.write_bytes(b"SQLite format 3\x00\x10\x00")
    with pytest.raises(DatabaseError, match="数据库文件已损坏"):
        Database.open_file(path)


# --- its place -----------------------------------------------------------------------------------


def test_a_folder_as_the_database_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="是一个文件夹，不是数据库文件"):
        Database.open_file(tmp_path)


def test_a_file_as_the_parent_folder_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DatabaseError, match="是一个文件，不是文件夹"):
        Database.open_file(tmp_path / "notes.txt" / "deeper" / "branch.sqlite3")


def test_a_folder_that_cannot_be_written_is_worded(tmp_path, monkeypatch):
    """Simulated in-process: tests run as root in CI, where permissions do not bite."""

    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "new.sqlite3"))

    monkeypatch.setattr(database_module.os, "open", refuse)
    with pytest.raises(DatabaseError, match="没有权限") as refused:
        Database.open_file(tmp_path / "new.sqlite3")
    assert "Traceback" not in str(refused.value)


def test_a_full_disk_is_worded(tmp_path, monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(database_module.os, "open", full)
    with pytest.raises(DatabaseError, match="磁盘空间已满"):
        Database.open_file(tmp_path / "new.sqlite3")


def permissions_bite(folder: Path) -> bool:
    """False for root with its usual capabilities (CI), which writes into read-only folders."""
    probe = folder / "probe"
    probe.mkdir()
    probe.chmod(0o500)
    try:
        (probe / "x").write_bytes(b"")
    except PermissionError:
        return True
    finally:
        probe.chmod(0o700)
    return False


@POSIX
def test_a_read_only_folder_is_refused(tmp_path):
    if not permissions_bite(tmp_path):
        pytest.skip("permissions do not bite here (root, as in CI); simulated in the test above")
    folder = tmp_path / "ro"
    folder.mkdir()
    make_ours(folder / "branch.sqlite3", members=1)
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseError, match="只读"):
            Database.open_file(folder / "branch.sqlite3")
        with pytest.raises(DatabaseError, match="没有权限"):
            Database.open_file(folder / "new.sqlite3")
    finally:
        folder.chmod(0o700)


def test_a_path_with_url_characters_opens_that_file(tmp_path):
    folder = tmp_path / ("支部 数据#1?x" if sys.platform != "win32" else "支部 数据#1 50%")
    path = folder / "党支部 50%.sqlite3"
    make_ours(path, members=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]
    db = Database.open_file(path)
    try:
        assert db.path == path
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM members")).scalar() == 3
    finally:
        db.dispose()


# --- its modes -----------------------------------------------------------------------------------


@POSIX
def test_new_database_files_and_folder_are_private(tmp_path):
    path = tmp_path / "new-folder" / "branch.sqlite3"
    db = Database.open_file(path)
    with db.engine.connect() as conn:  # holds -wal and -shm open
        conn.execute(text("SELECT 1")).all()
        modes = {
            name: os.stat(path.parent / name).st_mode & 0o777
            for name in ("branch.sqlite3", "branch.sqlite3-wal", "branch.sqlite3-shm")
        }
    db.dispose()
    assert modes == dict.fromkeys(modes, 0o600)
    assert path.parent.stat().st_mode & 0o777 == 0o700


@POSIX
def test_an_existing_database_readable_by_others_is_tightened(tmp_path):
    path = make_ours(tmp_path / "branch.sqlite3", members=1)
    path.chmod(0o644)
    shm = tmp_path / "branch.sqlite3-shm"
    shm.write_bytes(b"")
    shm.chmod(0o666)
    Database.open_file(path).dispose()
    assert path.stat().st_mode & 0o777 == 0o600
    assert not shm.exists() or shm.stat().st_mode & 0o777 == 0o600


def test_a_connection_that_cannot_be_made_is_worded_for_the_user(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'gone' / 'branch.sqlite3'}", upgrade=False)
    try:
        with pytest.raises(DatabaseError, match="无法打开数据库文件") as refused, db.connect():
            pass
    finally:
        db.dispose()
    assert refused.value.__cause__ is not None
