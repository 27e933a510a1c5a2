"""备份与恢复 dialog: a backup taken with a click is listed with its counts; a restore replaces
the records after a confirmation and keeps what it replaced."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from dualleader_desktop.services.backups import BackupEntry, BackupService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.dialogs.backups_dialog import BackupsDialog
from dualleader_desktop.ui.models.backups_model import BackupsModel
from tests.conftest import TODAY, make_draft


@pytest.fixture
def dialog(qtbot, db):
    MemberService(db).add(make_draft("王伟"), today=TODAY)
    dialog = BackupsDialog(BackupService(db))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def close_message_boxes() -> list[str]:
    texts = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            texts.append(widget.text())
            widget.close()
    return texts


def test_backups_model(qtmodeltester, tmp_path):
    model = BackupsModel()
    model.set_rows(
        [
            BackupEntry(tmp_path / "a.bak", datetime(2026, 12, 1, 9, 0), "daily", 36, 69, 38, ""),
            BackupEntry(
                tmp_path / "b.bak",
                datetime(2026, 11, 30, 9, 0),
                "before-upgrade-0003",
                None,
                None,
                None,
                "已损坏",
            ),
        ]
    )
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(6)] == [
        "2026-12-01 09:00:00",
        "每日自动",
        "36",
        "69",
        "38",
        "可用",
    ]
    assert model.index(1, 1).data() == "程序升级前（架构 0003）"
    assert model.index(1, 2).data() == "—" and model.index(1, 5).data() == "已损坏"


def test_backup_now_lists_the_copy_with_its_counts(qtbot, dialog, db):
    assert dialog.model.rowCount() == 0
    with qtbot.waitSignal(dialog.model.modelReset, timeout=10_000):
        dialog.ui.backupButton.click()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "手动"
    assert dialog.model.index(0, 2).data() == "1"
    assert any("已备份到" in text for text in close_message_boxes())
    [entry] = BackupService(db).list_backups()
    assert entry.path.exists() and entry.members == 1


def test_restore_after_confirmation_replaces_the_records(qtbot, dialog, db, monkeypatch):
    BackupService(db).take()
    MemberService(db).add(make_draft("李娜", sequence=12), today=TODAY)
    dialog.refresh()
    asked = []
    monkeypatch.setattr(dialog, "confirm", lambda text: asked.append(text) or True)
    with qtbot.waitSignal(dialog.restored, timeout=10_000):
        dialog.ui.restoreButton.click()
    assert "党员 1 名" in asked[0]
    assert [m.name for m in MemberService(db).list_members()] == ["王伟"]
    reasons = [e.reason for e in BackupService(db).list_backups()]
    assert "before-restore" in reasons
    assert any("恢复前的数据已另存为" in text for text in close_message_boxes())


def test_a_declined_restore_changes_nothing(qtbot, dialog, db, monkeypatch):
    BackupService(db).take()
    MemberService(db).add(make_draft("李娜", sequence=12), today=TODAY)
    dialog.refresh()
    monkeypatch.setattr(dialog, "confirm", lambda text: False)
    dialog.ui.restoreButton.click()
    qtbot.wait(50)
    assert sorted(m.name for m in MemberService(db).list_members()) == ["李娜", "王伟"]
    assert len(BackupService(db).list_backups()) == 1
