"""The demo window: its own database, 演示数据 in the title, and 文件 › 离开演示数据… putting a
window on the branch's own database in its place, in the same process."""

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox

from dualleader_desktop import paths
from dualleader_desktop.app import Program, Target, open_session
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database
from dualleader_desktop.ui import database_lock
from dualleader_desktop.ui.main_window import LEAVE_DEMO
from tests.conftest import TODAY, make_draft


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setattr(paths, "user_data_dir", lambda: folder)
    monkeypatch.setattr(database_lock, "lock_dir", lambda: tmp_path / "locks")
    monkeypatch.delenv(paths.DB_ENV_VAR, raising=False)
    monkeypatch.delenv(paths.DATABASE_URL_ENV_VAR, raising=False)
    own = Database.open_file(folder / paths.DB_FILENAME)
    MemberService(own).add(make_draft("王伟"), today=TODAY)
    own.dispose()
    return folder


@pytest.fixture
def program(qtbot, data_dir):
    program = Program(open_session(Target(path=paths.demo_db_path(), demo=True)))
    qtbot.addWidget(program.session.window)
    program.session.window.show()
    qtbot.waitExposed(program.session.window)
    yield program
    program.session.window.close()
    program.session.close()


def file_menu_texts(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]


def shown_names(window) -> list[str]:
    model = window.members_page.model
    return sorted(model.record_at(row).name for row in range(model.rowCount()))


def test_the_demo_window_says_it_is_the_demo(program, data_dir):
    window = program.session.window
    assert "演示数据" in window.windowTitle()
    assert window.windowTitle().endswith(window.branch.get_branch().name)
    assert file_menu_texts(window)[0] == LEAVE_DEMO
    assert window.db_label.text() == f"演示数据库：{data_dir / paths.DEMO_DB_FILENAME}"
    assert len(shown_names(window)) >= 25


def test_leaving_the_demo_opens_the_branchs_own_database(qtbot, program, data_dir):
    demo_window = program.session.window
    demo_window.show_page(1)  # built pages go with the demo window
    demo_lock = data_dir / f"{paths.DEMO_DB_FILENAME}.lock"
    assert demo_lock.exists()
    demo_window.leave_demo_action.trigger()
    window = program.session.window
    qtbot.addWidget(window)
    assert window is not demo_window and window.isVisible() and not demo_window.isVisible()
    assert shown_names(window) == ["王伟"]
    assert "在册党员 1 人" in window.count_label.text()
    assert window.db_label.text() == f"数据库：{data_dir / paths.DB_FILENAME}"
    assert "演示数据" not in window.windowTitle()
    assert LEAVE_DEMO not in file_menu_texts(window)
    assert window.leave_demo_action is None
    assert not demo_lock.exists()  # the demo database is closed, its lock released
    assert (data_dir / f"{paths.DB_FILENAME}.lock").exists()


def test_a_database_that_cannot_be_opened_keeps_the_demo_and_says_why(qtbot, program, data_dir):
    holder = QLockFile(str(data_dir / f"{paths.DB_FILENAME}.lock"))  # another window has it
    assert holder.tryLock(0)
    try:
        demo_window = program.session.window
        demo_window.leave_demo_action.trigger()
        assert program.session.window is demo_window and demo_window.isVisible()
        boxes = [b for b in demo_window.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1 and "另一个程序窗口中打开" in boxes[0].text()
        boxes[0].close()
    finally:
        holder.unlock()
    program.session.window.leave_demo_action.trigger()
    qtbot.addWidget(program.session.window)
    assert shown_names(program.session.window) == ["王伟"]
