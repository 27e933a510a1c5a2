"""Qt test set-up: settings kept in the test's folder, never the user's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


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
