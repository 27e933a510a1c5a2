"""Only dualleader_desktop/ui/ and app.py may import PySide6: the rest must run headless."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "dualleader_desktop"


def imports_qt(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):  # walks function bodies too: a lazy import counts as well
        if isinstance(node, ast.Import) and any(
            a.name.split(".")[0] == "PySide6" for a in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "PySide6":
            return True
    return False


def test_only_ui_and_app_import_pyside6():
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if not path.is_relative_to(PACKAGE / "ui")
        and path != PACKAGE / "app.py"
        and imports_qt(path)
    ]
    assert offenders == [], f"PySide6 imported outside ui/ and app.py: {offenders}"


def test_headless_layers_load_without_qt():
    code = (
        "import sys, dualleader_desktop.cli, dualleader_desktop.services.meetings, "
        "dualleader_desktop.services.roster, dualleader_desktop.services.demo, "
        "dualleader_desktop.services.search;"
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_check_would_catch_an_offender(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert imports_qt(sneaky)
