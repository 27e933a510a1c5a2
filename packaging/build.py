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
Multimedia.
"""

from __future__ import annotations

import os
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
    return [*args, str(ENTRY)]


def main() -> int:
    shutil.rmtree(DIST / NAME, ignore_errors=True)
    started = time.perf_counter()
    done = subprocess.run(command(), cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        print(done.stdout[-4000:], done.stderr[-4000:], sep="\n", file=sys.stderr)
        print(f"构建失败（PyInstaller 退出码 {done.returncode}）。", file=sys.stderr)
        return 1
    size = folder_size(DIST / NAME) / 2**20
    print(f"frozen build: {DIST / NAME} in {seconds:.0f} s, {size:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
