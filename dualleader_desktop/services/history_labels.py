"""Change log snapshots in words: "职称：讲师 → 副教授", as the roster import states a change.

The field names are the ones the forms and pages show (member dialog, meeting and talk editors,
branch page, archive page), without their keyboard accelerators; a test compares them with the
forms so the two cannot drift apart.
"""

from __future__ import annotations

from dualleader_desktop.domain.archive import RecordKind, Retention
from dualleader_desktop.domain.enums import (
    CommitteeRole,
    Gender,
    LabeledEnum,
    MemberCategory,
    MemberStatus,
    TransferDirection,
)
from dualleader_desktop.domain.evaluation import Grade, Step
from dualleader_desktop.domain.meetings import (
    AttendanceStatus,
    IntegrationTag,
    MeetingKind,
    VoteKind,
)
from dualleader_desktop.domain.satisfaction import Headline
from dualleader_desktop.domain.talks import TalkKind
from dualleader_desktop.services.history import ChangeAction, EntityKind

EMPTY = "（空）"
SHORT = 40  # characters of a long text shown in a change line

LABELS: dict[EntityKind, dict[str, str]] = {
    EntityKind.MEMBER: {
        "name": "姓名",
        "id_number": "身份证号",
        "gender": "性别",
        "birth_date": "出生日期",
        "ethnicity": "民族",
        "native_place": "籍贯",
        "phone": "联系电话",
        "party_group_name": "党小组",
        "category": "党员类别",
        "joined_date": "入党时间",
        "full_member_date": "转正时间",
        "education": "学历",
        "degree": "学位",
        "title": "职称",
        "post": "职务",
        "department": "所在部门",
        "remarks": "备注",
        "status": "状态",
        "status_date": "状态日期",
        "status_note": "状态说明",
        "transfers": "组织关系转接",
        "photo": "照片",
    },
    EntityKind.MEETING: {
        "kind": "会议类型",
        "theme": "会议主题",
        "meeting_date": "日期",
        "start_time": "开始时间",
        "end_time": "结束时间",
        "place": "地点",
        "party_group_name": "党小组",
        "host_name": "主持人",
        "recorder_name": "记录人",
        "speaker": "主讲人",
        "sitting_in": "列席人员",
        "tags": "三融合",
        "attendance": "出席情况",
        "agenda": "议程",
        "minutes": "会议记录",
        "resolutions": "会议决定",
        "attachments": "附件",
    },
    EntityKind.TALK: {
        "talk_date": "谈话日期",
        "kind": "类型",
        "place": "地点",
        "topic": "谈话主题",
        "talkers": "谈话人",
        "talkees": "谈话对象",
        "content": "谈话内容",
        "member_view": "谈话对象的意见",
        "follow_up": "跟进措施",
        "follow_up_date": "跟进日期",
        "attachments": "附件",
    },
    EntityKind.BRANCH: {
        "name": "支部名称",
        "parent_org": "上级党组织",
        "founded_on": "成立日期",
        "studio_name": "书记工作室",
    },
    EntityKind.GROUP: {"name": "名称", "leader_name": "组长"},
    EntityKind.COMMITTEE_SEAT: {
        "member_name": "委员",
        "role": "职务",
        "role_title": "职务名称",
        "term_start": "任期开始",
        "term_end": "任期结束",
    },
    EntityKind.EVALUATION: {
        "year": "年度",
        "ballots_cast": "投票人数",
        "excellent_share": "优秀比例上限",
        "steps": "评议步骤",
        "lines": "测评结果",
        "overrides": "警告的说明",
        "notes": "备注",
        "attachments": "附件",
    },
    EntityKind.SURVEY: {
        "year": "年度",
        "secretary_name": "被测评书记",
        "survey_date": "测评日期",
        "respondents": "参与测评人数",
        "headline": "主要指标",
        "items": "测评项目",
        "notes": "备注",
    },
    EntityKind.ARCHIVE_SETTINGS: {
        "fonds": "全宗号",
        "fonds_name": "全宗名称",
        "organization_code": "机构（问题）代码",
        "retention_overrides": "保管期限",
        "layout_template_name": "版式模板",
    },
}

_ENUMS: dict[str, type[LabeledEnum]] = {
    "gender": Gender,
    "category": MemberCategory,
    "status": MemberStatus,
    "role": CommitteeRole,
    "headline": Headline,
}
_KINDS = {EntityKind.MEETING: MeetingKind, EntityKind.TALK: TalkKind}
_MONTH_ONLY = {
    "joined_date": "joined_date_month_only",
    "full_member_date": "full_member_date_month_only",
}


def flat(text: str) -> str:
    """A text on one line: line breaks and runs of spaces as one space."""
    return " ".join(str(text).split())


def shorten(text: str, limit: int = SHORT) -> str:
    text = flat(text)
    return text if len(text) <= limit else f"{text[:limit]}…"


def excerpts(old: str, new: str) -> tuple[str, str]:
    """Two versions of a text as a change line shows them: whole when short, otherwise each
    from a little before the first character where they differ (minutes of 800 characters
    changed at the end would read the same for their first 40)."""
    if len(old) <= SHORT and len(new) <= SHORT:
        return old, new
    same = next(
        (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
        min(len(old), len(new)),
    )
    start = max(0, same - 8)
    return _excerpt(old, start), _excerpt(new, start)


def _excerpt(text: str, start: int) -> str:
    piece = text[start : start + SHORT]
    return ("…" if start else "") + piece + ("…" if start + SHORT < len(text) else "")


def _label(enum_cls: type[LabeledEnum], value) -> str:
    try:
        return enum_cls(value).label
    except ValueError:
        return str(value)


def shown(kind: EntityKind, snapshot: dict | None, *, full: bool = False) -> dict[str, str]:
    """A snapshot's fields as the user reads them, by field key, in the labels' order; fields
    without a label (ids, month-only marks folded into their date) are left out. Long texts
    are shortened unless ``full``."""
    if snapshot is None:
        return {}
    values = {key: _value(kind, key, snapshot) for key in LABELS[kind] if key in snapshot}
    return values if full else {key: shorten(value) for key, value in values.items()}


def _value(kind: EntityKind, key: str, snapshot: dict) -> str:
    value = snapshot[key]
    if key == "kind" and kind in _KINDS:
        return _label(_KINDS[kind], value)
    if key in _ENUMS and value is not None:
        return _label(_ENUMS[key], value)
    if key in _MONTH_ONLY and value and snapshot.get(_MONTH_ONLY[key]):
        return value[:7].replace("-", ".")  # known only to the month, as the roster shows it
    if key in ("start_time", "end_time") and value:
        return value[:5]
    if key == "tags":
        return "、".join(_label(IntegrationTag, tag) for tag in value)
    if key in ("talkers", "talkees"):
        return "、".join(person["name"] for person in value)
    if key == "transfers":
        return "；".join(_transfer(t) for t in value)
    if key == "photo":  # the content hash: a new photo is a new hash
        return f"有（{value[:8]}）" if value else ""
    if key == "attendance":
        return "；".join(_attendance(line) for line in value)
    if key == "agenda":
        return "；".join(_agenda(item) for item in value)
    if key == "attachments":
        return "、".join(f"「{a['file_name']}」" for a in value)
    if key == "steps":
        return "；".join(_step(step) for step in value)
    if key == "lines":
        return "；".join(_evaluation_line(line) for line in value)
    if key == "overrides":
        return "；".join(value.values())
    if key == "items":
        return "；".join(_survey_item(item) for item in value)
    if key == "layout_template_name":
        return value or "GB/T 9704（默认）"
    if key == "retention_overrides":
        return "、".join(
            f"{_label(RecordKind, k)} {_label(Retention, v)}" for k, v in sorted(value.items())
        )
    if isinstance(value, bool):
        return "是" if value else "否"
    return flat(value) if isinstance(value, str) else ("" if value is None else str(value))


def _step(step: dict) -> str:
    days = "—".join(filter(None, (step.get("on"), step.get("until"))))
    return f"{_label(Step, step['step'])} {days or '未定日期'}"


def _evaluation_line(line: dict) -> str:
    grade = _label(Grade, line["final"]) if line.get("final") else "未定等次"
    counts = "/".join(str(c) for c in line["ballots"])
    return f"{line['name']} {grade}（{counts}）"


def _survey_item(item: dict) -> str:
    counts = "/".join(str(c) for c in item["counts"])
    return f"{item['name']}（{counts}）"


def _transfer(t: dict) -> str:
    note = f"（{t['note']}）" if t.get("note") else ""
    return f"{t['date']} {_label(TransferDirection, t['direction'])}：{t['other_org']}{note}"


def _attendance(line: dict) -> str:
    status = _label(AttendanceStatus, line["status"])
    reason = f"（{line['reason']}）" if line.get("reason") else ""
    return f"{line['name']} {status}{reason}"


def _agenda(item: dict) -> str:
    if not item.get("has_vote"):
        return item["title"]
    vote = _label(VoteKind, item["vote_kind"])
    counts = f"同意 {item['votes_for']}，反对 {item['votes_against']}，弃权 {item['votes_abstain']}"
    return f"{item['title']}（{vote}：{counts}）"


def _or_empty(text: str) -> str:
    return text if text else EMPTY


def describe(
    kind: EntityKind, action: ChangeAction, before: dict | None, after: dict | None
) -> list[str]:
    """The lines of the 修改内容 column for one change log entry."""
    labels = LABELS[kind]
    if action == ChangeAction.CREATE:
        return [f"{labels[k]}：{v}" for k, v in shown(kind, after).items() if v]
    if action == ChangeAction.DELETE:
        if kind in (EntityKind.MEETING, EntityKind.TALK):
            where = "会议" if kind == EntityKind.MEETING else "谈话"
            return [f"删除了这条记录，可在菜单“记录 → 已删除的{where}记录…”中恢复"]
        return ["删除了这条记录"]
    if action == ChangeAction.RESTORE:
        notes = (before or {}).get("notes") or []
        return notes or ["按删除前的内容恢复"]
    lines: list[str] = []
    old_values, new_values = shown(kind, before, full=True), shown(kind, after, full=True)
    for key in labels:
        if key in ("attendance", "attachments"):
            lines.extend(_list_changes(key, labels[key], before or {}, after or {}))
            continue
        old, new = old_values.get(key, ""), new_values.get(key, "")
        if old != new:
            old, new = excerpts(old, new)
            lines.append(f"{labels[key]}：{_or_empty(old)} → {_or_empty(new)}")
    return lines or ["没有可见的改动"]


def _list_changes(key: str, label: str, before: dict, after: dict) -> list[str]:
    """Attendance by member and attachments by file: who or what was added, removed or
    changed, instead of the whole list twice."""
    if key == "attendance":
        old = {line["member_id"]: _attendance(line) for line in before.get(key, [])}
        new = {line["member_id"]: _attendance(line) for line in after.get(key, [])}
        lines = [f"{label}：{old[m]} → {new[m]}" for m in old if m in new and old[m] != new[m]]
    else:
        old = {(a["sha256"], a["file_name"]): a["file_name"] for a in before.get(key, [])}
        new = {(a["sha256"], a["file_name"]): a["file_name"] for a in after.get(key, [])}
        lines = []
    lines += [f"{label}：增加{_brief(key, new[k])}" for k in new if k not in old]
    lines += [f"{label}：移除{_brief(key, old[k])}" for k in old if k not in new]
    return lines


def _brief(key: str, text: str) -> str:
    return f"「{text}」" if key == "attachments" else f" {text}"
