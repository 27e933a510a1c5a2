"""Talks (谈心谈话): kinds, roles, and who has not yet been talked with this year."""

from __future__ import annotations

from collections.abc import Iterable

from dualleader_desktop.domain.enums import LabeledEnum


class TalkKind(LabeledEnum):
    HEART_TO_HEART = "heart_to_heart"
    REMINDER = "reminder"
    ADMISSION = "admission"
    FULL_MEMBERSHIP = "full_membership"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            cls.HEART_TO_HEART: "谈心谈话",
            cls.REMINDER: "提醒谈话",
            cls.ADMISSION: "入党谈话",
            cls.FULL_MEMBERSHIP: "转正谈话",
            cls.OTHER: "其他谈话",
        }


class TalkRole(LabeledEnum):
    TALKER = "talker"
    TALKEE = "talkee"

    @classmethod
    def _labels(cls):
        return {cls.TALKER: "谈话人", cls.TALKEE: "谈话对象"}


def uncovered_pairs(
    committee_ids: Iterable[int],
    member_ids: Iterable[int],
    talks: Iterable[tuple[set[int], set[int]]],
) -> dict[int, list[int]]:
    """For each committee member, the members they have no talk with yet.

    ``talks`` gives (talkers, talkees) per talk; a talk counts for a pair in either direction,
    since the 条例 asks for a talk *between* them, whoever led it.
    """
    met: set[frozenset[int]] = set()
    for talkers, talkees in talks:
        for a in talkers:
            for b in talkees:
                if a != b:
                    met.add(frozenset((a, b)))
    members = list(member_ids)
    return {
        c: [m for m in members if m != c and frozenset((c, m)) not in met] for c in committee_ids
    }
