"""A talk (谈心谈话) as the editor holds it, lists show it and documents/ renders it, and the
year's coverage line: plain objects the talks service takes and returns (no session, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dualleader_desktop.domain.attachments import AttachmentInfo
from dualleader_desktop.domain.talks import TalkKind

# the columns of a talk row that its draft holds as they are (kept whole by history too)
TALK_SCALAR_FIELDS = (
    "talk_date",
    "place",
    "kind",
    "topic",
    "content",
    "member_view",
    "follow_up",
    "follow_up_date",
)


@dataclass
class TalkDraft:
    talk_date: date | None
    kind: TalkKind = TalkKind.HEART_TO_HEART
    place: str = ""
    topic: str = ""
    content: str = ""
    member_view: str = ""
    follow_up: str = ""
    follow_up_date: date | None = None
    talker_ids: list[int] = field(default_factory=list)
    talkee_ids: list[int] = field(default_factory=list)
    attachments: list[AttachmentInfo] = field(default_factory=list)
    new_files: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class TalkRecord:
    id: int
    version: int
    draft: TalkDraft
    talker_names: list[str]
    talkee_names: list[str]


@dataclass(frozen=True)
class TalkSummary:
    id: int
    talk_date: date
    kind: TalkKind
    topic: str
    place: str
    talkers: str
    talkees: str


@dataclass(frozen=True)
class CoverageLine:
    """A committee member and the members they have not talked with in the year."""

    member_id: int
    name: str
    role: str
    missing: list[str]
