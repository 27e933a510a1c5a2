"""The 工作台 of a branch with ten years of records: the demo year 2025 copied back to 2016
(meetings with their attendance, talks with their participants), so every year holds ~70
meetings and ~40 talks.

Prints, median (min–max) of ``--runs``: ``ComplianceService.overview`` for the newest year
(the queries and the rules), and the page opened offscreen from its construction until its grid
and list show the overview (the GUI thread's part plus the background computation).
Target: the page ≤ 200 ms.
Run: python benchmarks/bench_dashboard.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text

BENCH_DIR = Path(tempfile.gettempdir()) / "dl-bench"
YEARS = 10
TODAY = date(2025, 12, 20)


def database() -> Path:
    """Ten years of records, built once and kept in $TMPDIR/dl-bench."""
    from dualleader_desktop.demo import populate_demo
    from dualleader_desktop.storage.database import Database

    path = BENCH_DIR / f"dashboard-{YEARS}-years.sqlite3"
    if path.exists():
        return path
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    db = Database.open_file(partial)
    populate_demo(db, 2025, today=TODAY)
    with db.engine.begin() as conn:
        for back in range(1, YEARS):
            _copy_year(conn, back)
    db.dispose()
    partial.rename(path)
    return path


def _copy_year(conn, back: int) -> None:
    """The 2025 records again, ``back`` years earlier, with new ids."""
    shift = f"'-{back} years'"
    meeting_columns = [
        row[1] for row in conn.exec_driver_sql("PRAGMA table_info(meetings)") if row[1] != "id"
    ]
    offset = conn.exec_driver_sql("SELECT max(id) FROM meetings").scalar()
    chosen = ", ".join(
        f"date(meeting_date, {shift})" if c == "meeting_date" else c for c in meeting_columns
    )
    conn.execute(
        text(
            f"INSERT INTO meetings (id, {', '.join(meeting_columns)}) "
            f"SELECT id + {offset}, {chosen} FROM meetings "
            "WHERE meeting_date >= '2025-01-01' AND meeting_date <= '2025-12-31'"
        )
    )
    attendance = [
        row[1] for row in conn.exec_driver_sql("PRAGMA table_info(attendance)") if row[1] != "id"
    ]
    picked = ", ".join(f"meeting_id + {offset}" if c == "meeting_id" else c for c in attendance)
    conn.execute(
        text(
            f"INSERT INTO attendance ({', '.join(attendance)}) SELECT {picked} FROM attendance "
            f"WHERE meeting_id IN (SELECT id - {offset} FROM meetings WHERE id > {offset})"
        )
    )
    talk_columns = [
        row[1] for row in conn.exec_driver_sql("PRAGMA table_info(talks)") if row[1] != "id"
    ]
    talks_offset = conn.exec_driver_sql("SELECT max(id) FROM talks").scalar()
    chosen = ", ".join(f"date(talk_date, {shift})" if c == "talk_date" else c for c in talk_columns)
    conn.execute(
        text(
            f"INSERT INTO talks (id, {', '.join(talk_columns)}) "
            f"SELECT id + {talks_offset}, {chosen} FROM talks "
            "WHERE talk_date >= '2025-01-01' AND talk_date <= '2025-12-31'"
        )
    )
    participants = [
        row[1]
        for row in conn.exec_driver_sql("PRAGMA table_info(talk_participants)")
        if row[1] != "id"
    ]
    picked = ", ".join(f"talk_id + {talks_offset}" if c == "talk_id" else c for c in participants)
    conn.execute(
        text(
            f"INSERT INTO talk_participants ({', '.join(participants)}) "
            f"SELECT {picked} FROM talk_participants "
            f"WHERE talk_id IN (SELECT id - {talks_offset} FROM talks WHERE id > {talks_offset})"
        )
    )


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.1f} ms ({min(values):.1f}–{max(values):.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from dualleader_desktop.services.composition import BranchServices
    from dualleader_desktop.storage.database import Database
    from dualleader_desktop.ui.pages.dashboard_page import DashboardPage

    path = database()
    db = Database.open_file(path)
    with db.engine.connect() as conn:
        meetings = conn.exec_driver_sql("SELECT count(*) FROM meetings").scalar()
        talks = conn.exec_driver_sql("SELECT count(*) FROM talks").scalar()
    compliance, statistics = BranchServices(db).compliance, BranchServices(db).statistics
    computed = []
    for _ in range(args.runs):
        started = time.perf_counter()
        compliance.overview(2025, TODAY)
        computed.append((time.perf_counter() - started) * 1000)
    app = QApplication.instance() or QApplication(sys.argv)
    shown = []
    for _ in range(args.runs):
        loop = QEventLoop()
        started = time.perf_counter()
        page = DashboardPage(compliance, statistics)
        page.year_spin.blockSignals(True)
        page.computed.connect(lambda _overview, loop=loop: loop.quit())
        page.show()
        QTimer.singleShot(10_000, loop.quit)
        loop.exec()
        app.processEvents()
        shown.append((time.perf_counter() - started) * 1000)
        page.close()
        page.deleteLater()
    db.dispose()
    print(f"{YEARS} years: {meetings} meetings, {talks} talks; {args.runs} runs, median (min–max)")
    print(f"  overview (queries and rules)   {spread(computed)}")
    print(f"  工作台 page shown with it      {spread(shown)}   target ≤ 200 ms")


if __name__ == "__main__":
    main()
