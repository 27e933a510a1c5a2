"""The meetings page: 三会一课, 主题党日 and 组织生活会, filtered by kind, year, group and tag."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
)

from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.domain.enums import MemberStatus
from dualleader_desktop.domain.meetings import IntegrationTag, MeetingKind
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.services.history_service import HistoryService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.dialogs.meeting_editor import MeetingEditor
from dualleader_desktop.ui.models.meetings_model import (
    COL_ATTENDANCE,
    COL_FILES,
    COL_GROUP,
    COL_HOST,
    COL_TAGS,
    COL_THEME,
    MeetingsModel,
)
from dualleader_desktop.ui.pages.record_list import (
    ColumnFit,
    RecordListPage,
    enum_value,
    filter_combo,
    list_table,
    refill,
)


class MeetingsPage(RecordListPage):
    HISTORY_KIND = EntityKind.MEETING
    RECORD_NAME = "会议记录"

    def __init__(
        self,
        meetings: MeetingService,
        members: MemberService,
        branch: BranchService,
        parent=None,
        *,
        archive=None,
        history: HistoryService | None = None,
    ) -> None:
        super().__init__(
            archive, parent, history or HistoryService(meetings.db, meetings.branch_id)
        )
        self.meetings, self.members, self.branch = meetings, members, branch
        self.model = MeetingsModel(self)
        self.kind_filter = filter_combo([(k.label, k) for k in MeetingKind], all_label="全部类型")
        self.year_filter = filter_combo([], all_label="全部年度")
        self.group_filter = filter_combo([], all_label="全部党小组")
        self.tag_filter = filter_combo(
            [(t.label, t) for t in IntegrationTag], all_label="三融合：全部"
        )
        self.count_label = QLabel()
        self.view = list_table(self.model, COL_THEME)
        self.view.doubleClicked.connect(
            lambda index: self.edit_record(self.model.row_at(index.row()).id)
        )
        new_button = QPushButton("新建会议…")
        menu = QMenu(new_button)
        for kind in MeetingKind:
            menu.addAction(kind.label, lambda k=kind: self.new_meeting(k))
        menu.addSeparator()
        for kind in MeetingKind:
            menu.addAction(
                f"从上次{kind.label}新建", lambda k=kind: self.new_meeting(k, from_last=True)
            )
        new_button.setMenu(menu)
        edit_button = QPushButton("编辑")
        edit_button.clicked.connect(self.edit_current)
        delete_button = QPushButton("删除")
        delete_button.clicked.connect(self._delete_current)
        export_button = QPushButton("导出本条…")
        export_button.clicked.connect(self.export_current)
        preview_button = QPushButton("预览 PDF")
        preview_button.clicked.connect(self.preview_current)
        filters = QHBoxLayout()
        self.filters = (self.kind_filter, self.year_filter, self.group_filter, self.tag_filter)
        for widget in self.filters:
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self.reload)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        filters.addWidget(new_button)
        filters.addWidget(edit_button)
        filters.addWidget(delete_button)
        filters.addWidget(export_button)
        filters.addWidget(preview_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.view)
        # 日期 and 类型 keep their width, 主题 at least 20 characters (at 1093 px, 125 % of a
        # 1366×768 screen, too); 党小组, 主持人, 出席, 三融合 and 附件 narrow first
        self.column_fit = ColumnFit(
            self.view,
            (100, 120, 0, 110, 80, 120, 180, 50),
            stretch=COL_THEME,
            stretch_chars=20,
            give_way={
                COL_GROUP: 76,
                COL_HOST: 56,
                COL_ATTENDANCE: 108,
                COL_TAGS: 60,
                COL_FILES: 40,
            },
        )
        self._fill_filters()
        # a branch makes ~150 records a year: open on this year, not on every year there is
        self.year_filter.setCurrentIndex(self.year_filter.findData(date.today().year))
        if self.year_filter.currentIndex() == 0:
            self.reload()

    def refresh(self) -> None:
        """Reload the filter choices (years, groups) and the list."""
        self._fill_filters()
        self.reload()

    def _fill_filters(self) -> None:
        years = {*self.meetings.years(), date.today().year}
        refill(self.year_filter, [(f"{y}年", y) for y in sorted(years, reverse=True)])
        refill(self.group_filter, [(g.name, g.id) for g in self.branch.list_groups()])

    def reload(self) -> None:
        rows = self.meetings.list_meetings(
            kind=enum_value(self.kind_filter, MeetingKind),
            year=self.year_filter.currentData(),
            party_group_id=self.group_filter.currentData(),
            tag=enum_value(self.tag_filter, IntegrationTag),
        )
        self.model.set_rows(rows)
        self.count_label.setText(f"共 {len(rows)} 次")
        self.note_empty_year(len(rows), self.meetings.years())

    # ---- editing -------------------------------------------------------------------------
    def _member_names(self) -> dict[int, str]:
        return {m.id: m.name for m in self.members.list_members(status=MemberStatus.ACTIVE)}

    def new_meeting(
        self,
        kind: MeetingKind,
        *,
        from_last: bool = False,
        on: date | None = None,
        group_id: int | None = None,
    ) -> MeetingEditor:
        """The editor of a new meeting of ``kind``; ``on`` and ``group_id`` where the 工作台
        asks for a meeting of a given period (and Party group)."""
        editor = MeetingEditor(
            self.meetings,
            member_names=self._member_names(),
            groups=[(g.id, g.name) for g in self.branch.list_groups()],
            kind=kind,
            parent=self,
        )
        if on is not None:
            editor.set_date(on)
        group = group_id if group_id is not None else self.group_filter.currentData()
        if kind == MeetingKind.GROUP and group is not None:
            editor.choose_group(group)  # the group the list shows is the likely one
        if from_last:
            editor.start_from_last()
        return self.open_editor(editor)

    def show_meetings(self, kind: MeetingKind, year: int) -> None:
        """The list narrowed to one kind and year (the 工作台's cell of several meetings)."""
        self.kind_filter.setCurrentIndex(self.kind_filter.findData(kind))
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(year)))

    def edit_record(self, meeting_id: int) -> MeetingEditor:
        record = self.meetings.get(meeting_id)
        names = self._member_names()
        names.update({line.member_id: line.name for line in record.draft.attendance})
        editor = MeetingEditor(
            self.meetings,
            member_names=names,
            groups=[(g.id, g.name) for g in self.branch.list_groups()],
            record=record,
            parent=self,
            history=self.history,
        )
        return self.open_editor(editor)

    def record_date(self, record_id: int) -> date | None:
        return self.meetings.get(record_id).draft.meeting_date

    def record_kind(self, row) -> RecordKind:
        return RecordKind(row.kind.value)

    def _delete_current(self) -> None:
        self.delete_current(
            "删除会议记录",
            lambda m: (
                f"确定删除 {m.meeting_date:%Y-%m-%d} 的{m.kind.label}「{m.theme}」吗？"
                "\n删除后可以在“记录 → 已删除的会议记录…”中恢复，附件一并恢复。"
            ),
            self.meetings.delete,
        )
