"""The demo year's 民主评议党员 and the 双带头人 satisfaction survey of its secretary.

The evaluation runs on the meetings records.py planned for it: the 组织生活会 holds the 民主测评
(ballots cast: those present), the next 支委会 proposes the grades and the 支部党员大会 after it
decides them; the public notice (5 working days) and the filing follow. 优秀 exactly at the cap
(the share of those evaluated), one 基本合格 with its reason and a deadline to put it right,
the rest 合格, no 不合格; the grade's ballots agree with it but for the 基本合格, whose
committee explained why (kept as the warning's reason). Most members hand in a 个人总结 drawn
from the phrases below. The survey is filled in at the same 组织生活会.

Nothing is dated after ``today``: a year in progress shows the steps held so far (none before
its 组织生活会), its grades only once the meetings that give them were held.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from dualleader_desktop.demo.records import EVALUATION_THEME
from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.domain.evaluation import (
    Ballots,
    EvaluationDraft,
    FollowUp,
    Grade,
    Step,
    excellent_cap,
)
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.storage.database import Database

NOTICE_DAYS = 5  # working days
# the courses a member of each department teaches, named in their 个人总结
COURSES = {
    "机电一体化教研室": ("液压与气动技术", "机电设备安装与调试", "机械制图"),
    "工业机器人教研室": ("工业机器人编程与操作", "机器视觉技术应用"),
    "智能制造教研室": ("智能制造系统集成", "数字孪生技术应用"),
    "数控技术教研室": ("数控编程与加工", "CAD/CAM 技术"),
    "电气自动化教研室": ("PLC 应用技术", "电工电子技术", "电机与电气控制"),
    "学院办公室": ("形势与政策", "职业生涯规划"),
}
OPENINGS = (
    "按照支部民主评议党员工作安排，现将本人{year}年的学习、工作和作风情况总结如下。",
    "{year}年，我在学院党总支和支部的领导下，以党员标准严格要求自己，较好地完成了各项任务。现将一年来的情况报告如下。",
    "一年来，我认真履行党员义务，立足{department}的岗位做好本职工作。对照党员标准，现作个人总结如下。",
)
STUDY = (
    "思想上，我按时参加“三会一课”和主题党日活动，认真学习党的创新理论，坚持记学习笔记，政治立场坚定。",
    "我积极参加支部集中学习和党小组学习，结合专业教学谈体会、找差距，不断提高政治判断力和政治执行力。",
    "我认真学习党章党规，自觉用党员标准对照检查，在思想上政治上行动上同党中央保持高度一致。",
    "我坚持把理论学习同教书育人结合起来，在课堂上注重价值引领，把立德树人落实到教学全过程。",
)
WORK = (
    "教学上，本年度承担《{course}》等课程的教学任务，认真备课上课，把课程思政融入专业教学，学生评教优良。",
    "积极参与{department}的专业建设和课程标准修订，牵头完成《{course}》数字化教学资源的建设。",
    "指导学生参加职业技能大赛，获得省级奖项，做到以赛促教、以赛促学。",
    "参与校企合作项目，利用假期到合作企业开展实践锻炼，把企业真实案例引入《{course}》的课堂。",
    "申报并主持一项校级教改课题，在学院教研活动中作了一次课程思政经验交流。",
    "担任班主任，经常深入学生宿舍和课堂，关心学生的思想动态和学业发展。",
    "主动与一名青年教师结对，听课评课十余次，帮助其提高教学基本功。",
    "面向合作企业开展技术服务和员工培训，把专业所长用在服务地方产业上。",
)
ROLES = {
    CommitteeRole.SECRETARY: "作为支部书记，我坚持党建工作与专业建设同谋划、同推进，带头讲党课，按要求完成与每名党员的谈心谈话。",
    CommitteeRole.DEPUTY_SECRETARY: "作为支部副书记，我协助书记抓好支部日常工作，认真组织党员学习教育。",
    CommitteeRole.ORGANIZATION: "作为组织委员，我负责“三会一课”的组织和记录，做好党员发展和党费收缴工作。",
    CommitteeRole.PROPAGANDA: "作为宣传委员，我负责支部的理论学习安排和宣传报道，组织编写了主题党日活动简报。",
    CommitteeRole.DISCIPLINE: "作为纪检委员，我带头遵守党的纪律，协助书记抓好师德师风和廉洁教育。",
}
SHORTCOMINGS = (
    "对照党员标准，自己还存在一些不足：理论学习的系统性不够，有时满足于完成学习任务，学用结合不够紧密。",
    "不足之处是工作中有时重业务、轻学习，联系群众、关心学生还不够深入细致。",
    "存在的不足：科研创新能力有待提高，成果转化的办法不多。",
    "批评与自我批评开展得不够经常，有时碍于情面，提意见不够直接。",
)
PLANS = (
    "今后，我将继续加强理论学习，立足教学岗位，在立德树人中更好地发挥党员先锋模范作用。",
    "下一步，我将针对存在的不足认真整改，以更高的标准要求自己，为支部建设和学院发展多作贡献。",
    "新的一年里，我将把党建工作要求落实到教学科研的每个环节，争做“四有”好老师。",
)
BASIC_REASON = "理论学习主动性不强，全年参加“三会一课”不够经常，多次请假；在教研室工作中发挥党员先锋模范作用不够明显。"
BASIC_FOLLOW_UP_DAYS = 90  # 限期改正 within about three months of the decision
SUGGESTIONS = (
    "希望多组织党员教师到合作企业开展实践学习",
    "建议主题党日活动与教研活动结合得更紧密",
    "希望支部多关心青年教师的职称评审和成长发展",
    "建议增加党员教师教学经验交流的机会",
    "希望理论学习形式更加多样，多开展研讨交流",
)


def _working_day(on: date, after: int = 0) -> date:
    """The first Monday to Friday on or after ``on``, then ``after`` working days later."""
    while on.weekday() >= 5:
        on += timedelta(days=1)
    for _ in range(after):
        on += timedelta(days=1)
        while on.weekday() >= 5:
            on += timedelta(days=1)
    return on


def populate_demo_evaluation(db: Database, year: int, *, today: date, seed: int) -> bool:
    """The year's evaluation and survey, for the branch and meetings already in ``db``; False
    (nothing written) when the year's 组织生活会 has not been held by ``today``."""
    rnd = random.Random(f"evaluation:{seed}")
    services = BranchServices(db)
    evaluations = services.evaluations
    held = {  # the meetings holding its steps, the first first
        kind: [
            m
            for m in reversed(services.meetings.list_meetings(kind=kind, year=year))
            if EVALUATION_THEME in m.theme
        ]
        for kind in (MeetingKind.LIFE_MEETING, MeetingKind.COMMITTEE, MeetingKind.BRANCH_ASSEMBLY)
    }
    if not held[MeetingKind.LIFE_MEETING]:
        return False
    poll_day, cast = evaluations.poll_meeting(held[MeetingKind.LIFE_MEETING][0].id)
    draft = evaluations.with_roll(EvaluationDraft(year), poll_day)
    draft.ballots_cast = cast
    _date_steps(draft, held, today)
    seats = {s.member_id: s.role for s in services.branch.list_committee(on=poll_day)}
    members = {m.id: m for m in services.members.list_members()}
    on_paper = set(rnd.sample(range(len(draft.lines)), len(draft.lines) // 12))
    for index, line in enumerate(draft.lines):
        if index not in on_paper:  # theirs was handed in on paper
            member = members[line.member_id]
            line.self_review = _self_review(rnd, member, seats.get(line.member_id), year)
    _grade(rnd, draft, seats)
    draft.notes = _notes(draft)
    evaluations.save(draft)
    _survey(rnd, services, year, poll_day, cast)
    return True


def _date_steps(draft: EvaluationDraft, held, today: date) -> None:
    """Every step taken by ``today`` (the meetings were held by then): 学习动员 three weeks and
    the 个人总结 a week before the 测评 at the 组织生活会, the 支委会 and the 支部党员大会 after
    it, then the notice and the filing."""
    poll = held[MeetingKind.LIFE_MEETING][0]
    draft.step(Step.MOBILIZE).on = _working_day(poll.meeting_date - timedelta(days=21))
    draft.step(Step.SELF_REVIEW).on = _working_day(poll.meeting_date - timedelta(days=7))
    draft.step(Step.POLL).on = last = poll.meeting_date
    draft.step(Step.POLL).meeting_id = poll.id
    for step, kind in (
        (Step.PROPOSE, MeetingKind.COMMITTEE),
        (Step.DECIDE, MeetingKind.BRANCH_ASSEMBLY),
    ):
        meeting = next((m for m in held[kind] if m.meeting_date > last), None)
        if meeting is None:
            return
        entry = draft.step(step)
        entry.on = last = meeting.meeting_date
        entry.meeting_id = meeting.id
    start = _working_day(last + timedelta(days=1))
    until = _working_day(start, NOTICE_DAYS - 1)
    filed = _working_day(until + timedelta(days=1), 1)
    end = min(today, date(draft.year, 12, 31))
    if until <= end:  # a notice shows once it has run its days
        draft.step(Step.NOTICE).on, draft.step(Step.NOTICE).until = start, until
    if filed <= end:
        draft.step(Step.FILE).on = filed


def _self_review(rnd: random.Random, member, role: CommitteeRole | None, year: int) -> str:
    """A 个人总结 of 330–560 characters in four paragraphs: an opening; what was learnt; what
    was done (and done on the committee), as many things as the length drawn asks; what fell
    short and what comes next."""
    course = rnd.choice(COURSES.get(member.department, COURSES["学院办公室"]))
    values = {"year": year, "department": member.department or "所在部门", "course": course}
    work, more = [ROLES[role]] if role is not None else [], rnd.sample(WORK, len(WORK))
    paragraphs = [
        [rnd.choice(OPENINGS)],
        rnd.sample(STUDY, 2),
        work,
        [rnd.choice(SHORTCOMINGS), rnd.choice(PLANS)],
    ]
    target = rnd.randint(330, 500)
    while True:
        text = "\n".join("".join(paragraph) for paragraph in paragraphs).format(**values)
        if len(text) >= target or not more:
            return text
        work.append(more.pop())


def _grade(rnd: random.Random, draft: EvaluationDraft, seats) -> None:
    """Ballots for everyone; the grades the meetings held so far gave. 优秀 are full members
    up to the cap, 基本合格 one full member off the committee."""
    full = [line for line in draft.lines if not line.probationary]
    basic = rnd.choice([line for line in full if line.member_id not in seats])
    cap = excellent_cap(len(draft.lines), draft.excellent_share)
    excellent = {
        line.member_id for line in rnd.sample([line for line in full if line is not basic], cap)
    }
    proposed = draft.step(Step.PROPOSE).on is not None
    decided = draft.step(Step.DECIDE).on is not None
    for line in draft.lines:
        grade = (
            Grade.BASIC
            if line is basic
            else Grade.EXCELLENT
            if line.member_id in excellent
            else Grade.QUALIFIED
        )
        line.ballots = _ballots(rnd, grade, draft.ballots_cast)
        line.proposed = grade if proposed else None
        line.final = grade if decided else None
    if proposed:
        basic.reason = BASIC_REASON
    if decided:
        basic.follow_up = FollowUp.RECTIFY
        basic.follow_up_date = _working_day(
            draft.step(Step.DECIDE).on + timedelta(days=BASIC_FOLLOW_UP_DAYS)
        )
        draft.overrides[f"majority:{basic.member_id}"] = (
            f"民主测评中{basic.name}同志“合格”{basic.ballots.qualified} 票、“基本合格”"
            f"{basic.ballots.basic} 票；支委会结合其全年参加组织生活和发挥作用的情况提出"
            "“基本合格”，经支部党员大会表决同意。"
        )


def _ballots(rnd: random.Random, grade: Grade, cast: int) -> Ballots:
    """Ballots whose most are for ``grade``, but for 基本合格, most of whose are 合格; now and
    then a paper left this member blank."""
    given = cast - int(rnd.random() < 0.15)
    excellent = basic = unqualified = 0
    if grade == Grade.EXCELLENT:
        excellent = round(given * rnd.uniform(0.6, 0.9))
    elif grade == Grade.BASIC:
        excellent = rnd.randint(0, 1)
        basic = round(given * rnd.uniform(0.3, 0.4))
        unqualified = rnd.randint(0, 2)
    else:
        excellent = round(given * rnd.uniform(0.05, 0.38))
        basic = int(rnd.random() < 0.2)
    return Ballots(excellent, given - excellent - basic - unqualified, basic, unqualified)


def _notes(draft: EvaluationDraft) -> str:
    """What happened so far, in the secretary's words."""
    lines, cast = draft.lines, draft.ballots_cast
    poll = draft.step(Step.POLL).on
    on_paper = sum(not line.self_review for line in lines)
    notes = [
        f"参评党员 {len(lines)} 名（其中预备党员 {sum(line.probationary for line in lines)} 名），"
        f"{on_paper} 名党员的个人总结为纸质稿，另行存档。"
        f"{poll.month}月{poll.day}日召开组织生活会开展民主测评，到会 {cast} 人，"
        f"发出测评票 {cast} 张，收回 {cast} 张。"
    ]
    grades = [line.final for line in lines if line.final is not None]
    if grades:
        counts = "、".join(f"{g.label} {grades.count(g)} 名" for g in Grade if grades.count(g))
        notes.append(f"经支委会研究提出、支部党员大会表决，评定{counts}，无不合格党员。")
    elif draft.step(Step.PROPOSE).on is not None:
        notes.append("支委会已研究提出等次建议，待支部党员大会表决。")
    else:
        notes.append("测评结果待支委会研究提出等次建议。")
    notice = draft.step(Step.NOTICE)
    if notice.until is not None:
        notes.append(
            f"评议结果于{notice.on.month}月{notice.on.day}日至{notice.until.month}月"
            f"{notice.until.day}日在支部公示，无异议。"
        )
    if draft.step(Step.FILE).on is not None:
        notes.append("评议材料已报学院党总支备案。")
    return "".join(notes)


def _survey(rnd: random.Random, services: BranchServices, year: int, on: date, cast: int):
    """The secretary's survey, filled in by those at the 组织生活会: mostly 满意, a few
    基本满意, now and then one 不满意 or a blank."""
    surveys = services.surveys
    draft = surveys.new_draft(year, today=on)
    draft.survey_date, draft.respondents = on, cast
    for item in draft.items:
        item.dissatisfied = int(rnd.random() < 0.15)
        item.fairly = rnd.randint(1, max(1, cast // 8))
        item.satisfied = cast - int(rnd.random() < 0.1) - item.dissatisfied - item.fairly
    draft.notes = (
        f"{on.month}月{on.day}日在组织生活会上开展测评，发放测评表 {cast} 份，收回 {cast} 份。"
        f"党员的意见建议：{'；'.join(rnd.sample(SUGGESTIONS, 2))}。"
    )
    surveys.save(draft)
