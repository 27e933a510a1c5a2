"""What a search text finds among members: the one rule of the roster's search box.

A member matches when the text is part of the name, the ID number, the phone or the
department. The text is normalised as saved text is (full-width letters and digits made ASCII,
runs of spaces made one) and letters match in any case, ASCII letters only, as SQLite's LIKE.

The roster model filters its own list with it (ui/models/roster_model.py: in Python, as it
holds every member and must answer each key stroke in milliseconds); the global search's
condition in SQL (services/members.search_condition) takes its fields and its needle from here.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from typing import Protocol, TypeVar

from dualleader_desktop.domain.validators import normalize_text

# the member's fields a search looks in, as MemberRecord (and the members table) names them
SEARCHED_FIELDS = ("name", "id_number", "phone", "department")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


class Searchable(Protocol):
    name: str
    id_number: str
    phone: str
    department: str


M = TypeVar("M", bound=Searchable)


def search_needle(text: str) -> str:
    """What is looked for when ``text`` is typed: normalised, ASCII letters lower-cased.
    Empty (nothing typed but spaces) looks for nothing: every member matches."""
    return normalize_text(text).translate(_ASCII_LOWER)


def searched_text(member: Searchable) -> str:
    """The fields a search looks in, ASCII lower-cased, joined by a newline (which a needle
    never holds, so no match spans two fields)."""
    m = member  # SEARCHED_FIELDS spelled out: a getattr loop costs a sixth more on 10 000 rows
    return f"{m.name}\n{m.id_number}\n{m.phone}\n{m.department}".translate(_ASCII_LOWER)


def member_matches(member: Searchable, text: str) -> bool:
    """Whether a search for ``text`` finds ``member``."""
    return search_needle(text) in searched_text(member)


def matching_members(members: Iterable[M], text: str) -> list[M]:
    """The members a search for ``text`` finds, in their order (the needle made once)."""
    needle = search_needle(text)
    if not needle:
        return list(members)
    return [m for m in members if needle in searched_text(m)]
