"""The layer arrows of ../shared/ARCHITECTURE.md, checked on every import in the package.

Imports are read with ast, function bodies included: a lazy import inside a function counts as
much as one at the top of a module. A part of the package may import itself, the parts below it
(``ALLOWED``) and the leaf modules every layer but domain/ may use: the package root
(``dualleader_desktop/__init__.py``: name, version, start time), ``paths.py`` (where things
live) and ``staging.py`` (temporary files and folders named by their owner, swept when it is
dead: packages, previews, backups); the leaves import nothing else of ours. A new top-level module or package is refused
until it is given its place here.
"""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "dualleader_desktop"

ROOT = "__init__"  # the package root module, dualleader_desktop/__init__.py
LEAVES = {ROOT, "paths", "staging"}
BELOW_SERVICES = {"domain", "storage", "documents", "importers"}
# what each part may import of ours besides itself
ALLOWED: dict[str, set[str]] = {
    ROOT: set(),
    "paths": {ROOT},
    "staging": set(),
    "domain": set(),  # pure rules: not even the leaves
    "storage": {"domain", *LEAVES},
    "documents": {"domain", *LEAVES},  # the records it renders are domain dataclasses
    "importers": {"domain", "documents", *LEAVES},  # reads what documents/xlsx_text writes
    "services": {*BELOW_SERVICES, *LEAVES},
    "ui": {"services", *BELOW_SERVICES, *LEAVES},
    # the demo branch, written through the ordinary services; only the composition roots run it
    "demo": {"services", "domain", "storage", *LEAVES},
    # the composition roots: the command line opens the window through app.py only
    "commands": {"app", "demo", "services", *BELOW_SERVICES, *LEAVES},
    "cli": {"app", "commands", "demo", "services", *BELOW_SERVICES, *LEAVES},
    "__main__": {"cli"},
    "app": {"ui", "commands", "demo", "services", *BELOW_SERVICES, *LEAVES},
}
QT = {"PySide6", "shiboken6"}
QT_ALLOWED = {"ui", "app"}
SQL = {"sqlalchemy", "alembic"}
SQL_FORBIDDEN = {"domain", "documents", "importers", "ui"}  # the UI never holds a Session


def part_of(module: str) -> str:
    """The part of the package a module of ours belongs to: its first name below the root."""
    names = module.split(".")
    return names[1] if len(names) > 1 else ROOT


def module_name(path: Path, package: Path) -> str:
    relative = path.relative_to(package.parent).with_suffix("")
    names = list(relative.parts)
    if names[-1] == "__init__":
        names.pop()
    return ".".join(names)


def imported_modules(path: Path, package: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in ``path``, relative ones resolved; ``from X import y``
    names X.y when that is a module of ours, else X."""
    own = module_name(path, package)
    here = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")[: len(here.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                is_ours = submodule.startswith(package.name + ".")
                target = submodule if is_ours and _exists(submodule, package) else module
                found.append((node.lineno, target))
    return found


def _exists(module: str, package: Path) -> bool:
    path = package.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def offences(package: Path) -> list[str]:
    """Every import in ``package`` that an arrow forbids, as "file:line: what and why"."""
    found = []
    for path in sorted(package.rglob("*.py")):
        part = part_of(module_name(path, package))
        where = path.relative_to(package.parent)
        if part not in ALLOWED:
            found.append(f"{where}: part {part!r} has no place in the layer rules")
            continue
        for line, module in imported_modules(path, package):
            top = module.split(".")[0]
            if top == package.name:
                target = part_of(module)
                if target != part and target not in ALLOWED[part]:
                    found.append(f"{where}:{line}: {part} imports {module}")
            elif top in QT and part not in QT_ALLOWED:
                found.append(f"{where}:{line}: {part} imports Qt ({module})")
            elif top in SQL and part in SQL_FORBIDDEN:
                found.append(f"{where}:{line}: {part} imports {module}")
            elif part == "domain" and top not in sys.stdlib_module_names and top != "__future__":
                found.append(f"{where}:{line}: domain imports {module} (standard library only)")
    return found


def test_every_import_follows_the_layer_arrows():
    assert offences(PACKAGE) == []


def test_headless_layers_load_without_qt():
    code = (
        "import sys, dualleader_desktop.cli, dualleader_desktop.services.meetings, "
        "dualleader_desktop.services.roster, dualleader_desktop.demo, "
        "dualleader_desktop.services.search;"
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def _plant(root: Path, files: dict[str, str]) -> Path:
    package = root / "dualleader_desktop"
    for name, source in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in (path.parent, *path.parent.parents):
            if folder == package.parent:
                break
            (folder / "__init__.py").touch()
        path.write_text(source, encoding="utf-8")
    return package


def test_the_check_would_catch_each_kind_of_offence(tmp_path):
    package = _plant(
        tmp_path,
        {
            "paths.py": "from dualleader_desktop import APP_ID\n",
            "documents/builders.py": (
                "def build():\n    from dualleader_desktop.services.members import X\n"
            ),
            "documents/package.py": "from ..storage import database\n",
            "domain/rules.py": "from dualleader_desktop import paths\n",
            "domain/money.py": "import sqlalchemy\n",
            "domain/sheets.py": "import openpyxl\n",
            "storage/models.py": "import dualleader_desktop.services.members\n",
            "services/members.py": "from dualleader_desktop.ui import main_window\n",
            "services/history.py": "from dualleader_desktop.demo import branch\n",
            "ui/pages.py": "def f():\n    from dualleader_desktop.demo import populate_demo\n",
            "demo/branch.py": "from dualleader_desktop.documents import package\n",
            "services/talks.py": "def f():\n    from PySide6.QtCore import QObject\n",
            "ui/main_window.py": "from dualleader_desktop import app\n",
            "ui/models.py": "from sqlalchemy.orm import Session\n",
            "plugins/extra.py": "\n",
        },
    )
    (package / "app.py").write_text("\n", encoding="utf-8")
    found = "\n".join(offences(package))
    for expected in (
        "documents/builders.py:2: documents imports dualleader_desktop.services.members",
        "documents/package.py:1: documents imports dualleader_desktop.storage",
        "domain/rules.py:1: domain imports dualleader_desktop.paths",
        "domain/money.py:1: domain imports sqlalchemy",
        "domain/sheets.py:1: domain imports openpyxl (standard library only)",
        "storage/models.py:1: storage imports dualleader_desktop.services.members",
        "services/members.py:1: services imports dualleader_desktop.ui.main_window",
        "services/history.py:1: services imports dualleader_desktop.demo.branch",
        "ui/pages.py:2: ui imports dualleader_desktop.demo",
        "demo/branch.py:1: demo imports dualleader_desktop.documents.package",
        "services/talks.py:2: services imports Qt (PySide6.QtCore)",
        "ui/main_window.py:1: ui imports dualleader_desktop.app",
        "ui/models.py:1: ui imports sqlalchemy.orm",
        "plugins/__init__.py: part 'plugins' has no place",
    ):
        assert expected in found, (expected, found)
    assert "paths.py" not in found  # the leaf's one import of the package root is allowed
    assert len(found.splitlines()) == 15  # plugins/extra.py too, nothing more


def test_the_check_passes_imports_the_arrows_allow(tmp_path):
    package = _plant(
        tmp_path,
        {
            "documents/builders.py": (
                "from dualleader_desktop.domain.records import R\n"
                "from dualleader_desktop.paths import resources_dir\n"
                "from . import model\n"
            ),
            "documents/model.py": "import docx\n",
            "domain/records.py": "from dataclasses import dataclass\nfrom .enums import Kind\n",
            "domain/enums.py": "import enum\n",
            "storage/models.py": "from dualleader_desktop.domain import enums\nimport sqlalchemy\n",
            "services/members.py": (
                "from dualleader_desktop.storage import models\n"
                "from dualleader_desktop.documents import builders\n"
            ),
            "ui/page.py": "from PySide6.QtWidgets import QWidget\n"
            "from dualleader_desktop.services import members\n",
            "demo/branch.py": (
                "from dualleader_desktop.services import members\n"
                "from dualleader_desktop.storage import models\n"
                "from dualleader_desktop.domain.records import R\n"
                "from . import people\n"
            ),
            "demo/people.py": "\n",
            "commands/demo.py": "from dualleader_desktop.demo.branch import populate_demo\n",
        },
    )
    assert offences(package) == []
