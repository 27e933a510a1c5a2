"""民主评议党员: the year's steps, each member's ballots and grades, the tally and the rules.

Pure Python (no database, no Qt): the service stores what is here, the page shows it, the
documents print it. DOMAIN.md: grades 优秀 / 合格 / 基本合格 / 不合格; 优秀 generally at most
one third of the members evaluated (configurable per evaluation).

The rules come in two strengths. A *problem* refuses the save (ballots that add up to more than
the ballots cast, a 基本合格/不合格 without its reason, a notice that ends before it starts); a
*warning* (优秀 over the cap, a grade against the ballots or the committee, steps out of order)
is shown until the secretary explains it: the reason is kept with the record (``overrides``,
by the warning's ``key``) and printed nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

from dualleader_desktop.domain.attachments import AttachmentInfo
from dualleader_desktop.domain.enums import LabeledEnum
from dualleader_desktop.domain.meetings import MeetingKind

DEFAULT_EXCELLENT_SHARE = Fraction(1, 3)


class Grade(LabeledEnum):
    EXCELLENT = "excellent"
    QUALIFIED = "qualified"
    BASIC = "basic"
    UNQUALIFIED = "unqualified"

    @classmethod
    def _labels(cls):
        return {
            cls.EXCELLENT: "优秀",
            cls.QUALIFIED: "合格",
            cls.BASIC: "基本合格",
            cls.UNQUALIFIED: "不合格",
        }

    @property
    def needs_reason(self) -> bool:
        """基本合格 and 不合格 are decided with their reason and what follows."""
        return self in (Grade.BASIC, Grade.UNQUALIFIED)


GRADES = tuple(Grade)


class FollowUp(LabeledEnum):
    """What follows a 基本合格 or 不合格 (党章 and the 条例: correct within a time, or leave)."""

    RECTIFY = "rectify"
    PERSUADE = "persuade"
    REMOVE = "remove"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            cls.RECTIFY: "限期改正",
            cls.PERSUADE: "劝其退党",
            cls.REMOVE: "除名",
            cls.OTHER: "其他",
        }


class Step(LabeledEnum):
    MOBILIZE = "mobilize"
    SELF_REVIEW = "self_review"
    POLL = "poll"
    PROPOSE = "propose"
    DECIDE = "decide"
    NOTICE = "notice"
    FILE = "file"

    @classmethod
    def _labels(cls):
        return {
            cls.MOBILIZE: "学习动员",
            cls.SELF_REVIEW: "个人自评",
            cls.POLL: "民主测评",
            cls.PROPOSE: "支委会提出等次",
            cls.DECIDE: "支部党员大会决定",
            cls.NOTICE: "公示",
            cls.FILE: "上报归档",
        }

    @property
    def meeting_kinds(self) -> tuple[MeetingKind, ...]:
        """The meetings that can hold this step (none: the step is not a meeting)."""
        return _STEP_MEETINGS.get(self, ())


STEPS = tuple(Step)
_STEP_MEETINGS = {
    Step.MOBILIZE: (MeetingKind.BRANCH_ASSEMBLY, MeetingKind.LIFE_MEETING),
    Step.POLL: (MeetingKind.LIFE_MEETING, MeetingKind.BRANCH_ASSEMBLY),
    Step.PROPOSE: (MeetingKind.COMMITTEE,),
    Step.DECIDE: (MeetingKind.BRANCH_ASSEMBLY,),
}


@dataclass
class StepEntry:
    step: Step
    on: date | None = None
    until: date | None = None  # the notice's last day; other steps are one day
    meeting_id: int | None = None
    meeting_label: str = ""  # "2025-12-10 组织生活会：…", filled when read


@dataclass
class Ballots:
    excellent: int = 0
    qualified: int = 0
    basic: int = 0
    unqualified: int = 0

    def of(self, grade: Grade) -> int:
        return getattr(self, grade.name.lower())

    def counts(self) -> tuple[int, int, int, int]:
        return self.excellent, self.qualified, self.basic, self.unqualified

    @property
    def total(self) -> int:
        return sum(self.counts())

    def majority(self) -> Grade | None:
        """The grade with the most ballots; None with no ballots or a tie for the most."""
        best = max(self.counts())
        leaders = [g for g in GRADES if self.of(g) == best]
        return leaders[0] if best > 0 and len(leaders) == 1 else None

    @classmethod
    def of_counts(cls, counts: Sequence[int]) -> Ballots:
        return cls(*counts)


@dataclass
class EvaluationLine:
    """One member evaluated: their self-evaluation, ballots and grades."""

    member_id: int
    name: str
    probationary: bool = False
    self_review: str = ""
    self_review_file: str = ""  # the name of one of the evaluation's attachments
    ballots: Ballots = field(default_factory=Ballots)
    proposed: Grade | None = None
    final: Grade | None = None
    reason: str = ""
    follow_up: FollowUp | None = None
    follow_up_date: date | None = None


@dataclass
class EvaluationDraft:
    year: int
    steps: list[StepEntry] = field(default_factory=lambda: [StepEntry(s) for s in STEPS])
    ballots_cast: int = 0  # the papers handed in: those present at the 测评 meeting
    excellent_share: Fraction = DEFAULT_EXCELLENT_SHARE
    lines: list[EvaluationLine] = field(default_factory=list)
    # ballot papers typed one by one: each maps member id -> grade; empty when counts were typed
    papers: list[dict[int, Grade]] = field(default_factory=list)
    overrides: dict[str, str] = field(default_factory=dict)  # warning key -> why it stands
    notes: str = ""
    attachments: list[AttachmentInfo] = field(default_factory=list)
    new_files: list[Path] = field(default_factory=list)

    def step(self, step: Step) -> StepEntry:
        for entry in self.steps:
            if entry.step == step:
                return entry
        entry = StepEntry(step)
        self.steps.append(entry)
        return entry

    def line(self, member_id: int) -> EvaluationLine | None:
        return next((line for line in self.lines if line.member_id == member_id), None)


@dataclass(frozen=True)
class EvaluationRecord:
    id: int
    version: int
    draft: EvaluationDraft


def count_papers(papers: Iterable[Mapping[int, Grade]], member_ids: Iterable[int]) -> dict:
    """Ballots per member from papers typed one by one (a blank on a paper counts nowhere)."""
    counts = {member_id: [0, 0, 0, 0] for member_id in member_ids}
    column = {grade: i for i, grade in enumerate(GRADES)}
    for paper in papers:
        for member_id, grade in paper.items():
            if member_id in counts and grade is not None:
                counts[member_id][column[grade]] += 1
    return {member_id: Ballots.of_counts(c) for member_id, c in counts.items()}


def excellent_cap(evaluated: int, share: Fraction = DEFAULT_EXCELLENT_SHARE) -> int:
    """How many may be graded 优秀: the share of those evaluated, rounded down (7 → 2)."""
    return int(evaluated * share)


def share_label(share: Fraction) -> str:
    return f"{share.numerator}/{share.denominator}" if share.denominator != 1 else "全部"


# ---- tally -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TallyLine:
    member_id: int
    name: str
    probationary: bool
    counts: tuple[int, int, int, int]
    shares: tuple[float, float, float, float]  # of the ballots cast (0 when none were)
    good_share: float  # 优秀 + 合格
    majority: Grade | None
    proposed: Grade | None
    final: Grade | None


@dataclass(frozen=True)
class Tally:
    lines: list[TallyLine]
    cast: int
    distribution: dict[Grade, int]  # final grades (the proposed ones where none is final yet)
    cap: int


def tally(draft: EvaluationDraft) -> Tally:
    """Per member the counts and shares, and the branch's distribution of grades. Cheap
    enough to run on every keystroke of a 200-member grid (benchmarks/bench_evaluation.py)."""
    cast = draft.ballots_cast
    lines = []
    distribution = dict.fromkeys(GRADES, 0)
    for line in draft.lines:
        counts = line.ballots.counts()
        shares = tuple(c / cast if cast else 0.0 for c in counts)
        lines.append(
            TallyLine(
                line.member_id,
                line.name,
                line.probationary,
                counts,
                shares,
                shares[0] + shares[1],
                line.ballots.majority(),
                line.proposed,
                line.final,
            )
        )
        grade = line.final or line.proposed
        if grade is not None:
            distribution[grade] += 1
    return Tally(lines, cast, distribution, excellent_cap(len(draft.lines), draft.excellent_share))


# ---- rules -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleWarning:
    key: str  # stable: "cap", "majority:12", "proposal:12", "order:decide"
    message: str
    member_id: int | None = None


@dataclass(frozen=True)
class Review:
    problems: dict[str, str]  # field -> refusal; "line:12" for a member's line
    warnings: list[RuleWarning]  # all of them, explained or not
    explained: dict[str, str]  # warning key -> the kept reason (a subset of the warnings)

    @property
    def open_warnings(self) -> list[RuleWarning]:
        return [w for w in self.warnings if w.key not in self.explained]


# step order: each a step whose date may not come before the previous one's
_ORDER = (Step.POLL, Step.PROPOSE, Step.DECIDE, Step.NOTICE, Step.FILE)


def review(draft: EvaluationDraft, present_at_poll: int | None = None) -> Review:
    """The evaluation's problems (refused) and warnings (kept, each until explained).
    ``present_at_poll``: how many attended the meeting that held the 测评, as its minutes
    say (None: no meeting linked); ballots cast should be as many."""
    problems: dict[str, str] = {}
    warnings: list[RuleWarning] = []
    cast = draft.ballots_cast
    if cast < 0:
        problems["ballots_cast"] = "投票人数不能为负数"
    elif present_at_poll is not None and present_at_poll != cast:
        warnings.append(
            RuleWarning(
                "cast",
                f"投票人数 {cast} 人，与民主测评会议记录的实到人数 {present_at_poll} 人不一致",
            )
        )
    for line in draft.lines:
        key = f"line:{line.member_id}"
        if any(c < 0 for c in line.ballots.counts()):
            problems[key] = f"{line.name}的票数不能为负数"
        elif line.ballots.total > cast:
            problems[key] = (
                f"{line.name}的票数合计 {line.ballots.total} 张，多于投票人数 {cast} 人："
                "请核对票数或投票人数"
            )
        elif line.final is not None and line.final.needs_reason and not line.reason.strip():
            problems[key] = f"{line.name}评为“{line.final.label}”，请填写理由和处理意见"
    notice = draft.step(Step.NOTICE)
    if notice.on and notice.until and notice.until < notice.on:
        problems["notice"] = "公示结束日期早于开始日期，请改正"
    excellent = sum(1 for line in draft.lines if line.final == Grade.EXCELLENT)
    cap = excellent_cap(len(draft.lines), draft.excellent_share)
    if excellent > cap:
        warnings.append(
            RuleWarning(
                "cap",
                f"评为优秀 {excellent} 人，超过参评人数 {len(draft.lines)} 人的"
                f"{share_label(draft.excellent_share)}：最多 {cap} 人",
            )
        )
    for line in draft.lines:
        if line.final is None:
            continue
        majority = line.ballots.majority()
        if majority is not None and line.final != majority:
            warnings.append(
                RuleWarning(
                    f"majority:{line.member_id}",
                    f"{line.name}评为“{line.final.label}”，但测评票数最多的是“{majority.label}”",
                    line.member_id,
                )
            )
        if line.proposed is not None and line.final != line.proposed:
            warnings.append(
                RuleWarning(
                    f"proposal:{line.member_id}",
                    f"{line.name}评为“{line.final.label}”，与支委会提出的“{line.proposed.label}”不同",
                    line.member_id,
                )
            )
    dated = [(s, draft.step(s).on) for s in _ORDER if draft.step(s).on is not None]
    for (before, earlier), (after, later) in pairwise(dated):
        if later < earlier:
            warnings.append(
                RuleWarning(
                    f"order:{after.value}",
                    f"“{after.label}”（{later:%Y-%m-%d}）早于“{before.label}”（{earlier:%Y-%m-%d}）",
                )
            )
    keys = {w.key for w in warnings}
    explained = {k: v for k, v in draft.overrides.items() if k in keys and v.strip()}
    return Review(problems, warnings, explained)
