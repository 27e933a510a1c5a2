"""The department's grid: every branch of one database against its rules, read together, on
both engines; ``dualleader check --all-branches`` prints it and fails while a branch misses."""

import json
from datetime import date

from dualleader_desktop.cli import main
from dualleader_desktop.demo import populate_demo
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.branch import BranchInfo, BranchService, list_branches
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.department import department_grid
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY

ON = date(2025, 12, 20)
ASSEMBLY = "支部党员大会：每季度至少 1 次"
GROUP = "党小组会：每个党小组每月至少 1 次"
LECTURE = "党课：每季度至少 1 次"
THEME_DAY = "主题党日：每月至少 1 次"
COMMITTEE = "支部委员会会议：每月至少 1 次"


def two_branches(db):
    """The demo branch without its second-quarter 党员大会, and a new branch with one group,
    no committee and no meetings."""
    populate_demo(db, 2025, today=TODAY)
    meetings = BranchServices(db).meetings
    for meeting in meetings.list_meetings(year=2025, kind=MeetingKind.BRANCH_ASSEMBLY):
        if 4 <= meeting.meeting_date.month <= 6:
            meetings.delete(meeting.id)
    [demo] = list_branches(db)
    new = BranchService(db, demo.id).create_branch(
        BranchInfo("信息工程学院教工党支部"), today=TODAY
    )
    BranchService(db, new).save_group("第一党小组", None)
    return demo.name


def test_each_branch_and_the_department_total(database_url, tmp_path, capsys):
    db = Database.open_url(database_url, attachments=tmp_path / "files")
    demo = two_branches(db)
    grid = department_grid(db, 2025, ON)
    first, second = grid.lines
    assert (first.name, second.name) == (demo, "信息工程学院教工党支部")
    assert {rule: n for rule, n in first.missing.items() if n} == {ASSEMBLY: 1}
    assert first.held[COMMITTEE] == 12 and first.held[ASSEMBLY] == 3
    # the new branch: every period gone by without its meeting; no committee, no committee rule
    assert {rule: n for rule, n in second.missing.items() if n} == {
        ASSEMBLY: 3,
        GROUP: 11,
        LECTURE: 3,
        THEME_DAY: 11,
    }
    assert COMMITTEE not in second.missing
    assert (grid.total(ASSEMBLY), grid.total(GROUP), grid.branches_well) == (4, 11, 0)
    db.dispose()
    where = ["--database-url", database_url, "--attachments-dir", str(tmp_path / "files")]
    args = ["check", *where, "--year", "2025", "--date", ON.isoformat(), "--all-branches"]
    assert main([*args, "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert found["missing"][ASSEMBLY] == 4 and found["branches_well"] == 0
    assert main(args) == 1
    out = capsys.readouterr().out
    assert f"  {demo}：缺 支部党员大会 1 期" in out
    assert "0/2 个支部全部符合要求。" in out
