"""Meetings at scale: list, filter and search times over 50 000 meetings.

Builds (once, cached in --workdir) a database with a branch of 40 members and N meetings with
800-character Chinese minutes, indexes them, then prints the median/max of several runs of:
opening the list (all meetings), each filter, and searches of 1, 2, 3, 4 and 6 characters.
Target: every search under 30 ms. Run: python benchmarks/bench_meetings.py [--count 50000]
[--database-url postgresql://…]: with a server, the same cases on PostgreSQL are printed beside
SQLite's, with their ratio.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

from dualleader_desktop.domain.enums import Gender, MemberCategory
from dualleader_desktop.domain.meetings import IntegrationTag, MeetingKind
from dualleader_desktop.domain.validators import build_id_number
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.search import SearchService
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import Branch, Member, PartyGroup
from dualleader_desktop.storage.records_models import Meeting
from dualleader_desktop.storage.search_backend import search_backend
from dualleader_desktop.storage.search_index import SearchKind

PHRASES = (
    "传达学习上级党委会议精神",
    "围绕立德树人根本任务",
    "推进课程思政建设",
    "深化产教融合",
    "开展校企合作",
    "推进科教融汇",
    "认真开展批评与自我批评",
    "研究发展党员工作",
    "讨论入党积极分子培养考察情况",
    "部署主题党日活动",
    "加强师德师风建设",
    "落实三会一课制度",
    "专业教研室集体备课",
    "指导学生技能大赛",
    "王伟同志作交流发言",
    "李娜同志汇报教学改革进展",
)
TARGET_MS = 30.0
QUERIES = ("王", "王伟", "产教融", "课程思政", "科教融汇推进", "不存在的词")


def build(db: Database, count: int) -> Database:
    rnd = random.Random(7)
    with db.engine.begin() as conn:
        conn.execute(insert(Branch), [{"id": 1, "name": "基准支部"}])
        conn.execute(
            insert(PartyGroup),
            [{"branch_id": 1, "name": f"第{i}党小组", "sort_order": i} for i in (1, 2, 3)],
        )
        conn.execute(
            insert(Member),
            [
                {
                    "branch_id": 1,
                    "name": f"党员{i:02d}",
                    "gender": Gender.MALE,
                    "birth_date": date(1980, 1, 1) + timedelta(days=i * 40),
                    "id_number": build_id_number(
                        "360102", date(1980, 1, 1) + timedelta(days=i * 40), i, Gender.MALE
                    ),
                    "joined_date": date(2005, 1, 1),
                    "category": MemberCategory.FULL,
                    "party_group_id": 1 + i % 3,
                }
                for i in range(40)
            ],
        )
        kinds, tags = list(MeetingKind), [t.value for t in IntegrationTag]
        start = date(2026, 12, 31) - timedelta(days=count // 10)
        rows = []
        for i in range(count):
            minutes = "。".join(rnd.choice(PHRASES) for _ in range(60))[:800]
            kind = kinds[i % len(kinds)]
            rows.append(
                {
                    "branch_id": 1,
                    "kind": kind,
                    "theme": f"{rnd.choice(PHRASES)}（第{i}次）",
                    "meeting_date": start + timedelta(days=i // 10),
                    "party_group_id": 1 + (i // 6) % 3 if kind == MeetingKind.GROUP else None,
                    "minutes": minutes,
                    "tags": f",{rnd.choice(tags)},",
                }
            )
        conn.execute(insert(Meeting), rows)
        backend = search_backend(conn)
        for i, row in enumerate(rows, start=1):
            backend.index(SearchKind.MEETING, i, (row["theme"], row["minutes"]), 1)
    return db


def timed(fn, runs: int = 7) -> tuple[float, float, int]:
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        size = len(fn())
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times), size


def open_database(args, url: str | None) -> Database:
    """The benchmark's database (SQLite cached in --workdir, or the server at ``url``), built
    with ``args.count`` meetings the first time."""
    if url:
        db = Database.open_url(url)
        fresh = db.is_empty()
    else:
        args.workdir.mkdir(parents=True, exist_ok=True)
        path = args.workdir / f"meetings-{args.count}.sqlite3"
        fresh = not path.exists()
        db = Database.open_file(path)
    if fresh:
        started = time.perf_counter()
        build(db, args.count)
        print(
            f"{db.engine.dialect.name}: built {args.count} meetings in "
            f"{time.perf_counter() - started:.1f} s"
        )
    return db


def cases(db: Database) -> dict:
    meetings, search = MeetingService(db), SearchService(db)
    found = {
        "list all": lambda: meetings.list_meetings(),
        "filter kind": lambda: meetings.list_meetings(kind=MeetingKind.COMMITTEE),
        "filter year": lambda: meetings.list_meetings(year=2026),
        "filter group": lambda: meetings.list_meetings(party_group_id=2),
        "filter tag": lambda: meetings.list_meetings(tag=IntegrationTag.RESEARCH),
    }
    for query in QUERIES:
        found[f"search '{query}' ({len(query)} chars)"] = lambda q=query: search.search(q)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "dl-bench")
    parser.add_argument(
        "--database-url",
        help="also measure on this PostgreSQL database (filled on the first run, when it is "
        "empty), beside the SQLite file cached in --workdir",
    )
    args = parser.parse_args()
    databases = [open_database(args, None)]
    if args.database_url:
        databases.append(open_database(args, args.database_url))
    names = [db.engine.dialect.name for db in databases]
    figures = [{case: timed(fn) for case, fn in cases(db).items()} for db in databases]
    header = f"{'case (median / max ms, rows)':32}" + "".join(f"{n:>24}" for n in names)
    print(header + ("   ratio" if len(names) == 2 else ""))
    for case in figures[0]:
        line = f"{case:32}"
        for found in figures:
            median, worst, size = found[case]
            flag = "!" if case.startswith("search") and worst > TARGET_MS else " "
            line += f"{median:9.1f} /{worst:7.1f}{flag}{size:6d}"
        if len(figures) == 2:
            line += f"  {figures[1][case][0] / max(figures[0][case][0], 0.01):6.2f}"
        print(line)
    print(f"! marks a search over the {TARGET_MS:.0f} ms target; ratio = second / first median")


if __name__ == "__main__":
    main()
