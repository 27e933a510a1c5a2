"""A committee term runs from the election day to the day before its third anniversary
(DOMAIN.md), wherever a term's end is proposed."""

from datetime import date

import pytest

from dualleader_desktop.domain.committee import COMMITTEE_TERM_YEARS, term_end


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2024, 6, 15), date(2027, 6, 14)),  # DOMAIN.md's example
        (date(2024, 1, 1), date(2026, 12, 31)),  # a term elected on New Year's Day
        (date(2024, 3, 1), date(2027, 2, 28)),
        (date(2024, 2, 29), date(2027, 2, 28)),  # anniversary 1 March in a common year
        (date(2025, 3, 1), date(2028, 2, 29)),  # the day before it, in a leap year
    ],
)
def test_a_term_ends_the_day_before_its_third_anniversary(start, end):
    assert COMMITTEE_TERM_YEARS == 3
    assert term_end(start) == end


def test_another_length_can_be_asked_for():
    assert term_end(date(2024, 6, 15), 5) == date(2029, 6, 14)


def test_the_demo_committee_follows_the_rule(tmp_path):
    from dualleader_desktop.demo import populate_demo
    from dualleader_desktop.services.branch import BranchService
    from dualleader_desktop.storage.database import Database
    from tests.conftest import TODAY

    db = Database.open_file(tmp_path / "demo.sqlite3")
    try:
        populate_demo(db, 2025, today=TODAY)
        seats = BranchService(db).list_committee()
    finally:
        db.dispose()
    assert seats
    assert all(seat.term_end == term_end(seat.term_start) for seat in seats)
    assert seats[0].term_end == date(2027, 8, 31)  # elected 2024-09-01
