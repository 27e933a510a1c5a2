"""Validators for a member's file, with messages in Chinese that say what to do.

Each ``check_*`` returns the normalised value or raises :class:`FieldError`. ``validate_member``
collects every problem of a whole record at once, keyed by field name, so a dialog can mark all
of them inline and an importer can report all of them per row.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from dualleader_desktop.domain.enums import Gender, MemberCategory
from dualleader_desktop.domain.text import strip_control_chars

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CODES = "10X98765432"
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE_RE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
PROBATION_YEARS = 1  # 预备期: a full member joined at least a year ago
PARTY_MIN_AGE = 18
_FULLWIDTH_ALNUM = {
    code: code - 0xFEE0
    for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
}
_SPACES_RE = re.compile(r"\s+")


class FieldError(ValueError):
    """A value that cannot be accepted; ``message`` is Chinese and meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def clean_text(value: object) -> str:
    """NFKC-normalise (full-width digits and letters to ASCII), drop all whitespace and
    control characters."""
    return _SPACES_RE.sub("", unicodedata.normalize("NFKC", strip_control_chars(value)))


def id_check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CODES[total % 11]


def check_id_number(value: object, today: date | None = None) -> str:
    """An 18-digit citizen ID number (GB 11643); lower-case x is accepted and returned upper."""
    text = clean_text(value).upper()
    if not text:
        raise FieldError("请填写身份证号")
    if len(text) != 18:
        raise FieldError(f"身份证号应为 18 位，现为 {len(text)} 位，请核对")
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise FieldError("身份证号前 17 位应为数字，最后一位为数字或 X")
    try:
        birth = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise FieldError(f"身份证号中的出生日期 {text[6:14]} 不存在，请核对") from None
    if birth > (today or date.today()) or birth.year < 1900:
        raise FieldError(f"身份证号中的出生日期 {text[6:14]} 不合理，请核对")
    expected = id_check_digit(text[:17])
    if text[17] != expected:
        raise FieldError(
            f"身份证号校验位不符：按前 17 位算，最后一位应为 {expected}，请核对是否有数字抄错"
        )
    return text


def id_birth_date(id_number: str) -> date:
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def id_gender(id_number: str) -> Gender:
    return Gender.MALE if int(id_number[16]) % 2 else Gender.FEMALE


def mask_id_number(id_number: str) -> str:
    """Keep the first 6 and last 4 characters (DOMAIN.md, Privacy)."""
    if len(id_number) <= 10:
        return id_number
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def check_phone(value: object) -> str:
    """A mobile number (11 digits) or an office landline with area code; empty is allowed."""
    text = clean_text(value).replace("－", "-")
    if text.startswith("+86"):
        text = text[3:]
    if not text:
        return ""
    if MOBILE_RE.match(text.replace("-", "")):
        return text.replace("-", "")
    if LANDLINE_RE.match(text):
        return text
    raise FieldError(
        "联系电话应为 11 位手机号（如 13812345678）或带区号的固定电话（如 0791-88123456）"
    )


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass
class MemberDraft:
    """A member's file as typed or imported, before it is saved.

    ``month_only`` names the date fields known only to the month (an import of "1985.07"); the
    date holds the 1st of that month and comparisons allow the whole month. The marks of the
    入党/转正 dates are stored with the member; a birth date takes its day from the ID number.
    """

    name: str = ""
    gender: Gender | None = None
    ethnicity: str = ""
    birth_date: date | None = None
    native_place: str = ""
    id_number: str = ""
    education: str = ""
    degree: str = ""
    title: str = ""
    post: str = ""
    department: str = ""
    phone: str = ""
    party_group_id: int | None = None
    joined_date: date | None = None
    full_member_date: date | None = None
    category: MemberCategory | None = None
    remarks: str = ""
    month_only: frozenset[str] = frozenset()


# typed in the dialog or read from Excel alike: stored in one form, so search finds them
SHORT_TEXT_FIELDS = (
    "name",
    "ethnicity",
    "native_place",
    "education",
    "degree",
    "title",
    "post",
    "department",
)


def normalize_text(value: object) -> str:
    """Full-width letters and digits made ASCII, runs of spaces (U+3000 too) made one, trimmed,
    control characters dropped. Chinese punctuation stays as written: NFKC would turn "（系）"
    into "(系)"."""
    return " ".join(strip_control_chars(value).translate(_FULLWIDTH_ALNUM).split())


def validate_member(draft: MemberDraft, today: date | None = None) -> dict[str, str]:
    """Check a whole record; return {field: Chinese message}. Normalises ``draft`` in place.

    An empty result means the record may be saved. Birth date and gender are filled from the ID
    number when left empty; a month-only mark of an empty date is dropped.
    """
    today = today or date.today()
    errors: dict[str, str] = {}
    for name in SHORT_TEXT_FIELDS:
        setattr(draft, name, normalize_text(getattr(draft, name)))
    draft.remarks = strip_control_chars(draft.remarks)  # several lines: its breaks are kept
    if not draft.name:
        errors["name"] = "请填写姓名"
    elif len(draft.name) > 30:
        errors["name"] = "姓名过长（最多 30 个字）"

    id_birth: date | None = None
    try:
        draft.id_number = check_id_number(draft.id_number, today)
        id_birth = id_birth_date(draft.id_number)
    except FieldError as exc:
        errors["id_number"] = exc.message

    if id_birth is not None:
        if draft.birth_date is None:
            draft.birth_date = id_birth
        elif not _same_day(draft.birth_date, id_birth, "birth_date" in draft.month_only):
            errors["birth_date"] = (
                f"出生日期与身份证号不一致（身份证号为 {id_birth:%Y-%m-%d}），请核对"
            )
        else:
            draft.birth_date = id_birth
            draft.month_only -= {"birth_date"}
        gender = id_gender(draft.id_number)
        if draft.gender is None:
            draft.gender = gender
        elif draft.gender != gender:
            errors["gender"] = f"性别与身份证号不一致（身份证号为{gender.label}性），请核对"
    elif draft.birth_date and draft.birth_date > today:
        errors["birth_date"] = "出生日期不能晚于今天"
    if draft.gender is None and "gender" not in errors and "id_number" in errors:
        errors["gender"] = "请选择性别"

    try:
        draft.phone = check_phone(draft.phone)
    except FieldError as exc:
        errors["phone"] = exc.message

    _check_party_dates(draft, today, errors)
    draft.month_only = frozenset(key for key in draft.month_only if getattr(draft, key))
    return errors


def _same_day(value: date, expected: date, month_only: bool) -> bool:
    if month_only:
        return (value.year, value.month) == (expected.year, expected.month)
    return value == expected


def _check_party_dates(draft: MemberDraft, today: date, errors: dict[str, str]) -> None:
    joined, full = draft.joined_date, draft.full_member_date
    joined_latest = month_end(joined) if joined and "joined_date" in draft.month_only else joined
    if draft.category is None:
        errors["category"] = "请选择党员类别（正式党员或预备党员）"
    if joined is None:
        errors["joined_date"] = "请填写入党时间"
    elif joined > today:
        errors["joined_date"] = "入党时间不能晚于今天"
    elif draft.birth_date and joined_latest < add_years(draft.birth_date, PARTY_MIN_AGE):
        errors["joined_date"] = (
            f"入党时间早于年满 18 周岁（{add_years(draft.birth_date, PARTY_MIN_AGE):%Y-%m-%d}），"
            "请核对入党时间或出生日期"
        )
    if (
        draft.category == MemberCategory.FULL
        and joined is not None
        and joined_latest <= today
        and add_years(joined, PROBATION_YEARS) > today
        and "category" not in errors
        and "joined_date" not in errors
    ):
        errors["category"] = (
            "入党不满一年，预备期未满，应为预备党员；如入党时间填错，请改正入党时间"
        )
    if full is None:
        return
    full_latest = month_end(full) if "full_member_date" in draft.month_only else full
    if draft.category == MemberCategory.PROBATIONARY:
        errors["full_member_date"] = (
            "预备党员尚未转正，转正时间应留空；已转正的请将类别改为正式党员"
        )
    elif full > today:
        errors["full_member_date"] = "转正时间不能晚于今天"
    elif joined is not None and full_latest <= joined:
        errors["full_member_date"] = "转正时间应晚于入党时间"


@dataclass
class TransferInDraft:
    """A member's organizational relationship coming in from another organization (组织关系
    转入): the day it arrived and where from. The roll of the branch counts them from that day."""

    transfer_date: date | None = None
    other_org: str = ""
    note: str = ""


def validate_transfer_in(
    draft: TransferInDraft, joined_date: date | None, today: date | None = None
) -> dict[str, str]:
    """Check a transfer in; return {field: Chinese message}. Normalises ``draft`` in place.

    ``joined_date`` is the member's 入党时间 (None while it is missing or invalid: then the
    order of the two dates is not checked)."""
    today = today or date.today()
    errors: dict[str, str] = {}
    draft.other_org = normalize_text(draft.other_org)
    draft.note = strip_control_chars(draft.note).strip()
    if not draft.other_org:
        errors["other_org"] = "请填写原所在党组织"
    elif len(draft.other_org) > 100:
        errors["other_org"] = "原所在党组织的名称过长（最多 100 个字）"
    if draft.transfer_date is None:
        errors["transfer_date"] = "请填写转入日期"
    elif draft.transfer_date > today:
        errors["transfer_date"] = "转入日期不能晚于今天"
    elif joined_date is not None and draft.transfer_date < joined_date:
        errors["transfer_date"] = f"转入日期不能早于入党时间（{joined_date:%Y-%m-%d}）"
    return errors


def build_id_number(region: str, birth: date, sequence: int, gender: Gender) -> str:
    """Compose a valid ID number (demo data and tests): 6-digit region, birth, 3-digit sequence.

    The sequence's last digit is odd for men and even for women, as GB 11643 prescribes.
    """
    sequence = sequence % 1000
    if (sequence % 2 == 1) != (gender == Gender.MALE):
        sequence = (sequence + 1) % 1000
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + id_check_digit(first17)


def mask_phone(phone: str) -> str:
    """Keep the first 3 and last 4 digits of a mobile number (DOMAIN.md, Privacy)."""
    if len(phone) < 8:
        return phone
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
