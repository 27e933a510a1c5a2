"""Records → neutral documents: minutes of each meeting kind, talk records, roster, member card."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from dualleader_desktop.documents.model import (
    BLANK_DATE,
    Document,
    Field,
    PageBreak,
    Paragraph,
    Photo,
    SignatureDates,
    Style,
    Table,
)
from dualleader_desktop.documents.name_lists import NameList, listed_items
from dualleader_desktop.domain.meeting_records import MeetingRecord
from dualleader_desktop.domain.meeting_rules import MEETING_RULES, Period, RuleScope
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind
from dualleader_desktop.domain.member_records import MemberRecord
from dualleader_desktop.domain.talk_records import TalkRecord
from dualleader_desktop.domain.validators import mask_id_number, mask_phone

NUMERALS = "一二三四五六七八九十"
# The landscape lists (roster, catalogue): column widths in points of the 243 mm text block, set
# in 小五 (9 pt) with 3 pt cell padding, so that an 档号 (Z001-WS·2025-D30-DZB-0001), a date
# (20250310), an 18-digit ID number and an 11-digit phone stay on one line even where digits are
# wide: 0.6 em in WenQuanYi Zen Hei (the PDF on Linux), 0.64 em in DejaVu Serif (what
# LibreOffice shows for Times New Roman without Microsoft's fonts). Names of departments and
# titles (题名) may wrap.
LIST_TABLE_SIZE = 9
# 序号 档号 文号 责任者 题名 日期 密级 页数 备注
# 档号 on one line as the lines are measured (documents/text_lines.py: "·" full width, as
# 仿宋_GB2312 draws it in Word; digits as wide as DejaVu Sans's)
CATALOGUE_WIDTHS = [28, 162, 28, 117, 202, 56, 28, 28, 40]
# 序号 姓名 性别 出生年月 身份证号 学历 职称 所在部门 联系电话 党小组 入党时间 类别
ROSTER_WIDTHS = [28, 47, 28, 47, 117, 47, 57, 92, 75, 57, 47, 47]
# the 党员信息采集表's rows beside its photo (姓名, 性别, 民族, 出生日期): 35 mm over four rows
# is about the height of a row of 12 pt text with its padding, so these rows grow little
CARD_PHOTO_ROWS = 4


def _date(value, month_only: bool = False) -> str:
    """A date in Chinese; one known only to the month (an imported "2008.06") without a day."""
    if not value:
        return ""
    return f"{value.year}年{value.month}月" + ("" if month_only else f"{value.day}日")


def _names(names: Iterable[str]) -> str:
    return "、".join(names) or "无"


def _period(kind: MeetingKind, on: date) -> str:
    """The stretch of the year a meeting is held for, by the rule that counts it (2025年第4季度
    for a 支部党员大会, 2025年3月 for a 支委会, 2025年度 for the 组织生活会): with the kind it
    names the meeting among the year's records."""
    period = next(
        r.period for r in MEETING_RULES if r.kind == kind and r.scope != RuleScope.SECRETARY
    )
    if period == Period.MONTH:
        return f"{on.year}年{on.month}月"
    if period == Period.QUARTER:
        return f"{on.year}年第{(on.month - 1) // 3 + 1}季度"
    if period == Period.SEMESTER:
        return f"{on.year}年{'上' if on.month <= 6 else '下'}半年"
    return f"{on.year}年度"


def _people(names: list[str]) -> str:
    """Names for a title: one or two as they are, more as "马涛等3人"."""
    return "、".join(names) if len(names) <= 2 else f"{names[0]}等{len(names)}人"


def distinct_titles(titles: list[str], dates: list[date]) -> list[str]:
    """``titles`` with the day added to those a year holds more than once (two 支委会 in one
    month, two talks of the same people), and a number to those of one day."""
    counts = Counter(titles)
    dated = [
        f"{title}（{on.month}月{on.day}日）" if counts[title] > 1 else title
        for title, on in zip(titles, dates, strict=True)
    ]
    counts, seen = Counter(dated), Counter()
    result = []
    for title in dated:
        seen[title] += 1
        result.append(f"{title}（{seen[title]}）" if counts[title] > 1 else title)
    return result


def _paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]


def meeting_minutes(record: MeetingRecord, branch_name: str) -> Document:
    """会议记录: the standard header block, then agenda, minutes, resolutions and votes."""
    draft = record.draft
    counts = draft.counts
    lines = draft.attendance
    # those without a vote named once, at the end, not "（无表决权）" after each name
    voters = "、".join(a.name for a in lines if a.has_vote)
    non_voters = "、".join(a.name for a in lines if not a.has_vote)
    expected = "；".join(filter(None, (voters, non_voters and f"无表决权：{non_voters}"))) or "无"
    present = [a.name for a in lines if a.status == AttendanceStatus.PRESENT]
    leave = [
        f"{a.name}（{a.reason or '未注明原因'}）"
        for a in lines
        if a.status == AttendanceStatus.LEAVE
    ]
    absent = [
        f"{a.name}（{a.reason or '未注明原因'}）"
        for a in lines
        if a.status == AttendanceStatus.ABSENT
    ]
    when = _date(draft.meeting_date)
    if draft.start_time and draft.end_time:
        when += f" {draft.start_time:%H:%M}—{draft.end_time:%H:%M}"
    period = _period(draft.kind, draft.meeting_date)
    kind = f"{period}{draft.kind.label}"
    if draft.kind == MeetingKind.GROUP and record.party_group_name:
        kind = f"{record.party_group_name}{period}会议"
    blocks = [
        Field("会议名称", draft.theme),
        Field("时间", when),
        Field("地点", draft.place or "—"),
        Field("主持人", draft.host_name or "—"),
        Field("记录人", draft.recorder_name or "—"),
    ]
    if draft.kind == MeetingKind.PARTY_LECTURE and draft.speaker:
        blocks.append(Field("主讲人", draft.speaker))
    # the lists of people break between names only (documents/name_lists.py)
    everyone = (*(a.name for a in lines), "无表决权")
    blocks += [
        NameList(
            "应到人数",
            f"{counts.expected} 人（其中有表决权 {counts.voters_expected} 人）：{expected}",
            everyone,
        ),
        NameList("实到人数", f"{counts.present} 人：{_names(present)}", everyone),
        NameList("请假人员", f"{counts.on_leave} 人：{_names(leave)}" if leave else "无", everyone),
        NameList("缺席人员", f"{counts.absent} 人：{_names(absent)}" if absent else "无", everyone),
        NameList("列席人员", draft.sitting_in.strip() or "无", listed_items(draft.sitting_in)),
    ]
    if draft.tags:
        tags = tuple(t.label for t in sorted(draft.tags))
        blocks.append(NameList("“三融合”", "、".join(tags), tags))
    if draft.agenda:
        blocks.append(Paragraph("会议议程", Style.HEADING1, indent=False))
        blocks += [
            Paragraph(f"{NUMERALS[i] if i < 10 else i + 1}、{item.title}")
            for i, item in enumerate(draft.agenda)
        ]
    blocks.append(Paragraph("会议内容", Style.HEADING1, indent=False))
    blocks += _paragraphs(draft.minutes) or [Paragraph("（未记录）")]
    votes = [item for item in draft.agenda if item.has_vote]
    if votes:
        blocks.append(Paragraph("表决情况", Style.HEADING1, indent=False))
        blocks.append(
            Table(
                ["表决事项", "赞成", "反对", "弃权"],
                [
                    [v.title, str(v.votes_for), str(v.votes_against), str(v.votes_abstain)]
                    for v in votes
                ],
                widths=[5, 1, 1, 1],
            )
        )
    if draft.resolutions.strip():
        blocks.append(Paragraph("会议决定", Style.HEADING1, indent=False))
        blocks += _paragraphs(draft.resolutions)
    return Document(
        title=f"{branch_name}{kind}记录",
        blocks=blocks,
        signatures=["主持人（签字）", "记录人（签字）"],
        title_break=len(branch_name),
    )


def talk_record(record: TalkRecord, branch_name: str) -> Document:
    """谈心谈话记录表."""
    draft = record.draft
    blocks = [
        Table(
            ["项目", "内容"],
            [
                ["谈话时间", _date(draft.talk_date)],
                ["谈话地点", draft.place or "—"],
                ["谈话类型", draft.kind.label],
                ["谈话人", _names(record.talker_names)],
                ["谈话对象", _names(record.talkee_names)],
                ["谈话主题", draft.topic],
            ],
            widths=[1, 4],
        ),
        Paragraph("谈话内容", Style.HEADING1, indent=False),
        *(_paragraphs(draft.content) or [Paragraph("（未记录）")]),
        Paragraph("谈话对象的意见", Style.HEADING1, indent=False),
        *(_paragraphs(draft.member_view) or [Paragraph("无")]),
        Paragraph("跟进措施", Style.HEADING1, indent=False),
        *(_paragraphs(draft.follow_up) or [Paragraph("无")]),
    ]
    if draft.follow_up_date:
        blocks.append(Field("跟进日期", _date(draft.follow_up_date)))
    talkers, talkees = _people(record.talker_names), _people(record.talkee_names)
    return Document(
        title=f"{branch_name}{talkers}与{talkees}谈心谈话记录",
        blocks=blocks,
        signatures=["谈话人（签字）", "谈话对象（签字）"],
        title_break=len(branch_name),
    )


def member_roster(
    members: list[MemberRecord],
    branch_name: str,
    *,
    mask: bool = False,
    as_of: date | None = None,
) -> Document:
    """党员花名册 (A4 landscape), as of a day when it is given."""
    rows = [
        [
            str(n),
            m.name,
            m.gender.label,
            f"{m.birth_date:%Y.%m}",
            mask_id_number(m.id_number) if mask else m.id_number,
            m.education,
            m.title,
            m.department,
            mask_phone(m.phone) if mask else m.phone,
            m.party_group_name,
            f"{m.joined_date:%Y.%m}",
            m.category.label,
        ]
        for n, m in enumerate(members, start=1)
    ]
    headers = [
        "序号",
        "姓名",
        "性别",
        "出生年月",
        "身份证号",
        "学历",
        "职称",
        "所在部门",
        "联系电话",
        "党小组",
        "入党时间",
        "类别",
    ]
    return Document(
        title=f"{branch_name}{f'{as_of.year}年' if as_of else ''}党员花名册",
        blocks=[
            *(
                [Paragraph(f"截至{_date(as_of)}，共 {len(members)} 人。", Style.NOTE, indent=False)]
                if as_of
                else []
            ),
            Table(headers, rows, widths=ROSTER_WIDTHS, font_size=LIST_TABLE_SIZE),
        ],
        signatures=["制表人", "审核人"],
        signature_dates=SignatureDates.SHARED,
        landscape=True,
        title_break=len(branch_name),
    )


def member_card(
    m: MemberRecord, branch_name: str, *, mask: bool = False, photo: bytes | None = None
) -> Document:
    """党员信息采集表: one member's file as a two-column form with a photo box at its top
    right (``photo``, the member's stored one, in it), under the line for the 填表日期."""
    pairs = [
        ("姓名", m.name),
        ("性别", m.gender.label),
        ("民族", m.ethnicity),
        ("出生日期", _date(m.birth_date)),
        ("籍贯", m.native_place),
        ("公民身份号码", mask_id_number(m.id_number) if mask else m.id_number),
        ("学历", m.education),
        ("学位", m.degree),
        ("职称", m.title),
        ("职务", m.post),
        ("所在部门", m.department),
        ("联系电话", mask_phone(m.phone) if mask else m.phone),
        ("所在党小组", m.party_group_name),
        ("入党时间", _date(m.joined_date, m.joined_date_month_only)),
        ("转正时间", _date(m.full_member_date, m.full_member_date_month_only) or "—"),
        ("党员类别", m.category.label),
        ("党籍状态", m.status.label),
        ("备注", m.remarks or "—"),
    ]
    return Document(
        title=f"{branch_name}党员信息采集表",
        blocks=[
            Field("填表日期", BLANK_DATE),
            Table(
                [],
                [[k, v] for k, v in pairs],
                widths=[1, 3],
                photo=Photo(rows=CARD_PHOTO_ROWS, image=photo),
            ),
        ],
        signatures=["本人签字", "支部书记签字"],
        title_break=len(branch_name),
    )


def catalogue_document(title: str, entries, cover: dict[str, str]) -> Document:
    """归档文件目录 (A4 landscape): the cover's facts on a page of their own, then one row per
    item."""
    from dualleader_desktop.documents.package import CATALOGUE_HEADERS

    return Document(
        title=title,
        blocks=[
            *(Field(label, value) for label, value in cover.items()),
            PageBreak(),
            Table(
                CATALOGUE_HEADERS,
                [entry.row() for entry in entries],
                widths=CATALOGUE_WIDTHS,
                font_size=LIST_TABLE_SIZE,
            ),
        ],
        landscape=True,
        cover=True,
    )
