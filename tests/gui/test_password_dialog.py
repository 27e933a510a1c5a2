"""An encrypted database asks its password at start (issue 7): wrong is said and asked again,
three wrong end the program with a message, cancel ends it quietly, --smoke reads
DUALLEADER_PASSWORD. The dialog itself is shown (never exec()) and grabbed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit

from dualleader_desktop import app as app_module
from dualleader_desktop.app import run
from dualleader_desktop.storage import encryption
from dualleader_desktop.storage.database import Database
from dualleader_desktop.ui import database_lock, password
from dualleader_desktop.ui.password import WRONG_PASSWORD, password_dialog

PASSWORD = "correct horse 电池"
pytestmark = pytest.mark.skipif(
    not encryption.available(), reason=encryption.MISSING_MESSAGE + "（加密的测试跳过）"
)


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setattr(database_lock, "lock_dir", lambda: tmp_path / "locks")
    monkeypatch.delenv(encryption.PASSWORD_ENV_VAR, raising=False)
    encryption.forget_all()
    yield
    encryption.forget_all()


@pytest.fixture
def encrypted(tmp_path):
    plain = tmp_path / "plain.sqlite3"
    Database.open_file(plain).dispose()
    path = tmp_path / "branch.sqlite3"
    encryption.encrypt_file(plain, path, encryption.Secret(PASSWORD))
    return path


def answers(monkeypatch, *replies):
    """Replace the dialog: each call returns the next reply; the problems shown are kept."""
    shown: list[str] = []
    replies_left = list(replies)

    def ask(_path, problem=""):
        shown.append(problem)
        return replies_left.pop(0)

    monkeypatch.setattr(password, "ask_password", ask)
    return shown


def test_a_wrong_then_the_right_password_opens_the_window(encrypted, monkeypatch, capsys, qapp):
    shown = answers(monkeypatch, "not it", PASSWORD)
    badges = []
    real_label = app_module.QLabel

    def label(text, *args):
        badges.append(text)
        return real_label(text, *args)

    monkeypatch.setattr(app_module, "QLabel", label)
    assert run(db=str(encrypted), smoke=True) == 0
    assert shown == ["", WRONG_PASSWORD]
    assert "startup-ms:" in capsys.readouterr().out
    assert "已加密" in badges


def test_three_wrong_passwords_end_the_program_with_a_message(encrypted, monkeypatch, capsys):
    answers(monkeypatch, "a", "b", "c")
    data = encrypted.read_bytes()
    assert run(db=str(encrypted), smoke=True) == app_module.EXIT_DB
    assert "密码连续 3 次不正确" in capsys.readouterr().err
    assert encrypted.read_bytes() == data


def test_cancel_ends_quietly(encrypted, monkeypatch, capsys):
    answers(monkeypatch, None)
    assert run(db=str(encrypted), smoke=True) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "startup-ms" not in captured.out


def test_smoke_reads_the_password_from_the_environment(encrypted, monkeypatch, capsys):
    shown = answers(monkeypatch)
    monkeypatch.setenv(encryption.PASSWORD_ENV_VAR, PASSWORD)
    assert run(db=str(encrypted), smoke=True) == 0
    assert shown == []
    assert "startup-ms:" in capsys.readouterr().out


def test_the_dialog_hides_the_password_and_says_it_was_wrong(encrypted, qtbot, tmp_path):
    dialog = password_dialog(encrypted, WRONG_PASSWORD)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    [field] = dialog.findChildren(QLineEdit)
    assert field.echoMode() == QLineEdit.EchoMode.Password
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert WRONG_PASSWORD in texts and str(encrypted) in texts
    shot = dialog.grab()
    assert not shot.isNull()
    shot.save(str(tmp_path / "password-dialog.png"))
    dialog.reject()
