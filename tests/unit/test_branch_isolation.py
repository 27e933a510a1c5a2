"""Two branches in one database (an organization department's) never see each other's records.

Both branches are made and filled through the services. Each has members (the same names and
the same group name as the other), a branch meeting with an attachment (the same file), a talk
and archive settings; each service built for one branch is asked about the other's records.
ID numbers are unique in the whole database, not per branch: a person belongs to one branch at
a time, and moving between two branches of one database is a transfer of the one file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dualleader_desktop.domain.archive import Retention
from dualleader_desktop.domain.meeting_records import AgendaDraft
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.services.branch import BranchInfo, BranchService, list_branches
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import NotFoundError, RecordValidationError
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.services.history_service import HistoryService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.scope import SeveralBranchesError
from dualleader_desktop.services.search import SearchService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.search_index import SearchKind
from tests.conftest import TODAY, make_draft

YEAR = 2026
SHEET = b"%PDF-1.4\n% the same sign-in sheet form, kept by both branches\n"


class Branch:
    """One branch's services, and what was written through them."""

    def __init__(self, db, branch_id: int, tmp_path, label: str, sequence: int) -> None:
        self.id = branch_id
        self.members = MemberService(db, branch_id)
        self.branches = BranchService(db, branch_id)
        self.meetings = MeetingService(db, branch_id)
        self.talks = TalkService(db, branch_id)
        self.search = SearchService(db, branch_id)
        self.history = HistoryService(db, branch_id)
        self.archive = BranchServices(db, branch_id).archive
        self.group = self.branches.save_group("第一党小组", None)
        self.people = [
            self.members.add(
                make_draft(name, sequence=sequence + 2 * n, party_group_id=self.group),
                today=TODAY,
            ).id
            for n, name in enumerate(["王伟", "李娜", f"{label}专属"])
        ]
        sheet = tmp_path / f"{label}-签到表.pdf"
        sheet.write_bytes(SHEET)
        draft = self.meetings.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(YEAR, 3, 5))
        draft.theme = f"学习党章专题会议（{label}）"
        draft.minutes = "集中学习党章，交流学习体会。"
        draft.agenda = [AgendaDraft("学习党章")]
        draft.new_files = [sheet]
        self.meeting = self.meetings.save(draft).id
        self.talk = self.talks.save(
            TalkDraft(
                talk_date=date(YEAR, 4, 2),
                topic=f"学习党章谈心（{label}）",
                content="交流学习党章的体会。",
                talker_ids=[self.people[0]],
                talkee_ids=[self.people[1]],
            ),
            today=TODAY,
        ).id
        settings = self.archive.settings()
        self.archive.save_settings(replace(settings, fonds=f"Z{sequence}", fonds_name=label))


@pytest.fixture
def two(db, tmp_path):
    first_id = BranchService(db).save_branch(BranchInfo("机电工程学院教工党支部"), today=TODAY)
    assert first_id is not None
    [first_entry] = list_branches(db)
    second_id = BranchService(db, first_entry.id).create_branch(
        BranchInfo("信息工程学院教工党支部"), today=TODAY
    )
    first = Branch(db, first_entry.id, tmp_path, "机电", 11)
    second = Branch(db, second_id, tmp_path, "信息", 31)
    return first, second


def test_two_branches_are_made_with_the_services(db, two):
    first, second = two
    assert [(b.id, b.name) for b in list_branches(db)] == [
        (first.id, "机电工程学院教工党支部"),
        (second.id, "信息工程学院教工党支部"),
    ]
    assert first.branches.get_branch().name == "机电工程学院教工党支部"
    assert second.branches.get_branch().name == "信息工程学院教工党支部"
    # a service not told which branch refuses to guess once there are two
    with pytest.raises(SeveralBranchesError):
        MemberService(db).list_members()


def test_neither_sees_the_others_members_or_groups(two):
    first, second = two
    for mine, other in ((first, second), (second, first)):
        assert {m.id for m in mine.members.list_members()} == set(mine.people)
        assert [g.id for g in mine.branches.list_groups()] == [mine.group]
        for member_id in other.people:
            with pytest.raises(NotFoundError):
                mine.members.get(member_id)
            assert mine.members.transfers(member_id) == []
        # the same group name in both branches, but not another branch's group on a file
        with pytest.raises(RecordValidationError, match="党小组"):
            mine.members.add(
                make_draft(
                    "赵六", sequence=71 if mine is first else 73, party_group_id=other.group
                ),
                today=TODAY,
            )


def test_an_id_number_is_unique_in_the_whole_database(two):
    first, second = two
    taken = first.members.get(first.people[0]).id_number
    with pytest.raises(RecordValidationError) as refused:
        second.members.add(make_draft("王伟", id_number=taken), today=TODAY)
    assert "另一个支部" in refused.value.errors["id_number"]


def test_a_roster_naming_another_branchs_member_is_refused_at_that_row(two, tmp_path):
    from dualleader_desktop.importers.roster_plan import RowAction

    first, second = two
    roster = tmp_path / "first.xlsx"
    BranchServices(first.members.db, first.id).roster.export_roster(roster, include_left=True)
    plan = BranchServices(second.members.db, second.id).roster.plan_import(roster, today=TODAY)
    assert [row.action for row in plan.rows] == [RowAction.INVALID] * len(first.people)
    assert all("另一个支部" in row.errors[0].message for row in plan.rows)


def test_neither_sees_the_others_meetings_talks_or_attachments(two):
    first, second = two
    for mine, other in ((first, second), (second, first)):
        assert [m.id for m in mine.meetings.list_meetings()] == [mine.meeting]
        assert [t.id for t in mine.talks.list_talks()] == [mine.talk]
        assert mine.meetings.years() == mine.talks.years() == [YEAR]
        with pytest.raises(NotFoundError):
            mine.meetings.get(other.meeting)
        with pytest.raises(NotFoundError):
            mine.talks.get(other.talk)
        mine.meetings.delete(other.meeting)  # another branch's record is as good as absent
        mine.talks.delete(other.talk)
        record = mine.meetings.get(mine.meeting)
        # who is expected: this branch's roll only
        assert {line.member_id for line in record.draft.attendance} == set(mine.people)
        [attachment] = record.draft.attachments
        assert attachment.path.read_bytes() == SHEET
    # the deletes above did nothing: both records of both branches are there
    assert first.meetings.get(first.meeting) and second.talks.get(second.talk)
    # one file for both branches, each meeting keeps its own link to it
    [a] = first.meetings.get(first.meeting).draft.attachments
    [b] = second.meetings.get(second.meeting).draft.attachments
    assert a.path == b.path and a.link_id != b.link_id


def test_a_record_cannot_name_another_branchs_members_or_group(two):
    first, second = two
    draft = first.meetings.get(first.meeting).draft
    draft.attendance[0] = replace(draft.attendance[0], member_id=second.people[0])
    with pytest.raises(RecordValidationError, match="不属于本支部"):
        first.meetings.save(draft, meeting_id=first.meeting, expected_version=1)
    draft = first.meetings.new_draft(MeetingKind.GROUP, date(YEAR, 5, 6), second.group)
    draft.theme = "党小组会"
    with pytest.raises(RecordValidationError, match="党小组不属于本支部"):
        first.meetings.save(draft)
    talk = first.talks.get(first.talk).draft
    talk.talkee_ids = [second.people[1]]
    with pytest.raises(RecordValidationError, match="不属于本支部"):
        first.talks.save(talk, talk_id=first.talk, expected_version=1, today=TODAY)


def test_search_finds_only_the_branchs_own_records(two):
    first, second = two
    for mine, other in ((first, second), (second, first)):
        for query in ("学习党章", "党章", "王伟", "专属", "章"):
            hits = {(hit.kind, hit.record_id) for hit in mine.search.search(query)}
            assert hits, query
            theirs = {(SearchKind.MEMBER, m) for m in other.people} | {
                (SearchKind.MEETING, other.meeting),
                (SearchKind.TALK, other.talk),
            }
            assert not hits & theirs, query
        # ID numbers and phones are matched outside the text index: the branch still holds
        number = other.members.get(other.people[0]).id_number
        assert mine.search.search(number) == []


def test_history_shows_only_the_branchs_own_entries(two):
    first, second = two
    second.meetings.delete(second.meeting)
    for mine, other in ((first, second), (second, first)):
        assert mine.history.history(EntityKind.MEMBER, mine.people[0])
        assert mine.history.history(EntityKind.MEMBER, other.people[0]) == []
        assert mine.history.history(EntityKind.MEETING, other.meeting) == []
        assert mine.history.history(EntityKind.TALK, other.talk) == []
    assert first.history.deleted(EntityKind.MEETING) == []
    [deleted] = second.history.deleted(EntityKind.MEETING)
    with pytest.raises(NotFoundError):
        first.history.restore(EntityKind.MEETING, deleted.id)
    second.history.restore(EntityKind.MEETING, deleted.id)
    assert [m.id for m in second.meetings.list_meetings()] == [second.meeting]
    assert [m.id for m in first.meetings.list_meetings()] == [first.meeting]


def test_archive_settings_and_numbers_are_each_branchs_own(two):
    first, second = two
    assert (first.archive.settings().fonds, second.archive.settings().fonds) == ("Z11", "Z31")
    for mine in (first, second):
        items = mine.archive.plan(YEAR)
        meetings = [i for i in items if i.kind.value == MeetingKind.BRANCH_ASSEMBLY.value]
        talks = [i for i in items if i.kind.value == "talk"]
        assert [i.record_id for i in meetings] == [mine.meeting]
        assert [i.record_id for i in talks] == [mine.talk]
        # 件号 runs from 0001 in each branch's year and retention class
        assert meetings[0].retention == Retention.PERMANENT and meetings[0].item == 1
        assert meetings[0].archival_code(mine.archive.settings().fonds, YEAR).endswith("-0001")
