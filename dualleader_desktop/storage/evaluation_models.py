"""Models of the yearly 民主评议党员 and the 双带头人 satisfaction survey (schema 0009).

One evaluation and one survey per branch and year. A line keeps the member's name as it was,
beside the member id, like the records of meetings and talks. Ballot papers typed one by one
are kept as JSON on the row: they are read and written whole, never queried.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dualleader_desktop.domain.evaluation import FollowUp, Grade, Step
from dualleader_desktop.domain.satisfaction import Headline
from dualleader_desktop.storage.models import Base, TimestampMixin, branch_column, enum_column


class Evaluation(TimestampMixin, Base):
    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("branch_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column(index=False)
    year: Mapped[int] = mapped_column(Integer)
    ballots_cast: Mapped[int] = mapped_column(Integer, default=0)
    # 优秀's cap as a fraction of those evaluated (1/3 by default)
    excellent_numerator: Mapped[int] = mapped_column(Integer, default=1)
    excellent_denominator: Mapped[int] = mapped_column(Integer, default=3)
    papers: Mapped[list] = mapped_column(JSON, default=list)  # [{member id: grade}]
    overrides: Mapped[dict] = mapped_column(JSON, default=dict)  # warning key -> reason
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    steps: Mapped[list[EvaluationStep]] = relationship(cascade="all, delete-orphan")
    lines: Mapped[list[EvaluationLine]] = relationship(
        order_by="EvaluationLine.position", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class EvaluationStep(Base):
    __tablename__ = "evaluation_steps"

    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluations.id", ondelete="CASCADE"), primary_key=True
    )
    step: Mapped[Step] = mapped_column(enum_column(Step), primary_key=True)
    on_date: Mapped[date | None] = mapped_column(Date)
    until_date: Mapped[date | None] = mapped_column(Date)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )


class EvaluationLine(Base):
    __tablename__ = "evaluation_lines"

    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluations.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)
    member_name: Mapped[str] = mapped_column(String(50))
    probationary: Mapped[bool] = mapped_column(Boolean, default=False)
    self_review: Mapped[str] = mapped_column(Text, default="")
    self_review_file: Mapped[str] = mapped_column(String(255), default="")
    excellent: Mapped[int] = mapped_column(Integer, default=0)
    qualified: Mapped[int] = mapped_column(Integer, default=0)
    basic: Mapped[int] = mapped_column(Integer, default=0)
    unqualified: Mapped[int] = mapped_column(Integer, default=0)
    proposed: Mapped[Grade | None] = mapped_column(enum_column(Grade))
    final: Mapped[Grade | None] = mapped_column(enum_column(Grade))
    reason: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[FollowUp | None] = mapped_column(enum_column(FollowUp))
    follow_up_date: Mapped[date | None] = mapped_column(Date)


class Survey(TimestampMixin, Base):
    """The year's satisfaction survey of the branch secretary as 双带头人."""

    __tablename__ = "surveys"
    __table_args__ = (UniqueConstraint("branch_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = branch_column(index=False)
    year: Mapped[int] = mapped_column(Integer)
    secretary_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL")
    )
    secretary_name: Mapped[str] = mapped_column(String(50), default="")
    survey_date: Mapped[date | None] = mapped_column(Date)
    respondents: Mapped[int] = mapped_column(Integer, default=0)
    headline: Mapped[Headline] = mapped_column(enum_column(Headline), default=Headline.SIMPLE)
    # [{"name": …, "counts": [满意, 基本满意, 不满意]}] in the order the school lists them
    items: Mapped[list] = mapped_column(JSON, default=list)
    papers: Mapped[list] = mapped_column(JSON, default=list)  # [{item position: answer}]
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
