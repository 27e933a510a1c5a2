"""Chinese is typed through the desktop's input method: fcitx on 统信UOS and 麒麟 (and many
other Linux desktops), ibus elsewhere. Qt reaches it through a plugin; PySide6 carries the ibus
plugin and no fcitx one, so where the desktop asks Qt for fcitx (``QT_IM_MODULE=fcitx``) no
Chinese could be typed in the program. fcitx5 answers ibus's protocol too (its ibus frontend),
so the program asks for ibus instead there. Decided before the QApplication is made: Qt reads
the variable once."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

IM_VARIABLE = "QT_IM_MODULE"


def use_an_input_method_qt_has(plugins: Path | None = None) -> None:
    """Ask for ibus where fcitx is asked for and Qt's plugins (``plugins``, by default Qt's
    own folder) have no fcitx plugin; leave everything else as the desktop set it."""
    if not os.environ.get(IM_VARIABLE, "").startswith("fcitx"):
        return
    if plugins is None:
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    contexts = plugins / "platforminputcontexts"
    if any("fcitx" in path.name for path in contexts.glob("*")):
        return
    if any("ibus" in path.name for path in contexts.glob("*")):
        os.environ[IM_VARIABLE] = "ibus"
