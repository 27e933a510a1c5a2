"""``dualleader check`` on the demo year with a Q2 党员大会 and a group's June meeting deleted
and a probation ending in 20 days, on both engines: the grid, the items and the exit code."""

import json
from datetime import date

from sqlalchemy import text

from dualleader_desktop.cli import main
from dualleader_desktop.demo import populate_demo
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY

ON = "2025-12-10"  # the day checked: a probation admitted 2024-12-31 ends in 20 days


def test_check_finds_what_is_missing_and_due(database_url, tmp_path, capsys):
    db = Database.open_url(database_url, attachments=tmp_path / "files")
    populate_demo(db, 2025, today=TODAY)
    services = BranchServices(db)
    meetings = services.meetings
    assemblies = meetings.list_meetings(year=2025, kind=MeetingKind.BRANCH_ASSEMBLY)
    for meeting in assemblies:
        if 4 <= meeting.meeting_date.month <= 6:
            meetings.delete(meeting.id)
    june = [
        m
        for m in meetings.list_meetings(year=2025, kind=MeetingKind.GROUP)
        if m.meeting_date.month == 6
    ]
    group = june[0].party_group_name
    for meeting in june:
        if meeting.party_group_name == group:
            meetings.delete(meeting.id)
    member = services.members.list_members()[3]
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE members SET category = 'probationary', joined_date = :day, "
                "full_member_date = NULL WHERE id = :id"
            ),
            {"day": date(2024, 12, 31), "id": member.id},
        )
    owed = {
        line.name: len(line.missing)
        for line in services.talks.coverage(2025, today=date.fromisoformat(ON))
    }
    db.dispose()
    where = ["--database-url", database_url, "--attachments-dir", str(tmp_path / "files")]

    assert main(["check", *where, "--year", "2025", "--date", ON, "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    rows = {row["label"]: row for row in found["rules"]}
    assert [p["status"] for p in rows["支部党员大会"]["periods"]] == [
        "done",
        "missing",
        "done",
        "done",  # held that very day, 10 December
    ]
    grouped = rows[f"党小组会（{group}）"]["periods"]
    assert [p["period"] for p in grouped if p["status"] != "done"] == ["6月", "12月"]
    overdue = [item["text"] for item in found["items"] if item["overdue"]]
    assert overdue == [  # both due by 30 June, in the rules' order
        "第2季度支部党员大会还差 1 次（支部党员大会：每季度至少 1 次）",
        f"6月党小组会（{group}）还差 1 次（党小组会：每个党小组每月至少 1 次）",
    ]
    upcoming = {item["text"]: item["due"] for item in found["items"] if not item["overdue"]}
    probation = f"{member.name}的预备期将于 2025-12-30 期满：应召开支部党员大会讨论转正"
    assert upcoming[probation] == "2025-12-30"
    talks = {t for t in upcoming if "未谈心谈话" in t}
    assert talks == {f"{name}还有 {n} 名党员本年度未谈心谈话" for name, n in owed.items() if n}

    assert main(["check", *where, "--year", "2025", "--date", ON]) == 1
    out = capsys.readouterr().out
    assert "已逾期 2 项：" in out and "共缺 2 个期次的会议，逾期 2 项。" in out
    assert "第2季度✗" in out and "6月✗" in out


def test_a_year_kept_in_full_passes_and_a_bad_date_is_refused(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    populate_demo(Database.open_file(path), 2025, today=TODAY)
    assert main(["check", "--db", str(path), "--year", "2025", "--date", "2025-12-20"]) == 0
    assert "没有逾期事项。" in capsys.readouterr().out
    assert main(["check", "--db", str(path), "--year", "2025", "--date", "2025-13-01"]) == 1
    assert "请写成 YYYY-MM-DD" in capsys.readouterr().err
