"""Enumerations of the domain.

Values are short English words, stored as such in the database so a table stays readable and a
label can be reworded without a migration; what the user sees is the Chinese ``label``.
"""

from __future__ import annotations

from enum import StrEnum


class LabeledEnum(StrEnum):
    """A string enum with a Chinese label per member (``_labels`` on the subclass)."""

    @property
    def label(self) -> str:
        return type(self)._labels()[self]

    @classmethod
    def _labels(cls) -> dict[LabeledEnum, str]:
        raise NotImplementedError

    @classmethod
    def from_label(cls, text: str) -> LabeledEnum:
        for member, label in cls._labels().items():
            if label == text:
                return member
        raise ValueError(f"{text!r} is not a label of {cls.__name__}")

    @classmethod
    def labels(cls) -> list[str]:
        return [member.label for member in cls]


class Gender(LabeledEnum):
    MALE = "male"
    FEMALE = "female"

    @classmethod
    def _labels(cls):
        return {cls.MALE: "男", cls.FEMALE: "女"}


class MemberCategory(LabeledEnum):
    FULL = "full"
    PROBATIONARY = "probationary"

    @classmethod
    def _labels(cls):
        return {cls.FULL: "正式党员", cls.PROBATIONARY: "预备党员"}


class MemberStatus(LabeledEnum):
    """Where a member's file stands. Leaving is a status with a date, never a deletion."""

    ACTIVE = "active"
    TRANSFERRED_OUT = "transferred_out"
    SUSPENDED = "suspended"
    EXPELLED = "expelled"
    DECEASED = "deceased"

    @classmethod
    def _labels(cls):
        return {
            cls.ACTIVE: "在册",
            cls.TRANSFERRED_OUT: "转出",
            cls.SUSPENDED: "停止党籍",
            cls.EXPELLED: "出党",
            cls.DECEASED: "去世",
        }


class CommitteeRole(LabeledEnum):
    SECRETARY = "secretary"
    DEPUTY_SECRETARY = "deputy_secretary"
    ORGANIZATION = "organization"
    PROPAGANDA = "propaganda"
    DISCIPLINE = "discipline"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            cls.SECRETARY: "书记",
            cls.DEPUTY_SECRETARY: "副书记",
            cls.ORGANIZATION: "组织委员",
            cls.PROPAGANDA: "宣传委员",
            cls.DISCIPLINE: "纪检委员",
            cls.OTHER: "委员",
        }


class TransferDirection(LabeledEnum):
    IN = "in"
    OUT = "out"

    @classmethod
    def _labels(cls):
        return {cls.IN: "转入", cls.OUT: "转出"}
