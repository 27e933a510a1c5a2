"""The window on a 1366×768 screen and at 125 % of it (1093×614 free): the first start fits
the screen, a size remembered from a larger screen is fitted back, and the meeting and talk
lists keep their date, kind and theme readable while the other columns narrow."""

import pytest
from PySide6.QtCore import QRect, QSettings

from dualleader_desktop.ui import window_layout
from dualleader_desktop.ui.main_window import MainWindow
from dualleader_desktop.ui.pages.record_list import fit_widths
from dualleader_desktop.ui.window_layout import LARGEST, TITLE_BAR

SCREENS = {
    "1366x768": QRect(0, 0, 1366, 728),  # a 40-pixel task bar
    "125 %": QRect(0, 0, 1093, 614),
}


@pytest.fixture
def demo_db(demo_file):
    from dualleader_desktop.storage.database import Database

    db = Database.open_file(demo_file)
    yield db
    db.dispose()


def on_screen(monkeypatch, area: QRect) -> None:
    monkeypatch.setattr(window_layout, "available_area", lambda _window: area)


def assert_inside(window, area: QRect) -> None:
    """The window with room for its title bar lies within the screen's free area."""
    outer = QRect(window.x(), window.y(), window.width(), window.height() + TITLE_BAR)
    assert area.contains(outer), (outer, area)


@pytest.mark.parametrize("screen", SCREENS)
def test_first_start_fits_the_screen_and_centres(qtbot, demo_db, monkeypatch, screen):
    area = SCREENS[screen]
    on_screen(monkeypatch, area)
    window = MainWindow(demo_db)  # a full roster: its page needs more width than an empty one
    qtbot.addWidget(window)
    assert_inside(window, area)
    assert window.width() <= LARGEST[0] and window.height() <= LARGEST[1]
    assert window.width() >= 0.85 * area.width()  # most of a small screen, not a corner of it
    left, right = window.x() - area.x(), area.right() - (window.x() + window.width() - 1)
    assert abs(left - right) <= 1


def test_first_start_on_a_large_screen_stops_at_the_largest_size(qtbot, db, monkeypatch):
    on_screen(monkeypatch, QRect(0, 0, 2560, 1400))
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == LARGEST


@pytest.mark.parametrize("screen", SCREENS)
def test_a_size_remembered_from_a_larger_screen_is_fitted_back(qtbot, db, monkeypatch, screen):
    first = MainWindow(db)  # on the offscreen test screen, 800×800
    qtbot.addWidget(first)
    first.resize(790, 760)
    first.show()
    qtbot.waitExposed(first)
    first.close()
    assert QSettings().value("main/geometry") is not None
    area = SCREENS[screen].adjusted(0, 0, -400, -200)  # smaller than the remembered one
    on_screen(monkeypatch, area)
    again = MainWindow(db)
    qtbot.addWidget(again)
    assert_inside(again, area)
    # a remembered size that fits is kept as it is
    on_screen(monkeypatch, QRect(0, 0, 1920, 1040))
    third = MainWindow(db)
    qtbot.addWidget(third)
    assert third.height() == 760


def test_fit_widths_narrows_only_the_columns_that_may_give_way():
    preferred = [100, 120, 0, 110, 80, 120, 180, 50]
    give_way = {3: 76, 4: 56, 5: 72, 6: 60, 7: 40}
    roomy = fit_widths(1200, preferred, 2, 300, give_way)
    assert roomy[:2] == [100, 120] and roomy[3:] == preferred[3:] and sum(roomy) == 1200
    tight = fit_widths(900, preferred, 2, 300, give_way)
    assert tight[:2] == [100, 120] and tight[2] == 300 and sum(tight) == 900
    assert all(give_way[c] <= tight[c] < preferred[c] for c in give_way)
    # past every minimum the theme keeps its own and the table scrolls sideways
    for available in range(824, 1100):  # rounded shares never leave a pixel to scroll
        assert sum(fit_widths(available, preferred, 2, 300, give_way)) == available
    narrow = fit_widths(600, preferred, 2, 300, give_way)
    assert narrow == [100, 120, 300, *give_way.values()]


def readable(view, column: int, text: str) -> bool:
    return view.columnWidth(column) >= view.fontMetrics().horizontalAdvance(text) + 8


@pytest.mark.parametrize("screen", SCREENS)
def test_the_meetings_and_talks_lists_stay_readable(qtbot, demo_db, monkeypatch, screen):
    area = SCREENS[screen]
    on_screen(monkeypatch, area)
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(1)
    page = window.meetings_page
    qtbot.waitUntil(lambda: page.view.viewport().width() > 0)
    view = page.view
    assert window.width() <= area.width()
    assert page.model.rowCount() > 40
    assert readable(view, 0, "2026-12-02")
    assert readable(view, 1, "支部委员会会议")
    assert readable(view, 2, "中" * 20)
    header = view.horizontalHeader()
    assert header.length() <= view.viewport().width()  # no sideways scrolling
    window.show_page(2)
    talks = window.talks_page.view
    qtbot.waitUntil(lambda: talks.viewport().width() > 0)
    assert readable(talks, 0, "2026-12-02")
    assert readable(talks, 1, "谈心谈话")
    assert readable(talks, 2, "中" * 11)
    assert talks.horizontalHeader().length() <= talks.viewport().width(), (
        [talks.columnWidth(c) for c in range(6)],
        talks.viewport().width(),
        window.width(),
    )
