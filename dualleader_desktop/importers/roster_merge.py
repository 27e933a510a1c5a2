"""Lay a row read from the roster over the stored file of the same member, and say what changed.

A blank cell, or a column the file does not have, leaves the stored value alone. A month-only
date ("2008.06") that agrees with the stored date's month keeps the stored date as it is: an exact
day stays exact, a month-only date stays month-only.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

from dualleader_desktop.domain.enums import LabeledEnum, MemberCategory
from dualleader_desktop.domain.validators import MemberDraft, add_years
from dualleader_desktop.importers.roster_cells import ParsedRow
from dualleader_desktop.importers.roster_columns import FIELD_LABELS

DRAFT_KEYS = tuple(
    f.name for f in fields(MemberDraft) if f.name not in ("month_only", "party_group_id")
)


def merge_row(
    stored: MemberDraft | None, row: ParsedRow, today: date
) -> tuple[MemberDraft, list[str]]:
    """The draft to validate and the warnings about values the importer chose itself."""
    draft = replace(stored) if stored is not None else MemberDraft()
    month_only = set(draft.month_only)
    for key in DRAFT_KEYS:
        if key not in row.values:
            continue
        value = row.values[key]
        if key in row.month_only:
            current = getattr(draft, key)
            if current and (current.year, current.month) == (value.year, value.month):
                continue
            month_only.add(key)
        else:
            month_only.discard(key)
        setattr(draft, key, value)
    draft.month_only = frozenset(month_only)
    return draft, _settle_category(draft, stored, row, today)


def _settle_category(
    draft: MemberDraft, stored: MemberDraft | None, row: ParsedRow, today: date
) -> list[str]:
    if "category" in row.values or "category" in row.errors:
        return []
    if draft.full_member_date is not None and draft.category != MemberCategory.FULL:
        draft.category = MemberCategory.FULL
        return ["未填党员类别；已填转正时间，按正式党员导入"]
    if stored is not None or draft.joined_date is None:
        return []
    if draft.joined_date > add_years(today, -1):
        draft.category = MemberCategory.PROBATIONARY
        return ["未填党员类别；入党不满一年，按预备党员导入，请核对"]
    draft.category = MemberCategory.FULL
    return ["未填党员类别；入党已满一年，按正式党员导入，请核对"]


def describe_changes(
    stored: MemberDraft, stored_group: str, draft: MemberDraft, group: str
) -> list[str]:
    """Readable changes such as "职称：讲师 → 副教授"; ``group`` "" leaves the group alone.

    A date that becomes exact ("2008.06 → 2008-06-01") is a change too.
    """
    changes = [
        f"{FIELD_LABELS[key]}：{_show(stored, key)} → {_show(draft, key)}"
        for key in DRAFT_KEYS
        if getattr(stored, key) != getattr(draft, key)
        or (key in stored.month_only) != (key in draft.month_only)
    ]
    if group and group != stored_group:
        changes.append(f"{FIELD_LABELS['party_group']}：{stored_group or '（空）'} → {group}")
    return changes


def _show(draft: MemberDraft, key: str) -> str:
    value = getattr(draft, key)
    if value is None or value == "":
        return "（空）"
    if isinstance(value, LabeledEnum):
        return value.label
    if isinstance(value, date):
        return f"{value:%Y.%m}" if key in draft.month_only else f"{value:%Y-%m-%d}"
    return str(value)
