"""The main window's remembered layout: its size and place (fitted to the screen it opens
on), its tool bars, the roster's columns and sort order, and the page left open; the first
start sizes the window to the screen and opens on the 工作台."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QWidget

# the first start takes this share of the screen's free area, at most LARGEST: a 1366×768
# screen (and 1093×614 at 125 %) shows the whole window, status bar included
SCREEN_SHARE = 0.9
LARGEST = (1280, 780)
TITLE_BAR = 32  # room kept for the window frame's title bar, unknown before the window shows
ROSTER_HEADER = "members/header"


def available_area(window: QWidget) -> QRect:
    """The free area (without task bars) of the screen the window is on."""
    screen = (
        QGuiApplication.screenAt(window.geometry().center())
        or window.screen()
        or QGuiApplication.primaryScreen()
    )
    return screen.availableGeometry()


def first_start_size(area: QRect) -> tuple[int, int]:
    """Width and height of the window at its first start on a screen whose free area is
    ``area``: a share of it, never more than ``LARGEST``."""
    return (
        min(LARGEST[0], int(area.width() * SCREEN_SHARE)),
        min(LARGEST[1], int((area.height() - TITLE_BAR) * SCREEN_SHARE)),
    )


def roster_sorted() -> bool:
    """Whether the roster was sorted by a column when the window was last closed (its
    header's saved state says so): its first screen then needs every row it shows, to show
    them in that order."""
    state = QSettings().value(ROSTER_HEADER)
    if not isinstance(state, QByteArray):
        return False
    header = QHeaderView(Qt.Orientation.Horizontal)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return header.restoreState(state) and header.sortIndicatorSection() >= 0


class RememberedLayout:
    """Mixed into MainWindow (which has ``members_page``, ``navigation``, ``titles``,
    ``_page_names`` and ``show_page``)."""

    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        restored = (
            isinstance(geometry, QByteArray)
            and not geometry.isEmpty()
            and self.restoreGeometry(geometry)
        )
        self._fit_screen(restored)
        state = settings.value("main/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        roster = settings.value(ROSTER_HEADER)
        if isinstance(roster, QByteArray):
            self.members_page.view.horizontalHeader().restoreState(roster)
        # the first start opens on the 工作台 (what is due); later, on the page left open
        dashboard = self._page_names.index("dashboard_page")
        page = int(settings.value("main/page", dashboard) or 0)
        self.show_page(page if 0 <= page < len(self.titles) - 1 else dashboard)

    def _fit_screen(self, restored: bool) -> None:
        """The first start sizes the window to the screen and centres it; a remembered size
        larger than this screen's free area (saved on a larger one) is fitted back."""
        area = available_area(self)
        if restored:
            if self.isMaximized() or self.isFullScreen():
                return
            if self.width() <= area.width() and self.height() + TITLE_BAR <= area.height():
                return
            width = min(self.width(), area.width())
            height = min(self.height(), area.height() - TITLE_BAR)
        else:
            width, height = first_start_size(area)
        self.resize(width, height)
        # the size it took: never less than what its pages need, which may be more
        width, height = self.width(), self.height()
        self.move(
            area.x() + max(0, (area.width() - width) // 2),
            area.y() + max(0, (area.height() - height - TITLE_BAR) // 2),
        )

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        settings.setValue(ROSTER_HEADER, self.members_page.view.horizontalHeader().saveState())
        settings.setValue("main/page", self.navigation.currentRow())
