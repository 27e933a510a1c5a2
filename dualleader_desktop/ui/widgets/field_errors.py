"""Inline field errors: the message under a field, the field outlined, the first one focused.

Every form marks its invalid fields the same way from the services' {field: message} dict.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOR = "#b3261e"
ERROR_STYLE = f"color: {ERROR_COLOR};"
INVALID_STYLE = f"border: 1px solid {ERROR_COLOR};"

# (error label, the field it belongs to, the error key or keys it shows)
Place = tuple[QLabel, QWidget, str | tuple[str, ...]]


def error_label(label: QLabel | None = None) -> QLabel:
    """A label for a field's error: red, wrapping, hidden until there is something to say."""
    label = label or QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_field_errors(places: Iterable[Place], errors: dict[str, str]) -> QWidget | None:
    """Show each place's messages (or clear them), focus the first bad field and return it."""
    first = None
    for label, widget, keys in places:
        keys = (keys,) if isinstance(keys, str) else keys
        message = "；".join(errors[key] for key in keys if key in errors)
        label.setText(message)
        label.setVisible(bool(message))
        widget.setStyleSheet(INVALID_STYLE if message else "")
        if message and first is None:
            first = widget
    if first is not None:
        first.setFocus()
    return first
