"""The window's way to backups: 文件 → 备份与恢复…, a daily backup after start, and pages that
show the restored records."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from dualleader_desktop.services.backups import BackupService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui import main_window
from dualleader_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY, make_draft


def test_a_backup_is_taken_after_start_once_a_day(qtbot, db, monkeypatch):
    MemberService(db).add(make_draft("王伟"), today=TODAY)
    monkeypatch.setattr(main_window, "HOUSEKEEPING_DELAY_MS", 0)
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(BackupService(db).list_backups()) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    [entry] = BackupService(db).list_backups()
    assert (entry.reason, entry.members) == ("daily", 1)
    qtbot.waitUntil(lambda: "已自动备份" in window.statusBar().currentMessage())
    second = MainWindow(db)  # started again the same day: no second copy
    qtbot.addWidget(second)
    qtbot.waitUntil(lambda: second.housekeeping_task is not None)
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    assert len(BackupService(db).list_backups()) == 1


def test_restore_from_the_menu_shows_the_restored_records_on_every_page(
    qtbot, db, monkeypatch, tmp_path
):
    MemberService(db).add(make_draft("王伟"), today=TODAY)
    BackupService(db).take()
    MemberService(db).add(make_draft("李娜", sequence=12), today=TODAY)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show_page(4)  # 支部设置, built now and holding the two members
    branch_page = window.branch_page
    assert window.members_page.model.rowCount() == 2
    [action] = [a for a in window.menuBar().actions()[0].menu().actions() if "备份" in a.text()]
    assert action.shortcut().toString() == "Ctrl+Shift+B"
    action.trigger()
    dialog = window.backups_dialog
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(dialog, "confirm", lambda text: True)
    with qtbot.waitSignal(dialog.restored, timeout=10_000):
        dialog.ui.restoreButton.click()
    assert window.members_page.model.rowCount() == 1
    assert window.branch_page is not branch_page  # rebuilt from the restored records
    assert window.stack.currentWidget() is window.branch_page
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
