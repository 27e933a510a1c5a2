"""The main window's side of the 工作台: the page built with what it needs from the window
(the branch's services, built only when asked; the department's grid where the database
holds several branches) and the places its cells and items open."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from dualleader_desktop.domain.meetings import MeetingKind


class DashboardLinks:
    """Mixed into MainWindow (which has ``services``, ``db``, ``show_page``, the pages and
    ``_open_year``)."""

    def _dashboard_page(self) -> QWidget:
        from dualleader_desktop.services.branch import list_branches
        from dualleader_desktop.ui.pages.dashboard_page import DashboardPage

        services = self.services
        several = len(list_branches(self.db)) > 1
        return DashboardPage(
            services.compliance,
            services.statistics,
            write_assessment=self._write_assessment,
            write_summary=self._write_summary,
            department=self._department if several else None,
            assessment=services.assessment,
        )

    def _department(self, year: int):
        """Every branch's grid of ``year`` (on the 工作台's worker thread)."""
        from dualleader_desktop.services.department import department_grid

        return department_grid(self.db, year)

    def _write_summary(self, year: int, folder: Path, charts) -> list[Path]:
        """The year's 年度工作总结（初稿） with ``charts`` into ``folder`` (on a worker thread)."""
        services = self.services
        return services.archive.export_document(services.summary.document(year, charts), folder)

    def _write_assessment(self, year: int, folder: Path) -> list[Path]:
        """The year's 考核自评表 into ``folder`` (on the 工作台's worker thread)."""
        services = self.services
        branch = services.branch.get_branch()
        document = services.assessment.document(year, branch.name if branch else "党支部")
        return services.archive.export_document(document, folder)

    def _open_meetings(self, kind: MeetingKind, ids: list[int], year: int) -> None:
        """A 工作台 cell's meetings: the one meeting, or the list of that kind and year."""
        self.show_page(1)
        if len(ids) == 1:
            self.meetings_page.edit_record(ids[0])
        else:
            self.meetings_page.show_meetings(kind, year)

    def _new_meeting_in(self, kind: MeetingKind, on: date, group_id: int | None) -> None:
        self.show_page(1)
        self.meetings_page.new_meeting(kind, on=on, group_id=group_id)

    def _open_due_item(self, item) -> None:
        """Where a 工作台 item is fixed: a missing meeting's new record, the talks, the member
        files (转正), the committee (换届) or the 民主评议 of its year."""
        from dualleader_desktop.domain.compliance import DueKind

        if item.kind == DueKind.MEETING:
            self._new_meeting_in(item.meeting_kind, min(item.due, date.today()), None)
        elif item.kind == DueKind.TALK:
            self.show_page(2)
        elif item.kind == DueKind.PROBATION:
            self.show_page(0)
        elif item.kind == DueKind.TERM:
            self.show_page(4)
        elif item.kind == DueKind.EVALUATION:
            self._open_year(item.due.year - 1, survey=False)
