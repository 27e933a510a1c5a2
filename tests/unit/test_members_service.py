from datetime import date

import pytest
from sqlalchemy import select

from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.domain.enums import MemberCategory, MemberStatus, TransferDirection
from dualleader_desktop.domain.member_search import member_matches
from dualleader_desktop.domain.validators import TransferInDraft
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import RecordValidationError, StaleRecordError
from dualleader_desktop.services.members import MemberService, search_condition
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.storage.models import Member
from tests.conftest import TODAY, make_draft


@pytest.fixture
def members(db):
    return MemberService(db)


def found(members: MemberService, text: str) -> list[str]:
    """The names a search for ``text`` finds among the stored members, as the roster's search
    box finds them (domain/member_search.py); the global search's SQL condition finds the same."""
    names = [m.name for m in members.list_members() if member_matches(m, text)]
    with members.db.connect() as conn:
        in_sql = conn.scalars(select(Member.name).where(search_condition(text))).all()
    assert sorted(in_sql) == sorted(names), text
    return names


def test_add_and_read_back(members):
    record = members.add(make_draft("李娜", sequence=12, gender=None), today=TODAY)
    again = members.get(record.id)
    assert again.name == "李娜"
    assert again.gender.label == "女"
    assert again.status == MemberStatus.ACTIVE
    assert again.version == 1


def test_a_failed_read_is_worded_for_the_user(db, members):
    """The roster is read through Database.connect(): a driver error there comes out in words,
    as a failed save's does, not as a traceback."""
    members.add(make_draft(), today=TODAY)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE members RENAME TO members_elsewhere")
    with pytest.raises(DatabaseError, match="数据库操作失败") as failed:
        members.list_members()
    # SQLite: "no such table: members"; PostgreSQL: 'relation "members" does not exist'
    assert "members" in str(failed.value.__cause__)


def test_invalid_draft_saves_nothing(members):
    draft = make_draft()
    draft.id_number = "360102198507030000"
    with pytest.raises(RecordValidationError) as info:
        members.add(draft, today=TODAY)
    assert "校验位" in info.value.errors["id_number"]
    assert members.list_members() == []


def test_duplicate_id_number_refused_with_owner_name(members):
    members.add(make_draft("王伟"), today=TODAY)
    with pytest.raises(RecordValidationError) as info:
        members.add(make_draft("王伟二"), today=TODAY)
    assert "王伟" in info.value.errors["id_number"]


def test_edit_and_stale_edit(members):
    record = members.add(make_draft(), today=TODAY)
    draft = record.to_draft()
    draft.title = "副教授"
    edited = members.update(record.id, draft, expected_version=record.version, today=TODAY)
    assert edited.title == "副教授"
    assert edited.version == record.version + 1
    with pytest.raises(StaleRecordError):
        members.update(record.id, draft, expected_version=record.version, today=TODAY)


def test_transfer_out_keeps_the_member_and_records_the_transfer(members):
    record = members.add(make_draft(), today=TODAY)
    members.change_status(
        record.id,
        MemberStatus.TRANSFERRED_OUT,
        date(2026, 9, 1),
        other_org="某大学党委",
        today=TODAY,
    )
    gone = members.get(record.id)
    assert gone.status == MemberStatus.TRANSFERRED_OUT
    assert gone.status_date == date(2026, 9, 1)
    [transfer] = members.transfers(record.id)
    assert transfer.direction == TransferDirection.OUT
    assert transfer.other_org == "某大学党委"
    assert members.list_members(status=MemberStatus.ACTIVE) == []
    assert [m.name for m in members.list_members()] == ["王伟"]


def test_status_change_checks(members):
    record = members.add(make_draft(), today=TODAY)
    with pytest.raises(RecordValidationError):
        members.change_status(record.id, MemberStatus.DECEASED, date(2027, 1, 1), today=TODAY)
    with pytest.raises(RecordValidationError):
        members.change_status(record.id, MemberStatus.TRANSFERRED_OUT, TODAY, today=TODAY)


def test_filters_and_search(db, members):
    groups = BranchService(db)
    first = groups.save_group("第一党小组", None)
    members.add(
        make_draft("王伟", sequence=11, department="机电工程学院", party_group_id=first),
        today=TODAY,
    )
    members.add(
        make_draft(
            "张敏",
            sequence=22,
            gender=None,
            birth_date=date(1990, 3, 8),
            department="信息工程学院",
            phone="13900001111",
            joined_date=date(2026, 6, 1),
            full_member_date=None,
            category=MemberCategory.PROBATIONARY,
        ),
        today=TODAY,
    )
    assert [m.name for m in members.list_members(party_group_id=first)] == ["王伟"]
    assert [m.name for m in members.list_members(category=MemberCategory.PROBATIONARY)] == ["张敏"]
    assert found(members, "信息") == ["张敏"]
    assert found(members, "1390000") == ["张敏"]
    assert found(members, "王") == ["王伟"]
    assert found(members, "%") == []
    [zhang] = members.list_members(category=MemberCategory.PROBATIONARY)
    assert found(members, zhang.id_number[-6:].lower()) == ["张敏"]
    assert found(members, "王伟 机电") == []  # no match spans two fields
    assert members.list_members(party_group_id=first)[0].party_group_name == "第一党小组"


def test_search_normalises_full_width_text_and_ignores_ascii_case(members):
    members.add(make_draft("王伟", department="iOS开发教研室"), today=TODAY)
    members.add(make_draft("李娜", sequence=22, phone="13900001111"), today=TODAY)
    for query in ("ios", "ＩＯＳ", "ｉｏｓ开发", "１３８１２", "　iOS\u3000"):
        assert found(members, query) == ["王伟"], query


def test_full_width_text_typed_in_is_stored_half_width_and_found(members):
    record = members.add(make_draft("王伟", department="ＩＯＳ开发　教研室 "), today=TODAY)
    assert record.department == "IOS开发 教研室"
    assert found(members, "ios开发") == ["王伟"]


def test_chinese_punctuation_is_stored_as_written_and_found(members):
    record = members.add(make_draft("王伟", department="机电工程学院（系），实训中心"), today=TODAY)
    assert record.department == "机电工程学院（系），实训中心"
    assert found(members, "学院（系）") == ["王伟"]


def test_transfer_in_is_recorded_with_the_sending_organization(members):
    record = members.add(make_draft(), today=TODAY)
    with pytest.raises(RecordValidationError):
        members.record_transfer_in(record.id, date(2024, 9, 1), "  ")
    transfer = members.record_transfer_in(record.id, date(2024, 9, 1), "某高校机械学院党委", "调入")
    assert transfer.direction == TransferDirection.IN
    assert [t.other_org for t in members.transfers(record.id)] == ["某高校机械学院党委"]


def test_a_member_added_by_transfer_in_is_on_the_roll_from_that_day(db, members):

    members.add(make_draft("王伟", sequence=11), today=TODAY)
    record = members.add(
        make_draft("赵敏", sequence=12, gender=None),
        today=TODAY,
        transfer_in=TransferInDraft(date(2025, 6, 1), "南昌大学　教工党支部 ", "介绍信"),
    )
    [transfer] = members.transfers(record.id)
    assert (transfer.direction, transfer.transfer_date, transfer.other_org) == (
        TransferDirection.IN,
        date(2025, 6, 1),
        "南昌大学 教工党支部",  # stored as other short text is
    )
    assert [m.name for m in members.on_roll(date(2025, 5, 31))] == ["王伟"]
    assert sorted(m.name for m in members.on_roll(date(2025, 6, 1))) == ["王伟", "赵敏"]
    archive = BranchServices(db).archive
    assert "赵敏" not in archive.document(RecordKind.ROSTER, 0, on=date(2024, 12, 31)).text()
    assert "赵敏" in archive.document(RecordKind.ROSTER, 0, on=date(2025, 12, 31)).text()


def test_a_transfer_in_with_a_bad_field_saves_nothing_and_says_every_problem(members):

    draft = make_draft("赵敏", phone="12345")
    with pytest.raises(RecordValidationError) as info:
        members.add(draft, today=TODAY, transfer_in=TransferInDraft(date(2008, 1, 1), " "))
    assert set(info.value.errors) == {"phone", "transfer_date", "other_org"}
    assert "不能早于入党时间（2008-06-20）" in info.value.errors["transfer_date"]
    assert members.list_members() == []


def test_a_transfer_in_of_a_member_on_the_file_is_checked(members):
    record = members.add(make_draft(), today=TODAY)
    for day, fragment in (
        (None, "请填写转入日期"),
        (date(2026, 11, 25), "不能晚于今天"),
        (date(2008, 6, 19), "不能早于入党时间"),
    ):
        with pytest.raises(RecordValidationError) as info:
            members.record_transfer_in(record.id, day, "某高校党委", today=TODAY)
        assert fragment in info.value.errors["transfer_date"], day
    members.record_transfer_in(record.id, TODAY, "某高校党委", today=TODAY)
    members.change_status(
        record.id, MemberStatus.TRANSFERRED_OUT, TODAY, other_org="某校", today=TODAY
    )
    with pytest.raises(RecordValidationError) as info:
        members.record_transfer_in(record.id, TODAY, "某高校党委", today=TODAY)
    assert "恢复在册" in info.value.errors["status"]
    assert [t.direction for t in members.transfers(record.id)] == [
        TransferDirection.IN,
        TransferDirection.OUT,
    ]
