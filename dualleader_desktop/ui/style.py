"""The application's look and language: a Simplified Chinese font first, a quiet style sheet,
Qt's own Chinese texts (the 是/否/取消 of its message boxes) and the program's icon."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QFont, QIcon
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


def apply_style(app: QApplication) -> bool:
    """Returns whether Qt's Chinese texts were found (``--smoke`` says so: a frozen build
    must carry them)."""
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(10)
    app.setFont(font)
    qss = resources_dir() / "app.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    app.setWindowIcon(app_icon())
    return _install_qt_translations(app)


def app_icon() -> QIcon:
    """The icon at each size drawn for it (resources/icons, made by tools/make_icons.py), so
    the title bar and the task bar need not shrink the large one."""
    icon = QIcon()
    for path in sorted((resources_dir() / "icons").glob("dualleader-*.png")):
        icon.addFile(str(path))
    return icon


def _install_qt_translations(app: QApplication) -> bool:
    translator = QTranslator(app)  # parented: it lives as long as the application
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_zh_CN", folder):
        return False
    app.installTranslator(translator)
    return True
