"""Compile every forms/*.ui into dualleader_desktop/ui/forms/ui_*.py with pyside6-uic.

Run ``python -m dualleader_desktop.ui.forms.build`` after editing a form in Qt Designer; a test
fails when a compiled file is older than its form.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FORMS_DIR = Path(__file__).resolve().parents[3] / "forms"
OUTPUT_DIR = Path(__file__).resolve().parent


def uic_command() -> list[str]:
    beside = Path(sys.executable).with_name("pyside6-uic")
    found = str(beside) if beside.exists() else shutil.which("pyside6-uic")
    if not found:
        raise RuntimeError("pyside6-uic not found: install PySide6 in this environment")
    return [found]


def compile_form(ui_file: Path) -> str:
    """The Python pyside6-uic makes of ``ui_file``."""
    result = subprocess.run(
        [*uic_command(), str(ui_file)], capture_output=True, text=True, check=True
    )
    return result.stdout


def target_for(ui_file: Path) -> Path:
    return OUTPUT_DIR / f"ui_{ui_file.stem}.py"


def main() -> int:
    for ui_file in sorted(FORMS_DIR.glob("*.ui")):
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.name} -> {target_for(ui_file).name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
