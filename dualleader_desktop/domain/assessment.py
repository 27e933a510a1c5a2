"""The school's yearly assessment of a teacher branch (考核), as the seed words its 考核指标体系:
党支部班子建设, 党支部制度建设, 党员发展, 党员教育与管理, 档案管理 and 宣传工作, with the
"双带头人" satisfaction rate as a focus. Each item has its points and is either measured from the
records (a share of what the rules ask, scored in proportion) or scored by the secretary.
"""

from __future__ import annotations

from dataclasses import dataclass

from dualleader_desktop.domain.enums import LabeledEnum


class Measure(LabeledEnum):
    SECRETARY = "secretary"
    COMMITTEE_MEETINGS = "committee_meetings"
    RULE_MEETINGS = "rule_meetings"
    EVALUATION = "evaluation"
    ATTENDANCE = "attendance"
    TALKS = "talks"
    INTEGRATION = "integration"
    SATISFACTION = "satisfaction"

    @classmethod
    def _labels(cls):
        return {
            cls.SECRETARY: "书记自评",
            cls.COMMITTEE_MEETINGS: "支委会按月召开的月份比例",
            cls.RULE_MEETINGS: "各项会议按规定召开的期次比例",
            cls.EVALUATION: "民主评议党员已完成的步骤比例",
            cls.ATTENDANCE: "党员参加会议的出席率",
            cls.TALKS: "支委与党员谈心谈话的覆盖率",
            cls.INTEGRATION: "带“三融合”标签的会议比例",
            cls.SATISFACTION: "“双带头人”满意度测评满意率",
        }


@dataclass(frozen=True)
class Indicator:
    area: str
    item: str
    points: float
    measure: Measure = Measure.SECRETARY


SATISFACTION_AREA = "“双带头人”满意度"
DEFAULT_INDICATORS: tuple[Indicator, ...] = (
    Indicator("党支部班子建设", "支委会每月召开，研究支部重要事项", 10, Measure.COMMITTEE_MEETINGS),
    Indicator("党支部班子建设", "支部班子健全、分工明确、按期换届", 5),
    Indicator("党支部制度建设", "落实“三会一课”、主题党日制度", 15, Measure.RULE_MEETINGS),
    Indicator("党支部制度建设", "按要求召开组织生活会、开展民主评议党员", 5, Measure.EVALUATION),
    Indicator("党员发展", "发展党员程序规范，预备党员按期讨论转正", 10),
    Indicator("党员教育与管理", "党员按时参加组织生活", 10, Measure.ATTENDANCE),
    Indicator("党员教育与管理", "支委与每名党员每年至少谈心谈话一次", 10, Measure.TALKS),
    Indicator(
        "党员教育与管理", "党建与教育教学、产教融合、科教融汇“三融合”", 5, Measure.INTEGRATION
    ),
    Indicator("档案管理", "支部工作记录完整规范，按年度立卷归档", 10),
    Indicator("宣传工作", "宣传报道支部工作，选树先进典型", 10),
    Indicator(SATISFACTION_AREA, "党员对支部书记“双带头人”作用的满意度", 10, Measure.SATISFACTION),
)


@dataclass(frozen=True)
class Figure:
    """What the records show for a measured item: the share of what is asked (0–1), said in
    words with its numbers, and where it comes from."""

    share: float | None  # None: nothing recorded to measure by
    said: str
    source: str


@dataclass(frozen=True)
class AssessedItem:
    indicator: Indicator
    figure: Figure | None  # None: scored by the secretary
    given: float | None = None  # the secretary's score of such an item
    note: str = ""  # the secretary's note (any item)

    @property
    def measured(self) -> float | None:
        """Points in proportion to the share (to one decimal); None where the secretary
        scores, or nothing was recorded."""
        if self.figure is None or self.figure.share is None:
            return None
        return round(self.indicator.points * min(1.0, self.figure.share), 1)

    @property
    def score(self) -> float | None:
        return self.given if self.figure is None else self.measured


def check_score(indicator: Indicator, score: float | None) -> str:
    """Why ``score`` cannot be the secretary's score of ``indicator`` ("" when it can)."""
    if score is None:
        return ""
    if indicator.measure != Measure.SECRETARY:
        return f"“{indicator.item}”按记录测得，不能自评打分"
    if not 0 <= score <= indicator.points:
        return f"“{indicator.item}”的得分应在 0 到 {indicator.points:g} 分之间"
    return ""


def check_indicators(indicators: list[Indicator]) -> str:
    """Why ``indicators`` cannot be a branch's ("" when they can)."""
    if not indicators:
        return "至少要保留一项考核指标；要恢复学校的默认指标，请点“恢复默认”。"
    seen = set()
    for indicator in indicators:
        if not indicator.area.strip() or not indicator.item.strip():
            return "每项指标都要填写考核项目和考核内容。"
        if not 0 < indicator.points <= 100:
            return f"“{indicator.item}”的分值应大于 0、不超过 100。"
        if indicator.item in seen:
            return f"考核内容重复：“{indicator.item}”。"
        seen.add(indicator.item)
    return ""


def ratio(done: int, asked: int) -> float | None:
    return done / asked if asked else None


def measured_total(items: list[AssessedItem]) -> tuple[float, float]:
    """The points measured items scored, of the points they carry."""
    measured = [item for item in items if item.measured is not None]
    return (
        round(sum(item.measured for item in measured), 1),
        sum(item.indicator.points for item in measured),
    )


def scored_total(items: list[AssessedItem]) -> tuple[float, float, int]:
    """All points scored (measured and the secretary's), of all points, and how many items
    are still without a score."""
    scores = [item.score for item in items]
    return (
        round(sum(score for score in scores if score is not None), 1),
        sum(item.indicator.points for item in items),
        scores.count(None),
    )
