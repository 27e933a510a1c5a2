"""The frozen build's command names what the program reads as files, where it now is."""

import importlib.util
import os
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
