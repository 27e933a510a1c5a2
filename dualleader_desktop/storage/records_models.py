"""Models of the records a branch keeps through the year: meetings and talks, with attachments.

Member references keep the name as written at the time (``*_name``) beside the optional member
id, so a record reads the same after the member leaves, and a host who is not a member (a guest
from the college's Party committee) can still be recorded.
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dualleader_desktop.domain.assessment import Measure
from dualleader_desktop.domain.meeting_rules import Period, RuleScope
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind, VoteKind
from dualleader_desktop.domain.talks import TalkKind, TalkRole
from dualleader_desktop.storage import evaluation_models  # noqa: F401 (evaluations, linked)
from dualleader_desktop.storage.models import Base, TimestampMixin, branch_column, enum_column


class Meeting(TimestampMixin, Base):
    __tablename__ = "meetings"
    # branch first, date last: each list filter and its newest-first order in one index (0008)
    __table_args__ = (
        Index("ix_meetings_branch_date", "branch_id", "meeting_date"),
        Index("ix_meetings_branch_kind_date", "branch_id", "kind", "meeting_date"),
        Index("ix_meetings_branch_group_date", "branch_id", "party_group_id", "meeting_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column(index=False)
    kind: Mapped[MeetingKind] = mapped_column(enum_column(MeetingKind))
    theme: Mapped[str] = mapped_column(String(200))
    meeting_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(100), default="")
    party_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("party_groups.id", ondelete="SET NULL"), index=True
    )
    host_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    host_name: Mapped[str] = mapped_column(String(50), default="")
    recorder_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    recorder_name: Mapped[str] = mapped_column(String(50), default="")
    speaker: Mapped[str] = mapped_column(String(50), default="")
    sitting_in: Mapped[str] = mapped_column(Text, default="")  # 列席: guests without a vote
    minutes: Mapped[str] = mapped_column(Text, default="")
    resolutions: Mapped[str] = mapped_column(Text, default="")
    # 三融合 tags as ",teaching,research," so one LIKE finds a tag without a join
    tags: Mapped[str] = mapped_column(String(60), default="")
    # kept with the row on every save so the list needs no aggregate over attendance
    expected_count: Mapped[int] = mapped_column(Integer, default=0)
    present_count: Mapped[int] = mapped_column(Integer, default=0)
    leave_count: Mapped[int] = mapped_column(Integer, default=0)
    attachment_count: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    agenda: Mapped[list[AgendaItem]] = relationship(
        order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    attendance: Mapped[list[Attendance]] = relationship(cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class AgendaItem(Base):
    """One item of a meeting's agenda, with its vote when one was taken."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    has_vote: Mapped[bool] = mapped_column(Boolean, default=False)
    vote_kind: Mapped[VoteKind] = mapped_column(enum_column(VoteKind), default=VoteKind.GENERAL)
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    votes_against: Mapped[int] = mapped_column(Integer, default=0)
    votes_abstain: Mapped[int] = mapped_column(Integer, default=0)


class Attendance(Base):
    __tablename__ = "attendance"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True, index=True)
    status: Mapped[AttendanceStatus] = mapped_column(enum_column(AttendanceStatus))
    has_vote: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(200), default="")


class Talk(TimestampMixin, Base):
    """A talk (谈心谈话) between committee members and members, or between members."""

    __tablename__ = "talks"
    __table_args__ = (Index("ix_talks_branch_date", "branch_id", "talk_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column(index=False)
    talk_date: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[TalkKind] = mapped_column(enum_column(TalkKind))
    topic: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text, default="")
    member_view: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    follow_up_date: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    participants: Mapped[list[TalkParticipant]] = relationship(cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class TalkParticipant(Base):
    __tablename__ = "talk_participants"

    talk_id: Mapped[int] = mapped_column(
        ForeignKey("talks.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True, index=True)
    role: Mapped[TalkRole] = mapped_column(enum_column(TalkRole), primary_key=True)


class Attachment(TimestampMixin, Base):
    """A file kept once in the data folder under its SHA-256, however many records use it.

    Shared by the branches of a database (the same sign-in sheet kept by two branches is one
    file); which branch uses it is on the link."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    suffix: Mapped[str] = mapped_column(String(16), default="")


class AttachmentLink(Base):
    """An attachment as a record uses it, under the name the user gave the file."""

    __tablename__ = "attachment_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column()
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    talk_id: Mapped[int | None] = mapped_column(
        ForeignKey("talks.id", ondelete="CASCADE"), index=True
    )
    evaluation_id: Mapped[int | None] = mapped_column(  # self-evaluations (schema 0009)
        ForeignKey("evaluations.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int | None] = mapped_column(  # a member's photo (schema 0010)
        ForeignKey("members.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(255))

    attachment: Mapped[Attachment] = relationship()


class ArchiveSettings(TimestampMixin, Base):
    """How the archives want the branch's records filed (DA/T 22): one row per branch."""

    __tablename__ = "archive_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), unique=True)
    fonds: Mapped[str] = mapped_column(String(20), default="")  # 全宗号
    fonds_name: Mapped[str] = mapped_column(String(100), default="")  # 全宗名称
    organization_code: Mapped[str] = mapped_column(String(20), default="")  # 机构(问题)代码
    # record kind -> retention code, only where the branch differs from the defaults
    retention_overrides: Mapped[dict] = mapped_column(JSON, default=dict)
    # the school's own .docx/.dotx the documents are written into (schema 0010); None: GB/T 9704
    layout_template: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    layout_template_name: Mapped[str] = mapped_column(String(255), default="", server_default="")


class MeetingRuleRow(TimestampMixin, Base):
    """A meeting-frequency rule the branch keeps in place of the defaults (schema 0011): a
    branch with no rows checks its year against domain.meeting_rules.MEETING_RULES."""

    __tablename__ = "meeting_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column()
    position: Mapped[int] = mapped_column(Integer)  # the order the 工作台 lists them in
    kind: Mapped[MeetingKind] = mapped_column(enum_column(MeetingKind))
    period: Mapped[Period] = mapped_column(enum_column(Period))
    min_count: Mapped[int] = mapped_column(Integer)
    scope: Mapped[RuleScope] = mapped_column(enum_column(RuleScope))
    usual_quarter: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(String(200), default="")


class AssessmentIndicatorRow(TimestampMixin, Base):
    """An indicator of the school's assessment the branch keeps in place of the defaults
    (schema 0012): a branch with no rows is assessed by domain.assessment.DEFAULT_INDICATORS."""

    __tablename__ = "assessment_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column()
    position: Mapped[int] = mapped_column(Integer)
    area: Mapped[str] = mapped_column(String(50))
    item: Mapped[str] = mapped_column(String(200))
    points: Mapped[float] = mapped_column(Float)
    measure: Mapped[Measure] = mapped_column(enum_column(Measure))


class AssessmentScoreRow(TimestampMixin, Base):
    """The secretary's score and note of one item in one year (schema 0012), by the item's
    words: an item reworded later starts unscored."""

    __tablename__ = "assessment_scores"
    __table_args__ = (UniqueConstraint("branch_id", "year", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column(index=False)
    year: Mapped[int] = mapped_column(Integer)
    item: Mapped[str] = mapped_column(String(200))
    score: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
