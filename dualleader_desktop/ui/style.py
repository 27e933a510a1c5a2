"""The application's look: a Simplified Chinese font first, and a quiet style sheet."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from dualleader_desktop.paths import resources_dir

# With only Noto CJK installed Qt otherwise draws Chinese with the JP face (GOTCHAS.md)
FONT_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimSun",
]


def apply_style(app: QApplication) -> None:
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(10)
    app.setFont(font)
    qss = resources_dir() / "app.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
