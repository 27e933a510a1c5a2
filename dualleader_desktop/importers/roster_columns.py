"""The roster's columns: the header each field is exported under and the names it is known by.

Field keys are MemberDraft's field names, except ``party_group`` (the group's name) in place of
``party_group_id``.
"""

from __future__ import annotations

import re
import unicodedata

# (field key, header) in the order the export writes them; the importer knows these headers too
ROSTER_COLUMNS: list[tuple[str, str]] = [
    ("name", "姓名"),
    ("gender", "性别"),
    ("ethnicity", "民族"),
    ("birth_date", "出生日期"),
    ("native_place", "籍贯"),
    ("id_number", "身份证号"),
    ("education", "学历"),
    ("degree", "学位"),
    ("title", "职称"),
    ("post", "职务"),
    ("department", "所在部门"),
    ("phone", "联系电话"),
    ("party_group", "党小组"),
    ("joined_date", "入党时间"),
    ("full_member_date", "转正时间"),
    ("category", "党员类别"),
    ("remarks", "备注"),
]
FIELD_LABELS: dict[str, str] = dict(ROSTER_COLUMNS)
DATE_FIELDS = ("birth_date", "joined_date", "full_member_date")

# other names seen in real rosters, after normalize_header
_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("党员姓名",),
    "birth_date": ("出生年月", "出生年月日", "出生时间"),
    "id_number": ("公民身份号码", "身份证号码", "身份证", "公民身份证号", "公民身份证号码"),
    "education": ("文化程度", "最高学历"),
    "degree": ("最高学位",),
    "title": ("专业技术职务", "专业技术职称"),
    "post": ("行政职务", "现任职务"),
    "department": (
        "部门",
        "教研室",
        "所在教研室",
        "所在部门/教研室",
        "部门/教研室",
        "所在单位",
        "工作单位",
        "单位",
    ),
    "phone": ("手机号码", "手机号", "手机", "电话", "联系方式", "电话号码"),
    "party_group": ("所在党小组", "党小组名称"),
    "joined_date": ("入党日期", "入党年月", "加入党组织日期"),
    "full_member_date": ("转正日期", "转正年月"),
    "category": ("人员类别", "类别", "党员身份", "党籍状态"),
}
IGNORED_HEADERS = frozenset({"序号", "编号"})

_HEADER_TO_FIELD: dict[str, str] = {header: key for key, header in ROSTER_COLUMNS}
for _key, _names in _ALIASES.items():
    _HEADER_TO_FIELD.update(dict.fromkeys(_names, _key))

_NOTE_RE = re.compile(r"\(.*?\)|\[.*?\]|【.*?】|<.*?>")
_DROP_RE = re.compile(r"[\s*:：※]")


def normalize_header(text: object) -> str:
    """The bare name of a header: "身 份 证 号", "入党\\n时间", "出生日期（年月）", "*姓名：" and the like."""
    if text is None:
        return ""
    plain = unicodedata.normalize("NFKC", str(text))
    return _DROP_RE.sub("", _NOTE_RE.sub("", plain))


def header_field(text: object) -> str | None:
    """The field key a header names, or None for an unknown header."""
    name = normalize_header(text)
    if name in _HEADER_TO_FIELD:
        return _HEADER_TO_FIELD[name]
    return None


def expected_headers_hint() -> str:
    return "、".join(f"“{header}”" for _key, header in ROSTER_COLUMNS if _key != "name")
