"""SQLAlchemy 2.0 models of the branch and its member files.

Every schema change comes with an Alembic migration in ``migrations/versions``; a test compares
these models with the migrated schema so the two cannot drift apart.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from dualleader_desktop.domain.enums import (
    CommitteeRole,
    Gender,
    MemberCategory,
    MemberStatus,
    TransferDirection,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def enum_column(enum_cls: type) -> Enum:
    """Store an enum as its readable value ('active', 'full'), not as its Python name."""
    return Enum(
        enum_cls,
        native_enum=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


def branch_column(*, index: bool = True) -> Mapped[int]:
    """The branch a row belongs to (schema 0006): a secretary's database has one, an
    organization department's has many, and every query of a service filters by it. Tables
    listed by date index it with the date instead (``index=False``, schema 0008)."""
    return mapped_column(ForeignKey("branch.id"), index=index)


class Branch(TimestampMixin, Base):
    """A Party branch. A secretary's database holds one; a shared one holds many."""

    __tablename__ = "branch"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    parent_org: Mapped[str] = mapped_column(String(100), default="")
    founded_on: Mapped[date | None] = mapped_column(Date)
    studio_name: Mapped[str] = mapped_column(String(100), default="")


class PartyGroup(TimestampMixin, Base):
    __tablename__ = "party_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column()
    name: Mapped[str] = mapped_column(String(50))
    leader_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL", use_alter=True)
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    leader: Mapped[Member | None] = relationship(foreign_keys=[leader_id])

    # names are unique inside a branch: two branches may both have a 第一党小组
    __table_args__ = (UniqueConstraint("branch_id", "name"),)


class Member(TimestampMixin, Base):
    """A member's file (党员档案). Never deleted: leaving is a status with a date."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column()
    name: Mapped[str] = mapped_column(String(30), index=True)
    gender: Mapped[Gender] = mapped_column(enum_column(Gender))
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    birth_date: Mapped[date] = mapped_column(Date)
    native_place: Mapped[str] = mapped_column(String(50), default="")
    # unique in the whole database, not per branch: a person is a member of one branch at a
    # time, and a transfer between two branches of one database moves the file, not copies it
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    education: Mapped[str] = mapped_column(String(20), default="")
    degree: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(30), default="")
    post: Mapped[str] = mapped_column(String(50), default="")
    department: Mapped[str] = mapped_column(String(50), default="", index=True)
    phone: Mapped[str] = mapped_column(String(30), default="")
    party_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("party_groups.id", ondelete="SET NULL"), index=True
    )
    joined_date: Mapped[date] = mapped_column(Date)
    full_member_date: Mapped[date | None] = mapped_column(Date)
    # the date is known only to the month ("2003.07" in a roster) and holds the 1st of it
    joined_date_month_only: Mapped[bool] = mapped_column(default=False, server_default=false())
    full_member_date_month_only: Mapped[bool] = mapped_column(default=False, server_default=false())
    category: Mapped[MemberCategory] = mapped_column(enum_column(MemberCategory))
    status: Mapped[MemberStatus] = mapped_column(
        enum_column(MemberStatus), default=MemberStatus.ACTIVE, index=True
    )
    status_date: Mapped[date | None] = mapped_column(Date)
    status_note: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    # bumped on every UPDATE; a stale edit fails instead of silently overwriting another's
    version: Mapped[int] = mapped_column(Integer, default=1)

    party_group: Mapped[PartyGroup | None] = relationship(foreign_keys=[party_group_id])
    transfers: Mapped[list[MemberTransfer]] = relationship(
        back_populates="member", order_by="MemberTransfer.transfer_date"
    )

    __mapper_args__ = {"version_id_col": version}


class CommitteeMember(TimestampMixin, Base):
    """A seat on the branch committee for one term."""

    __tablename__ = "committee_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column()
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    role: Mapped[CommitteeRole] = mapped_column(enum_column(CommitteeRole))
    role_title: Mapped[str] = mapped_column(String(30), default="")
    term_start: Mapped[date] = mapped_column(Date)
    term_end: Mapped[date] = mapped_column(Date)

    member: Mapped[Member] = relationship()


class MemberTransfer(TimestampMixin, Base):
    """A transfer of the organizational relationship (组织关系转入/转出).

    It has no branch of its own: it belongs to its member's file and is only ever read
    through the member (a transfer between two branches of one database moves the member,
    and the file's transfers go with it)."""

    __tablename__ = "member_transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    direction: Mapped[TransferDirection] = mapped_column(enum_column(TransferDirection))
    transfer_date: Mapped[date] = mapped_column(Date)
    other_org: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    member: Mapped[Member] = relationship(back_populates="transfers")


class ChangeLogEntry(Base):
    """One create, change, delete or restore of a member, meeting, talk or setting, written by
    the service that makes the change, in the same transaction (services/history.py).

    ``entity_kind`` and ``entity_id`` name the record; there is no foreign key, since the entry
    outlives a deleted record. ``before_json`` and ``after_json`` hold the record as it was and
    as it became (None where it did not exist), as JSON text with English keys and ISO dates:
    plain Text reads the same on SQLite and PostgreSQL. For a restore, ``before_json`` says
    which deletion was undone and what could not be brought back. ``changed_at`` is UTC.
    """

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column()
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    user_name: Mapped[str] = mapped_column(String(100))
    entity_kind: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))  # create, update, delete, restore
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_change_log_entity", "entity_kind", "entity_id"),)
