"""The Debian package (packaging/deb.py) installed as a secretary's IT person would, with
``dpkg -i``: its dependencies first (apt-get, when missing), then the package; then the installed
``dualleader`` from /usr/bin starts (``--smoke``), fills the demo branch, exports a year and
verifies the zip, with an empty home, and starts on an X display (Xvfb, where installed); then
``dpkg -r`` removes it, and the user's data must still be there. Needs root (CI runs as root);
says why and exits 0 without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from deb import DEPENDS, PACKAGE, PREFIX  # packaging/ is this script's folder
from frozen_smoke import archive_steps, office_env, run_steps

ROOT = Path(__file__).resolve().parent.parent
INSTALLED = [
    Path("/usr/bin/dualleader"),
    Path(f"/{PREFIX}/dualleader"),
    Path("/usr/share/applications/dualleader.desktop"),
    Path("/usr/share/icons/hicolor/48x48/apps/dualleader.png"),
]


def quiet(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True)


def install_dependencies() -> bool:
    """apt-get installs the Depends not installed yet (the first of each alternative)."""
    wanted = [depend.split("|")[0].strip() for depend in DEPENDS]
    missing = [name for name in wanted if quiet(["dpkg", "-s", name]).returncode != 0]
    if not missing:
        return True
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing]
    if quiet(command).returncode != 0 and (
        quiet(["apt-get", "update", "-q"]).returncode != 0 or quiet(command).returncode != 0
    ):
        print(f"could not install the package's dependencies {missing}", file=sys.stderr)
        return False
    print(f"  dependencies installed: {' '.join(missing)}")
    return True


def check_installed(home: Path) -> bool:
    absent = [str(path) for path in INSTALLED if not path.exists()]
    if absent:
        print(f"dpkg -i left out {absent}", file=sys.stderr)
        return False
    if shutil.which("desktop-file-validate"):
        done = quiet(["desktop-file-validate", str(INSTALLED[2])])
        if done.returncode != 0:
            print(done.stdout, done.stderr, file=sys.stderr)
            return False
    if not run_steps("dualleader", archive_steps(home), office_env(home)):
        return False
    # On a real X display (Xvfb): the xcb platform loads with what Depends brings
    if shutil.which("xvfb-run") is None:
        print("  xcb start skipped: xvfb-run is not installed")
        return True
    env = {**office_env(home), "LANG": "C.UTF-8"}
    del env["QT_QPA_PLATFORM"]
    return run_steps("xvfb-run", [["-a", "dualleader", "--smoke"]], env)


def main() -> int:
    debs = sorted((ROOT / "dist").glob(f"{PACKAGE}_*.deb"))
    if not debs:
        print("没有找到 .deb：请先运行 packaging/deb.py。", file=sys.stderr)
        return 1
    if not hasattr(os, "getuid") or os.getuid() != 0 or shutil.which("dpkg") is None:
        print("deb install test skipped: it needs root and dpkg (CI has both)")
        return 0
    if not install_dependencies():
        return 1
    done = quiet(["dpkg", "-i", str(debs[-1])])
    print(f"  dpkg -i {debs[-1].name}: exit {done.returncode}")
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="dl-deb-home-") as folder:
        home = Path(folder)
        try:
            worked = check_installed(home)
        finally:
            removed = quiet(["dpkg", "-r", PACKAGE])
            print(f"  dpkg -r {PACKAGE}: exit {removed.returncode}")
        left = [str(path) for path in INSTALLED if path.exists()]
        if removed.returncode != 0 or left:
            print(f"dpkg -r failed or left {left}: {removed.stderr[-2000:]}", file=sys.stderr)
            return 1
        records = list((home / "data").rglob("*.sqlite3"))
        if worked and not records:
            print("the user's data went with the package", file=sys.stderr)
            return 1
    if not worked:
        return 1
    print("deb install test: installed, ran, removed; the user's data stayed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
