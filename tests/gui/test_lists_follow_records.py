"""A record saved for another year than the list shows does not vanish: the list goes to its
year; a year with no records says so and offers the latest one that has some."""

from __future__ import annotations

from datetime import date

import pytest

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.storage.database import Database
from dualleader_desktop.ui.pages.meetings_page import MeetingsPage
from dualleader_desktop.ui.pages.talks_page import TalksPage

YEAR = date.today().year - 1  # the demo's year; the pages open on this year, which has none


@pytest.fixture
def services(tmp_path):
    db = Database.open_file(tmp_path / "demo.sqlite3")
    populate_demo(db, YEAR, today=date.today())
    yield BranchServices(db)
    db.dispose()


def test_an_empty_year_says_so_and_offers_the_year_with_records(qtbot, services):
    page = TalksPage(services.talks, services.members)
    qtbot.addWidget(page)
    page.show()
    assert page.year_filter.currentData() == YEAR + 1 and page.model.rowCount() == 0
    assert page.empty_note.isVisible()
    assert page.empty_note.text().startswith(f"{YEAR + 1}年还没有谈话记录。")
    page.empty_note.linkActivated.emit(str(YEAR))
    assert page.year_filter.currentData() == YEAR and page.model.rowCount() > 0
    assert not page.empty_note.isVisible()
    # narrowed by another filter, an empty list is not the year's: no note
    page.year_filter.setCurrentIndex(page.year_filter.findData(YEAR + 1))
    page.kind_filter.setCurrentIndex(1)
    assert page.model.rowCount() == 0 and not page.empty_note.isVisible()


def test_a_meeting_saved_for_another_year_takes_the_list_there(qtbot, services):
    meetings = services.meetings
    page = MeetingsPage(meetings, services.members, services.branch)
    qtbot.addWidget(page)
    page.show()
    page.year_filter.setCurrentIndex(page.year_filter.findData(YEAR))
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(MeetingKind.COMMITTEE))
    draft = meetings.new_draft(MeetingKind.THEME_DAY, date(YEAR - 1, 5, 10))
    draft.theme = "往年补录的主题党日"
    record = meetings.save(draft)
    page._saved(record.id)  # what the editor's saved signal calls
    assert page.year_filter.currentData() == YEAR - 1
    assert page.kind_filter.currentIndex() == 0  # the filter that hid it is cleared
    assert page.model.row_at(page.view.currentIndex().row()).id == record.id
