"""Start-up paths of the program: smoke run, a second copy on the same database, a bad file."""

from PySide6.QtCore import QLockFile

from dualleader_desktop.app import run
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database


def test_smoke_with_demo_fills_an_empty_database(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert run(db=str(path), smoke=True, demo=True) == 0
    assert "startup-ms:" in capsys.readouterr().out
    assert len(MemberService(Database.open_file(path)).list_members()) >= 25


def test_second_copy_on_the_same_database_is_refused(tmp_path, capsys):
    path = tmp_path / "branch.sqlite3"
    holder = QLockFile(str(path) + ".lock")
    assert holder.tryLock(0)
    try:
        assert run(db=str(path), smoke=True) == 1
        assert "另一个程序窗口中打开" in capsys.readouterr().err
    finally:
        holder.unlock()
    assert run(db=str(path), smoke=True) == 0


def test_a_file_that_is_not_a_database_is_refused(tmp_path, capsys):
    path = tmp_path / "notes.sqlite3"
    path.write_text("not a database", encoding="utf-8")
    assert run(db=str(path), smoke=True) == 2
    assert "不是本程序的数据库" in capsys.readouterr().err
