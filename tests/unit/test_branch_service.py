"""The branch service's rules: committee warnings and deleting a Party group."""

from datetime import date

import pytest

from dualleader_desktop.domain.enums import CommitteeRole, MemberStatus
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.members import MemberService
from tests.conftest import TODAY, make_draft


def test_two_secretaries_at_once_are_warned_about(db):
    members, branch = MemberService(db), BranchService(db)
    first = members.add(make_draft("王伟"), today=TODAY)
    second = members.add(make_draft("李娜", sequence=22), today=TODAY)
    branch.save_seat(first.id, CommitteeRole.SECRETARY, date(2024, 1, 1), date(2027, 1, 1))
    assert not any("现任书记" in w for w in branch.warnings(today=TODAY))
    branch.save_seat(second.id, CommitteeRole.SECRETARY, date(2026, 9, 1), date(2029, 9, 1))
    [note] = [w for w in branch.warnings(today=TODAY) if "现任书记" in w]
    assert "王伟" in note and "李娜" in note


def test_a_group_is_deleted_only_when_no_member_file_names_it(db):
    members, branch = MemberService(db), BranchService(db)
    group = branch.save_group("第一党小组", None)
    member = members.add(make_draft("王伟", party_group_id=group), today=TODAY)
    with pytest.raises(ServiceError, match="还有 1 名在册党员"):
        branch.delete_group(group)
    members.change_status(
        member.id, MemberStatus.TRANSFERRED_OUT, date(2026, 9, 1), other_org="某校", today=TODAY
    )
    with pytest.raises(ServiceError, match="已转出"):
        branch.delete_group(group)
    assert [g.name for g in branch.list_groups()] == ["第一党小组"]
    empty = branch.save_group("第二党小组", None)
    branch.delete_group(empty)
    assert [g.name for g in branch.list_groups()] == ["第一党小组"]
