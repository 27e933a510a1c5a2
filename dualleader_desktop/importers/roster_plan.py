"""The import plan: every row of the roster checked, matched to a stored member or not, no writes.

The service gives the planner what the database holds (members by ID number, group names, the
longest text each column keeps); the planner decides per row: new, update, unchanged or invalid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dualleader_desktop.domain.enums import LabeledEnum
from dualleader_desktop.domain.validators import MemberDraft, validate_member
from dualleader_desktop.importers.roster_cells import parse_row
from dualleader_desktop.importers.roster_columns import FIELD_LABELS, ROSTER_COLUMNS
from dualleader_desktop.importers.roster_excel import RosterSheet, column_label
from dualleader_desktop.importers.roster_merge import describe_changes, merge_row

_FIELD_ORDER = {key: index for index, (key, _header) in enumerate(ROSTER_COLUMNS)}


class RowAction(LabeledEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    INVALID = "invalid"

    @classmethod
    def _labels(cls):
        return {cls.NEW: "新增", cls.UPDATE: "更新", cls.UNCHANGED: "无变化", cls.INVALID: "有错误"}


@dataclass(frozen=True)
class CellError:
    column: str  # the header text as it appears in the file
    message: str


@dataclass
class PlannedRow:
    excel_row: int
    cells: dict[str, str]  # field key -> text as read from the file (blank cells left out)
    draft: MemberDraft | None  # None when the row is invalid
    errors: list[CellError]
    warnings: list[str]
    action: RowAction
    changes: list[str]  # for UPDATE: "职称：讲师 → 副教授"
    group_name: str = ""  # the Party group named in the file; "" leaves the member's group alone
    member_id: int | None = None  # the stored member an UPDATE/UNCHANGED row matched
    member_version: int | None = None

    @property
    def name(self) -> str:
        return self.draft.name if self.draft is not None else self.cells.get("name", "")


@dataclass
class ImportPlan:
    source: Path
    sheet_name: str
    header_row: int
    columns: list[tuple[str, str]]  # (field key, header text in the file) in file order
    ignored_columns: list[str]
    new_groups: list[str]
    rows: list[PlannedRow]
    warnings: list[str] = field(default_factory=list)  # about the file as a whole

    @property
    def invalid_rows(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.action == RowAction.INVALID]

    def counts(self) -> dict[RowAction, int]:
        counts = dict.fromkeys(RowAction, 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts


@dataclass(frozen=True)
class StoredMember:
    member_id: int
    version: int
    draft: MemberDraft
    group_name: str


class RowPlanner:
    """Checks rows one by one against the stored members and the rows seen before."""

    def __init__(
        self,
        sheet: RosterSheet,
        stored: dict[str, StoredMember],
        groups: set[str],
        max_lengths: dict[str, int],
        today: date,
        elsewhere: frozenset[str] = frozenset(),
    ) -> None:
        self.sheet = sheet
        self.stored = stored
        # ID numbers on file in the database's other branches: a person is in one at a time
        self.elsewhere = elsewhere
        self.groups = groups
        self.max_lengths = max_lengths
        self.today = today
        self.seen_ids: dict[str, int] = {}

    def plan_row(self, excel_row: int, raw: dict[str, object]) -> PlannedRow:
        parsed = parse_row(raw)
        stored = self.stored.get(str(parsed.values.get("id_number", "")))
        draft, notes = merge_row(stored.draft if stored else None, parsed, self.today)
        errors = dict(parsed.errors)
        for key, message in validate_member(draft, self.today).items():
            errors.setdefault(key, message)
        group = str(parsed.values.get("party_group", ""))
        self._check_lengths(draft, group, errors)
        if "id_number" not in errors:
            earlier = self.seen_ids.setdefault(draft.id_number, excel_row)
            if earlier != excel_row:
                errors["id_number"] = (
                    f"与第 {earlier} 行的身份证号相同，同一名党员在花名册中只能出现一次，请删除重复的行"
                )
            elif draft.id_number in self.elsewhere:
                errors["id_number"] = (
                    "该身份证号已登记在本数据库另一个支部的党员档案中，须先从该支部转出"
                )
        row = PlannedRow(
            excel_row=excel_row,
            cells=parsed.cells,
            draft=None,
            errors=[
                CellError(column_label(self.sheet, key), message)
                for key, message in sorted(
                    errors.items(), key=lambda item: _FIELD_ORDER.get(item[0], len(_FIELD_ORDER))
                )
            ],
            warnings=parsed.warnings + notes,
            action=RowAction.INVALID,
            changes=[],
            group_name=group,
        )
        if errors:
            return row
        row.draft = draft
        if stored is None:
            row.action = RowAction.NEW
            return row
        row.member_id, row.member_version = stored.member_id, stored.version
        row.changes = describe_changes(stored.draft, stored.group_name, draft, group)
        row.action = RowAction.UPDATE if row.changes else RowAction.UNCHANGED
        return row

    def _check_lengths(self, draft: MemberDraft, group: str, errors: dict[str, str]) -> None:
        for key, limit in self.max_lengths.items():
            value = group if key == "party_group" else getattr(draft, key)
            if isinstance(value, str) and len(value) > limit and key not in errors:
                errors[key] = f"{FIELD_LABELS[key]}过长（最多 {limit} 个字），请精简"

    def new_groups(self, rows: list[PlannedRow]) -> list[str]:
        """Groups the valid rows name that do not exist yet, in order of first appearance."""
        names = dict.fromkeys(row.group_name for row in rows if row.draft is not None)
        return [name for name in names if name and name not in self.groups]

    def file_warnings(self) -> list[str]:
        if any(key == "category" for _index, key, _text in self.sheet.columns):
            return []
        return [
            "文件中没有“党员类别”列：新党员中有转正时间的按正式党员导入，其余按入党时间推定"
            "（入党不满一年的为预备党员）。请在预览中核对。"
        ]


def report_lines(plan: ImportPlan) -> list[str]:
    """The plan as Chinese lines: where the data was found, every problem and change, totals."""
    lines = [
        f"文件：{plan.source}",
        f"工作表“{plan.sheet_name}”，表头在第 {plan.header_row} 行",
        "识别的列：" + "、".join(text for _key, text in plan.columns),
    ]
    if plan.ignored_columns:
        lines.append("未导入的列：" + "、".join(plan.ignored_columns))
    if plan.new_groups:
        lines.append("将新建党小组：" + "、".join(plan.new_groups))
    lines.extend(f"提示：{warning}" for warning in plan.warnings)
    for row in plan.rows:
        where = f"第 {row.excel_row} 行"
        lines.extend(f"{where} [{error.column}] {error.message}" for error in row.errors)
        lines.extend(f"{where} {row.name}：{warning}" for warning in row.warnings)
        if row.action == RowAction.UPDATE:
            lines.append(f"{where} {row.name} 更新：" + "；".join(row.changes))
    counts = plan.counts()
    lines.append(
        f"共 {len(plan.rows)} 行：" + "，".join(f"{a.label} {counts[a]} 行" for a in RowAction)
    )
    return lines
