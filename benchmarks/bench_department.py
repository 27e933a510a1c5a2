"""The department's grid (``dualleader check --all-branches``) over many branches in one
database: generated branches, each with 40 members in 3 Party groups, a secretary, and a year
of meetings as the default rules ask (with a few left out, so the grid has something to find).

Prints the median (min–max) of ``--runs`` calls of ``department_grid``: the four queries over
all branches and the rules applied branch by branch. Target: 200 branches ≤ 1 s on PostgreSQL.
Run: python benchmarks/bench_department.py [--branches 200] [--database-url URL] [--runs 5]
(without a URL: SQLite, built once in $TMPDIR/dl-bench; with one, into that database, which
must be empty: e.g. a scratch schema of the test server).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from dualleader_desktop.domain.enums import CommitteeRole, Gender, MemberCategory
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.validators import build_id_number
from dualleader_desktop.services.department import department_grid
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import Branch, CommitteeMember, Member, PartyGroup
from dualleader_desktop.storage.records_models import Meeting

BENCH_DIR = Path(tempfile.gettempdir()) / "dl-bench"
YEAR, ON = 2025, date(2025, 12, 20)
MEMBERS, GROUPS = 40, 3


def build(db: Database, branches: int) -> None:
    rng = random.Random(20251220)
    with db.engine.begin() as conn:
        conn.execute(insert(Branch), [{"name": f"第{b:03d}党支部"} for b in range(branches)])
        ids = [row[0] for row in conn.execute(select(Branch.id).order_by(Branch.id))]
        conn.execute(
            insert(PartyGroup),
            [{"branch_id": b, "name": f"第{g + 1}党小组"} for b in ids for g in range(GROUPS)],
        )
        groups: dict[int, list[int]] = {}
        for group_id, branch_id in conn.execute(select(PartyGroup.id, PartyGroup.branch_id)):
            groups.setdefault(branch_id, []).append(group_id)
        people = []
        for n, branch_id in enumerate(ids):
            for m in range(MEMBERS):
                born = date(1970, 1, 1) + timedelta(days=(n * MEMBERS + m) * 3)
                people.append(
                    {
                        "branch_id": branch_id,
                        "name": f"党员{n:03d}{m:02d}",
                        "gender": Gender.MALE,
                        "birth_date": born,
                        "id_number": build_id_number(
                            "360102", born, 11 + 2 * (m % 40), Gender.MALE
                        ),
                        "joined_date": date(2005, 7, 1),
                        "full_member_date": date(2006, 7, 1),
                        "category": MemberCategory.FULL,
                        "party_group_id": groups[branch_id][m % GROUPS],
                    }
                )
        conn.execute(insert(Member), people)
        first = dict(
            conn.execute(
                select(Member.branch_id, Member.id).where(Member.name.like("党员%00"))
            ).all()
        )
        conn.execute(
            insert(CommitteeMember),
            [
                {
                    "branch_id": b,
                    "member_id": first[b],
                    "role": CommitteeRole.SECRETARY,
                    "term_start": date(2024, 6, 1),
                    "term_end": date(2027, 5, 31),
                }
                for b in ids
            ],
        )
        meetings = []
        for branch_id in ids:
            planned = [(MeetingKind.COMMITTEE, m, None) for m in range(1, 13)]
            planned += [(MeetingKind.THEME_DAY, m, None) for m in range(1, 13)]
            planned += [(MeetingKind.GROUP, m, g) for m in range(1, 13) for g in groups[branch_id]]
            planned += [(MeetingKind.BRANCH_ASSEMBLY, m, None) for m in (2, 5, 8, 11)]
            planned += [(MeetingKind.PARTY_LECTURE, m, None) for m in (3, 6, 9, 12)]
            planned += [(MeetingKind.LIFE_MEETING, 12, None)]
            for kind, month, group in planned:
                if rng.random() < 0.02:  # left out: a period the grid finds missing
                    continue
                meetings.append(
                    {
                        "branch_id": branch_id,
                        "kind": kind,
                        "theme": f"{kind.label}（{month}月）",
                        "meeting_date": date(YEAR, month, rng.randint(1, 28)),
                        "party_group_id": group,
                        "host_member_id": first[branch_id],
                    }
                )
        conn.execute(insert(Meeting), meetings)


def open_database(args) -> Database:
    if args.database_url:
        db = Database.open_url(args.database_url)
        fresh = db.is_empty()
    else:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        path = BENCH_DIR / f"department-{args.branches}.sqlite3"
        fresh = not path.exists()
        db = Database.open_file(path)
    if fresh:
        started = time.perf_counter()
        build(db, args.branches)
        print(f"built {args.branches} branches in {time.perf_counter() - started:.1f} s")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--branches", type=int, default=200)
    parser.add_argument("--database-url")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = open_database(args)
    department_grid(db, YEAR, ON)  # connections and caches warm
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        grid = department_grid(db, YEAR, ON)
        times.append((time.perf_counter() - started) * 1000)
    missing = sum(grid.total(rule) for rule in grid.rules)
    print(
        f"{db.engine.dialect.name}: {len(grid.lines)} branches × {MEMBERS} members, "
        f"{missing} periods missing, {grid.branches_well} branches without any"
    )
    print(
        f"  department grid {statistics.median(times):7.1f} ms "
        f"({min(times):.1f}–{max(times):.1f})   target ≤ 1000 ms on PostgreSQL"
    )
    db.dispose()


if __name__ == "__main__":
    main()
