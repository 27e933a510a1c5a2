"""A meeting as the editor holds it, lists show it and documents/ renders it: plain objects
the meetings service takes and returns (no session, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from dualleader_desktop.domain.attachments import AttachmentInfo
from dualleader_desktop.domain.meetings import (
    AttendanceCounts,
    AttendanceLine,
    IntegrationTag,
    MeetingKind,
    VoteKind,
    count_attendance,
)


@dataclass
class AgendaDraft:
    title: str
    has_vote: bool = False
    vote_kind: VoteKind = VoteKind.GENERAL
    votes_for: int = 0
    votes_against: int = 0
    votes_abstain: int = 0


# the columns of a meeting row that its draft holds as they are (kept whole by history too)
MEETING_SCALAR_FIELDS = (
    "kind",
    "meeting_date",
    "theme",
    "start_time",
    "end_time",
    "place",
    "party_group_id",
    "host_member_id",
    "host_name",
    "recorder_member_id",
    "recorder_name",
    "speaker",
    "sitting_in",
    "minutes",
    "resolutions",
)


@dataclass
class MeetingDraft:
    """A meeting as the editor holds it. ``new_files`` are copied in when it is saved;
    ``attachments`` are the ones already stored (removing one from the list unlinks it)."""

    kind: MeetingKind
    meeting_date: date | None
    theme: str = ""
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    party_group_id: int | None = None
    host_member_id: int | None = None
    host_name: str = ""
    recorder_member_id: int | None = None
    recorder_name: str = ""
    speaker: str = ""
    sitting_in: str = ""
    minutes: str = ""
    resolutions: str = ""
    tags: frozenset[IntegrationTag] = frozenset()
    agenda: list[AgendaDraft] = field(default_factory=list)
    attendance: list[AttendanceLine] = field(default_factory=list)
    attachments: list[AttachmentInfo] = field(default_factory=list)
    new_files: list[Path] = field(default_factory=list)

    @property
    def counts(self) -> AttendanceCounts:
        return count_attendance(self.attendance)


@dataclass(frozen=True)
class MeetingSummary:
    """A row of the meetings list."""

    id: int
    kind: MeetingKind
    meeting_date: date
    theme: str
    place: str
    party_group_name: str
    host_name: str
    expected: int
    present: int
    on_leave: int
    tags: frozenset[IntegrationTag]
    attachment_count: int


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    version: int
    draft: MeetingDraft
    party_group_name: str
