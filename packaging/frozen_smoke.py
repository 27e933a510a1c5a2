"""The frozen build (packaging/build.py) used as a secretary's PC would: no Python on PATH, an
empty home and user folders. Runs ``--smoke`` (which must find Qt's Chinese texts), ``demo``,
``export --year … --zip``, ``verify`` of the zip, ``export-members`` and ``import-members`` into
a new database; each must succeed. Prints each step's time; exits 1 at the first that fails,
with its output. packaging/deb_smoke.py runs the installed package through the same steps.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXECUTABLE = (
    ROOT / "dist" / "dualleader" / ("dualleader.exe" if sys.platform == "win32" else "dualleader")
)
YEAR = "2025"


def office_env(home: Path) -> dict[str, str]:
    """A secretary's PC as far as the program can tell: empty home and user folders, no
    Python of the project's on PATH, no display (offscreen)."""
    return {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",  # the system's tools only
    }


def run_steps(executable: str, steps: list[list[str]], env: dict[str, str]) -> bool:
    """Runs ``executable`` with each step's arguments; prints each one's time; at the first
    that fails (or a ``--smoke`` without Qt's Chinese texts) prints its output, returns False."""
    for step in steps:
        started = time.perf_counter()
        done = subprocess.run(
            [executable, *step], env=env, capture_output=True, text=True, timeout=600
        )
        print(
            f"  {' '.join(step[:2])}: exit {done.returncode}, {time.perf_counter() - started:.1f} s"
        )
        if done.returncode != 0:
            print(done.stdout[-3000:], done.stderr[-3000:], sep="\n", file=sys.stderr)
            return False
        if "--smoke" in step and "qt-chinese: yes" not in done.stdout:
            print("Qt 的中文翻译没有随程序打包（--smoke 没有找到 qtbase_zh_CN）。", file=sys.stderr)
            return False
    return True


def archive_steps(home: Path) -> list[list[str]]:
    """Start, fill the demo branch, export its year as a zip and verify that zip."""
    out = home / "out"
    return [
        ["--smoke"],
        ["demo", "--year", YEAR],
        ["export", "--year", YEAR, "--out", str(out), "--zip"],
        ["verify", str(out / f"Z001-WS·{YEAR}-归档包.zip")],
    ]


def main() -> int:
    if not EXECUTABLE.exists():
        print(f"没有找到构建结果 {EXECUTABLE}：请先运行 packaging/build.py。", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="dl-frozen-") as folder:
        home = Path(folder)
        steps = [
            *archive_steps(home),
            ["export-members", str(home / "roster.xlsx")],
            ["--db", str(home / "new.sqlite3"), "import-members", str(home / "roster.xlsx")],
        ]
        if not run_steps(str(EXECUTABLE), steps, office_env(home)):
            return 1
    print("frozen smoke: every step worked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
