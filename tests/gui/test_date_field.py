"""The date field of the member form: empty until typed, read as the roster import reads a
cell, and a calendar to pick from."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from dualleader_desktop.ui.widgets.date_field import DateField


def field(qtbot) -> DateField:
    widget = DateField()
    widget.label = "入党时间"
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_empty_until_typed_and_read_in_the_secretarys_forms(qtbot):
    widget = field(qtbot)
    assert widget.text() == "" and widget.value() is None and widget.error() == ""
    for typed, expected, month_only in (
        ("2012-06-30", date(2012, 6, 30), False),
        ("2012.6.30", date(2012, 6, 30), False),
        ("20120630", date(2012, 6, 30), False),
        ("2003.07", date(2003, 7, 1), True),
    ):
        widget.clear()
        qtbot.keyClicks(widget, typed)
        parsed = widget.value()
        assert (parsed.value, parsed.month_only) == (expected, month_only), typed


def test_a_text_that_is_no_date_says_why_in_the_fields_name(qtbot):
    widget = field(qtbot)
    qtbot.keyClicks(widget, "2012-02-30")
    assert widget.error() == "入党时间「2012-02-30」这一天不存在，请核对"
    assert widget.date_or_none() is None
    widget.clear()
    widget.allow_month_only = False
    qtbot.keyClicks(widget, "2025.06")
    assert widget.error() == "入党时间请填写到日，如 2025-06-01"


def test_a_month_only_date_is_shown_as_the_roster_shows_it(qtbot):
    widget = field(qtbot)
    widget.set_value(date(2003, 7, 1), month_only=True)
    assert widget.text() == "2003.07"
    widget.set_value(None)
    assert widget.text() == ""


# a popup on the offscreen platform: notes about the test platform, not the program
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)
def test_the_calendar_fills_the_field_with_the_day_picked(qtbot):
    widget = field(qtbot)
    picked, committed = [], []
    widget.edited.connect(lambda: picked.append(widget.text()))
    widget.committed.connect(lambda: committed.append(True))
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = widget.calendar
    qtbot.waitExposed(calendar)
    assert calendar.selectedDate().toPython() == date.today()  # an empty field opens at today
    view = calendar.findChild(QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    yesterday = date.today() - timedelta(days=1)
    assert widget.text() == f"{yesterday:%Y-%m-%d}" and not calendar.isVisible()
    assert picked == [widget.text()] and committed
    # opened again, it shows the date in the field
    widget.set_value(date(2012, 6, 30))
    assert widget.show_calendar().selectedDate().toPython() == date(2012, 6, 30)
    widget.calendar.hide()
