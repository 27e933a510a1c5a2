"""党支部工作考核自评表: each indicator of the year's assessment with its points, what the records
show and where from, and the score they give; the items the secretary scores are left blank to
be filled in Word (the document is written to be edited)."""

from __future__ import annotations

from itertools import groupby

from dualleader_desktop.documents.model import Document, Paragraph, Style, Table
from dualleader_desktop.domain.assessment import AssessedItem, measured_total, scored_total

HEADERS = ["考核项目", "考核内容", "分值", "完成情况及数据来源", "自评得分"]
# in 五号 (10.5 pt): 党支部班子建设, 分值 and 自评得分 each on one line in their cells
WIDTHS = [23, 30, 8, 45, 16]
TABLE_SIZE = 10.5
BY_SECRETARY = "由支部书记对照考核内容填写"


def assessment_title(branch_name: str, year: int) -> str:
    return f"{branch_name}{year}年度党支部工作考核自评表"


def self_assessment(items: list[AssessedItem], branch_name: str, year: int) -> Document:
    rows = []
    for area, group in groupby(items, key=lambda item: item.indicator.area):
        for number, item in enumerate(group):
            figure = item.figure
            if figure is None:  # the secretary's: their note, or room for it
                shown = item.note or BY_SECRETARY
            else:
                shown = f"{figure.said}。来源：{figure.source}"
                shown += f"。{item.note}" if item.note else ""
            score = "" if item.score is None else f"{item.score:g}"
            points = f"{item.indicator.points:g}"
            rows.append([area if number == 0 else "", item.indicator.item, points, shown, score])
    got, of = measured_total(items)
    scored, full, unscored = scored_total(items)
    said = f"按记录测得 {got:g} 分（这些项目满分 {of:g} 分）"
    said += f"；尚有 {unscored} 项待支部书记自评" if unscored else "；其余由支部书记自评"
    rows.append(["合计", "", f"{full:g}", said, "" if unscored else f"{scored:g}"])
    return Document(
        title=assessment_title(branch_name, year),
        blocks=[
            Table(HEADERS, rows, widths=WIDTHS, font_size=TABLE_SIZE),
            Paragraph(
                "注：有数据来源的项目按本支部工作台的记录测得，得分按完成比例计算；"
                "其余项目由支部书记对照考核内容自评后填写，合计时一并计入。",
                Style.NOTE,
                indent=False,
            ),
        ],
        signatures=["支部书记（签字）"],
        title_break=len(branch_name),
    )
