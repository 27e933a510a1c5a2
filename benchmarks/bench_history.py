"""What the change log costs a save: N meetings added, then each edited once, through
MeetingService.save, with the change log as it is and with its writing switched off.

Each meeting of a 40-member branch has its attendance (40 lines), two agenda items and 800
characters of minutes, as the demo's do. Prints ms per save (median of the per-save times, and
the mean) for adding and for editing, with and without the log, and the log's size on disk.
Run: python benchmarks/bench_history.py [--count 1000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from dualleader_desktop.domain.enums import Gender, MemberCategory
from dualleader_desktop.domain.meeting_records import AgendaDraft
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind
from dualleader_desktop.domain.validators import build_id_number
from dualleader_desktop.services import versioned
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import Branch, Member

MINUTES = "传达学习上级党委会议精神，围绕立德树人根本任务推进课程思政建设。" * 25


def branch(path: Path) -> Database:
    db = Database.open_file(path)
    with db.engine.begin() as conn:
        conn.execute(insert(Branch), [{"id": 1, "name": "基准支部"}])
        conn.execute(
            insert(Member),
            [
                {
                    "branch_id": 1,
                    "name": f"党员{i:02d}",
                    "gender": Gender.MALE,
                    "birth_date": date(1980, 1, 1) + timedelta(days=i),
                    "id_number": build_id_number(
                        "360102", date(1980, 1, 1) + timedelta(days=i), 11, Gender.MALE
                    ),
                    "joined_date": date(2005, 7, 1),
                    "full_member_date": date(2006, 7, 1),
                    "category": MemberCategory.FULL,
                }
                for i in range(40)
            ],
        )
    return db


@contextmanager
def change_log_wrapped(service: MeetingService, wrap):
    """The change log's own functions (services/versioned.py: the entry, the id it reserves,
    the meeting's snapshot) replaced by ``wrap(name, function)`` while the block runs."""
    names = ("record_change", "next_record_id")
    saved = {name: getattr(versioned, name) for name in names}
    records = service._records  # the meeting kind's save, which takes its snapshot
    kind = records.kind
    for name, fn in saved.items():
        setattr(versioned, name, wrap(name, fn))
    records.kind = replace(kind, snapshot=wrap("snapshot", kind.snapshot))
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(versioned, name, fn)
        records.kind = kind


def log_switched_off(service: MeetingService):
    """The save as it was before the change log: no snapshots, no entry, ids by SQLite."""
    return change_log_wrapped(
        service, lambda name, _fn: lambda *a, **k: False if name == "record_change" else None
    )


def log_timed(service: MeetingService, spent: list[float]):
    """The change log as it is, with the time spent in its own functions added to ``spent``
    (a direct measure, less at the mercy of other processes than the difference of two runs)."""

    def timed(_name, fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[-1] += time.perf_counter() - start

        return wrapper

    return change_log_wrapped(service, timed)


def run(folder: Path, count: int, logged: bool) -> tuple[list[float], list[float], int, list]:
    db = branch(folder / f"{'with' if logged else 'without'}-{time.time_ns()}.sqlite3")
    service = MeetingService(db)
    rnd = random.Random(7)
    template = service.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 1, 5))
    adds, edits, saved, spent = [], [], [], []
    try:
        with log_switched_off(service) if not logged else log_timed(service, spent):
            for n in range(count):
                draft = replace(
                    template,
                    meeting_date=date(2026, 1, 5) + timedelta(days=n % 300),
                    theme=f"第{n + 1}次支部党员大会",
                    minutes=MINUTES,
                    agenda=[AgendaDraft("学习文件"), AgendaDraft("研究发展对象")],
                    attendance=list(template.attendance),
                )
                spent.append(0.0)
                start = time.perf_counter()
                saved.append(service.save(draft))
                adds.append(time.perf_counter() - start)
            for record in saved:
                draft = record.draft
                line = rnd.randrange(len(draft.attendance))
                draft.attendance[line] = replace(
                    draft.attendance[line], status=AttendanceStatus.LEAVE, reason="出差"
                )
                draft.theme += "（修订）"
                spent.append(0.0)
                start = time.perf_counter()
                service.save(draft, meeting_id=record.id, expected_version=record.version)
                edits.append(time.perf_counter() - start)
        with db.engine.connect() as conn:
            size = conn.execute(
                text(
                    "SELECT coalesce(sum(coalesce(length(before_json), 0)"
                    " + coalesce(length(after_json), 0)), 0) FROM change_log"
                )
            ).scalar()
    finally:
        db.dispose()
    return adds, edits, size, spent


def ms(times: list[float]) -> str:
    median, mean = statistics.median(times) * 1000, statistics.mean(times) * 1000
    return f"median {median:6.2f} ms, mean {mean:6.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dl-bench-history-") as folder:
        results = {}
        for logged in (False, True, False, True):  # twice each, alternating: a warm disk for both
            results.setdefault(logged, []).append(run(Path(folder), args.count, logged))
    for logged in (False, True):
        adds = [t for r in results[logged] for t in r[0]]
        edits = [t for r in results[logged] for t in r[1]]
        label = "with the change log   " if logged else "without the change log"
        print(f"{label}  add: {ms(adds)}   edit: {ms(edits)}")
    size = results[True][0][2]
    print(f"change log text for {args.count} adds and edits: {size / 1024 / 1024:.1f} MiB")
    for name, index in (("add", 0), ("edit", 1)):
        off = statistics.median(t for r in results[False] for t in r[index])
        on = statistics.median(t for r in results[True] for t in r[index])
        print(f"overhead per {name}: {(on - off) * 1000:+.2f} ms ({(on / off - 1) * 100:+.0f}%)")
    count = args.count
    inside = [r[3] for r in results[True]]
    add_ms = statistics.median(t for s in inside for t in s[:count]) * 1000
    edit_ms = statistics.median(t for s in inside for t in s[count:]) * 1000
    print(f"inside the log's own functions: add {add_ms:.2f} ms, edit {edit_ms:.2f} ms (median)")


if __name__ == "__main__":
    main()
