"""Every way the database can fail to open, through the real command line in a subprocess: the
window's start (``--smoke``) and a tool's opening of the database end in a Chinese message and
an exit code, never a traceback, and a file that is not ours is left byte for byte as it was."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.test_database_open import damage, make_foreign, make_ours, permissions_bite

# smoke: the window's start; tool: a subcommand that opens an existing database
WINDOW_REFUSED, TOOL_REFUSED = 2, 1


def dualleader(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DUALLEADER_DB", "XDG_DATA_HOME")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return subprocess.run(
        [sys.executable, "-m", "dualleader_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def assert_refused(result: subprocess.CompletedProcess, code: int, *words: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, (result.returncode, result.stderr)
    for word in words:
        assert word in result.stderr, result.stderr


def start_and_tool(db: Path, home: Path) -> tuple[subprocess.CompletedProcess, ...]:
    return (
        dualleader("--db", str(db), "--smoke", home=home),
        dualleader("archive-settings", "--db", str(db), home=home),
    )


def test_a_folder_as_the_database(tmp_path):
    folder = tmp_path / "data-folder"
    folder.mkdir()
    window, tool = start_and_tool(folder, tmp_path)
    assert_refused(window, WINDOW_REFUSED, "是一个文件夹，不是数据库文件")
    assert_refused(tool, TOOL_REFUSED, "是一个文件夹，不是数据库文件")


def test_a_file_as_the_parent_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    db = tmp_path / "notes.txt" / "branch.sqlite3"
    assert_refused(
        dualleader("--db", str(db), "--smoke", home=tmp_path),
        WINDOW_REFUSED,
        "是一个文件，不是文件夹",
    )
    assert_refused(dualleader("demo", "--db", str(db), home=tmp_path), 1, "是一个文件，不是文件夹")


def test_a_data_folder_that_cannot_be_made(tmp_path):
    """No --db: the user data folder would be made under a file."""
    (tmp_path / "data").write_text("x", encoding="utf-8")
    assert_refused(dualleader("--smoke", home=tmp_path), WINDOW_REFUSED, "准备数据文件夹时")
    assert_refused(
        dualleader("export-members", str(tmp_path / "out.xlsx"), home=tmp_path),
        2,
        "准备数据文件夹时",
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_folder(tmp_path):
    if not permissions_bite(tmp_path):
        pytest.skip(
            "permissions do not bite here (root, as in CI); simulated in-process in "
            "test_database_open.py and tests/gui/test_app_start.py"
        )
    folder = tmp_path / "read-only"
    folder.mkdir()
    db = make_ours(folder / "branch.sqlite3", members=1)
    folder.chmod(0o500)
    try:
        assert_refused(
            dualleader("--db", str(folder / "new.sqlite3"), "--smoke", home=tmp_path),
            WINDOW_REFUSED,
            "没有权限",
        )
        for result, code in zip(
            start_and_tool(db, tmp_path), (WINDOW_REFUSED, TOOL_REFUSED), strict=True
        ):
            assert_refused(result, code, "是只读的")
    finally:
        folder.chmod(0o700)


def test_a_file_that_is_not_sqlite(tmp_path):
    db = tmp_path / "notes.sqlite3"
    db.write_text("这是一份文本", encoding="utf-8")
    for result, code in zip(
        start_and_tool(db, tmp_path), (WINDOW_REFUSED, TOOL_REFUSED), strict=True
    ):
        assert_refused(result, code, "不是 SQLite 格式")
    assert db.read_text(encoding="utf-8") == "这是一份文本"


def test_an_empty_file_starts_as_a_new_database(tmp_path):
    """Not an error: SQLite reads a zero-byte file as an empty database, and a first start
    stopped before its first write leaves one; it holds nothing to protect."""
    db = tmp_path / "zero.sqlite3"
    db.write_bytes(b"")
    window, tool = start_and_tool(db, tmp_path)
    assert_refused(window, 0)
    assert "startup-ms:" in window.stdout
    assert_refused(tool, 0)


def test_another_programs_sqlite_file(tmp_path):
    db = make_foreign(tmp_path / "wechat-backup.sqlite3", wal=True)
    before = db.read_bytes()
    for result, code in zip(
        start_and_tool(db, tmp_path), (WINDOW_REFUSED, TOOL_REFUSED), strict=True
    ):
        assert_refused(result, code, "另一个程序的 SQLite 数据库", "没有做任何改动")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("wechat-backup*")) == ["wechat-backup.sqlite3"]


def test_a_damaged_database_offers_the_newest_good_backup(tmp_path):
    db = make_ours(tmp_path / "branch.sqlite3")
    backup = tmp_path / "branch.sqlite3.before-upgrade-0003.bak"
    backup.write_bytes(db.read_bytes())
    damage(db)
    before = db.read_bytes()
    for result, code in zip(
        start_and_tool(db, tmp_path), (WINDOW_REFUSED, TOOL_REFUSED), strict=True
    ):
        assert_refused(result, code, "数据库文件已损坏", f"可以用 dualleader restore {backup} 恢复")
    assert db.read_bytes() == before


def test_a_database_from_a_newer_program(tmp_path):
    db = make_ours(tmp_path / "newer.sqlite3", members=1)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    for result, code in zip(
        start_and_tool(db, tmp_path), (WINDOW_REFUSED, TOOL_REFUSED), strict=True
    ):
        assert_refused(result, code, "由更新版本的程序创建", "请升级本程序")
