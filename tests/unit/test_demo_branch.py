from datetime import date

import pytest

from dualleader_desktop.cli import main
from dualleader_desktop.demo import populate_demo
from dualleader_desktop.domain.enums import CommitteeRole, MemberCategory, MemberStatus
from dualleader_desktop.domain.validators import validate_member
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY


def test_demo_branch_is_realistic_and_valid(db):
    summary = populate_demo(db, 2025, today=TODAY)
    members = MemberService(db).list_members()
    assert 25 <= len(members) <= 45
    assert summary.members == len(members)
    groups = BranchService(db).list_groups()
    assert len(groups) == 3 and all(g.leader_name for g in groups)
    seats = BranchService(db).list_committee(on=date(2025, 12, 31))
    assert len(seats) >= 3 and CommitteeRole.SECRETARY in {s.role for s in seats}
    probationary = [m for m in members if m.category == MemberCategory.PROBATIONARY]
    assert 2 <= len(probationary) <= 4
    assert all(m.full_member_date is None for m in probationary)
    [gone] = [m for m in members if m.status == MemberStatus.TRANSFERRED_OUT]
    assert MemberService(db).transfers(gone.id)[0].other_org
    assert len({m.name for m in members}) == len(members)
    for member in members:
        assert validate_member(member.to_draft(), date(2025, 12, 31)) == {}, member.name
    assert summary.meetings >= 60 and summary.talks >= 20


def test_same_year_same_demo(tmp_path):
    names = []
    for n in (1, 2):
        db = Database.open_file(tmp_path / f"{n}.sqlite3")
        populate_demo(db, 2024, today=TODAY)
        names.append([m.name for m in MemberService(db).list_members()])
    assert names[0] == names[1]


def test_refuses_data_and_future_years(db):
    with pytest.raises(ServiceError, match="还没有到来"):
        populate_demo(db, 2027, today=TODAY)
    populate_demo(db, 2025, today=TODAY)
    before = len(MemberService(db).list_members())
    with pytest.raises(ServiceError, match="已有"):
        populate_demo(db, 2025, today=TODAY)
    assert len(MemberService(db).list_members()) == before


def test_cli_demo(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--year", "2025"]) == 0
    assert "机电工程学院教师党支部" in capsys.readouterr().out
    assert main(["--db", str(path), "demo", "--year", "2025"]) == 1
    assert "已有" in capsys.readouterr().err
