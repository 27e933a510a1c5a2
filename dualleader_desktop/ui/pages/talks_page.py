"""The talks page: talks of a year, and who each committee member has not talked with yet."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.domain.enums import MemberStatus
from dualleader_desktop.domain.talks import TalkKind
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.services.history_service import HistoryService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.ui.dialogs.talk_editor import TalkEditor
from dualleader_desktop.ui.models.talks_model import (
    COL_PLACE,
    COL_TALKEES,
    COL_TALKERS,
    COL_TOPIC,
    TalksModel,
)
from dualleader_desktop.ui.pages.record_list import (
    ColumnFit,
    RecordListPage,
    enum_value,
    filter_combo,
    list_table,
    refill,
)

WORD_JOINER = "\u2060"


class TalksPage(RecordListPage):
    HISTORY_KIND = EntityKind.TALK
    RECORD_NAME = "谈话记录"

    def __init__(
        self,
        talks: TalkService,
        members: MemberService,
        parent=None,
        *,
        archive=None,
        history: HistoryService | None = None,
    ) -> None:
        super().__init__(archive, parent, history or HistoryService(talks.db, talks.branch_id))
        self.talks, self.members = talks, members
        self.model = TalksModel(self)
        self.year_filter = filter_combo([], all_label="全部年度")
        self.kind_filter = filter_combo([(k.label, k) for k in TalkKind], all_label="全部类型")
        self.member_filter = filter_combo([], all_label="全部党员")
        self.count_label = QLabel()
        self.view = list_table(self.model, COL_TOPIC)
        self.view.doubleClicked.connect(
            lambda index: self.edit_record(self.model.row_at(index.row()).id)
        )
        self.coverage = QTextBrowser()
        self.coverage.setOpenLinks(False)
        buttons = []
        for text, slot in (
            ("新建谈话", self.new_talk),
            ("编辑", self.edit_current),
            ("删除", self._delete_current),
            ("导出本条…", self.export_current),
            ("预览 PDF", self.preview_current),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.append(button)
        filters = QHBoxLayout()
        self.filters = (self.year_filter, self.kind_filter, self.member_filter)
        for widget in self.filters:
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self.reload)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        for button in buttons:
            filters.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.coverage_title = QLabel()
        side_layout.addWidget(self.coverage_title)
        side_layout.addWidget(self.coverage)
        splitter.addWidget(side)
        splitter.setSizes([700, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.empty_note)
        layout.addWidget(splitter)
        # 日期 and 类型 keep their width, 主题 at least 11 characters (what fits at 1093 px
        # beside the coverage); the people and the place narrow first
        self.column_fit = ColumnFit(
            self.view,
            (100, 90, 0, 100, 160, 100),
            stretch=COL_TOPIC,
            stretch_chars=11,
            give_way={COL_TALKERS: 60, COL_TALKEES: 80, COL_PLACE: 60},
        )
        self._fill_filters()
        self.year_filter.setCurrentIndex(self.year_filter.findData(date.today().year))
        if self.year_filter.currentIndex() == 0:
            self.reload()

    def refresh(self) -> None:
        self._fill_filters()
        self.reload()

    def _fill_filters(self) -> None:
        this_year = date.today().year
        years = {this_year, *self.talks.years()}
        refill(self.year_filter, [(f"{y}年", y) for y in sorted(years, reverse=True)])
        refill(self.member_filter, [(name, member_id) for member_id, name in self._names().items()])

    def reload(self) -> None:
        rows = self.talks.list_talks(
            year=self.year_filter.currentData(),
            kind=enum_value(self.kind_filter, TalkKind),
            member_id=self.member_filter.currentData(),
        )
        self.model.set_rows(rows)
        self.count_label.setText(f"共 {len(rows)} 次")
        self.note_empty_year(len(rows), self.talks.years())
        self._show_coverage(self.year_filter.currentData() or date.today().year)

    def _show_coverage(self, year: int) -> None:
        """The coverage of the year the filter shows (this year when it shows every year),
        headed with that year."""
        self.coverage_title.setText(f"{year}年谈心谈话覆盖情况")
        lines = self.talks.coverage(year)
        if not lines:
            self.coverage.setHtml(
                "<p>尚未登记本届支委，无法统计。请在“支部设置”中登记支委会成员。</p>"
            )
            return
        parts = [f"<p><b>{year} 年</b>：每名支委每年应与每名党员至少谈话一次。</p>"]
        for line in lines:
            if line.missing:
                # a line breaks after a 、, never inside a name (「肖/永明」): a word joiner
                # (U+2060, no break, no width) between a name's characters
                names = "、".join(html.escape(WORD_JOINER.join(n)) for n in line.missing)
                parts.append(
                    f"<p><b>{html.escape(line.role)} {html.escape(line.name)}</b>："
                    f"尚未谈话 {len(line.missing)} 人<br><span style='color:#555'>{names}</span></p>"
                )
            else:
                parts.append(
                    f"<p><b>{html.escape(line.role)} {html.escape(line.name)}</b>：已全部谈话 ✓</p>"
                )
        self.coverage.setHtml("".join(parts))

    def _names(self) -> dict[int, str]:
        return {m.id: m.name for m in self.members.list_members(status=MemberStatus.ACTIVE)}

    def new_talk(self) -> TalkEditor:
        return self.open_editor(TalkEditor(self.talks, member_names=self._names(), parent=self))

    def edit_record(self, talk_id: int) -> TalkEditor:
        record = self.talks.get(talk_id)
        names = self._names()
        names.update(zip(record.draft.talker_ids, record.talker_names, strict=True))
        names.update(zip(record.draft.talkee_ids, record.talkee_names, strict=True))
        return self.open_editor(
            TalkEditor(
                self.talks, member_names=names, record=record, parent=self, history=self.history
            )
        )

    def record_date(self, record_id: int) -> date | None:
        return self.talks.get(record_id).draft.talk_date

    def record_kind(self, _row) -> RecordKind:
        return RecordKind.TALK

    def _delete_current(self) -> None:
        self.delete_current(
            "删除谈话记录",
            lambda t: (
                f"确定删除 {t.talk_date:%Y-%m-%d} 与 {t.talkees} 的谈话记录吗？"
                "删除后可以在“记录 → 已删除的谈话记录…”中恢复。"
            ),
            self.talks.delete,
        )
