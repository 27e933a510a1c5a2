"""The application's look and language: a Simplified Chinese font first, a quiet style sheet,
and Qt's own Chinese texts (the 是/否/取消 of its message boxes)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator
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
    _install_qt_translations(app)


def _install_qt_translations(app: QApplication) -> None:
    translator = QTranslator(app)  # parented: it lives as long as the application
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_zh_CN", folder):
        app.installTranslator(translator)
