"""党支部年度工作总结（初稿）: the year in numbers, section by section, for the secretary to
write on from in Word: members, the organizational life against the rules, talks, the 三融合
activities with their themes (党建 and 教研 "同谋划、同部署、同推进、同考核" made concrete),
the 民主评议, the measured assessment, and the 工作台's charts."""

from __future__ import annotations

from dataclasses import dataclass

from dualleader_desktop.documents.model import Document, PageBreak, Paragraph, Picture, Style
from dualleader_desktop.domain.satisfaction import percent

THEMES_SHOWN = 3  # a tag's meetings named by theme, the rest counted
TO_WRITE = "（请支部书记结合实际补充。）"


@dataclass(frozen=True)
class YearFacts:
    """What the summary says, gathered by services/summary.py."""

    branch: str
    year: int
    on: str  # the day the roll is counted on, e.g. 2025年12月31日
    categories: list[tuple[str, int]]
    age_bands: list[tuple[str, int]]
    education: list[tuple[str, int]]
    joined: int
    transferred_in: int
    transferred_out: int
    meetings: list[tuple[str, int]]  # kind, held
    attendance: float | None
    periods: tuple[int, int]  # periods the rules asked for so far, and those met
    talks: int
    coverage: float | None
    tags: list[tuple[str, list[str]]]  # 三融合 tag, themes of its meetings
    grades: list[tuple[str, int]] | None  # None: no 民主评议 recorded
    assessment: tuple[float, float]  # points measured, of points measurable
    satisfaction: float | None


def summary_title(branch: str, year: int) -> str:
    return f"{branch}{year}年度党支部工作总结（初稿）"


def _counts(counts: list[tuple[str, int]], unit: str = "名") -> str:
    return "、".join(f"{label}{n}{unit}" for label, n in counts if n)


def year_summary(facts: YearFacts, charts: list[tuple[str, bytes]] = ()) -> Document:
    members = sum(n for _, n in facts.categories)
    asked, met = facts.periods
    heading = lambda text: Paragraph(text, Style.HEADING1, indent=False)  # noqa: E731
    blocks = [
        heading("一、基本情况"),
        Paragraph(
            f"截至{facts.on}，支部共有党员{members}名，其中{_counts(facts.categories)}。"
            f"按年龄分，{_counts(facts.age_bands)}；按学历分，{_counts(facts.education)}。"
            f"本年度发展党员{facts.joined}名，转入{facts.transferred_in}名，"
            f"转出{facts.transferred_out}名。"
        ),
        heading("二、落实“三会一课”等组织生活制度"),
        Paragraph(
            f"全年召开{_counts(facts.meetings, '次')}，党员平均出席率{percent(facts.attendance)}。"
            f"对照本支部的检查规则，应按规定召开的{asked}个期次中已召开{met}个。"
        ),
        heading("三、谈心谈话"),
        Paragraph(
            f"全年记录谈心谈话{facts.talks}次，支委与党员谈心谈话覆盖率{percent(facts.coverage)}。"
        ),
        heading("四、党建与业务同谋划、同部署、同推进、同考核"),
    ]
    for tag, themes in facts.tags:
        distinct = list(dict.fromkeys(themes))  # the groups' meetings often share a theme
        named = "".join(f"“{theme}”" for theme in distinct[:THEMES_SHOWN])
        more = f"等{len(themes)}次" if len(distinct) > THEMES_SHOWN else f"共{len(themes)}次"
        said = f"开展{named}{more}活动。" if themes else "本年度尚无记录的活动。"
        blocks.append(Paragraph(f"{tag}：{said}"))
    blocks.append(heading("五、民主评议党员"))
    if facts.grades is None:
        blocks.append(Paragraph("本年度尚未记录民主评议党员。"))
    else:
        evaluated = sum(n for _, n in facts.grades)
        blocks.append(
            Paragraph(f"参加民主评议党员{evaluated}名，评定{_counts(facts.grades) or '尚未评定'}。")
        )
    got, of = facts.assessment
    blocks += [
        heading("六、考核自评与“双带头人”满意度"),
        Paragraph(
            f"按记录测得考核得分{got:g}分（这些项目满分{of:g}分），其余项目由支部书记自评；"
            f"“双带头人”满意度测评满意率{percent(facts.satisfaction)}。"
        ),
        heading("七、存在的不足和下一步打算"),
        Paragraph(TO_WRITE),
    ]
    if charts:  # on a page of their own, the heading with them
        blocks += [PageBreak(), heading("附：图表")]
        blocks += [Picture(image, f"图{n}　{title}") for n, (title, image) in enumerate(charts, 1)]
    return Document(
        title=summary_title(facts.branch, facts.year),
        blocks=blocks,
        title_break=len(facts.branch),
    )
