"""The branch's year in numbers for the 工作台's charts and the year's summary: the members on
the roll at the year's end by category, age band, education and title; attendance by month; the
meetings of each 三融合 tag. Counted from the records when asked, nothing stored."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from dualleader_desktop.domain.enums import TransferDirection
from dualleader_desktop.domain.meetings import IntegrationTag
from dualleader_desktop.services.attendance import roll_on
from dualleader_desktop.services.meetings import tags_from_column
from dualleader_desktop.services.scope import BranchScoped, branch_of
from dualleader_desktop.storage.models import Member, MemberTransfer
from dualleader_desktop.storage.records_models import Meeting

# the age bands a college's report counts (年龄结构), by the last year of age each holds
AGE_BANDS = ((35, "35岁及以下"), (45, "36—45岁"), (55, "46—55岁"), (200, "56岁及以上"))
UNKNOWN = "未填"


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def age_band(birth: date, on: date) -> str:
    age = age_on(birth, on)
    return next(label for last, label in AGE_BANDS if age <= last)


@dataclass(frozen=True)
class YearStatistics:
    year: int
    on: date  # the day the roll is counted on: the year's last, or today in the current year
    categories: list[tuple[str, int]]
    age_bands: list[tuple[str, int]]
    education: list[tuple[str, int]]
    titles: list[tuple[str, int]]
    attendance: list[tuple[int, float | None]]  # month, present ÷ expected (None: no meeting)
    tags: list[tuple[str, int]]  # 三融合 tag, meetings carrying it
    present: int = 0  # the year's attendance: those present, of those expected
    expected: int = 0
    held: int = 0  # meetings held, and of them those carrying a 三融合 tag
    tagged: int = 0
    joined: int = 0  # admitted (入党) in the year, and transfers in and out
    transferred_in: int = 0
    transferred_out: int = 0

    @property
    def members(self) -> int:
        return sum(count for _, count in self.categories)


def _counted(values, order=()) -> list[tuple[str, int]]:
    """Counts by value: those of ``order`` first in its order (zeros kept), then the rest by
    count; a blank value counts as 未填."""
    counts = Counter(value or UNKNOWN for value in values)
    first = [(label, counts.pop(label, 0)) for label in order]
    return first + sorted(counts.items(), key=lambda item: (-item[1], item[0]))


class StatisticsService(BranchScoped):
    def year(self, year: int, today: date | None = None) -> YearStatistics:
        on = min(today or date.today(), date(year, 12, 31))
        with self.session() as session:
            branch = branch_of(session)
            ids = [line.member_id for line in roll_on(session, on)]
            members = session.execute(
                select(Member.category, Member.birth_date, Member.education, Member.title).where(
                    Member.id.in_(ids)
                )
            ).all()
            held = session.scalar(
                select(func.count(Meeting.id)).where(
                    Meeting.branch_id == branch,
                    Meeting.meeting_date >= date(year, 1, 1),
                    Meeting.meeting_date <= on,
                )
            )
            joined = session.scalar(
                select(func.count(Member.id)).where(
                    Member.branch_id == branch,
                    Member.joined_date >= date(year, 1, 1),
                    Member.joined_date <= on,
                )
            )
            moves = dict(
                session.execute(
                    select(MemberTransfer.direction, func.count(MemberTransfer.id))
                    .join(Member, Member.id == MemberTransfer.member_id)
                    .where(
                        Member.branch_id == branch,
                        MemberTransfer.transfer_date >= date(year, 1, 1),
                        MemberTransfer.transfer_date <= on,
                    )
                    .group_by(MemberTransfer.direction)
                ).all()
            )
            month = func.extract("month", Meeting.meeting_date)
            by_month = dict(
                (int(m), (present or 0, expected or 0))
                for m, present, expected in session.execute(
                    select(month, func.sum(Meeting.present_count), func.sum(Meeting.expected_count))
                    .where(
                        Meeting.branch_id == branch,
                        Meeting.meeting_date >= date(year, 1, 1),
                        Meeting.meeting_date <= on,
                    )
                    .group_by(month)
                )
            )
            tagged = session.scalars(
                select(Meeting.tags).where(
                    Meeting.branch_id == branch,
                    Meeting.meeting_date >= date(year, 1, 1),
                    Meeting.meeting_date <= on,
                    Meeting.tags != "",
                )
            ).all()
        tags = Counter(tag for column in tagged for tag in tags_from_column(column))
        return YearStatistics(
            year,
            on,
            _counted((c.label for c, *_ in members), ("正式党员", "预备党员")),
            _counted((age_band(b, on) for _, b, *_ in members), [label for _, label in AGE_BANDS]),
            _counted(education for _, _, education, _ in members),
            _counted(title for *_, title in members),
            [
                (m, by_month[m][0] / by_month[m][1] if by_month.get(m, (0, 0))[1] else None)
                for m in range(1, 13)
            ],
            [(tag.label, tags.get(tag, 0)) for tag in IntegrationTag],
            sum(present for present, _ in by_month.values()),
            sum(expected for _, expected in by_month.values()),
            held or 0,
            len(tagged),
            joined or 0,
            moves.get(TransferDirection.IN, 0),
            moves.get(TransferDirection.OUT, 0),
        )
