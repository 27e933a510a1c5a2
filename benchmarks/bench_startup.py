"""Start-up, memory and roster filtering with 10 000 members.

Prints, beside the targets of issue 2 (start-up ≤ 550 ms and ≤ 150 MiB on 2 cores, roster
filter ≤ 30 ms), the figures of this machine:
- ``dualleader --smoke`` start-up as the program reports it (``startup-ms``) and as wall time,
  median and min of N runs, and the peak memory (max RSS) of those processes;
- the same for a bare PySide6 window with a 10 000-row table: the peer for a ratio;
- with ``--database-url``, the same start-up on that PostgreSQL database (filled with the same
  members the first time), beside the SQLite file's;
- the roster model's filter changes, in process.
Run: python benchmarks/bench_startup.py [--members 10000] [--runs 5] [--database-url URL]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

from dualleader_desktop.domain.enums import Gender, MemberCategory, MemberStatus
from dualleader_desktop.domain.validators import build_id_number
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import Branch, Member, PartyGroup

BARE_WINDOW = """
import time; t0 = time.perf_counter()
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
class M(QAbstractTableModel):
    rows = [(f"name{i}", str(i)) for i in range(10000)]
    def rowCount(self, p=QModelIndex()): return len(self.rows)
    def columnCount(self, p=QModelIndex()): return 2
    def data(self, i, r=Qt.ItemDataRole.DisplayRole):
        return self.rows[i.row()][i.column()] if r == Qt.ItemDataRole.DisplayRole else None
app = QApplication([]); w = QMainWindow(); v = QTableView(); v.setModel(M()); w.setCentralWidget(v)
w.show()
while not (w.windowHandle() and w.windowHandle().isExposed()): app.processEvents()
app.processEvents(); print(f"startup-ms: {round((time.perf_counter() - t0) * 1000)}")
"""
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟强磊军勇杰涛明超斌娜敏静丽艳芳婷雪慧颖"


def build(db: Database, count: int) -> None:
    rnd = random.Random(1)
    with db.engine.begin() as conn:
        conn.execute(insert(Branch), [{"id": 1, "name": "基准支部"}])
        conn.execute(
            insert(PartyGroup),
            [{"branch_id": 1, "name": f"第{i}党小组", "sort_order": i} for i in range(1, 6)],
        )
        rows = []
        for i in range(count):
            gender = Gender.MALE if i % 2 else Gender.FEMALE
            birth = date(1960, 1, 1) + timedelta(days=rnd.randint(0, 13000))
            rows.append(
                {
                    "branch_id": 1,
                    "name": rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN),
                    "gender": gender,
                    "birth_date": birth,
                    "id_number": build_id_number(f"3601{i // 1000:02d}", birth, i % 1000, gender),
                    "department": f"第{i % 40}教研室",
                    "phone": f"138{i:08d}",
                    "party_group_id": 1 + i % 5,
                    "joined_date": birth + timedelta(days=365 * 22),
                    "full_member_date": birth + timedelta(days=365 * 23),
                    "category": MemberCategory.FULL if i % 20 else MemberCategory.PROBATIONARY,
                    "status": MemberStatus.ACTIVE if i % 50 else MemberStatus.TRANSFERRED_OUT,
                }
            )
        conn.execute(insert(Member), rows)
    db.dispose()


def run_smoke(command: list[str], runs: int) -> tuple[list[int], list[float], float]:
    """Reported start-up ms, wall ms, and the peak memory (MiB) of the runs' own processes."""
    reported, wall, peak_kib = [], [], 0
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
        out = child.stdout.read().decode()
        _pid, _status, usage = os.wait4(child.pid, 0)
        child.returncode = 0
        wall.append((time.perf_counter() - started) * 1000)
        peak_kib = max(peak_kib, usage.ru_maxrss)
        reported.append(int(out.split("startup-ms:")[1].split()[0]))
    return reported, wall, peak_kib / 1024


def filter_times(db_path: Path) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from dualleader_desktop.services.members import MemberService
    from dualleader_desktop.ui.models.roster_model import RosterModel

    _app = QApplication.instance() or QApplication([])
    model = RosterModel()
    model.set_records(MemberService(Database.open_file(db_path)).list_members())
    changes = [
        dict(status=None),
        dict(status=MemberStatus.ACTIVE, party_group_id=3),
        dict(category=MemberCategory.PROBATIONARY),
        dict(text="王"),
        dict(text="1380000"),
        dict(),
    ]
    times = []
    for _ in range(5):
        for change in changes:
            started = time.perf_counter()
            model.set_filters(**change)
            times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "dl-bench")
    parser.add_argument(
        "--database-url", help="also start on this PostgreSQL database (filled when empty)"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    db_path = args.workdir / f"members-{args.members}.sqlite3"
    if not db_path.exists():
        db = Database.open_file(db_path)
        build(db, args.members)
        db.dispose()
    ours = [sys.executable, "-m", "dualleader_desktop", "--smoke", "--db", str(db_path)]
    reported, wall, peak = run_smoke(ours, args.runs)
    bare_reported, bare_wall, bare_peak = run_smoke([sys.executable, "-c", BARE_WINDOW], args.runs)
    print(f"members: {args.members}, runs: {args.runs}, cores: {os.cpu_count()}")
    print(
        f"dualleader --smoke  startup-ms median {statistics.median(reported):.0f} min {min(reported)}"
        f" | wall median {statistics.median(wall):.0f} ms   (target ≤ 550 ms)"
    )
    print(
        f"bare PySide6 table  startup-ms median {statistics.median(bare_reported):.0f} min {min(bare_reported)}"
        f" | wall median {statistics.median(bare_wall):.0f} ms"
    )
    print(
        f"ratio ours/bare (wall median): {statistics.median(wall) / statistics.median(bare_wall):.2f}"
    )
    print(
        f"peak memory of the smoke runs: {peak:.0f} MiB (bare table {bare_peak:.0f} MiB)   (target ≤ 150 MiB)"
    )
    if args.database_url:
        server = Database.open_url(args.database_url)
        if server.is_empty():
            build(server, args.members)
        server.dispose()
        on_server = [*ours[:-2], "--database-url", args.database_url]
        on_server += ["--attachments-dir", str(args.workdir / "server-attachments")]
        pg_reported, pg_wall, pg_peak = run_smoke(on_server, args.runs)
        print(
            f"on PostgreSQL       startup-ms median {statistics.median(pg_reported):.0f}"
            f" min {min(pg_reported)} | wall median {statistics.median(pg_wall):.0f} ms,"
            f" {pg_peak:.0f} MiB; ratio PostgreSQL/SQLite (wall median):"
            f" {statistics.median(pg_wall) / statistics.median(wall):.2f}"
        )
    times = filter_times(db_path)
    print(
        f"roster filter: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms   (target ≤ 30 ms)"
    )


if __name__ == "__main__":
    main()
