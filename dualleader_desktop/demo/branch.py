"""The demo branch: a plausible college teacher branch for trying the program out.

Deterministic per year (one seeded random generator), so two demos of the same year are equal.
Members are added through MemberService, so each one passes the same validation as typed data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from dualleader_desktop.demo import people
from dualleader_desktop.demo.evaluation import populate_demo_evaluation
from dualleader_desktop.demo.records import populate_demo_year
from dualleader_desktop.domain.committee import term_end
from dualleader_desktop.domain.enums import CommitteeRole, Gender, MemberCategory, MemberStatus
from dualleader_desktop.domain.validators import MemberDraft, add_years, build_id_number
from dualleader_desktop.services.archive import ArchiveSettingsInfo
from dualleader_desktop.services.branch import BranchInfo
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.one_transaction import one_transaction

BRANCH = BranchInfo(
    name="机电工程学院教师党支部",
    parent_org="中共江西某职业技术学院机电工程学院总支部委员会",
    founded_on=date(2012, 9, 10),
    studio_name="“双带头人”教师党支部书记工作室",
)
# example archive settings, so the demo year can be exported at once (归档 page or CLI)
ARCHIVE = ArchiveSettingsInfo(
    fonds="Z001", fonds_name="江西某职业技术学院", organization_code="DZB"
)
GROUPS = ("第一党小组", "第二党小组", "第三党小组")
COMMITTEE = (
    CommitteeRole.SECRETARY,
    CommitteeRole.DEPUTY_SECRETARY,
    CommitteeRole.ORGANIZATION,
    CommitteeRole.PROPAGANDA,
    CommitteeRole.DISCIPLINE,
)


@dataclass(frozen=True)
class DemoSummary:
    branch: str
    members: int
    groups: int
    committee: int
    probationary: int
    transferred_out: int
    meetings: int
    talks: int


def populate_demo(
    db: Database, year: int | None = None, *, today: date | None = None
) -> DemoSummary:
    """Fill an empty database with the demo branch and a year of its records.

    All of it is written in one transaction, committed at the end: a demo stopped at any
    moment (killed, failed) leaves the database empty, so it can simply be run again.
    """
    today = today or date.today()
    year = year or today.year
    if year > today.year:
        raise ServiceError(f"演示年份 {year} 还没有到来，请选择今年或以前的年份。")
    with one_transaction(db) as transaction:
        if not transaction.is_empty():
            raise ServiceError(
                "数据库中已有支部或党员数据，演示数据只能写入空数据库。"
                "请用 --db 指定一个新文件，例如：dualleader demo --db 演示.sqlite3"
            )
        return _populate(transaction, year, today)


def _populate(db: Database, year: int, today: date) -> DemoSummary:
    now = min(today, date(year, 12, 31))
    rnd = random.Random(year)
    services = BranchServices(db)
    branch, members = services.branch, services.members
    branch.save_branch(BRANCH, today=now)
    group_ids = [branch.save_group(name, None) for name in GROUPS]
    records = _members(rnd, members, group_ids, year, now)
    full = [r for r in records if r.category == MemberCategory.FULL]
    for index, group_id in enumerate(group_ids):
        leader = next(r for r in full[len(COMMITTEE) :] if r.party_group_id == group_id)
        branch.save_group(GROUPS[index], leader.id, group_id)
    term_start = date(year - 1, 9, 1)
    for record, role in zip(full, COMMITTEE, strict=False):
        branch.save_seat(record.id, role, term_start, term_end(term_start))
    leaver = full[-1]
    members.change_status(
        leaver.id,
        MemberStatus.TRANSFERRED_OUT,
        max(leaver.joined_date, date(year, 7, 1) if date(year, 7, 1) <= now else now),
        other_org="中共江西某理工大学机械工程学院委员会",
        note="工作调动",
        today=now,
    )
    records_year = populate_demo_year(db, year, today=now, seed=year)
    populate_demo_evaluation(db, year, today=now, seed=year)
    archive = services.archive
    if not archive.settings().fonds:  # settings typed before the demo was asked for stay
        archive.save_settings(ARCHIVE)
    return DemoSummary(
        branch=BRANCH.name,
        members=len(records),
        groups=len(group_ids),
        committee=min(len(full), len(COMMITTEE)),
        probationary=sum(r.category == MemberCategory.PROBATIONARY for r in records),
        transferred_out=1,
        meetings=records_year.meetings,
        talks=records_year.talks,
    )


def _members(rnd: random.Random, members: MemberService, group_ids, year: int, now: date):
    count = rnd.randint(28, 40)
    probationary = rnd.randint(2, 3)
    names: set[str] = set()
    records = []
    for index in range(count):
        gender = Gender.MALE if rnd.random() < 0.55 else Gender.FEMALE
        given = people.GIVEN_MALE if gender == Gender.MALE else people.GIVEN_FEMALE
        name = rnd.choice(people.SURNAMES) + rnd.choice(given)
        while name in names:
            name = rnd.choice(people.SURNAMES) + rnd.choice(given)
        names.add(name)
        is_probationary = index >= count - probationary
        born = date(rnd.randint(1966, 1997), rnd.randint(1, 12), rnd.randint(1, 28))
        if is_probationary:
            # admitted by the branch meeting this year (or late last year), probation running
            joined = now - timedelta(days=rnd.randint(30, 300))
            full_date = None
        else:
            earliest = add_years(born, 20)
            latest = min(now - timedelta(days=400), add_years(born, 40))
            joined = date.fromordinal(rnd.randint(earliest.toordinal(), latest.toordinal()))
            full_date = add_years(joined, 1)
        education, degree = rnd.choice(people.EDUCATION)
        draft = MemberDraft(
            name=name,
            gender=gender,
            ethnicity=rnd.choice(people.ETHNICITIES),
            native_place=rnd.choice(people.NATIVE_PLACES),
            id_number=build_id_number(
                rnd.choice(people.REGIONS), born, rnd.randint(10, 999), gender
            ),
            education=education,
            degree=degree,
            title=rnd.choice(people.TITLES),
            post=rnd.choice(people.POSTS),
            department=rnd.choice(people.DEPARTMENTS),
            phone=f"1{rnd.choice('3578')}{rnd.randint(0, 999_999_999):09d}",
            party_group_id=group_ids[index % len(group_ids)],
            joined_date=joined,
            full_member_date=full_date,
            category=MemberCategory.PROBATIONARY if is_probationary else MemberCategory.FULL,
        )
        records.append(members.add(draft, today=now))
    return records
