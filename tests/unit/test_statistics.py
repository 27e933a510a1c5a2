"""The year in numbers: the roll at the year's end by category and age band, attendance by
month and meetings by 三融合 tag, counted from the demo year's records."""

from datetime import date

import pytest

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.domain.meetings import IntegrationTag
from dualleader_desktop.services.attendance import roll_on
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.statistics import age_band
from tests.conftest import TODAY


@pytest.mark.parametrize(
    ("birth", "on", "band"),
    [
        (date(1990, 12, 31), date(2025, 12, 31), "35岁及以下"),  # 35 that day
        (date(1989, 12, 31), date(2025, 12, 31), "36—45岁"),
        (date(1989, 12, 31), date(2025, 12, 30), "35岁及以下"),  # a day short of 36
        (date(1969, 6, 1), date(2025, 12, 31), "56岁及以上"),
    ],
)
def test_age_bands_count_whole_years(birth, on, band):
    assert age_band(birth, on) == band


def test_the_demo_year_in_numbers(db):
    populate_demo(db, 2025, today=TODAY)
    services = BranchServices(db)
    stats = services.statistics.year(2025, TODAY)
    assert stats.on == date(2025, 12, 31)
    with services.statistics.session() as session:  # the branch's roll
        roll = roll_on(session, stats.on)
    assert stats.members == len(roll) == sum(n for _, n in stats.age_bands)
    assert [label for label, _ in stats.categories] == ["正式党员", "预备党员"]
    assert sum(n for _, n in stats.education) == sum(n for _, n in stats.titles) == len(roll)
    meetings = services.meetings.list_meetings(year=2025)
    for month, rate in stats.attendance:
        held = [m for m in meetings if m.meeting_date.month == month]
        expected = sum(m.expected for m in held)
        assert rate == pytest.approx(sum(m.present for m in held) / expected)
    assert stats.tags == [
        (tag.label, sum(tag in m.tags for m in meetings)) for tag in IntegrationTag
    ]
    assert all(n for _, n in stats.tags)  # the demo tags meetings of all three


def test_a_year_without_meetings_has_no_rates(db):
    populate_demo(db, 2025, today=TODAY)
    stats = BranchServices(db).statistics.year(2023, TODAY)
    assert [rate for _, rate in stats.attendance] == [None] * 12
    assert [n for _, n in stats.tags] == [0, 0, 0]
