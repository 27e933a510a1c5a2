"""民主评议党员 and the 双带头人 satisfaction survey as neutral documents.

Seven documents come out of a year's evaluation and survey (domain/evaluation.py,
domain/satisfaction.py): the blank 测评表 printed for the meeting, the 测评汇总表, the
结果报告 to the higher organization, the 公示 notice, one 个人总结 per member, and the survey's
blank 测评表 and 汇总表. The blank sheets are anonymous ballots: they carry no signature line.
"""

from __future__ import annotations

from datetime import date

from dualleader_desktop.documents.builders import _date, _paragraphs
from dualleader_desktop.documents.model import Document, Field, Paragraph, Style, Table
from dualleader_desktop.documents.name_lists import NameList
from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.domain.evaluation import (
    GRADES,
    EvaluationDraft,
    EvaluationLine,
    Grade,
    Step,
    excellent_cap,
    share_label,
    tally,
)
from dualleader_desktop.domain.satisfaction import (
    ANSWERS,
    Headline,
    SurveyDraft,
    overall,
    percent,
    rates,
)

BOX = "□"  # ticked by hand on the printed sheet
# a line to write on: underscores are half an em wide (0.6 em in some fonts: 26.4 of 28 em)
WRITING_LINE = "_" * 44
PROBATIONARY = "（预备）"
# The ballot sheet is one page: two members a row, in 小五 (9 pt) up to BALLOT_ROOMY members
# (a row 18.6 pt high in the PDF: 35 members under a two-line title leave a third of the page
# free), 8 pt beyond, so that 50, the most a branch normally has, still fit. Column widths in
# points of one half of the 156 mm text block: a name of four characters with "（预备）" on
# one line, the header "基本合格" in two.
BALLOT_SIZE, BALLOT_SMALL_SIZE, BALLOT_ROOMY = 9, 8, 44
BALLOT_HALF = ["序号", "姓名", *(g.label for g in GRADES)]
BALLOT_WIDTHS = [24, 78, 24, 24, 38, 33]
# The tally, portrait in 小五: each grade's "票数(占比)" on one line, "33(100.0%)" the widest
# (half-width brackets: full-width ones need 66 pt as text_lines measures them), "100.0%" of
# 优秀+合格 on one line, names of four characters on one line ("（预备）" may wrap).
TALLY_SIZE = 9
TALLY_WIDTHS = [24, 48, 60, 60, 60, 60, 44, 43, 43]
SURVEY_WIDTHS = [30, 150, 52, 60, 52]
SURVEY_TALLY_WIDTHS = [30, 120, 46, 58, 46, 62, 72]


# each document's title after the branch's name, also its 题名 in the 归档文件目录 (the
# 责任者 column names the branch)
TITLES = {
    RecordKind.EVALUATION_BALLOT: "{year}年度民主评议党员测评表",
    RecordKind.EVALUATION_TALLY: "{year}年度民主评议党员测评汇总表",
    RecordKind.EVALUATION_REPORT: "关于{year}年度民主评议党员工作情况的报告",
    RecordKind.EVALUATION_NOTICE: "{year}年度民主评议党员结果公示",
    RecordKind.SURVEY_BALLOT: "{year}年度“双带头人”书记满意度测评表",
    RecordKind.SURVEY_TALLY: "{year}年度“双带头人”书记满意度测评汇总表",
}


def year_title(kind: RecordKind, year: int) -> str:
    return TITLES[kind].format(year=year)


def _titled(kind: RecordKind, year: int, branch_name: str) -> dict:
    """A document's title and where it breaks: after the branch's name."""
    return {"title": f"{branch_name}{year_title(kind, year)}", "title_break": len(branch_name)}


def self_review_title(name: str, year: int) -> str:
    return f"{name}同志{year}年度个人总结"


def _named(line: EvaluationLine) -> str:
    return line.name + (PROBATIONARY if line.probationary else "")


def _count_share(count: int, share: float, cast: int) -> str:
    return f"{count}({percent(share)})" if cast else str(count)


def _grade(grade: Grade | None) -> str:
    return grade.label if grade else "—"


def _step_date(draft: EvaluationDraft, step: Step) -> date | None:
    return draft.step(step).on


def _meeting(draft: EvaluationDraft, step: Step) -> str:
    """The meeting that held a step, as the evaluation labels it, without its date."""
    label = draft.step(step).meeting_label
    return label.split(" ", 1)[1] if " " in label else label


def _blank_date(value: date | None) -> str:
    """A date, or a blank to fill in by hand on the printed sheet."""
    return _date(value) or "______年____月____日"


# ---- 民主评议党员 ---------------------------------------------------------------------------


def evaluation_ballot(draft: EvaluationDraft, branch_name: str) -> Document:
    """民主评议党员测评表: the blank sheet handed to each member at the 测评 meeting."""
    lines = draft.lines
    cap = excellent_cap(len(lines), draft.excellent_share)
    any_probationary = any(line.probationary for line in lines)
    half = (len(lines) + 1) // 2
    rows = []
    for index in range(half):
        row = [str(index + 1), _named(lines[index]), *[BOX] * len(GRADES)]
        if half + index < len(lines):
            row += [str(half + index + 1), _named(lines[half + index]), *[BOX] * len(GRADES)]
        else:
            row += [""] * len(BALLOT_HALF)
        rows.append(row)
    marked = f"姓名后注“{PROBATIONARY}”的为预备党员。" if any_probationary else ""
    notes = [
        f"测评时间：{_blank_date(_step_date(draft, Step.POLL))}",
        "说明：请对每位党员在“优秀”“合格”“基本合格”“不合格”中选择一个等次，在方框内划"
        f"“√”，多选或不选的视为弃权；评为“优秀”的不超过 {cap} 人（参评党员 {len(lines)} 人的 "
        f"{share_label(draft.excellent_share)}），超过的本表无效。{marked}本表不记名。",
    ]
    size = BALLOT_SIZE if len(lines) <= BALLOT_ROOMY else BALLOT_SMALL_SIZE
    return Document(
        **_titled(RecordKind.EVALUATION_BALLOT, draft.year, branch_name),
        blocks=[
            *(Paragraph(note, Style.NOTE, indent=False) for note in notes),
            Table(BALLOT_HALF * 2, rows, widths=BALLOT_WIDTHS * 2, font_size=size),
        ],
    )


def _distribution_rows(counts: dict[Grade, int], evaluated: int) -> list[list[str]]:
    return [
        [grade.label, str(counts[grade]), percent(counts[grade] / evaluated if evaluated else None)]
        for grade in GRADES
    ]


def evaluation_tally(draft: EvaluationDraft, branch_name: str) -> Document:
    """民主评议党员测评汇总表: per member the ballots for each grade and their
    share of the ballots cast, 优秀 + 合格 together, and the grade the committee proposed and
    the one the branch meeting decided; then the branch's distribution of grades."""
    result = tally(draft)
    cast = result.cast
    rows = [
        [
            str(number),
            _named(line),
            *(
                _count_share(count, share, cast)
                for count, share in zip(line.counts, line.shares, strict=True)
            ),
            percent(line.good_share) if cast else "—",
            _grade(line.proposed),
            _grade(line.final),
        ]
        for number, line in enumerate(result.lines, start=1)
    ]
    poll = _step_date(draft, Step.POLL)
    meeting = _meeting(draft, Step.POLL)
    probationary = sum(1 for line in draft.lines if line.probationary)
    undecided = sum(1 for line in draft.lines if line.final is None and line.proposed is not None)
    blocks = [
        Field("测评时间", (_date(poll) or "未记录") + (f"（{meeting}）" if meeting else "")),
        Field(
            "参评党员",
            f"{len(draft.lines)} 人"
            + (f"（其中预备党员 {probationary} 人）" if probationary else "")
            + f"，投票人数 {cast} 人",
        ),
        Field(
            "“优秀”名额",
            f"不超过 {result.cap} 人（参评党员的 {share_label(draft.excellent_share)}）",
        ),
        Table(
            [
                "序号",
                "姓名",
                *(g.label for g in GRADES),
                "优秀+合格",
                "提出等次",
                "决定等次",
            ],
            rows,
            widths=TALLY_WIDTHS,
            font_size=TALLY_SIZE,
        ),
        Paragraph(
            "注：各等次栏为票数，括号内为占投票人数的比例；“优秀+合格”为两项票数之和占投票"
            "人数的比例；“提出等次”为支委会提出的等次，“决定等次”为支部党员大会决定的等次。",
            Style.NOTE,
            indent=False,
        ),
        Paragraph("等次分布", Style.HEADING1, indent=False),
        Table(
            ["等次", "人数", "占参评党员比例"],
            _distribution_rows(result.distribution, len(draft.lines)),
            widths=[2, 1, 2],
            font_size=TALLY_SIZE,
        ),
    ]
    if undecided:
        blocks.append(
            Paragraph(
                f"注：有 {undecided} 人尚未经支部党员大会决定等次，按支委会提出的等次统计。",
                Style.NOTE,
                indent=False,
            )
        )
    return Document(
        **_titled(RecordKind.EVALUATION_TALLY, draft.year, branch_name),
        blocks=blocks,
        signatures=["计票人（签字）", "监票人（签字）"],
    )


def _decided(draft: EvaluationDraft) -> dict[Grade, list[EvaluationLine]]:
    """The members by the grade the branch meeting decided (those not decided left out)."""
    by_grade: dict[Grade, list[EvaluationLine]] = {grade: [] for grade in GRADES}
    for line in draft.lines:
        if line.final is not None:
            by_grade[line.final].append(line)
    return by_grade


def _grade_lists(
    by_grade: dict[Grade, list[EvaluationLine]], evaluated: int | None = None
) -> list[NameList]:
    """ "优秀（10 人）：张三、李四…" per grade, with the share of the ``evaluated`` when given:
    a line breaks between two names, never inside one."""
    lists = []
    for grade, lines in by_grade.items():
        names = tuple(_named(line) for line in lines)
        share = f"，占 {percent(len(names) / evaluated)}" if evaluated else ""
        label = f"{grade.label}（{len(names)} 人{share}）"
        lists.append(NameList(label, "、".join(names) or "无", names))
    return lists


def _decision_meeting(draft: EvaluationDraft, *, theme: bool = True) -> str:
    """ "2025年12月20日召开的支部党员大会（主题）", as far as the record knows it."""
    decided_on = _step_date(draft, Step.DECIDE)
    meeting = _meeting(draft, Step.DECIDE)
    said = f"{_date(decided_on)}召开的支部党员大会" if decided_on else "支部党员大会"
    if not theme or "：" not in meeting:
        return said
    return f"{said}（{meeting.split('：', 1)[1]}）"


def _follow_up(line: EvaluationLine) -> str:
    if line.follow_up is None:
        return "—"
    due = f"（{_date(line.follow_up_date)}）" if line.follow_up_date else ""
    return line.follow_up.label + due


def evaluation_report(draft: EvaluationDraft, branch_name: str) -> Document:
    """民主评议结果报告, to the higher organization: the steps and their dates, the grades
    the 支部党员大会 decided, and the 基本合格 / 不合格 members with reason and follow-up."""
    by_grade = _decided(draft)
    evaluated = len(draft.lines)
    decided = sum(len(members) for members in by_grade.values())
    probationary = sum(1 for line in draft.lines if line.probationary)
    steps = []
    for entry in draft.steps:
        when = _date(entry.on)
        if entry.until and entry.until != entry.on:
            when = f"{when}至{_date(entry.until)}"
        steps.append([entry.step.label, when or "—", _meeting(draft, entry.step) or "—"])
    said = "，".join(f"{grade.label} {len(lines)} 人" for grade, lines in by_grade.items())
    result = (
        f"本年度参评党员 {evaluated} 人"
        + (f"（其中预备党员 {probationary} 人）" if probationary else "")
        + f"，参加民主测评 {draft.ballots_cast} 人。经{_decision_meeting(draft)}研究决定：{said}。"
    )
    if decided < evaluated:
        result += f"尚有 {evaluated - decided} 人未决定等次。"
    blocks = [
        Paragraph(
            f"根据上级党组织的部署，{branch_name}开展了{draft.year}年度民主评议党员工作。"
            "现将有关情况报告如下。"
        ),
        Paragraph("一、评议步骤", Style.HEADING1, indent=False),
        Table(["步骤", "日期", "会议"], steps, widths=[3.6, 4.4, 6]),
        Paragraph("二、评议结果", Style.HEADING1, indent=False),
        Paragraph(result),
        *_grade_lists(by_grade, evaluated),
        Paragraph("三、基本合格和不合格党员的处理", Style.HEADING1, indent=False),
    ]
    flagged = [line for line in draft.lines if line.final is not None and line.final.needs_reason]
    if flagged:
        blocks.append(
            Table(
                ["姓名", "等次", "理由", "处理意见"],
                [
                    [_named(line), line.final.label, line.reason.strip() or "—", _follow_up(line)]
                    for line in flagged
                ],
                widths=[2.8, 1.8, 5.2, 3.6],
            )
        )
    else:
        blocks.append(Paragraph("本年度没有评为基本合格或不合格的党员。"))
    blocks.append(Paragraph("特此报告。"))
    return Document(
        **_titled(RecordKind.EVALUATION_REPORT, draft.year, branch_name),
        blocks=blocks,
        signatures=["党支部书记（签字）"],
    )


def evaluation_notice(draft: EvaluationDraft, branch_name: str, parent_org: str = "") -> Document:
    """民主评议结果公示: every grade the branch meeting decided, with the members' names,
    the notice period (the NOTICE step's first and last day) and where to send opinions."""
    notice = draft.step(Step.NOTICE)
    period = f"{_blank_date(notice.on)}至{_blank_date(notice.until)}"
    if notice.on and notice.until:
        period += f"（共 {(notice.until - notice.on).days + 1} 天）"
    to_whom = f"{branch_name}委员会" if branch_name else "党支部"
    if parent_org:
        to_whom += f"或{parent_org}"
    return Document(
        **_titled(RecordKind.EVALUATION_NOTICE, draft.year, branch_name),
        blocks=[
            Paragraph(
                "经个人自评、民主测评和支委会提出意见，"
                f"{_decision_meeting(draft, theme=False)}决定了{draft.year}年度民主评议党员的"
                "等次，现公示如下："
            ),
            *_grade_lists(_decided(draft)),
            Field("公示时间", period),
            Paragraph(
                f"公示期间如有意见，请以来信、来电或当面等方式向{to_whom}反映，"
                "以个人名义反映的请署真实姓名。"
            ),
            Paragraph("特此公示。"),
            Field("公示单位", f"{branch_name}　{_date(notice.on)}".strip()),
        ],
    )


def self_review(line: EvaluationLine, year: int) -> Document:
    """个人总结: one member's self-evaluation, signed by the member. Only the title stands
    above the text: a summary of 17 lines (what a page-long one has) and the signature still
    fit one page."""
    return Document(
        title=self_review_title(line.name, year),
        blocks=_paragraphs(line.self_review) or [Paragraph("（未填写）")],
        signatures=["本人（签字）"],
    )


# ---- 双带头人满意度测评 ---------------------------------------------------------------------


def _secretary(draft: SurveyDraft) -> str:
    return f"{draft.secretary_name or '—'}（党支部书记）"


def survey_ballot(draft: SurveyDraft, branch_name: str) -> Document:
    """The blank 满意度测评表 of the branch secretary: each item with three boxes."""
    return Document(
        **_titled(RecordKind.SURVEY_BALLOT, draft.year, branch_name),
        blocks=[
            Field("被测评人", _secretary(draft)),
            Field("测评时间", _blank_date(draft.survey_date)),
            Paragraph(
                "说明：请对每个测评项目在“满意”“基本满意”“不满意”中选择一项，在对应的方框内"
                "划“√”；多选或不选的，该项视为弃权。本表不记名。",
                Style.NOTE,
                indent=False,
            ),
            Table(
                ["序号", "测评项目", *(a.label for a in ANSWERS)],
                [
                    [str(number), item.name, *[BOX] * len(ANSWERS)]
                    for number, item in enumerate(draft.items, start=1)
                ],
                widths=SURVEY_WIDTHS,
            ),
            Field("意见和建议", WRITING_LINE[: -2 * len("意见和建议：")]),  # a full em each
            *[Paragraph(WRITING_LINE, indent=False)] * 3,
        ],
    )


def survey_tally(draft: SurveyDraft, branch_name: str) -> Document:
    """满意度测评汇总表: per item the answers, both rates, and the overall ones; which rate
    heads the summary is the survey's ``headline``."""
    rows = []
    for number, item in enumerate(draft.items, start=1):
        rate = rates(item.counts())
        rows.append(
            [
                str(number),
                item.name,
                *(str(c) for c in item.counts()),
                percent(rate.simple),
                percent(rate.weighted),
            ]
        )
    total = overall(draft.items)
    sums = [sum(item.counts()[i] for item in draft.items) for i in range(len(ANSWERS))]
    rows.append(
        ["", "合计", *(str(s) for s in sums), percent(total.simple), percent(total.weighted)]
    )
    other = Headline.WEIGHTED if draft.headline == Headline.SIMPLE else Headline.SIMPLE
    return Document(
        **_titled(RecordKind.SURVEY_TALLY, draft.year, branch_name),
        blocks=[
            Field("被测评人", _secretary(draft)),
            Field("测评时间", _date(draft.survey_date) or "未记录"),
            Field("参与测评人数", f"{draft.respondents} 人"),
            Table(
                ["序号", "测评项目", *(a.label for a in ANSWERS), "满意率", "加权满意度"],
                rows,
                widths=SURVEY_TALLY_WIDTHS,
            ),
            Paragraph(
                "注：满意率 =（满意 + 基本满意）÷ 全部答卷；加权满意度 =（满意 + 基本满意 × 0.5）"
                "÷ 全部答卷。",
                Style.NOTE,
                indent=False,
            ),
            Paragraph("测评结果", Style.HEADING1, indent=False),
            Paragraph(
                f"本次测评以“{draft.headline.label}”为主要指标，总体为"
                f"{percent(total.headline(draft.headline))}；"
                f"{other.label}为{percent(total.headline(other))}。"
            ),
        ],
        signatures=["计票人（签字）", "监票人（签字）"],
    )
