"""Import the branch roster from Excel (check everything first, then write in one go) and export it.

``plan_import`` reads and checks the whole file without writing; the GUI shows the plan as a
preview and the CLI prints it. ``apply_import`` writes a plan in one transaction with Core
inserts (an ORM ``add_all`` is several times slower on big rosters, see GOTCHAS).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from dualleader_desktop.domain.enums import LabeledEnum, MemberStatus
from dualleader_desktop.domain.member_records import MemberRecord
from dualleader_desktop.importers.roster_columns import ROSTER_COLUMNS
from dualleader_desktop.importers.roster_excel import (
    MAX_ROWS,
    ReadCancelled,
    RosterSheet,
    WorkbookError,
    read_roster,
)
from dualleader_desktop.importers.roster_merge import describe_changes
from dualleader_desktop.importers.roster_plan import (
    CellError,
    ImportPlan,
    PlannedRow,
    RowAction,
    RowPlanner,
    StoredMember,
    report_lines,
)
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.history import (
    ChangeAction,
    log_members,
    log_new_groups,
    member_snapshots,
)
from dualleader_desktop.services.members import MemberService, member_values
from dualleader_desktop.services.scope import BranchScoped, branch_of, writing_branch
from dualleader_desktop.services.search import index_members
from dualleader_desktop.storage import backup
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.storage.models import Member, PartyGroup

__all__ = [
    "MAX_ROWS",
    "ROSTER_COLUMNS",
    "CellError",
    "ImportCancelled",
    "ImportPlan",
    "ImportResult",
    "PlannedRow",
    "RosterFileError",
    "RosterService",
    "RowAction",
    "read_roster_file",
    "report_lines",
]

PROGRESS_EVERY = 100
_ID_CHUNK = 500  # ID numbers per IN (...) query


class RosterFileError(ServiceError):
    """The file as a whole cannot be imported (not a workbook, encrypted, no header, too big)."""


class _WrittenMeanwhile(ServiceError):
    """Another writer added or changed some of the plan's members or groups after planning."""


class ImportCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__("已取消导入，没有写入任何数据。")


def read_roster_file(
    path: str | Path, is_cancelled: Callable[[], bool] | None = None
) -> RosterSheet:
    """Read the workbook alone, without a database, so a bad file is refused before any is made.

    Raises RosterFileError for a file that cannot be imported, ImportCancelled when
    ``is_cancelled`` turns true.
    """
    try:
        return read_roster(Path(path), is_cancelled)
    except WorkbookError as exc:
        raise RosterFileError(str(exc)) from None
    except ReadCancelled:
        raise ImportCancelled() from None


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    skipped: int
    new_groups: list[str]


class RosterService(BranchScoped):
    """Imports into and exports of the service's branch; its members and groups are read
    through the branch's services, handed to it where services are built
    (services/composition.py)."""

    def __init__(
        self,
        db: Database,
        branch_id: int | None = None,
        *,
        members: MemberService,
        branch: BranchService,
    ) -> None:
        super().__init__(db, branch_id)
        self.members, self.branch = members, branch

    # ---- import --------------------------------------------------------------------------
    def plan_import(
        self,
        path: str | Path,
        *,
        today: date | None = None,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
        sheet: RosterSheet | None = None,
    ) -> ImportPlan:
        """Read and check the whole roster; nothing is written.

        ``sheet`` is the file as ``read_roster_file`` already read it. Raises RosterFileError
        for a file that cannot be imported, ImportCancelled when ``is_cancelled`` turns true.
        """
        path = Path(path)
        if sheet is None:
            sheet = read_roster_file(path, is_cancelled)
        stored = {
            m.id_number: StoredMember(m.id, m.version, m.to_draft(), m.party_group_name)
            for m in self.members.list_members()
        }
        groups = {group.name for group in self.branch.list_groups()}
        planner = RowPlanner(
            sheet, stored, groups, _text_limits(), today or date.today(), self._elsewhere()
        )
        total = len(sheet.rows)
        rows = []
        for done, (excel_row, raw) in enumerate(sheet.rows):
            if done % PROGRESS_EVERY == 0:
                if is_cancelled is not None and is_cancelled():
                    raise ImportCancelled()
                if progress is not None:
                    progress(done, total)
            rows.append(planner.plan_row(excel_row, raw))
        if progress is not None:
            progress(total, total)
        return ImportPlan(
            source=path,
            sheet_name=sheet.sheet_name,
            header_row=sheet.header_row,
            columns=[(key, text) for _index, key, text in sheet.columns],
            ignored_columns=sheet.ignored_columns,
            new_groups=planner.new_groups(rows),
            rows=rows,
            warnings=planner.file_warnings(),
        )

    def _elsewhere(self) -> frozenset[str]:
        """ID numbers of the members of the database's other branches."""
        with self.session() as session:
            query = select(Member.id_number).where(Member.branch_id != branch_of(session))
            return frozenset(session.scalars(query))

    def apply_import(self, plan: ImportPlan, *, skip_invalid: bool = False) -> ImportResult:
        """Write the plan's valid rows in one transaction; nothing at all if any row is invalid.

        With ``skip_invalid`` the valid rows are written and the invalid ones skipped. Members
        matched by ID number keep their status; only the fields the file fills are changed.
        """
        invalid = plan.invalid_rows
        if invalid and not skip_invalid:
            raise ServiceError(
                f"花名册中有 {len(invalid)} 行有错误，没有导入任何数据。"
                "请改正这些行后重新导入，或选择“跳过有错误的行”只导入其余各行。"
            )
        self._backup_before(plan)
        try:
            return self._write(plan, skipped=len(invalid))
        except _WrittenMeanwhile:
            pass
        # another import (or a dialog) wrote some of the same members or groups since the
        # plan was made, most likely from the same file: once more, with the rows it already
        # wrote alike taken as unchanged; rows it wrote otherwise are refused by name
        try:
            return self._write(self._replan_written(plan), skipped=len(invalid))
        except _WrittenMeanwhile as exc:
            raise ServiceError(str(exc)) from None

    def _backup_before(self, plan: ImportPlan) -> None:
        """An import changes many members at once: a copy of what it changes comes first.
        Nothing is copied when there is nothing to lose or nothing will be written."""
        writes = any(row.action in (RowAction.NEW, RowAction.UPDATE) for row in plan.rows)
        if self.db.path is None or not writes or self.db.is_empty():
            return
        try:
            backup.take_backup(self.db.path, "before-import")
            backup.prune(self.db.path)
        except backup.BackupError as exc:
            raise ServiceError(f"{exc}\n导入前的备份没能保存，因此没有导入任何数据。") from exc

    def _write(self, plan: ImportPlan, *, skipped: int) -> ImportResult:
        """One try at writing the plan; _WrittenMeanwhile when another writer got there first."""
        added = [row for row in plan.rows if row.action == RowAction.NEW]
        updated = [row for row in plan.rows if row.action == RowAction.UPDATE]
        # in order of first appearance, so new groups are numbered as the file lists them
        written = (RowAction.NEW, RowAction.UPDATE)
        names = [row.group_name for row in plan.rows if row.action in written]
        try:
            with self.session() as session:
                _refuse_taken_ids(session, added)
                group_ids, created = _ensure_groups(session, [n for n in dict.fromkeys(names) if n])
                log_new_groups(session, group_ids, created)
                if added:
                    branch_id = writing_branch(session)
                    session.execute(
                        insert(Member.__table__),
                        [
                            {**_member_values(row, group_ids), "branch_id": branch_id}
                            for row in added
                        ],
                    )
                    added_ids = session.scalars(
                        select(Member.id).where(
                            Member.id_number.in_([row.draft.id_number for row in added])
                        )
                    ).all()
                    index_members(session, added_ids)
                    log_members(session, ChangeAction.CREATE, added_ids)
                before = member_snapshots(session, [row.member_id for row in updated])
                for row in updated:
                    result = session.execute(
                        update(Member.__table__)
                        .where(
                            Member.id == row.member_id,
                            Member.branch_id == branch_of(session),
                            Member.version == row.member_version,
                        )
                        .values(**_member_values(row, group_ids), version=row.member_version + 1)
                    )
                    if result.rowcount != 1:
                        raise _WrittenMeanwhile(
                            f"第 {row.excel_row} 行党员「{row.name}」的档案在检查花名册之后被修改过，"
                            "本次没有导入任何数据。请重新检查花名册后再导入。"
                        )
                index_members(session, [row.member_id for row in updated])
                log_members(session, ChangeAction.UPDATE, list(before), before)
        except DatabaseError as exc:
            if not isinstance(exc.__cause__, IntegrityError):
                raise
            # a member's ID number or a group's name written by someone else between our
            # check and our insert (SQLite's UNIQUE constraint failed)
            raise _WrittenMeanwhile(
                "另一个导入同时写入了相同的党员或党小组，本次没有导入任何数据。"
                "请等另一个导入完成后，重新导入花名册。"
            ) from None
        return ImportResult(
            added=len(added),
            updated=len(updated),
            unchanged=plan.counts()[RowAction.UNCHANGED],
            skipped=skipped,
            new_groups=created,
        )

    def _replan_written(self, plan: ImportPlan) -> ImportPlan:
        """The plan with the rows that the stored members now match exactly made unchanged."""
        stored = {m.id_number: m for m in self.members.list_members()}
        rows = []
        for row in plan.rows:
            member = stored.get(row.draft.id_number) if row.draft is not None else None
            fresh = member is not None and (
                row.action == RowAction.NEW
                or (row.action == RowAction.UPDATE and member.version != row.member_version)
            )
            if fresh and not describe_changes(
                member.to_draft(), member.party_group_name, row.draft, row.group_name
            ):
                row = replace(
                    row,
                    action=RowAction.UNCHANGED,
                    changes=[],
                    member_id=member.id,
                    member_version=member.version,
                )
            rows.append(row)
        return replace(plan, rows=rows)

    # ---- export --------------------------------------------------------------------------
    def export_roster(
        self, path: str | Path, *, include_left: bool = False, today: date | None = None
    ) -> int:
        """Write the roster (members on the roll, or everyone) to .xlsx; returns rows written."""
        from dualleader_desktop.importers.roster_writer import write_roster_workbook

        path = Path(path)
        status = None if include_left else MemberStatus.ACTIVE
        members = self.members.list_members(status=status)
        branch = self.branch.get_branch()
        keys = [key for key, _header in ROSTER_COLUMNS]
        headers = ["序号"] + [header for _key, header in ROSTER_COLUMNS]
        if include_left:
            headers.append("状态")
        rows = []
        month_cells = set()  # (row, column) of dates known only to the month
        for number, member in enumerate(members, start=1):
            values = [number] + [_export_value(member, key) for key in keys]
            rows.append([*values, member.status.label] if include_left else values)
            month_cells.update((number - 1, 1 + keys.index(key)) for key in member.month_only)
        try:
            write_roster_workbook(
                path,
                title=f"{branch.name if branch else ''}党员花名册",
                subtitle=f"导出日期：{today or date.today():%Y-%m-%d}",
                headers=headers,
                rows=rows,
                text_columns={1 + keys.index("id_number"), 1 + keys.index("phone")},
                month_cells=month_cells,
            )
        except FileNotFoundError:
            raise RosterFileError(f"文件夹 {path.parent} 不存在，请另选保存位置。") from None
        except OSError as exc:
            raise RosterFileError(
                f"无法写入 {path}（{exc.strerror or exc}）。文件可能正在 Excel 中打开，"
                "或文件夹没有写入权限；请关闭该文件后重试，或另选保存位置。"
            ) from None
        return len(rows)


def _text_limits() -> dict[str, int]:
    """The longest text each field's column holds (SQLite would not refuse, PostgreSQL would)."""
    columns = Member.__table__.c
    limits = {
        key: columns[key].type.length
        for key, _header in ROSTER_COLUMNS
        if key in columns and key != "id_number" and getattr(columns[key].type, "length", None)
    }
    limits["party_group"] = PartyGroup.__table__.c.name.type.length
    return limits


def _refuse_taken_ids(session, rows: list[PlannedRow]) -> None:
    """A member added elsewhere since the plan was made must not be added a second time."""
    ids = [row.draft.id_number for row in rows]
    for start in range(0, len(ids), _ID_CHUNK):
        taken = session.execute(
            select(Member.id_number, Member.name).where(
                Member.id_number.in_(ids[start : start + _ID_CHUNK])
            )
        ).first()
        if taken is not None:
            raise _WrittenMeanwhile(
                f"身份证号 {taken.id_number} 在检查花名册之后已登记在党员「{taken.name}」名下，"
                "本次没有导入任何数据。请重新检查花名册后再导入。"
            )


def _ensure_groups(session, names: list[str]) -> tuple[dict[str, int], list[str]]:
    """Ids of the named Party groups, creating the missing ones; returns (ids, created names)."""
    if not names:
        return {}, []
    branch_id = writing_branch(session)
    query = select(PartyGroup.name, PartyGroup.id).where(PartyGroup.branch_id == branch_id)
    existing = {name: gid for name, gid in session.execute(query.where(PartyGroup.name.in_(names)))}
    created = [name for name in names if name not in existing]
    if created:
        order = session.scalar(
            select(func.coalesce(func.max(PartyGroup.sort_order), 0)).where(
                PartyGroup.branch_id == branch_id
            )
        )
        session.execute(
            insert(PartyGroup.__table__),
            [
                {"branch_id": branch_id, "name": name, "sort_order": order + n}
                for n, name in enumerate(created, 1)
            ],
        )
        existing.update(
            (name, gid) for name, gid in session.execute(query.where(PartyGroup.name.in_(created)))
        )
    return existing, created


def _member_values(row: PlannedRow, group_ids: dict[str, int]) -> dict[str, object]:
    values = member_values(row.draft)
    if row.group_name:
        values["party_group_id"] = group_ids[row.group_name]
    return values


def _export_value(member: MemberRecord, key: str) -> object:
    value = member.party_group_name if key == "party_group" else getattr(member, key)
    if isinstance(value, LabeledEnum):
        return value.label
    return None if value in ("", None) else value
