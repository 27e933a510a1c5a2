"""Typing Chinese in Qt tests: qtbot.keyClicks aborts on non-ASCII (GOTCHAS.md), so the text
is committed the way an input method does it."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
