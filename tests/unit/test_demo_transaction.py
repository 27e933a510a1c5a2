"""The demo is one transaction: stopped at any moment it leaves the database empty, so
``demo`` can run again (issue 7: a killed demo left half a branch that demo then refused)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from dualleader_desktop.cli import main
from dualleader_desktop.demo import branch, populate_demo
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY

TABLES = ("branch", "party_groups", "members", "meetings", "talks")
ROOT = Path(__file__).resolve().parents[2]

# runs ``dualleader demo`` but stops, as if killed, after some meetings have been saved
KILLED_DEMO = """
import sys, time
from pathlib import Path
from dualleader_desktop.cli import main
from dualleader_desktop.services.meetings import MeetingService

marker, saved, original = Path(sys.argv[2]), [], MeetingService.save

def save(self, *args, **kwargs):
    result = original(self, *args, **kwargs)
    saved.append(result)
    if len(saved) == 10:
        marker.write_text("10 meetings saved")
        time.sleep(120)
    return result

MeetingService.save = save
main(["demo", "--db", sys.argv[1], "--year", "2024"])
"""


def counts(path: Path) -> dict[str, int]:
    db = Database.open_file(path)
    try:
        with db.engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def complete(tmp_path_factory) -> dict[str, int]:
    """The counts of a demo of 2024 that ran to its end."""
    path = tmp_path_factory.mktemp("complete") / "demo.sqlite3"
    db = Database.open_file(path)
    populate_demo(db, 2024, today=TODAY)
    db.dispose()
    return counts(path)


def test_a_demo_failing_halfway_writes_nothing(tmp_path, monkeypatch, complete):
    path = tmp_path / "demo.sqlite3"
    db = Database.open_file(path)

    def fail(*_args, **_kwargs):
        raise RuntimeError("stopped after the members")

    with monkeypatch.context() as patch:
        patch.setattr(branch, "populate_demo_year", fail)
        with pytest.raises(RuntimeError):
            populate_demo(db, 2024, today=TODAY)
    assert db.is_empty()
    assert set(counts(path).values()) == {0}
    populate_demo(db, 2024, today=TODAY)
    db.dispose()
    assert counts(path) == complete


def test_a_demo_killed_while_writing_leaves_the_database_empty(tmp_path, capsys, complete):
    path, marker = tmp_path / "demo.sqlite3", tmp_path / "writing"
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_DEMO, str(path), str(marker)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "the demo never got to its meetings"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    assert set(counts(path).values()) == {0}
    assert main(["demo", "--db", str(path), "--year", "2024"]) == 0
    assert "已创建演示支部" in capsys.readouterr().out
    assert counts(path) == complete
