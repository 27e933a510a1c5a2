"""Export of the demo year as an archive package, beside LibreOffice converting the same .docx.

Prints the package time (docx + pdf + catalogue + manifest), per item, and, when LibreOffice's
``soffice`` is installed, the time it takes to turn the package's .docx files into PDF in one
batch call (the path a secretary takes today) and the ratio. Target: ~150 documents ≤ 3 s on
2 cores. Run: python benchmarks/bench_export.py [--year 2025]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.services.archive import ArchiveSettingsInfo
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.storage.database import Database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--year", type=int, default=date.today().year - 1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dl-export-"))
    db = Database.open_file(work / "demo.sqlite3")
    populate_demo(db, args.year)
    service = BranchServices(db).archive
    service.save_settings(ArchiveSettingsInfo(fonds="Z001", organization_code="DZB"))
    started = time.perf_counter()
    result = service.export(args.year, work / "out")
    ours = time.perf_counter() - started
    print(
        f"items: {result.items}; package (docx + pdf + catalogue + manifest): {ours:.2f} s, "
        f"{ours / result.items * 1000:.0f} ms per item   (target: ~150 items ≤ 3 s)"
    )
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print(
            "LibreOffice not installed: no side-by-side figure (apt-get install libreoffice-writer)"
        )
        return
    docx_files = sorted((result.folder / "文件").glob("*.docx"))
    started = time.perf_counter()
    subprocess.run(
        [
            soffice,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "lo"),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
    )
    theirs = time.perf_counter() - started
    print(
        f"LibreOffice --convert-to pdf of the {len(docx_files)} .docx (one batch call): {theirs:.2f} s"
    )
    print(f"ratio LibreOffice pdf only / our whole package: {theirs / ours:.2f}")


if __name__ == "__main__":
    main()
