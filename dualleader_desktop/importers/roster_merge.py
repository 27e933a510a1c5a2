"""Lay a row read from the roster over the stored file of the same member, and say what changed.

A blank cell, or a column the file does not have, leaves the stored value alone. A month-only
date ("2008.06") that agrees with the stored day's month keeps the stored day.
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
    month_only: set[str] = set()
    for key in DRAFT_KEYS:
        if key not in row.values:
            continue
        value = row.values[key]
        if key in row.month_only:
            current = getattr(draft, key)
            if (
                stored is not None
                and current
                and (current.year, current.month) == (value.year, value.month)
            ):
                continue
            month_only.add(key)
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
    """Readable changes such as "职称：讲师 → 副教授"; ``group`` "" leaves the group alone."""
    changes = [
        f"{FIELD_LABELS[key]}：{_show(getattr(stored, key))} → {_show(getattr(draft, key))}"
        for key in DRAFT_KEYS
        if getattr(stored, key) != getattr(draft, key)
    ]
    if group and group != stored_group:
        changes.append(f"{FIELD_LABELS['party_group']}：{_show(stored_group)} → {group}")
    return changes


def _show(value: object) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, LabeledEnum):
        return value.label
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return str(value)
