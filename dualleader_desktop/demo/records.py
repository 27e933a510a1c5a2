"""A plausible year of meetings and talks for the demo branch.

The meetings are what domain/meeting_rules.MEETING_RULES asks, each kind on its fixed day of
the month: with the defaults a 支委会 and a 主题党日 each month, a 党小组会 per group each
month, a 支部党员大会 and a 党课 each quarter, one 组织生活会 in Q4. Change a rule and the demo
follows. The 组织生活会 holds the 民主评议党员's 民主测评; the next 支委会 proposes the grades and
the 支部党员大会 after it decides them (demo/evaluation.py records the evaluation on them).
Besides them: 20+ talks, a few members on leave with reasons (never the meeting's host or
recorder), and one branch meeting with a vote on admitting a member. Only dates up to
``today`` are filled, so the current year reads like a year in progress.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from dualleader_desktop.demo import texts
from dualleader_desktop.domain import meeting_rules
from dualleader_desktop.domain.enums import CommitteeRole, MemberCategory, MemberStatus
from dualleader_desktop.domain.meeting_records import AgendaDraft, MeetingDraft
from dualleader_desktop.domain.meeting_rules import (
    FrequencyRule,
    Period,
    PeriodSpan,
    RuleScope,
    periods_in_year,
)
from dualleader_desktop.domain.meetings import (
    AttendanceStatus,
    IntegrationTag,
    MeetingKind,
    VoteKind,
)
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.domain.talks import TalkKind
from dualleader_desktop.services.branch import GroupRecord
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.database import Database

LEAVE_REASONS = ("因公出差", "病假", "参加外出培训", "带学生参加技能大赛", "企业实践")
PLACES = ("党员活动室", "学院会议室", "实训楼 301", "智能制造实训中心")
# in the themes of the three meetings that hold the 民主评议党员's steps
EVALUATION_THEME = "民主评议党员"
PROPOSAL_MINUTES = (
    "会议通报了民主测评票的统计情况，逐一分析了每名党员的测评结果。",
    "与会支委结合党员全年参加组织生活、履职尽责和发挥作用的情况，逐人研究提出了评议等次建议。",
    "会议认为，评定优秀等次要严格控制比例，坚持标准，让评议结果经得起党员群众检验。",
)
DECISION_MINUTES = (
    "会议宣读了支委会提出的党员评议等次建议，与会党员逐人进行了讨论。",
    "会议要求，评议结果在支部公示五个工作日，公示无异议后报学院党总支备案。",
    "对评为基本合格的党员，支部将明确整改要求和期限，安排支委帮助其改进提高。",
)
# the day of the month each kind is held on (a 主题党日 has a fixed day, DOMAIN.md); the
# 组织生活会 comes before the month's 支委会 and 支部党员大会, which propose and decide the
# grades of its 民主评议党员
DAY_OF_MONTH = {
    MeetingKind.COMMITTEE: 5,
    MeetingKind.BRANCH_ASSEMBLY: 10,
    MeetingKind.LIFE_MEETING: 2,
    MeetingKind.THEME_DAY: 15,
    MeetingKind.GROUP: 20,
    MeetingKind.PARTY_LECTURE: 25,
}


@dataclass(frozen=True)
class DemoYear:
    meetings: int
    talks: int


@dataclass(frozen=True)
class Slot:
    """One meeting the rules ask for: its kind and day, the group holding it (党小组会) and the
    period of the rule that asked for it."""

    on: date
    kind: MeetingKind
    span: PeriodSpan
    group: GroupRecord | None = None


def meeting_plan(
    rules: Iterable[FrequencyRule], year: int, groups: Sequence[GroupRecord], today: date
) -> list[Slot]:
    """The fewest meetings that meet every rule in ``year``, in date order.

    Rules of finer periods are planned first and a coarser rule only adds what they leave
    short (the quarterly 党课 already make the secretary's one a year). The demo's secretary
    gives every 党课 and its branch has a committee, so those scopes count the branch's
    meetings; a 党小组会 rule counts each group's. A meeting is placed at the end of its period
    (the last month of a quarter), several in a period spread over it, each on its kind's day.
    Nothing falls after ``today``, except that a yearly meeting whose usual quarter has begun
    (组织生活会 in Q4) is held ``today``, so a year in progress already shows it.
    """
    planned: dict[tuple[MeetingKind, int | None], list[Slot]] = defaultdict(list)
    for rule in sorted(rules, key=lambda rule: rule.period.months):
        owners = groups if rule.scope == RuleScope.EACH_GROUP else [None]
        for span in periods_in_year(rule.period, year):
            window = span
            if rule.usual_quarter:
                window = periods_in_year(Period.QUARTER, year)[rule.usual_quarter - 1]
            for group in owners:
                slots = planned[rule.kind, group.id if group else None]
                taken = {slot.on for slot in slots}
                for index in range(sum(span.holds(s.on) for s in slots), rule.min_count):
                    on = _day(DAY_OF_MONTH[rule.kind], window, index, rule.min_count, taken)
                    if on > today and rule.usual_quarter and window.start <= today:
                        on = today
                    if on <= today and on not in taken:
                        taken.add(on)
                        slots.append(Slot(on, rule.kind, span, group))
    kinds = list(MeetingKind)
    return sorted(
        (slot for slots in planned.values() for slot in slots),
        key=lambda s: (s.on, kinds.index(s.kind), groups.index(s.group) if s.group else -1),
    )


def _day(day: int, window: PeriodSpan, index: int, count: int, taken: set[date]) -> date:
    """The day of meeting ``index`` of ``count`` in ``window``: the last month of its share of
    the window, on ``day``; the nearest free day to that when it is taken."""
    months = window.end.month - window.start.month + 1
    month = window.start.month - 1 - (-(index + 1) * months // count)
    wanted = date(window.start.year, month, day)
    if wanted not in taken:
        return wanted
    days = [window.start + timedelta(days=n) for n in range((window.end - window.start).days + 1)]
    free = [d for d in days if d not in taken] or [wanted]
    return min(free, key=lambda d: (abs(d - wanted), d))


def populate_demo_year(
    db: Database,
    year: int,
    *,
    today: date,
    seed: int | None = None,
    rules: Iterable[FrequencyRule] | None = None,
) -> DemoYear:
    """Meetings and talks of ``year`` up to ``today``, for the branch already in ``db``.

    ``rules`` default to ``meeting_rules.MEETING_RULES`` as it is when called."""
    rules = meeting_rules.MEETING_RULES if rules is None else rules
    rnd = random.Random(seed if seed is not None else year * 7)
    services = BranchServices(db)
    branch, members_service = services.branch, services.members
    meetings, talks = services.meetings, services.talks
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
        draft.attendance = _with_leave(rnd, draft.attendance, keep={host, recorder_name})
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

    held: dict[MeetingKind, int] = defaultdict(int)
    todo = []  # (day, kind, theme, what else), saved in date order
    plan = meeting_plan(rules, year, branch.list_groups(), today)
    evaluation = _evaluation_slots(plan)
    for slot in plan:
        held[slot.kind] += 1
        theme, details = _theme(slot, held[slot.kind], year, host_name, slot in evaluation)
        todo.append((slot.on, slot.kind, theme, {"group": slot.group, **details}))
    todo += _admission_meeting(members, year)
    for on, kind, theme, details in sorted(todo, key=lambda meeting: meeting[0]):
        save(kind, on, theme, **details)
    talk_count = _talks(rnd, talks, list(seats.values()), members, year, today)
    return DemoYear(count, talk_count)


def _evaluation_slots(plan: Sequence[Slot]) -> list[Slot]:
    """The 支委会 next after the year's 组织生活会 and the 支部党员大会 next after that: they
    propose and decide the grades of its 民主评议党员 (fewer when the year has none yet)."""
    life = next((slot for slot in plan if slot.kind == MeetingKind.LIFE_MEETING), None)
    if life is None:
        return []
    chosen, after = [], life.on
    for kind in (MeetingKind.COMMITTEE, MeetingKind.BRANCH_ASSEMBLY):
        slot = next((s for s in plan if s.kind == kind and s.on > after), None)
        if slot is None:
            break
        chosen.append(slot)
        after = slot.on
    return chosen


def _theme(
    slot: Slot, number: int, year: int, host_name: str, evaluation: bool
) -> tuple[str, dict]:
    """The theme of a planned meeting and what else it holds, by kind; ``number`` counts the
    meetings of its kind so far this year (1 for the first); ``evaluation``: it proposes or
    decides the grades of the 民主评议党员."""
    month = slot.on.month
    if slot.kind == MeetingKind.COMMITTEE and evaluation:
        return f"{month}月支委会：研究提出{EVALUATION_THEME}等次建议", {
            "banks": (texts.OPENINGS, PROPOSAL_MINUTES, texts.DISCUSSION, texts.CLOSINGS),
            "agenda": [AgendaDraft("通报民主测评结果"), AgendaDraft("研究提出党员评议等次建议")],
        }
    if slot.kind == MeetingKind.COMMITTEE:
        return f"{month}月支委会：研究部署{month}月份支部工作", {}
    if slot.kind == MeetingKind.THEME_DAY:
        banks = (texts.OPENINGS, texts.STUDY, texts.THEME_DAY_EXTRA)
        return f"{month}月主题党日：{texts.MONTH_THEMES[month]}", {
            "banks": (*banks, texts.DISCUSSION, texts.CLOSINGS),
            "target": 1150,
        }
    if slot.kind == MeetingKind.GROUP:
        assert slot.group is not None
        return f"{slot.group.name}{month}月学习会：{texts.MONTH_THEMES[month]}", {
            "host": slot.group.leader_name or host_name,
            "target": 550,
        }
    if slot.kind == MeetingKind.PARTY_LECTURE:
        return texts.LECTURE_THEMES[(number - 1) % len(texts.LECTURE_THEMES)], {
            "speaker": host_name,
            "agenda": [AgendaDraft("书记讲党课"), AgendaDraft("交流研讨")],
        }
    if slot.kind == MeetingKind.BRANCH_ASSEMBLY and evaluation:
        return f"{slot.span.label}支部党员大会暨{EVALUATION_THEME}等次表决", {
            "banks": (texts.OPENINGS, DECISION_MINUTES, texts.DISCUSSION, texts.CLOSINGS),
            "agenda": [AgendaDraft("讨论通过党员评议等次", True), AgendaDraft("部署评议结果公示")],
        }
    if slot.kind == MeetingKind.BRANCH_ASSEMBLY:
        return f"{slot.span.label}支部党员大会", {}
    return f"{year}年度组织生活会暨{EVALUATION_THEME}", {
        "agenda": [
            AgendaDraft("支部班子对照检查"),
            AgendaDraft("党员开展批评与自我批评"),
            AgendaDraft("民主评议党员"),
        ]
    }


def _with_leave(rnd, lines, *, keep: set[str]):
    """One or two members on leave with a reason, and now and then one absent; never one
    named in ``keep`` (the host and the recorder, who were there: MeetingService warns of a
    record that marks them away)."""
    if len(lines) < 4:
        return lines
    lines = list(lines)
    away = [index for index, line in enumerate(lines) if line.name not in keep]
    for index in rnd.sample(away, rnd.randint(1, 2)):  # 4 lines leave 2 or more away
        lines[index] = replace(
            lines[index], status=AttendanceStatus.LEAVE, reason=rnd.choice(LEAVE_REASONS)
        )
    if rnd.random() < 0.15:
        index = rnd.choice(away)
        if lines[index].status == AttendanceStatus.PRESENT:
            lines[index] = replace(lines[index], status=AttendanceStatus.ABSENT, reason="未请假")
    return lines


def _admission_meeting(members, year) -> list[tuple[date, MeetingKind, str, dict]]:
    """The branch meeting that admitted this year's probationary member, on their joining day
    (none when nobody joined this year)."""
    newcomer = next(
        (
            m
            for m in sorted(members, key=lambda m: m.joined_date)
            if m.category == MemberCategory.PROBATIONARY and m.joined_date.year == year
        ),
        None,
    )
    if newcomer is None:
        return []
    details = {
        "sitting_in": f"发展对象 {newcomer.name}",
        "agenda": [
            AgendaDraft(f"讨论接收{newcomer.name}同志为中共预备党员", True, VoteKind.ADMISSION),
            AgendaDraft("入党介绍人介绍情况"),
        ],
    }
    theme = f"讨论接收{newcomer.name}同志为预备党员"
    return [(newcomer.joined_date, MeetingKind.BRANCH_ASSEMBLY, theme, details)]


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
