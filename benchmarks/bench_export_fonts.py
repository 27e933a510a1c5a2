"""What embedding the fonts costs: the demo year's package exported with the fonts of this
checkout, beside the same export by another checkout (the code before, which used the
built-in STSong-Light and embedded nothing), each export in a process of its own as the
program makes it, the two taking turns so the load of a shared machine falls on both alike.

This checkout is measured three times: "cold", with an empty font cache folder (the first
export on a machine: every CFF font converted once), "warm", with the folder an earlier export
filled (every later export), and "cid", told the machine has no Chinese font, so it draws with
the built-in STSong-Light and embeds nothing, as the code before did: warm against cid is what
embedding the fonts costs alone, apart from all else the code before lacked (PDF/A, photos, one
catalogue per 保管期限, …). Printed: the median time of each, the ratios to the code before and
to cid, how many fonts each export converted and how often a converted font was found in memory
or on disk. Target: warm ≤ 1.5 × before.

Run: python benchmarks/bench_export_fonts.py --before DIR [--rounds 5] [--year 2025]
where DIR holds the code before, e.g. ``git worktree add /tmp/before main`` or
``mkdir /tmp/before && git archive main | tar -x -C /tmp/before``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(tempfile.gettempdir()) / "dl-bench"
NO_FONTS_ENV_VAR = "DUALLEADER_BENCH_NO_FONTS"


def demo_database(year: int, code: Path) -> Path:
    """The demo branch's database for ``year``, built once by ``code`` (the code before: a
    later schema would not open in it; this checkout upgrades a copy) and kept in
    $TMPDIR/dl-bench."""
    path = BENCH_DIR / f"export-fonts-{year}-{code.resolve().name}.sqlite3"
    if not path.exists():
        command = [sys.executable, __file__, "--build", str(path), "--year", str(year)]
        subprocess.run(command, env={**os.environ, "PYTHONPATH": str(code)}, check=True)
    return path


def build(path: Path, year: int) -> None:
    """In a process of its own, with the code before: the demo year's database at ``path``."""
    if not path.exists():
        from dualleader_desktop.demo import populate_demo
        from dualleader_desktop.services.archive import ArchiveSettingsInfo
        from dualleader_desktop.services.composition import BranchServices
        from dualleader_desktop.storage.database import Database

        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        db = Database.open_file(partial)
        populate_demo(db, year)
        BranchServices(db).archive.save_settings(
            ArchiveSettingsInfo(fonds="Z001", organization_code="DZB")
        )
        db.dispose()
        partial.rename(path)


def child(database: Path, year: int, out: Path) -> None:
    """In a process of its own: one export, its time and the font cache's counts as JSON."""
    from dualleader_desktop.services.composition import BranchServices
    from dualleader_desktop.storage.database import Database

    try:
        from dualleader_desktop.documents.font_subsets import STATS
    except ImportError:  # the code before converted no fonts and kept no counts
        STATS = {}
    if os.environ.get(NO_FONTS_ENV_VAR):  # "cid": a machine without a Chinese font
        from dualleader_desktop.documents import fonts

        fonts.candidate_sources = lambda: ()
    service = BranchServices(Database.open_file(database)).archive
    started = time.perf_counter()
    result = service.export(year, out)
    seconds = time.perf_counter() - started
    stats = dict(STATS)
    print(json.dumps({"seconds": seconds, "items": result.items, "stats": stats}))


def run(code: Path, database: Path, year: int, cache: Path, no_fonts: bool = False) -> dict:
    out = Path(tempfile.mkdtemp(prefix="dl-export-fonts-"))
    copy = out / database.name  # each export opens (and may upgrade) a copy of its own
    shutil.copyfile(database, copy)
    command = [sys.executable, __file__, "--child", str(copy), "--year", str(year)]
    env = {**os.environ, "PYTHONPATH": str(code), "XDG_CACHE_HOME": str(cache)}
    if no_fonts:
        env[NO_FONTS_ENV_VAR] = "1"
    try:
        done = subprocess.run(
            [*command, "--out", str(out / "package")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, help="a checkout of the code before")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--year", type=int, default=date.today().year - 1)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.year, args.out)
        return
    if args.build:
        build(args.build, args.year)
        return
    if args.before is None or not (args.before / "dualleader_desktop").is_dir():
        parser.error("--before DIR must hold the code before (a dualleader_desktop folder)")
    database = demo_database(args.year, args.before)
    work = Path(tempfile.mkdtemp(prefix="dl-font-cache-"))
    warm_cache = work / "warm"
    run(HERE, database, args.year, warm_cache)  # fills the cache folder the warm runs use
    times: dict[str, list[float]] = {"before": [], "cid": [], "cold": [], "warm": []}
    stats: dict[str, dict] = {}
    items = 0
    for round_ in range(args.rounds):
        for mode in times:
            code = args.before if mode == "before" else HERE
            cache = warm_cache if mode == "warm" else work / f"{mode}-{round_}"
            found = run(code, database, args.year, cache, no_fonts=mode == "cid")
            times[mode].append(found["seconds"])
            stats[mode], items = found["stats"], found["items"]
    shutil.rmtree(work, ignore_errors=True)
    median = {mode: statistics.median(values) for mode, values in times.items()}
    print(f"demo year {args.year}: {items} items, {args.rounds} rounds, median (min–max)")
    for mode, values in times.items():
        ratio = "" if mode == "before" else f"   {median[mode] / median['before']:.2f} × before"
        if mode in ("cold", "warm"):
            ratio += f", {median[mode] / median['cid']:.2f} × cid"
        print(
            f"  {mode:6s} {median[mode]:5.2f} s ({min(values):.2f}–{max(values):.2f}){ratio}"
            f"   fonts {stats[mode] or '—'}"
        )
    print("  target: warm ≤ 1.5 × before")


if __name__ == "__main__":
    main()
