"""``dualleader check``: a year's 三会一课 and the rest against the rules, and what is overdue or
comes due within 30 days, as text or JSON — for the secretary's own check before an inspection
and for the department's scripts.

Exit 0 when nothing is missing or overdue, 1 when something is (or the database cannot be read).
"""

from __future__ import annotations

import json
import sys
from datetime import date

from dualleader_desktop.commands import chosen_branch, open_existing_database


def check(args) -> int:
    from dualleader_desktop.services.composition import BranchServices
    from dualleader_desktop.services.errors import ServiceError
    from dualleader_desktop.storage.errors import DatabaseError

    try:
        today = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        print(f"日期“{args.date}”的格式不对：请写成 YYYY-MM-DD，如 2025-06-30。", file=sys.stderr)
        return 1
    try:
        db = open_existing_database(args.db, args.database_url, args.attachments_dir)
    except DatabaseError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        if args.all_branches:
            from dualleader_desktop.services.department import department_grid

            grid = department_grid(db, args.year, today)
        else:
            services = BranchServices(db, chosen_branch(db, args.branch))
            overview = services.compliance.overview(args.year, today)
    except (ServiceError, DatabaseError) as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        db.dispose()
    if args.all_branches:
        print(_dumped(_department(grid)) if args.json else _department_text(grid))
        return 0 if grid.branches_well == len(grid.lines) else 1
    print(_dumped(_payload(overview)) if args.json else _text(overview))
    return 0 if overview.all_well else 1


def _dumped(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _department(grid) -> dict:
    return {
        "year": grid.year,
        "date": grid.today.isoformat(),
        "rules": grid.rules,
        "branches": [
            {
                "name": line.name,
                "all_well": line.all_well,
                "missing": line.missing,
                "held": line.held,
            }
            for line in grid.lines
        ],
        "missing": {rule: grid.total(rule) for rule in grid.rules},
        "branches_well": grid.branches_well,
    }


def _department_text(grid) -> str:
    lines = [f"{grid.year} 年度各支部会议情况（截至 {grid.today:%Y-%m-%d}）："]
    for line in grid.lines:
        short = [
            f"{rule.split('：')[0]} {count} 期" for rule, count in line.missing.items() if count
        ]
        lines.append(f"  {line.name}：{'缺 ' + '、'.join(short) if short else '✓ 全部符合'}")
    totals = [f"{rule} 缺 {grid.total(rule)} 期" for rule in grid.rules if grid.total(rule)]
    lines.append("")
    lines.append("合计：" + ("；".join(totals) if totals else "没有缺开的会议"))
    lines.append(f"{grid.branches_well}/{len(grid.lines)} 个支部全部符合要求。")
    return "\n".join(lines)


def _payload(overview) -> dict:
    return {
        "year": overview.year,
        "date": overview.today.isoformat(),
        "all_well": overview.all_well,
        "rules": [
            {
                "rule": row.rule.text,
                "label": row.label,
                "group": row.group or None,
                "periods": [
                    {
                        "period": cell.span.label,
                        "start": cell.span.start.isoformat(),
                        "end": cell.span.end.isoformat(),
                        "status": cell.status.value,
                        "count": cell.count,
                        "meetings": list(cell.meeting_ids),
                    }
                    for cell in row.cells
                ],
            }
            for row in overview.rows
        ],
        "items": [
            {
                "due": item.due.isoformat(),
                "kind": item.kind.value,
                "overdue": item.overdue,
                "text": item.text,
            }
            for item in overview.items
        ],
    }


def _text(overview) -> str:
    lines = [
        f"{overview.year} 年度（截至 {overview.today:%Y-%m-%d}）：✓ 已完成  ✗ 缺  … 进行中  · 未到期"
    ]
    width = max((len(row.label) for row in overview.rows), default=0)
    for row in overview.rows:
        marks = " ".join(_mark(cell) for cell in row.cells)
        lines.append(f"{row.label}{'　' * (width - len(row.label))}  {marks}  （{row.rule.text}）")
    overdue = overview.overdue
    upcoming = [item for item in overview.items if not item.overdue]
    lines.append("")
    lines.append(f"已逾期 {len(overdue)} 项：" if overdue else "没有逾期事项。")
    lines += [f"  ✗ {item.due:%Y-%m-%d} [{item.kind.label}] {item.text}" for item in overdue]
    if upcoming:
        lines.append(f"即将到期 {len(upcoming)} 项：")
        lines += [f"  · {item.due:%Y-%m-%d} [{item.kind.label}] {item.text}" for item in upcoming]
    lines.append("")
    lines.append(
        "全部符合要求。"
        if overview.all_well
        else f"共缺 {overview.missing} 个期次的会议，逾期 {len(overdue)} 项。"
    )
    return "\n".join(lines)


def _mark(cell) -> str:
    from dualleader_desktop.domain.compliance import CellStatus

    mark = {CellStatus.DONE: "✓", CellStatus.MISSING: "✗", CellStatus.OPEN: "…"}.get(
        cell.status, "·"
    )
    return f"{cell.span.label}{mark}{cell.count if cell.status == CellStatus.DONE else ''}"
