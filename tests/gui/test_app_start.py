"""Start-up paths of the program: smoke run, a second copy on the same database, a bad file,
Qt's own texts in Chinese."""

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox

from dualleader_desktop.app import run
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database
from dualleader_desktop.ui.style import apply_style


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


def test_qt_message_boxes_speak_chinese(qapp):
    apply_style(qapp)
    box = QMessageBox(QMessageBox.Icon.Question, "放弃修改？", "确定吗？")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    texts = [
        box.button(b).text()
        for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel)
    ]
    assert "是" in texts[0] and "取消" in texts[1], texts
