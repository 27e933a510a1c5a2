"""Qt test set-up: settings kept in the test's folder, never the user's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from dualleader_desktop.storage.database import Database


@pytest.fixture
def db(tmp_path):
    """Qt tests run on SQLite only (tests/conftest.py runs the services on PostgreSQL too)."""
    database = Database.open_file(tmp_path / "branch.sqlite3")
    yield database
    database.dispose()


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
