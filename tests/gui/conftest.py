"""Qt test set-up: settings kept in the test's folder, never the user's."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from dualleader_desktop.storage.database import Database


@pytest.fixture
def db(tmp_path, sqlite_template):
    """Qt tests run on SQLite only (tests/conftest.py runs the services on PostgreSQL too),
    each on a copy of the session's migrated empty database."""
    path = tmp_path / "branch.sqlite3"
    shutil.copyfile(sqlite_template, path)
    path.chmod(0o600)
    database = Database.open_file(path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    """A database holding this year's demo branch, built once for the tests that only read it
    (the window's fit, the preview); a test that writes makes its own."""
    from dualleader_desktop.demo import populate_demo
    from tests.conftest import TODAY

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = Database.open_file(path)
    populate_demo(database, TODAY.year, today=TODAY)
    database.dispose()
    return path


@pytest.fixture(autouse=True, scope="session")
def program_look(qapp):
    """Every Qt test sees the widgets as the program shows them (app.py styles the application
    at start: its CJK font at 10 pt, app.qss, Qt's Chinese translations), whichever tests ran
    before: what fits, wraps or is clipped depends on it."""
    from dualleader_desktop.ui.style import apply_style

    apply_style(qapp)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    QCoreApplication.setOrganizationName("DualLeaderTests")
    QCoreApplication.setApplicationName("DualLeaderDesktopTests")
    yield
    QSettings().clear()
