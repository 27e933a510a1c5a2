"""Start-up paths of the program: the demo in its own database, smoke run, a second copy on the
same database (also through a hard link), a lock that cannot be written and why, a bad file,
Qt's own texts in Chinese."""

import os
import sys

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox

from dualleader_desktop import paths
from dualleader_desktop.app import DatabaseLock, StartupRefused, run
from dualleader_desktop.cli import main
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database
from dualleader_desktop.ui import database_lock
from dualleader_desktop.ui.style import apply_style
from tests.conftest import PG_URL_ENV_VAR, TODAY, make_draft


@pytest.fixture(autouse=True)
def private_lock_dir(tmp_path, monkeypatch):
    """Identity locks go into the test's folder, not the user's cache folder."""
    folder = tmp_path / "locks"
    monkeypatch.setattr(database_lock, "lock_dir", lambda: folder)
    return folder


def failing_lock(reason):
    class FailingLock(QLockFile):
        def tryLock(self, _timeout=0):
            return False

        def error(self):
            return reason

    return FailingLock


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """The user data folder, in the test's folder; no database named by the environment."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setattr(paths, "user_data_dir", lambda: folder)
    monkeypatch.delenv(paths.DB_ENV_VAR, raising=False)
    monkeypatch.delenv(paths.DATABASE_URL_ENV_VAR, raising=False)
    return folder


def member_names(path) -> list[str]:
    db = Database.open_file(path)
    try:
        return sorted(m.name for m in MemberService(db).list_members())
    finally:
        db.dispose()


def test_demo_fills_its_own_database_and_never_the_default_one(data_dir, capsys):
    assert main(["--demo", "--smoke"]) == 0
    out = capsys.readouterr().out
    assert "startup-ms:" in out and "qt-chinese: yes" in out
    demo = data_dir / paths.DEMO_DB_FILENAME
    assert demo == paths.demo_db_path()
    assert len(member_names(demo)) >= 25
    assert not (data_dir / paths.DB_FILENAME).exists()  # the branch's own: not even created


def test_demo_leaves_an_existing_default_database_as_it_was(data_dir, tmp_path, monkeypatch):
    own = Database.open_file(data_dir / paths.DB_FILENAME)
    MemberService(own).add(make_draft("王伟"), today=TODAY)
    own.dispose()
    named = tmp_path / "named.sqlite3"  # DUALLEADER_DB names the branch's own database too
    monkeypatch.setenv(paths.DB_ENV_VAR, str(named))
    assert main(["--demo", "--smoke"]) == 0
    assert main(["--demo", "--smoke"]) == 0  # a second start opens the demo, adds nothing
    assert member_names(data_dir / paths.DB_FILENAME) == ["王伟"]
    assert not named.exists()
    demo_names = member_names(paths.demo_db_path())
    assert len(demo_names) >= 25 and len(demo_names) == len(set(demo_names))


def test_demo_with_a_named_database_is_refused(data_dir, tmp_path, capsys):
    named = tmp_path / "branch.sqlite3"
    with pytest.raises(SystemExit) as exit_info:
        main(["--demo", "--db", str(named), "--smoke"])
    assert exit_info.value.code == 2
    assert "dualleader demo --db" in capsys.readouterr().err
    assert not named.exists() and not paths.demo_db_path().exists()


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


def test_a_hard_link_to_an_open_database_is_refused(tmp_path, capsys):
    path = tmp_path / "branch.sqlite3"
    Database.open_file(path).dispose()
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "same-file.sqlite3"
    os.link(path, link)
    holder = DatabaseLock(path)
    holder.acquire()
    try:
        assert run(db=str(link), smoke=True) == 1
        assert "另一个路径或链接打开了同一个文件" in capsys.readouterr().err
    finally:
        holder.release()
    assert run(db=str(link), smoke=True) == 0


def test_locks_are_private_and_gone_after_release(tmp_path, private_lock_dir):
    path = tmp_path / "branch.sqlite3"
    Database.open_file(path).dispose()
    lock = DatabaseLock(path)
    lock.acquire()
    files = [tmp_path / "branch.sqlite3.lock", *private_lock_dir.iterdir()]
    assert len(files) == 2
    if sys.platform != "win32":
        assert {f.stat().st_mode & 0o777 for f in files} == {0o600}
        assert private_lock_dir.stat().st_mode & 0o777 == 0o700
    lock.release()
    assert not any(f.exists() for f in files)


def test_a_folder_without_write_permission_is_not_called_open_elsewhere(
    tmp_path, monkeypatch, capsys
):
    path = tmp_path / "branch.sqlite3"
    Database.open_file(path).dispose()
    monkeypatch.setattr(
        database_lock, "QLockFile", failing_lock(QLockFile.LockError.PermissionError)
    )
    assert run(db=str(path), smoke=True) == 2
    err = capsys.readouterr().err
    assert "是只读的，或您没有在其中写入的权限" in err
    assert "另一个程序窗口" not in err


def test_a_full_disk_is_named_when_the_lock_cannot_be_written(tmp_path, monkeypatch, capsys):
    path = tmp_path / "branch.sqlite3"
    Database.open_file(path).dispose()
    monkeypatch.setattr(database_lock, "QLockFile", failing_lock(QLockFile.LockError.UnknownError))
    monkeypatch.setattr(database_lock, "_free_bytes", lambda _folder: 4096)
    assert run(db=str(path), smoke=True) == 2
    assert "磁盘已满" in capsys.readouterr().err
    monkeypatch.setattr(database_lock, "_free_bytes", lambda _folder: 10**10)
    with pytest.raises(StartupRefused, match="原因不明"):
        DatabaseLock(path).acquire()


def test_an_unusable_lock_folder_does_not_stop_the_program(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setattr(database_lock, "lock_dir", lambda: blocker / "locks")
    assert run(db=str(tmp_path / "branch.sqlite3"), smoke=True) == 0
    assert "startup-ms:" in capsys.readouterr().out


def test_a_file_that_is_not_a_database_is_refused(tmp_path, capsys):
    path = tmp_path / "notes.sqlite3"
    path.write_text("not a database", encoding="utf-8")
    assert run(db=str(path), smoke=True) == 2
    assert "不是本程序的数据库" in capsys.readouterr().err


def test_qt_message_boxes_speak_chinese(qapp):
    apply_style(qapp)
    box = QMessageBox(QMessageBox.Icon.Question, "放弃修改？", "确定吗？")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    texts = [
        box.button(b).text()
        for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel)
    ]
    assert "是" in texts[0] and "取消" in texts[1], texts


def test_every_window_carries_the_icon_at_the_sizes_drawn_for_it(qapp):
    apply_style(qapp)
    sizes = {size.width() for size in qapp.windowIcon().availableSizes()}
    assert sizes == {16, 24, 32, 48, 64, 128, 256}
    # the pixels are the drawing's: its red ground, not an empty or default icon
    corner_inset = qapp.windowIcon().pixmap(64, 64).toImage().pixelColor(32, 6)
    assert corner_inset.red() > 150 and corner_inset.green() < 80, corner_inset.name()


@pytest.mark.skipif(
    not os.environ.get(PG_URL_ENV_VAR), reason=f"{PG_URL_ENV_VAR} is not set: no PostgreSQL server"
)
def test_the_window_starts_on_a_database_server(pg_migrated, tmp_path, capsys):
    """No first screen on a server (no file to read before SQLAlchemy): the full path."""
    attachments = tmp_path / "server-attachments"
    assert run(database_url=pg_migrated.url, attachments_dir=str(attachments), smoke=True) == 0
    out = capsys.readouterr().out
    assert "startup-ms:" in out and "ready-ms:" in out
