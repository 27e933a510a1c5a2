"""A one-folder frozen build of the program for the platform this runs on (PyInstaller):
``python packaging/build.py`` → ``dist/dualleader/``, with the executable ``dualleader``
(``dualleader.exe`` on Windows). Prints the time it took and the folder's size.

What it carries beyond what PyInstaller finds by itself, and why:
- ``resources/`` (the style sheet …) and the Alembic migrations, which are read as files
  (paths.resources_dir, storage/migrate.py);
- every module of the program: the command line imports its commands by name (cli.HANDLERS);
- the data files of python-docx (its templates), reportlab and pikepdf; and a ``docx/parts``
  folder on disk, because python-docx opens ``docx/parts/../templates/…``.
What it leaves out, unused by the program: tkinter, QtWebEngine, Qt Quick/QML, Qt 3D, Qt
Multimedia; and after PyInstaller is done (``prune``), the Qt plugins PyInstaller's Qt hook brings
along for other programs (the virtual keyboard, which alone pulls in Qt Quick and QML; embedded
platforms: eglfs, linuxfb, vnc, evdev input; network information and TLS; image formats no photo
comes in) and Qt's translations other than Simplified Chinese. The build fails if a library left
in the folder still needs one of those taken out.

On Windows the same command (``py -3.11 packaging\\build.py``) makes ``dualleader.exe`` with the
icon and version information in Chinese and English; a console program whose console is hidden
when it was started from the Start menu, so ``dualleader verify …`` still prints in a 命令提示符.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "dualleader"
ENTRY = Path(__file__).resolve().parent / "entry.py"
EXCLUDED = (
    "tkinter",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
)
# Under PySide6's Qt folder (PySide6/Qt/… on Linux, PySide6/… on Windows), by path pattern
PRUNED = (
    r"plugins/(egldeviceintegrations|generic|networkinformation|tls)/",
    r"plugins/platforminputcontexts/[^/]*virtualkeyboard",
    r"plugins/platforms/[^/]*(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc)",
    r"plugins/imageformats/[^/]*(pdf|icns|tga|tiff|wbmp)",
    r"Qt6?(VirtualKeyboard|Quick|Qml|EglFS|EglFs)[^/]*$",
    r"translations/(?![^/]*_zh_CN\.qm$)",
)
ICON = ROOT / "resources" / "icons" / "dualleader.ico"
VERSION_FILE = WORK / "version_info.txt"


def folder_size(folder: Path) -> int:
    """Bytes of the files in ``folder`` (a library linked under two names counted once)."""
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files)


def command() -> list[str]:
    docx_parts = Path(find_spec("docx.parts").origin)  # docx/parts/__init__.py
    data = [
        (ROOT / "resources", "resources"),
        (
            ROOT / "dualleader_desktop" / "storage" / "migrations",
            "dualleader_desktop/storage/migrations",
        ),
        (docx_parts, "docx/parts"),
    ]
    args = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--onedir",
        "--name",
        NAME,
        "--paths",
        str(ROOT),  # an editable install hides the package from PyInstaller's analysis
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        "--specpath",
        str(WORK),
        "--collect-submodules",
        "dualleader_desktop",
    ]
    for source, target in data:
        args += ["--add-data", f"{source}{os.pathsep}{target}"]
    for package in ("docx", "reportlab", "pikepdf"):
        args += ["--collect-data", package]
    for module in EXCLUDED:
        args += ["--exclude-module", module]
    if sys.platform == "win32":
        args += ["--icon", str(ICON), "--version-file", str(VERSION_FILE)]
        args += ["--hide-console", "hide-early"]
    return [*args, str(ENTRY)]


def version_info(version: str) -> str:
    """Windows version information (PyInstaller's --version-file): the Properties › Details of
    dualleader.exe in Chinese (0804) and English (0409)."""
    numbers = tuple(int(part) for part in re.findall(r"\d+", version)[:4])
    numbers += (0,) * (4 - len(numbers))
    tables = {
        "080404b0": ("双带头人支部工作台", "双带头人支部工作台：党支部工作记录与归档"),
        "040904b0": ("DualLeader Desktop", "DualLeader Desktop: Party branch records and archives"),
    }
    strings = []
    for code, (product, description) in tables.items():
        fields = {
            "CompanyName": "DualLeader Desktop",
            "FileDescription": description,
            "FileVersion": version,
            "InternalName": NAME,
            "LegalCopyright": "MIT License",
            "OriginalFilename": f"{NAME}.exe",
            "ProductName": product,
            "ProductVersion": version,
        }
        items = ", ".join(f"StringStruct({key!r}, {value!r})" for key, value in fields.items())
        strings.append(f"StringTable({code!r}, [{items}])")
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3F, flags=0x0,"
        " OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        f"  kids=[StringFileInfo([{', '.join(strings)}]),"
        " VarFileInfo([VarStruct('Translation', [0x0804, 1200, 0x0409, 1200])])],\n"
        ")\n"
    )


def qt_folder(folder: Path) -> Path:
    """PySide6's Qt folder inside a build: plugins, translations and (on Linux) lib."""
    pyside = folder / "_internal" / "PySide6"
    return pyside / "Qt" if (pyside / "Qt").is_dir() else pyside


def prune(folder: Path) -> list[Path]:
    """Removes the PRUNED files of Qt from a build; returns what it removed."""
    qt = qt_folder(folder)
    patterns = [re.compile(pattern) for pattern in PRUNED]
    removed = []
    for path in sorted(qt.rglob("*")):
        relative = path.relative_to(qt).as_posix()
        if path.is_file() and any(pattern.search(relative) for pattern in patterns):
            path.unlink()
            removed.append(path)
    for path in sorted(qt.rglob("*"), reverse=True):  # the folders left empty
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed


def missing_libraries(folder: Path) -> list[str]:
    """``library: needed`` for each shared library left in a Linux build that needs a Qt
    library no longer in it (readelf's NEEDED entries); empty where readelf is missing."""
    readelf = shutil.which("readelf")
    if readelf is None or sys.platform == "win32":
        return []
    present = {path.name for path in folder.rglob("*.so*")}
    missing = []
    for path in folder.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        dynamic = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True)
        for needed in re.findall(r"\(NEEDED\).*\[(libQt6[^\]]+)\]", dynamic.stdout):
            if needed not in present:
                missing.append(f"{path.name}: {needed}")
    return missing


def main() -> int:
    shutil.rmtree(DIST / NAME, ignore_errors=True)
    from dualleader_desktop import __version__

    VERSION_FILE.parent.mkdir(parents=True, exist_ok=True)
    VERSION_FILE.write_text(version_info(__version__), encoding="utf-8")
    started = time.perf_counter()
    done = subprocess.run(command(), cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        print(done.stdout[-4000:], done.stderr[-4000:], sep="\n", file=sys.stderr)
        print(f"构建失败（PyInstaller 退出码 {done.returncode}）。", file=sys.stderr)
        return 1
    before = folder_size(DIST / NAME)
    removed = prune(DIST / NAME)
    missing = missing_libraries(DIST / NAME)
    if missing:
        print("构建失败：以下库需要的 Qt 库已被删去：", *missing, sep="\n  ", file=sys.stderr)
        return 1
    size = folder_size(DIST / NAME) / 2**20
    print(
        f"frozen build: {DIST / NAME} in {seconds:.0f} s, {size:.0f} MiB"
        f" ({len(removed)} unused Qt files, {(before / 2**20) - size:.0f} MiB, left out)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
