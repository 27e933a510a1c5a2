from datetime import date

import pytest

from dualleader_desktop.domain.enums import Gender, MemberCategory
from dualleader_desktop.domain.validators import (
    FieldError,
    build_id_number,
    check_id_number,
    check_phone,
    id_birth_date,
    id_gender,
    mask_id_number,
    validate_member,
)
from tests.conftest import TODAY, make_draft

# a published sample number with check digit X (GB 11643 appendix style)
SAMPLE_X = "11010519491231002X"


def test_known_id_number_with_x_check_digit():
    assert check_id_number(SAMPLE_X, TODAY) == SAMPLE_X
    assert id_birth_date(SAMPLE_X) == date(1949, 12, 31)
    assert id_gender(SAMPLE_X) == Gender.FEMALE


def test_lower_case_x_full_width_digits_and_spaces_are_normalised():
    full_width = "１１０１０５ 1949 1231 002x"
    assert check_id_number(full_width, TODAY) == SAMPLE_X


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "请填写"),
        ("11010519491231002", "18 位"),
        ("110105194912310021", "校验位"),
        ("11010519491331002X", "不存在"),
        ("1101051949123100AX", "数字"),
        ("110105203012310021", "不合理"),
    ],
)
def test_bad_id_numbers_say_why(value, fragment):
    with pytest.raises(FieldError) as info:
        check_id_number(value, TODAY)
    assert fragment in info.value.message


def test_build_id_number_round_trips_birth_and_gender():
    number = build_id_number("360102", date(1990, 2, 28), 35, Gender.FEMALE)
    assert check_id_number(number, TODAY) == number
    assert id_birth_date(number) == date(1990, 2, 28)
    assert id_gender(number) == Gender.FEMALE


def test_mask_keeps_first_six_and_last_four():
    assert mask_id_number(SAMPLE_X) == "110105********002X"


@pytest.mark.parametrize(
    "phone", ["13812345678", "138 1234 5678", "+8613812345678", "0791-88123456"]
)
def test_phones_accepted(phone):
    assert check_phone(phone)


@pytest.mark.parametrize("phone", ["1381234567", "23812345678", "12345", "abc"])
def test_phones_refused(phone):
    with pytest.raises(FieldError):
        check_phone(phone)


def test_valid_draft_fills_birth_and_gender_from_id():
    draft = make_draft(birth_date=date(1985, 7, 3))
    draft.birth_date = None
    draft.gender = None
    assert validate_member(draft, TODAY) == {}
    assert draft.birth_date == date(1985, 7, 3)
    assert draft.gender == Gender.MALE


def test_birth_date_and_gender_must_agree_with_id():
    draft = make_draft()
    draft.birth_date = date(1985, 7, 4)
    draft.gender = Gender.FEMALE
    errors = validate_member(draft, TODAY)
    assert "1985-07-03" in errors["birth_date"]
    assert "男性" in errors["gender"]


def test_joined_before_age_18_and_in_future_refused():
    young = make_draft(joined_date=date(2003, 7, 2), full_member_date=None)
    assert "18 周岁" in validate_member(young, TODAY)["joined_date"]
    future = make_draft(joined_date=date(2027, 1, 1), full_member_date=None)
    assert "晚于今天" in validate_member(future, TODAY)["joined_date"]


def test_joined_on_18th_birthday_accepted():
    draft = make_draft(joined_date=date(2003, 7, 3), full_member_date=date(2004, 7, 3))
    assert validate_member(draft, TODAY) == {}


def test_month_only_join_date_allows_the_whole_month():
    draft = make_draft(joined_date=date(2003, 7, 1), full_member_date=None)
    draft.month_only = frozenset({"joined_date"})
    assert "joined_date" not in validate_member(draft, TODAY)


def test_month_only_marks_after_validation():
    # a birth month agreeing with the ID number takes the ID number's day: no longer month-only
    draft = make_draft(birth_date=date(1985, 7, 3), full_member_date=None)
    draft.birth_date = date(1985, 7, 1)
    draft.month_only = frozenset({"birth_date", "joined_date", "full_member_date"})
    assert validate_member(draft, TODAY) == {}
    assert draft.birth_date == date(1985, 7, 3)
    assert draft.month_only == {"joined_date"}  # no mark for the empty 转正时间


def test_full_membership_after_joining_and_not_for_probationary():
    early = make_draft(full_member_date=date(2008, 6, 20))
    assert "晚于入党时间" in validate_member(early, TODAY)["full_member_date"]
    probationary = make_draft(category=MemberCategory.PROBATIONARY)
    assert "预备党员" in validate_member(probationary, TODAY)["full_member_date"]


def test_all_problems_reported_at_once():
    draft = make_draft(name="", phone="123", category=None)
    draft.id_number = "123"
    errors = validate_member(draft, TODAY)
    assert {"name", "phone", "category", "id_number"} <= errors.keys()


def test_a_full_member_joined_less_than_a_year_ago_is_refused():
    recent = make_draft(joined_date=date(2026, 3, 1), full_member_date=None)
    assert "预备期未满" in validate_member(recent, today=TODAY)["category"]
    year_ago = make_draft(joined_date=date(2025, 11, 24), full_member_date=None)
    assert "category" not in validate_member(year_ago, today=TODAY)
    probationary = make_draft(
        joined_date=date(2026, 3, 1), full_member_date=None, category=MemberCategory.PROBATIONARY
    )
    assert validate_member(probationary, today=TODAY) == {}


def test_a_transfer_in_needs_its_day_and_organization():
    from dualleader_desktop.domain.validators import TransferInDraft, validate_transfer_in

    joined = date(2008, 6, 20)
    assert validate_transfer_in(TransferInDraft(), joined, TODAY) == {
        "transfer_date": "请填写转入日期",
        "other_org": "请填写原所在党组织",
    }
    draft = TransferInDraft(joined, "  某高校　机械学院党委 ", "介绍信\x1b")
    assert validate_transfer_in(draft, joined, TODAY) == {}  # the day of joining will do
    assert (draft.other_org, draft.note) == ("某高校 机械学院党委", "介绍信")
    late = TransferInDraft(date(2026, 11, 25), "某高校党委")
    assert validate_transfer_in(late, joined, TODAY) == {"transfer_date": "转入日期不能晚于今天"}
    # without a valid 入党时间 the order of the two is not checked
    assert validate_transfer_in(TransferInDraft(date(2000, 1, 1), "某党委"), None, TODAY) == {}
