"""The yearly satisfaction survey of the branch secretary as "双带头人" (the seed's 考核).

Each item is answered 满意 / 基本满意 / 不满意. The rate is given two ways, both shown: the
share of 满意 + 基本满意, and a weighted one counting 基本满意 as half; which one heads the
summary is the school's choice (``Headline``, kept with the survey).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from dualleader_desktop.domain.enums import LabeledEnum

DEFAULT_ITEMS = ("政治引领", "支部建设", "教学科研引领", "“三融合”成效", "关心服务党员", "总体评价")


class Answer(LabeledEnum):
    SATISFIED = "satisfied"
    FAIRLY = "fairly"
    DISSATISFIED = "dissatisfied"

    @classmethod
    def _labels(cls):
        return {cls.SATISFIED: "满意", cls.FAIRLY: "基本满意", cls.DISSATISFIED: "不满意"}


ANSWERS = tuple(Answer)
WEIGHTS = {Answer.SATISFIED: 1.0, Answer.FAIRLY: 0.5, Answer.DISSATISFIED: 0.0}


class Headline(LabeledEnum):
    SIMPLE = "simple"
    WEIGHTED = "weighted"

    @classmethod
    def _labels(cls):
        return {cls.SIMPLE: "满意率（满意+基本满意）", cls.WEIGHTED: "加权满意度（基本满意计半）"}


@dataclass
class SurveyItem:
    name: str
    satisfied: int = 0
    fairly: int = 0
    dissatisfied: int = 0

    def counts(self) -> tuple[int, int, int]:
        return self.satisfied, self.fairly, self.dissatisfied

    @property
    def total(self) -> int:
        return sum(self.counts())


@dataclass
class SurveyDraft:
    year: int
    secretary_id: int | None = None
    secretary_name: str = ""
    survey_date: date | None = None
    respondents: int = 0
    headline: Headline = Headline.SIMPLE
    items: list[SurveyItem] = field(default_factory=lambda: [SurveyItem(n) for n in DEFAULT_ITEMS])
    # answer sheets typed one by one: item position -> answer; empty when counts were typed
    papers: list[dict[int, Answer]] = field(default_factory=list)
    notes: str = ""


@dataclass(frozen=True)
class SurveyRecord:
    id: int
    version: int
    draft: SurveyDraft


@dataclass(frozen=True)
class Rates:
    simple: float | None  # None: no answers
    weighted: float | None

    def headline(self, which: Headline) -> float | None:
        return self.simple if which == Headline.SIMPLE else self.weighted


def rates(counts: Sequence[int]) -> Rates:
    """(满意 + 基本满意) / all answers, and (满意 + 0.5 × 基本满意) / all answers."""
    satisfied, fairly, dissatisfied = counts
    total = satisfied + fairly + dissatisfied
    if not total:
        return Rates(None, None)
    return Rates((satisfied + fairly) / total, (satisfied + 0.5 * fairly) / total)


def overall(items: Iterable[SurveyItem]) -> Rates:
    """The rates over every answer to every item."""
    sums = [0, 0, 0]
    for item in items:
        for i, count in enumerate(item.counts()):
            sums[i] += count
    return rates(sums)


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def count_papers(papers: Iterable[Mapping[int, Answer]], item_count: int) -> list[list[int]]:
    """Answers per item from sheets typed one by one (a blank counts nowhere)."""
    counts = [[0, 0, 0] for _ in range(item_count)]
    for paper in papers:
        for position, answer in paper.items():
            if 0 <= position < item_count and answer is not None:
                counts[position][ANSWERS.index(answer)] += 1
    return counts


def survey_problems(draft: SurveyDraft) -> dict[str, str]:
    """What refuses a survey's save: answers beyond the sheets handed in, no item, no name."""
    problems: dict[str, str] = {}
    if draft.respondents < 0:
        problems["respondents"] = "参与测评人数不能为负数"
    names = [item.name.strip() for item in draft.items]
    if not names:
        problems["items"] = "请至少设置一个测评项目"
    elif any(not name for name in names):
        problems["items"] = "测评项目名称不能为空"
    elif len(set(names)) < len(names):
        problems["items"] = "测评项目名称不能重复"
    for position, item in enumerate(draft.items):
        if any(c < 0 for c in item.counts()):
            problems[f"item:{position}"] = f"“{item.name}”的票数不能为负数"
        elif item.total > draft.respondents:
            problems[f"item:{position}"] = (
                f"“{item.name}”的票数合计 {item.total} 张，多于参与测评人数 "
                f"{draft.respondents} 人：请核对票数或人数"
            )
    if not draft.secretary_name.strip():
        problems["secretary"] = "请选择被测评的支部书记"
    return problems
