"""A date typed as text, with a calendar to pick from: a date that can be empty.

QDateEdit always holds a date, so a new member's form showed a made-up birth date and 入党时间
= today before anything was typed. This field starts empty, reads what a secretary types as the
roster import reads a cell (importers/dates.py: 2012-06-30, 2012.6.30, 2012年6月30日, 20120630,
and dates known only to the month, 2003.07), and shows a month-only date as 2003.07, as the
roster does. Whether the text is a date is said by ``value()`` (a Chinese FieldError when not);
the form decides when to show it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit

from dualleader_desktop.domain.validators import FieldError
from dualleader_desktop.importers.dates import ParsedDate, parse_cell_date

PLACEHOLDER = "未填；如 2012-06-30"
CALENDAR_TIP = "选择日期（Alt+↓）"


def date_text(day: date | None, month_only: bool = False) -> str:
    """How the field (and the roster) writes a date: 2012-06-30, or 2003.07 for a month."""
    if day is None:
        return ""
    return f"{day:%Y.%m}" if month_only else f"{day:%Y-%m-%d}"


def _calendar_icon() -> QIcon:
    """A small calendar drawn here: the program ships no icon files."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#555555"))
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(2, 3, 12, 3), QColor("#c62828"))
    for row in range(2):
        for column in range(3):
            painter.fillRect(QRect(4 + 3 * column, 8 + 3 * row, 2, 2), QColor("#555555"))
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """``edited``: the user typed or picked a date; ``committed``: the user is done with the
    field (left it, pressed Enter, or picked a date), the moment to say what is wrong."""

    edited = Signal()
    committed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = "日期"  # names the field in messages: "无法识别入党时间「…」"
        self.allow_month_only = True
        self.calendar: QCalendarWidget | None = None
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self.calendar_action = QAction(_calendar_icon(), CALENDAR_TIP, self)
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.textEdited.connect(self.edited)
        self.editingFinished.connect(self.committed)

    # ---- the value -----------------------------------------------------------------------
    def set_value(self, day: date | None, month_only: bool = False) -> None:
        """Show ``day`` (None: empty); not an edit of the user's."""
        self.setText(date_text(day, month_only))
        self.setModified(False)

    def value(self) -> ParsedDate | None:
        """The date typed, None when empty; raises FieldError (Chinese) when the text is no
        date, or names only a month where a day is needed."""
        parsed = parse_cell_date(self.text(), self.label)
        if parsed is not None and parsed.month_only and not self.allow_month_only:
            raise FieldError(f"{self.label}请填写到日，如 {parsed.value:%Y-%m}-01")
        return parsed

    def error(self) -> str:
        """What is wrong with the text ("" when it is a date or empty)."""
        try:
            self.value()
        except FieldError as exc:
            return exc.message
        return ""

    def date_or_none(self) -> date | None:
        """The date typed; None when empty or no date."""
        try:
            parsed = self.value()
        except FieldError:
            return None
        return parsed.value if parsed else None

    # ---- the calendar --------------------------------------------------------------------
    def show_calendar(self) -> QCalendarWidget:
        """Open a calendar under the field at the date typed (or today); a click fills it."""
        if self.calendar is None:
            calendar = QCalendarWidget(self)
            calendar.setWindowFlags(Qt.WindowType.Popup)
            calendar.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
            calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            calendar.setMaximumDate(QDate.currentDate())
            calendar.clicked.connect(self._picked)
            calendar.activated.connect(self._picked)
            self.calendar = calendar
        shown = self.date_or_none() or date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()
        return self.calendar

    def _picked(self, day: QDate) -> None:
        self.calendar.hide()
        self.setText(date_text(day.toPython()))
        self.setModified(False)  # said here: editingFinished would say it a second time
        self.setFocus()
        self.edited.emit()
        self.committed.emit()

    def keyPressEvent(self, event) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)
