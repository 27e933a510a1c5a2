"""The demo year exported from PostgreSQL is the same package as from SQLite.

Run as a secretary's department would: ``dualleader demo --database-url …`` then ``dualleader
export --database-url … --year 2025 --out DIR``, each through the command line, then
``dualleader verify``; the catalogue (归档文件目录（永久）.xlsx …) of both must agree row for row, and so
must the files their manifests list. Needs a PostgreSQL server
(``DUALLEADER_TEST_PG_URL``, as the service tests); skipped without one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dualleader_desktop.cli import main
from tests.catalogues import package_rows
from tests.conftest import PG_URL_ENV_VAR, pg_schema

YEAR = "2025"


def export_demo(url_option: list[str], out: Path) -> Path:
    assert main(["demo", *url_option, "--year", YEAR]) == 0
    assert main(["export", *url_option, "--year", YEAR, "--out", str(out)]) == 0
    (folder,) = out.iterdir()
    assert main(["verify", str(folder)]) == 0
    return folder


def listed_files(folder: Path) -> list[str]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [entry["path"] for entry in manifest["files"]]


@pytest.mark.skipif(
    not os.environ.get(PG_URL_ENV_VAR),
    reason=f"{PG_URL_ENV_VAR} is not set: no PostgreSQL server to export from",
)
def test_demo_year_from_postgresql_equals_the_sqlite_package(tmp_path, capsys):
    sqlite = export_demo(["--db", str(tmp_path / "demo.sqlite3")], tmp_path / "from-sqlite")
    with pg_schema(os.environ[PG_URL_ENV_VAR]) as url:
        server = export_demo(
            ["--database-url", url, "--attachments-dir", str(tmp_path / "server-files")],
            tmp_path / "from-postgresql",
        )
    capsys.readouterr()

    rows = package_rows(sqlite)
    assert len(rows) > 100  # the whole demo year, not an empty package agreeing with another
    assert package_rows(server) == rows
    assert server.name == sqlite.name
    assert listed_files(server) == listed_files(sqlite)
