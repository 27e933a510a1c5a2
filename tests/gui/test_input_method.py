"""Where the desktop asks Qt for fcitx and Qt has no fcitx plugin (PySide6's wheels carry none),
the program asks for ibus, which fcitx5 answers too: otherwise no Chinese could be typed."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo

from dualleader_desktop.ui.input_method import IM_VARIABLE, use_an_input_method_qt_has


def plugins(tmp_path, *names):
    folder = tmp_path / "plugins" / "platforminputcontexts"
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_bytes(b"")
    return tmp_path / "plugins"


@pytest.mark.parametrize(
    ("desktop", "present", "asked"),
    [
        ("fcitx", ["libibusplatforminputcontextplugin.so"], "ibus"),  # PySide6's own plugins
        ("fcitx5", ["libibusplatforminputcontextplugin.so"], "ibus"),
        (
            "fcitx",
            ["libibusplatforminputcontextplugin.so", "libfcitx5platforminputcontextplugin.so"],
            "fcitx",
        ),
        ("fcitx", [], "fcitx"),  # no ibus plugin either: nothing better to ask for
        ("ibus", ["libibusplatforminputcontextplugin.so"], "ibus"),
    ],
)
def test_fcitx_is_reached_through_ibus_when_qt_has_no_fcitx_plugin(
    tmp_path, monkeypatch, desktop, present, asked
):
    monkeypatch.setenv(IM_VARIABLE, desktop)
    use_an_input_method_qt_has(plugins(tmp_path, *present))
    assert os.environ[IM_VARIABLE] == asked


def test_no_input_method_asked_for_stays_so(tmp_path, monkeypatch):
    monkeypatch.delenv(IM_VARIABLE, raising=False)
    use_an_input_method_qt_has(plugins(tmp_path, "libibusplatforminputcontextplugin.so"))
    assert IM_VARIABLE not in os.environ


def test_the_plugins_of_the_qt_the_program_runs_on_hold_ibus():
    """PySide6's Qt (and so the frozen build's) has the ibus plugin this relies on."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforminputcontexts"
    assert any("ibus" in path.name for path in folder.glob("*")), sorted(folder.glob("*"))
