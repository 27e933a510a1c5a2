"""What the checks made when a database is opened cost, on a database of 10 000 members.

Prints, median and min of N runs with the file in the OS cache (as at every start but the first
after a reboot):
- ``PRAGMA quick_check`` alone (storage.database.quick_check: its own read-only connection);
- ``PRAGMA integrity_check`` alone, for comparison (it also cross-checks every index);
- the whole ``Database.open_file`` (place, owner, quick_check, modes, upgrade check, mark) and
  the same with ``check=False``, so the share of quick_check in an open is seen directly.
The database is the one benchmarks/bench_startup.py builds, cached in ``$TMPDIR/dl-bench``.
Run: python benchmarks/bench_open_checks.py [--members 10000] [--runs 21] [--db OTHER.sqlite3]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import build  # the same 10 000-member database

from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.file_checks import quick_check


def timed(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm the OS cache and the imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def integrity_check(path: Path) -> None:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def open_and_close(path: Path, check: bool) -> None:
    Database.open_file(path, check=check).dispose()


def line(label: str, times: list[float]) -> str:
    return f"{label:<34} median {statistics.median(times):7.1f} ms   min {min(times):7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "dl-bench")
    parser.add_argument("--db", type=Path, help="measure this database of ours instead")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    db_path = args.db or args.workdir / f"members-{args.members}.sqlite3"
    if not db_path.exists():
        build(db_path, args.members)
    open_and_close(db_path, True)  # a database cached before the mark gets it now, once

    def sound() -> None:
        assert quick_check(db_path) is None

    checks = timed(sound, args.runs)
    full = timed(lambda: integrity_check(db_path), args.runs)
    opened = timed(lambda: open_and_close(db_path, True), args.runs)
    unchecked = timed(lambda: open_and_close(db_path, False), args.runs)
    size = db_path.stat().st_size / 2**20
    print(f"database: {db_path.name}, {size:.1f} MiB, runs: {args.runs}")
    print(line("quick_check", checks))
    print(line("integrity_check (not used)", full))
    print(line("Database.open_file", opened))
    print(line("Database.open_file(check=False)", unchecked))
    whole, without = statistics.median(opened), statistics.median(unchecked)
    print(f"quick_check share of the open: {(whole - without) / whole:.0%} (open with - without)")


if __name__ == "__main__":
    main()
