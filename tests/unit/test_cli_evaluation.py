"""``dualleader evaluation``: the year's tally and what the rules object to, on both engines."""

import json
from datetime import date

from dualleader_desktop.cli import main
from dualleader_desktop.domain.evaluation import Ballots, Grade
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY, make_draft


def test_the_tally_prints_and_an_unexplained_warning_fails_the_check(
    database_url, tmp_path, capsys
):
    db = Database.open_url(database_url, attachments=tmp_path / "files")
    for n, name in enumerate(["王伟", "李娜", "张敏"]):
        MemberService(db).add(make_draft(name, sequence=10 + 2 * n), today=TODAY)
    services = BranchServices(db)
    draft = services.evaluations.new_draft(2025, today=TODAY)
    draft.ballots_cast = 3
    for line in draft.lines:
        wang = line.name == "王伟"
        line.ballots = Ballots(3, 0, 0, 0) if wang else Ballots(0, 3, 0, 0)
        line.final = Grade.EXCELLENT if wang else Grade.QUALIFIED
    record = services.evaluations.save(draft)
    db.dispose()
    where = ["--database-url", database_url, "--attachments-dir", str(tmp_path / "files")]

    assert main(["evaluation", *where, "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "2025 年度民主评议党员：参评 3 人，投票 3 人" in out
    assert "王伟\t3\t0\t0\t0\t100.0%\t—\t优秀" in out
    assert "优秀 1 人，合格 2 人" in out and "优秀最多 1 人（1/3）" in out

    db = Database.open_url(database_url, attachments=tmp_path / "files")
    evaluations = BranchServices(db).evaluations
    draft = record.draft
    draft.line(
        next(line.member_id for line in draft.lines if line.name == "李娜")
    ).final = Grade.EXCELLENT
    evaluations.save(draft, evaluation_id=record.id, expected_version=record.version)
    db.dispose()
    assert main(["evaluation", *where, "--year", "2025", "--json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["excellent_cap"] == 1
    assert payload["distribution"] == {
        "excellent": 2,
        "qualified": 1,
        "basic": 0,
        "unqualified": 0,
    }
    assert any("评为优秀 2 人" in w for w in payload["warnings"])
    assert {m["name"]: m["ballots"]["qualified"] for m in payload["members"]}["李娜"] == 3

    assert main(["evaluation", *where, "--year", str(date(2024, 1, 1).year)]) == 1
    assert "2024 年还没有民主评议记录" in capsys.readouterr().err
