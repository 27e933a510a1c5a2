"""Shared fixtures. Qt tests run offscreen unless the caller chose a platform.

``db`` runs each test that uses it twice: on an SQLite file and on PostgreSQL. The PostgreSQL
half runs when ``DUALLEADER_TEST_PG_URL`` names a server (``.ci/run`` sets it where one answers
on 127.0.0.1:5432); without the variable it is skipped, saying so. ``db`` is a copy of an empty
database migrated once per session (a file copied; on the server one database, its tables
emptied after each test), so some 800 tests do not each migrate a new one; ``database_url`` is a new, empty one (on the
server a schema of its own, ``t_<uuid>``, first on the connection's ``search_path``), for the
tests of migrations and of opening. Each is dropped afterwards.
Tests that cannot pass on PostgreSQL yet are marked ``sqlite_only(reason)``. The Qt tests
(tests/gui/conftest.py) use SQLite only.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dualleader_desktop import paths
from dualleader_desktop.domain.enums import Gender, MemberCategory
from dualleader_desktop.domain.validators import MemberDraft, build_id_number
from dualleader_desktop.storage.database import Database

TODAY = date(2026, 11, 24)


PG_URL_ENV_VAR = "DUALLEADER_TEST_PG_URL"


@pytest.fixture(autouse=True, scope="session")
def font_cache_dir(tmp_path_factory) -> Iterator[Path]:
    """Fonts converted for the PDFs (documents/font_subsets.py) are kept in a folder of the
    test session, not in the user's cache folder: every run starts without any. Set in the
    environment, so the processes the tests start (the CLI, spawned render workers) use it too."""
    folder = tmp_path_factory.mktemp("font-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(paths.FONT_CACHE_ENV_VAR, str(folder))
        yield folder


ENGINES = ["sqlite", "postgresql"]


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "sqlite_only(reason): the test cannot pass on PostgreSQL yet (reason says why)"
    )


@contextmanager
def pg_schema(url: str) -> Iterator[str]:
    """The URL of a new, empty schema on the server at ``url`` (dropped with all it holds
    when the block ends). ``public`` stays on the search path for pg_trgm's functions."""
    from sqlalchemy import create_engine, make_url, text
    from sqlalchemy.pool import NullPool

    schema = f"t_{uuid.uuid4().hex}"
    admin = create_engine(url, poolclass=NullPool)
    try:
        with admin.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema},public"})
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=ENGINES)
def engine_name(request) -> str:
    """The database engine this run of the test is on; PostgreSQL skipped without a server."""
    if request.param == "postgresql":
        if not os.environ.get(PG_URL_ENV_VAR):
            pytest.skip(f"{PG_URL_ENV_VAR} is not set: no PostgreSQL server to test against")
        marker = request.node.get_closest_marker("sqlite_only")
        if marker is not None:
            pytest.skip(f"SQLite only for now: {marker.args[0] if marker.args else ''}")
    return request.param


@pytest.fixture
def database_url(engine_name, tmp_path) -> Iterator[str]:
    """The URL of a new, empty database on this run's engine."""
    if engine_name == "sqlite":
        yield f"sqlite:///{tmp_path / 'branch.sqlite3'}"
        return
    with pg_schema(os.environ[PG_URL_ENV_VAR]) as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An empty database file at the newest schema, migrated once for the session: a new
    file takes ~0.5 s to migrate, and some 400 tests start from one."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Database.open_file(path).dispose()
    return path


class MigratedServerDatabase:
    """A database on the server migrated once for the session; each test's ``db`` uses it and
    then ``reset`` empties every table (``TRUNCATE … RESTART IDENTITY``: ids from 1 again),
    a fraction of migrating or copying a database per test. A test that changed the schema
    itself (renamed a table to make a read fail) gets the database rebuilt instead."""

    def __init__(self, server_url: str) -> None:
        from sqlalchemy import create_engine, make_url
        from sqlalchemy.pool import NullPool

        self.name = f"tmpl_{uuid.uuid4().hex}"
        self.admin = create_engine(server_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        self.url = (
            make_url(server_url).set(database=self.name).render_as_string(hide_password=False)
        )
        self.tables = self._build()

    def _build(self) -> set[str]:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        database = Database.open_url(self.url)
        try:
            with database.engine.connect() as conn:
                return self._tables(conn)
        finally:
            database.dispose()

    @staticmethod
    def _tables(conn) -> set[str]:
        from sqlalchemy import text

        query = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        return set(conn.execute(text(query)).scalars())

    def reset(self, database: Database) -> None:
        from sqlalchemy import text

        with database.engine.begin() as conn:
            if self._tables(conn) == self.tables:
                quoted = ", ".join(f'"{t}"' for t in sorted(self.tables - {"alembic_version"}))
                # a connection a test left in a transaction fails the test, not hangs it
                conn.execute(text("SET LOCAL lock_timeout = '20s'"))
                conn.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
                return
        database.dispose()
        self.drop()
        self._build()

    def drop(self) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_migrated() -> Iterator[MigratedServerDatabase]:
    server = MigratedServerDatabase(os.environ[PG_URL_ENV_VAR])
    try:
        yield server
    finally:
        server.drop()
        server.admin.dispose()


@pytest.fixture
def db(engine_name, tmp_path, request):
    """An empty database of this run's engine at the newest schema, migrated once per session
    (see the module's docstring). ``database_url`` stays a new, empty database, for the tests
    of migrations and of opening."""
    # a file: open_file and its checks, the attachments beside it; a server's attachments go
    # where --attachments-dir would put them
    attachments = tmp_path / "server-attachments"
    if engine_name == "sqlite":
        target = tmp_path / "branch.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        target.chmod(0o600)
        database = Database.open_url(f"sqlite:///{target}", attachments=attachments)
        yield database
        database.dispose()
        return
    server = request.getfixturevalue("pg_migrated")
    database = Database.open_url(server.url, attachments=attachments)
    try:
        yield database
    finally:
        server.reset(database)
        database.dispose()


def make_draft(name: str = "王伟", *, sequence: int = 11, **overrides) -> MemberDraft:
    """A valid member draft; any field can be overridden."""
    gender = overrides.pop("gender", Gender.MALE)
    birth = overrides.pop("birth_date", date(1985, 7, 3))
    values = dict(
        name=name,
        gender=gender,
        ethnicity="汉族",
        birth_date=birth,
        id_number=build_id_number("360102", birth, sequence, gender),
        education="研究生",
        degree="硕士",
        title="讲师",
        department="机电工程学院",
        phone="13812345678",
        joined_date=date(2008, 6, 20),
        full_member_date=date(2009, 6, 20),
        category=MemberCategory.FULL,
    )
    values.update(overrides)
    return MemberDraft(**values)
