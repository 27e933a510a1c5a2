"""The frozen build's command names what the program reads as files, where it now is."""

import importlib.util
import os
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_build():
    """packaging/build.py as a module (by its path: ``packaging`` is also pip's package)."""
    spec = importlib.util.spec_from_file_location("frozen_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_carries_every_folder_the_program_reads_as_files():
    build = load_build()
    args = build.command()
    data = [args[i + 1].rsplit(os.pathsep, 1) for i, arg in enumerate(args) if arg == "--add-data"]
    assert [target for _, target in data] == [
        "resources",
        "dualleader_desktop/storage/migrations",
        "docx/parts",
    ]
    sources = [Path(source) for source, _ in data]
    assert all(source.exists() for source in sources), sources
    assert (sources[1] / "versions").is_dir()  # the migrations themselves
    assert args[args.index("--paths") + 1] == str(ROOT)
    assert Path(args[-1]) == ROOT / "packaging" / "entry.py" and Path(args[-1]).is_file()


def fake_build(folder: Path, qt: str, names: list[str]) -> Path:
    for name in names:
        path = folder / "_internal" / qt / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    return folder


KEPT = [
    "plugins/platforms/libqxcb.so",
    "plugins/platforms/libqwayland.so",
    "plugins/platforms/libqoffscreen.so",
    "plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "plugins/imageformats/libqjpeg.so",
    "plugins/imageformats/libqwebp.so",
    "lib/libQt6Widgets.so.6",
    "lib/libQt6Pdf.so.6",
    "translations/qtbase_zh_CN.qm",
]
PRUNED = [
    "plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "plugins/platforms/libqeglfs.so",
    "plugins/platforms/libqvnc.so",
    "plugins/generic/libqevdevmouseplugin.so",
    "plugins/tls/libqopensslbackend.so",
    "plugins/imageformats/libqpdf.so",
    "lib/libQt6Quick.so.6",
    "lib/libQt6Qml.so.6",
    "lib/libQt6VirtualKeyboard.so.6",
    "lib/libQt6EglFSDeviceIntegration.so.6",
    "translations/qtbase_de.qm",
    "translations/qtbase_zh_TW.qm",
]


def test_prune_takes_out_what_the_program_never_loads_and_keeps_the_rest(tmp_path):
    build = load_build()
    folder = fake_build(tmp_path, "PySide6/Qt", KEPT + PRUNED)
    removed = build.prune(folder)
    qt = folder / "_internal" / "PySide6" / "Qt"
    assert sorted(path.relative_to(qt).as_posix() for path in removed) == sorted(PRUNED)
    assert all((qt / name).is_file() for name in KEPT)
    assert not (qt / "plugins" / "generic").exists()  # emptied folders go too


def test_prune_knows_the_windows_layout_and_names(tmp_path):
    build = load_build()
    kept = ["plugins/platforms/qwindows.dll", "Qt6Widgets.dll", "translations/qt_zh_CN.qm"]
    pruned = [
        "Qt6Quick.dll",
        "Qt6Qml.dll",
        "plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
    ]
    folder = fake_build(tmp_path, "PySide6", kept + pruned)
    assert len(build.prune(folder)) == len(pruned)
    assert all((folder / "_internal" / "PySide6" / name).is_file() for name in kept)


def recorded(name, *args, **kwargs):
    return name, args, kwargs


def test_windows_version_information_reads_in_chinese_and_english():
    build = load_build()
    text = build.version_info("0.1.0")
    # PyInstaller evaluates this text with its version classes; stand-ins record what it says
    record = {
        name: partial(recorded, name)
        for name in (
            "VSVersionInfo",
            "FixedFileInfo",
            "StringFileInfo",
            "StringTable",
            "StringStruct",
            "VarFileInfo",
            "VarStruct",
        )
    }
    _, _, info = eval(text, record)
    assert info["ffi"][2]["filevers"] == (0, 1, 0, 0)
    tables = {args[0]: dict(item[1] for item in args[1]) for _, args, _ in info["kids"][0][1][0]}
    assert set(tables) == {"080404b0", "040904b0"}
    assert tables["080404b0"]["ProductName"] == "双带头人支部工作台"
    assert tables["040904b0"]["ProductName"] == "DualLeader Desktop"
    assert tables["080404b0"]["OriginalFilename"] == "dualleader.exe"
    translation = info["kids"][1][1][0][0][1]
    assert translation == ("Translation", [0x0804, 1200, 0x0409, 1200])


def test_on_windows_the_executable_gets_its_icon_version_and_hidden_console(monkeypatch):
    build = load_build()
    monkeypatch.setattr(build.sys, "platform", "win32")
    args = build.command()
    assert Path(args[args.index("--icon") + 1]) == ROOT / "resources" / "icons" / "dualleader.ico"
    assert args[args.index("--version-file") + 1] == str(build.VERSION_FILE)
    assert args[args.index("--hide-console") + 1] == "hide-early"
