"""Start-up, memory and roster filtering with 10 000 members.

Prints, beside the targets (issue 13: the window with 10 000 members painted in at most twice
the time of a bare PySide6 window with a table, on the same machine in the same run; issue 2:
≤ 150 MiB, roster filter ≤ 30 ms), the figures of this machine:
- ``dualleader --smoke`` from source on compiled bytecode (``compileall`` first, then run
  without PYTHONDONTWRITEBYTECODE: an installed program has its .pyc, ../shared/GOTCHAS.md),
  and the frozen build (packaging/build.py) when it is there: the wall time from launch to the
  first paint (the moment its ``startup-ms`` line arrives), ``startup-ms`` as the program
  reports it, ``ready-ms`` (the database open behind the first screen), the peak memory;
- the same for a bare PySide6 window with a 10 000-row table: the peer for the ratios;
- opening on the roster and, for the source run, on the 工作台 (the first start's page); each
  run with a settings folder of its own that says which page was open last;
- with ``--database-url``, the start-up on that PostgreSQL database (filled with the same
  members the first time it is empty: give it one of its own, never the test suite's
  ``test``, whose PostgreSQL tests expect an empty ``public`` schema), beside the SQLite file's;
- the roster model's filter changes, in process.
Medians of N runs. Run: python benchmarks/bench_startup.py [--members 10000] [--runs 5]
[--database-url URL] [--frozen dist/dualleader/dualleader]
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
from dataclasses import dataclass
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
ROOT = Path(__file__).resolve().parent.parent
ROSTER_PAGE, DASHBOARD_PAGE = 0, 6  # rows of the navigation (ui/main_window.py titles)
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


@dataclass
class Runs:
    first_paint_wall: list[float]  # ms from launch to the startup-ms line
    reported: list[int]  # startup-ms
    ready: list[int]  # ready-ms (ours only)
    peak_mib: float

    def line(self, label: str) -> str:
        text = (
            f"{label:30s} first paint: wall {statistics.median(self.first_paint_wall):4.0f} ms,"
            f" startup-ms {statistics.median(self.reported):4.0f}"
        )
        if self.ready:
            text += f" | ready-ms {statistics.median(self.ready):4.0f}"
        return text + f" | peak {self.peak_mib:.0f} MiB"


def run_smoke(command: list[str], runs: int, page: int | None = None) -> Runs:
    """Start ``command`` ``runs`` times, each with a settings folder of its own saying the
    page open last (``page``; None: a bare window, which has none)."""
    result = Runs([], [], [], 0.0)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the .pyc written by compileall are used
    peak_kib = 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="dl-bench-config-") as config:
            if page is not None:
                settings = Path(config) / "DualLeader" / "DualLeaderDesktop.conf"
                settings.parent.mkdir()
                settings.write_text(f"[main]\npage={page}\n", encoding="utf-8")
            env["XDG_CONFIG_HOME"] = config
            started = time.perf_counter()
            child = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
            )
            for line in child.stdout:
                key, _, value = line.partition(":")
                if key == "startup-ms":
                    result.first_paint_wall.append((time.perf_counter() - started) * 1000)
                    result.reported.append(int(value))
                elif key == "ready-ms":
                    result.ready.append(int(value))
            _pid, _status, usage = os.wait4(child.pid, 0)
            child.returncode = 0
            peak_kib = max(peak_kib, usage.ru_maxrss)
    result.peak_mib = peak_kib / 1024
    return result


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
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "dualleader" / "dualleader")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    db_path = args.workdir / f"members-{args.members}.sqlite3"
    if not db_path.exists():
        db = Database.open_file(db_path)
        build(db, args.members)
        db.dispose()
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "dualleader_desktop")],
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    ours = [sys.executable, "-m", "dualleader_desktop", "--smoke", "--db", str(db_path)]
    bare = run_smoke([sys.executable, "-c", BARE_WINDOW], args.runs)
    roster = run_smoke(ours, args.runs, page=ROSTER_PAGE)
    dashboard = run_smoke(ours, args.runs, page=DASHBOARD_PAGE)
    frozen = None
    if args.frozen.exists():
        frozen = run_smoke([str(args.frozen), "--smoke", "--db", str(db_path)], args.runs, 0)
    print(f"members: {args.members}, runs: {args.runs}, cores: {os.cpu_count()}, medians")
    print(bare.line("bare PySide6 table window"))
    print(roster.line("ours, .pyc, on the roster"))
    print(dashboard.line("ours, .pyc, on the 工作台"))
    if frozen is not None:
        print(frozen.line("ours frozen, on the roster"))
    else:
        print(f"frozen build: none at {args.frozen} (python packaging/build.py makes it)")
    peer = statistics.median(bare.first_paint_wall)
    for label, runs in (("source .pyc", roster), ("frozen", frozen)):
        if runs is not None:
            ratio = statistics.median(runs.first_paint_wall) / peer
            print(f"ratio ours ({label}) / bare, wall to first paint: {ratio:.2f}   (target ≤ 2)")
    print(f"peak memory: ours {roster.peak_mib:.0f} MiB   (target ≤ 150 MiB)")
    if args.database_url:
        server = Database.open_url(args.database_url)
        if server.is_empty():
            build(server, args.members)
        server.dispose()
        on_server = [*ours[:-2], "--database-url", args.database_url]
        on_server += ["--attachments-dir", str(args.workdir / "server-attachments")]
        pg = run_smoke(on_server, args.runs, page=ROSTER_PAGE)
        print(pg.line("on PostgreSQL, on the roster"))
    times = filter_times(db_path)
    print(
        f"roster filter: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms   (target ≤ 30 ms)"
    )


if __name__ == "__main__":
    main()
