"""A plausible year of meetings and talks for the demo branch.

Per DOMAIN.md's rules: a 支委会 and a 主题党日 each month, a 党小组会 per group each month, a
支部党员大会 and a 党课 each quarter, one 组织生活会 in Q4; 20+ talks; a few members on leave
with reasons; one vote on admitting a member. Only dates up to ``today`` are filled, so the
current year reads like a year in progress.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, time

from dualleader_desktop.domain.enums import CommitteeRole, MemberCategory, MemberStatus
from dualleader_desktop.domain.meeting_records import AgendaDraft, MeetingDraft
from dualleader_desktop.domain.meetings import (
    AttendanceStatus,
    IntegrationTag,
    MeetingKind,
    VoteKind,
)
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.domain.talks import TalkKind
from dualleader_desktop.services import demo_texts as texts
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.database import Database

LEAVE_REASONS = ("因公出差", "病假", "参加外出培训", "带学生参加技能大赛", "企业实践")
PLACES = ("党员活动室", "学院会议室", "实训楼 301", "智能制造实训中心")


@dataclass(frozen=True)
class DemoYear:
    meetings: int
    talks: int


def populate_demo_year(
    db: Database, year: int, *, today: date, seed: int | None = None
) -> DemoYear:
    rnd = random.Random(seed if seed is not None else year * 7)
    branch, members_service = BranchService(db), MemberService(db)
    meetings, talks = MeetingService(db), TalkService(db)
    seats = {s.role: s for s in branch.list_committee(on=min(today, date(year, 12, 31)))}
    secretary = seats.get(CommitteeRole.SECRETARY)
    recorder = seats.get(CommitteeRole.ORGANIZATION) or secretary
    members = members_service.list_members()
    names = [m.name for m in members if m.status == MemberStatus.ACTIVE]
    host_name = secretary.member_name if secretary else names[0]
    recorder_name = recorder.member_name if recorder else names[-1]
    count = 0

    def save(
        kind, on, theme, *, group=None, host=host_name, banks=None, target=650, agenda=(), **extra
    ):
        nonlocal count
        if on > today:
            return
        draft: MeetingDraft = meetings.new_draft(kind, on, group.id if group else None)
        draft.theme = theme
        draft.start_time, draft.end_time = time(14, 30), time(16, 30)
        draft.place = rnd.choice(PLACES)
        draft.host_name = host
        draft.recorder_name = recorder_name
        draft.attendance = _with_leave(rnd, draft.attendance)
        present = [
            line.name for line in draft.attendance if line.status == AttendanceStatus.PRESENT
        ]
        draft.minutes = texts.compose(
            rnd,
            banks or (texts.OPENINGS, texts.STUDY, texts.DISCUSSION, texts.CLOSINGS),
            rnd.randint(target - 150, target + 150),
            host=host,
            recorder=recorder_name,
            member=present or names,
        )
        draft.agenda = list(agenda) or [
            AgendaDraft("传达学习上级精神"),
            AgendaDraft("研究部署下一阶段工作"),
        ]
        draft.tags = frozenset(rnd.sample(list(IntegrationTag), rnd.randint(0, 2)))
        for key, value in extra.items():
            setattr(draft, key, value)
        if draft.agenda and draft.agenda[0].has_vote:
            voters = draft.counts.voters_present
            draft.agenda[0] = replace(draft.agenda[0], votes_for=voters)
            draft.resolutions = (
                f"经表决，{draft.agenda[0].title.removeprefix('讨论')}，赞成 {voters} 票。"
            )
        meetings.save(draft)
        count += 1

    groups = branch.list_groups()
    for month in range(1, 13):
        theme = texts.MONTH_THEMES[month]
        save(
            MeetingKind.COMMITTEE,
            date(year, month, 5),
            f"{month}月支委会：研究部署{month}月份支部工作",
        )
        save(
            MeetingKind.THEME_DAY,
            date(year, month, 15),
            f"{month}月主题党日：{theme}",
            banks=(
                texts.OPENINGS,
                texts.STUDY,
                texts.THEME_DAY_EXTRA,
                texts.DISCUSSION,
                texts.CLOSINGS,
            ),
            target=1150,
        )
        for group in groups:
            save(
                MeetingKind.GROUP,
                date(year, month, 20),
                f"{group.name}{month}月学习会：{theme}",
                group=group,
                host=group.leader_name or host_name,
                target=550,
            )
        if month % 3 == 0:
            quarter = month // 3
            save(
                MeetingKind.PARTY_LECTURE,
                date(year, month, 25),
                texts.LECTURE_THEMES[quarter - 1],
                speaker=host_name,
                agenda=[AgendaDraft("书记讲党课"), AgendaDraft("交流研讨")],
            )
            save(MeetingKind.BRANCH_ASSEMBLY, date(year, month, 10), f"第{quarter}季度支部党员大会")
    _admission_meeting(save, members, year)
    life_day = min(date(year, 12, 10), today)
    if life_day >= date(year, 10, 1):
        save(
            MeetingKind.LIFE_MEETING,
            life_day,
            f"{year}年度组织生活会暨民主评议党员",
            agenda=[
                AgendaDraft("支部班子对照检查"),
                AgendaDraft("党员开展批评与自我批评"),
                AgendaDraft("民主评议党员"),
            ],
        )
    talk_count = _talks(rnd, talks, list(seats.values()), members, year, today)
    return DemoYear(count, talk_count)


def _with_leave(rnd, lines):
    """One or two members on leave with a reason, and now and then one absent."""
    if len(lines) < 4:
        return lines
    lines = list(lines)
    for index in rnd.sample(range(len(lines)), rnd.randint(1, 2)):
        lines[index] = replace(
            lines[index], status=AttendanceStatus.LEAVE, reason=rnd.choice(LEAVE_REASONS)
        )
    if rnd.random() < 0.15:
        index = rnd.randrange(len(lines))
        if lines[index].status == AttendanceStatus.PRESENT:
            lines[index] = replace(lines[index], status=AttendanceStatus.ABSENT, reason="未请假")
    return lines


def _admission_meeting(save, members, year) -> None:
    """The branch meeting that admitted this year's probationary member, on their joining day."""
    newcomer = next(
        (
            m
            for m in sorted(members, key=lambda m: m.joined_date)
            if m.category == MemberCategory.PROBATIONARY and m.joined_date.year == year
        ),
        None,
    )
    if newcomer is None:
        return
    save(
        MeetingKind.BRANCH_ASSEMBLY,
        newcomer.joined_date,
        f"讨论接收{newcomer.name}同志为预备党员",
        sitting_in=f"发展对象 {newcomer.name}",
        agenda=[
            AgendaDraft(f"讨论接收{newcomer.name}同志为中共预备党员", True, VoteKind.ADMISSION),
            AgendaDraft("入党介绍人介绍情况"),
        ],
    )


def _talks(rnd, talks: TalkService, seats, members, year: int, today: date) -> int:
    active = [m for m in members if m.status == MemberStatus.ACTIVE]
    last = min(today, date(year, 12, 31))
    saved = 0
    for seat in seats:
        others = [m for m in active if m.id != seat.member_id]
        share = len(others) if seat.role == CommitteeRole.SECRETARY else max(5, len(others) // 5)
        for member in rnd.sample(others, min(share, len(others), 14)):
            on = date.fromordinal(rnd.randint(date(year, 1, 5).toordinal(), last.toordinal()))
            kind = TalkKind.HEART_TO_HEART if rnd.random() < 0.8 else TalkKind.REMINDER
            draft = TalkDraft(
                talk_date=on,
                kind=kind,
                place=rnd.choice(("书记工作室", "教研室", "党员活动室")),
                topic=rnd.choice(texts.TALK_TOPICS),
                content=texts.compose(
                    rnd,
                    (texts.TALK_OPENING, texts.TALK_MIDDLE, texts.TALK_CLOSING),
                    rnd.randint(900, 1300),
                    talker=seat.member_name,
                    talkee=member.name,
                ),
                member_view=f"{member.name}表示认同支部意见，将在工作中认真落实。",
                follow_up="持续关注其教学科研进展，下次谈话时了解落实情况。",
                talker_ids=[seat.member_id],
                talkee_ids=[member.id],
            )
            talks.save(draft, today=today)
            saved += 1
    return saved
