"""The window shown before the database is open in full (app.py, storage/first_screen.py): the
roster and the title from the first screen, the remembered page's place held; ``attach`` brings
the services and builds that page. A refusal of the full open after the first paint closes the
window and says why, as a refusal before it does. And what the first paint loads: no ORM, no
document or spreadsheet library."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from dualleader_desktop import app as app_module
from dualleader_desktop.app import EXIT_DB, Target, open_session, run
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage import first_screen
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.storage.first_screen import read_first_screen
from dualleader_desktop.ui import database_lock
from dualleader_desktop.ui.main_window import MainWindow
from dualleader_desktop.ui.models.roster_model import COL_JOINED
from dualleader_desktop.ui.window_layout import roster_sorted

DASHBOARD = 6  # its row in the navigation


@pytest.fixture
def branch_file(tmp_path, demo_file):
    path = tmp_path / "branch.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


@pytest.fixture(autouse=True)
def private_lock_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(database_lock, "lock_dir", lambda: tmp_path / "locks")


def test_the_window_shows_the_roster_first_and_the_rest_when_attached(qtbot, branch_file):
    QSettings().setValue("main/page", DASHBOARD)
    first = read_first_screen(branch_file, rows=5)
    window = MainWindow(None, first=first, where=branch_file)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.members_page.model
    assert model.rowCount() == first.active > 5  # every row of the default view…
    assert [model.record_at(row) for row in range(5)] == first.members  # …the first ones read
    assert model.data(model.index(0, 0)) == first.members[0].name
    assert model.data(model.index(first.active - 1, 0)) is None  # the rest not yet
    assert f"在册 {first.active} 人" in window.members_page.count_label.text()
    assert window.count_label.text() == f"在册党员 {first.active} 人"
    assert first.branch_name in window.windowTitle()
    assert window.navigation.currentRow() == DASHBOARD
    assert window._built("dashboard_page") is None and window.services is None  # held
    held = window.stack.currentWidget().findChildren(QLabel)
    assert [label.text() for label in held] == ["正在打开数据库…"]
    assert str(branch_file) in window.db_label.text()

    database = Database.open_file(branch_file)
    try:
        window.attach(database)
        assert window.members_page.members is window.services.members
        dashboard = window._built("dashboard_page")
        assert window.stack.currentWidget() is dashboard
        qtbot.waitUntil(lambda: dashboard.overview is not None, timeout=10_000)  # it checks
        # the whole roster now, as the service reads it, and the default view of it
        roster = MemberService(database, window.branch_id).list_members()
        assert model.all_records() == roster
        assert model.rowCount() == first.active and model.record_at(first.active - 1) is not None
    finally:
        window.close()
        database.dispose()


def test_a_refusal_after_the_first_paint_closes_the_window_and_says_why(
    branch_file, monkeypatch, capsys, qapp
):
    def refuse(path, *, smoke=False):
        raise DatabaseError("数据库文件已损坏（测试）。请从备份恢复。")

    monkeypatch.setattr(app_module, "open_database", refuse)
    assert run(db=str(branch_file), smoke=True) == EXIT_DB
    captured = capsys.readouterr()
    assert "数据库文件已损坏（测试）" in captured.err
    assert "startup-ms:" in captured.out and "ready-ms" not in captured.out
    assert not [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    monkeypatch.undo()
    monkeypatch.setattr(database_lock, "lock_dir", lambda: branch_file.parent / "locks")
    assert run(db=str(branch_file), smoke=True) == 0  # the lock was given back


SPY = """
import sys
from dualleader_desktop import app

painted = app._paint
def spy(*args, **kwargs):
    shown = painted(*args, **kwargs)
    loaded = [name for name in ("sqlalchemy", "alembic") if name in sys.modules]
    print("loaded-at-first-paint:", ",".join(loaded) or "none", flush=True)
    return shown
app._paint = spy
code = app.run(db=sys.argv[1], smoke=True)
libraries = ("reportlab", "docx", "openpyxl", "pikepdf", "fontTools")
heavy = [name for name in libraries if name in sys.modules]
print("loaded-at-exit:", ",".join(heavy) or "none")
sys.exit(code)
"""


def test_the_first_paint_loads_no_orm_and_the_start_no_document_library(branch_file, tmp_path):
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SPY), str(branch_file)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "loaded-at-first-paint: none" in done.stdout
    assert "ready-ms:" in done.stdout  # the database was opened behind the first screen
    assert "loaded-at-exit: none" in done.stdout


def test_a_roster_left_sorted_by_a_column_shows_in_that_order_from_the_first_paint(
    qtbot, branch_file, monkeypatch
):
    monkeypatch.setattr(first_screen, "FIRST_ROWS", 5)  # fewer than the demo's members 在册
    # the roster was sorted by 入党日期, newest first, when the window was last closed
    first = MainWindow(None, first=read_first_screen(branch_file), where=branch_file)
    qtbot.addWidget(first)
    first.members_page.view.sortByColumn(COL_JOINED, Qt.SortOrder.DescendingOrder)
    first.close()  # saves the header's state
    assert roster_sorted()

    session = open_session(Target(path=branch_file))
    qtbot.addWidget(session.window)
    model = session.window.members_page.model
    painted = [model.record_at(row) for row in range(model.rowCount())]
    assert None not in painted and len(painted) > 5  # every row read: a sorted view needs all
    session.finish_opening()
    try:
        assert painted == [model.record_at(row) for row in range(model.rowCount())]
        joined = [record.joined_date for record in painted]
        assert joined == sorted(joined, reverse=True) and len(set(joined)) > 1
    finally:
        session.window.close()
        session.close()
