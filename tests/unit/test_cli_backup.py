"""dualleader backup and restore from the command line."""

from __future__ import annotations

import pytest

from dualleader_desktop.cli import main
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.backup import list_backups
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY, make_draft


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "branch.sqlite3"
    db = Database.open_file(path)
    MemberService(db).add(make_draft("王伟"), today=TODAY)
    db.dispose()
    return path


def names(path) -> list[str]:
    db = Database.open_file(path)
    try:
        return sorted(m.name for m in MemberService(db).list_members())
    finally:
        db.dispose()


def add_member(path, name: str, sequence: int) -> None:
    db = Database.open_file(path)
    MemberService(db).add(make_draft(name, sequence=sequence), today=TODAY)
    db.dispose()


def test_backup_then_restore_brings_the_records_back(path, capsys):
    assert main(["backup", "--db", str(path)]) == 0
    assert "党员 1 名" in capsys.readouterr().out
    [copy] = list_backups(path)
    add_member(path, "李娜", 12)
    assert main(["restore", str(copy.path), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "恢复前的数据库已另存为" in out
    assert names(path) == ["王伟"]
    assert {b.reason for b in list_backups(path)} == {"manual", "before-restore"}


def test_backup_to_a_file_never_overwrites_and_restores_onto_a_new_machine(path, tmp_path, capsys):
    out = tmp_path / "usb" / "支部备份.bak"
    out.parent.mkdir()
    assert main(["backup", "--db", str(path), "--out", str(out)]) == 0
    before = out.read_bytes()
    assert main(["backup", "--db", str(path), "--out", str(out)]) == 1
    assert "不会覆盖" in capsys.readouterr().err
    assert out.read_bytes() == before
    fresh = tmp_path / "new-pc" / "dualleader.sqlite3"
    fresh.parent.mkdir()
    assert main(["restore", str(out), "--db", str(fresh)]) == 0
    assert names(fresh) == ["王伟"]


def test_restore_refuses_a_file_that_is_no_backup(path, tmp_path, capsys):
    bogus = tmp_path / "notes.bak"
    bogus.write_text("会议记录草稿" * 100, encoding="utf-8")
    assert main(["restore", str(bogus), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "不是可用的数据库备份" in err and "Traceback" not in err
    assert names(path) == ["王伟"]
    assert main(["restore", str(tmp_path / "missing.bak"), "--db", str(path)]) == 1
    assert "找不到备份文件" in capsys.readouterr().err


def test_restore_is_refused_while_a_window_has_the_database(path, capsys):
    from dualleader_desktop.app import DatabaseLock

    assert main(["backup", "--db", str(path)]) == 0
    [copy] = list_backups(path)
    add_member(path, "李娜", 12)
    window = DatabaseLock(path)
    window.acquire()
    try:
        assert main(["restore", str(copy.path), "--db", str(path)]) == 1
    finally:
        window.release()
    assert "关闭程序窗口" in capsys.readouterr().err
    assert names(path) == ["李娜", "王伟"]
