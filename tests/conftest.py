"""Shared fixtures. Qt tests run offscreen unless the caller chose a platform."""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dualleader_desktop.domain.enums import Gender, MemberCategory
from dualleader_desktop.domain.validators import MemberDraft, build_id_number
from dualleader_desktop.storage.database import Database

TODAY = date(2026, 11, 24)


@pytest.fixture
def db(tmp_path):
    database = Database.open_file(tmp_path / "branch.sqlite3")
    yield database
    database.dispose()


def make_draft(name: str = "王伟", *, sequence: int = 11, **overrides) -> MemberDraft:
    """A valid member draft; any field can be overridden."""
    gender = overrides.pop("gender", Gender.MALE)
    birth = overrides.pop("birth_date", date(1985, 7, 3))
    values = dict(
        name=name,
        gender=gender,
        ethnicity="汉族",
        birth_date=birth,
        id_number=build_id_number("360102", birth, sequence, gender),
        education="研究生",
        degree="硕士",
        title="讲师",
        department="机电工程学院",
        phone="13812345678",
        joined_date=date(2008, 6, 20),
        full_member_date=date(2009, 6, 20),
        category=MemberCategory.FULL,
    )
    values.update(overrides)
    return MemberDraft(**values)
