"""Many services' units of work in one transaction: all committed at the end, or none.

The demo uses it. It is built through the ordinary services, and each of them opens its own
``with db.session():`` and commits it. ``one_transaction`` hands them a stand-in for the
database whose sessions and connections all share one connection and one open transaction;
a service's commit only releases a savepoint inside it. So a demo killed halfway (kill -9, a
power cut, a failed step) leaves the database as empty as it was, and ``demo`` can run again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from dualleader_desktop.storage.database import Database, unit_of_work
from dualleader_desktop.storage.errors import DatabaseError, friendly_message


class _SharedEngine:
    """The engine as the services see it: ``connect()`` yields the one shared connection."""

    def __init__(self, engine: Engine, connection: Connection) -> None:
        self._engine = engine
        self._connection = connection

    def connect(self):
        return nullcontext(self._connection)  # left open: it belongs to the transaction

    def begin(self):
        return nullcontext(self._connection)

    def __getattr__(self, name: str):
        return getattr(self._engine, name)


class OneTransaction:
    """A Database look-alike for the services: every session joins one outer transaction."""

    def __init__(self, db: Database, connection: Connection) -> None:
        self._db = db
        self._connection = connection
        self.url = db.url
        self.engine = _SharedEngine(db.engine, connection)

    @property
    def path(self) -> Path | None:
        return self._db.path

    @property
    def attachments_root(self) -> Path:
        return self._db.attachments_root

    @property
    def on_server(self) -> bool:
        return self._db.on_server

    @contextmanager
    def session(self) -> Iterator[Session]:
        """As ``Database.session``, but its commit releases a savepoint of the outer
        transaction and its rollback goes back to that savepoint only."""
        session = Session(
            bind=self._connection,
            join_transaction_mode="create_savepoint",
            expire_on_commit=False,
        )
        with unit_of_work(session) as session:
            yield session

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """As ``Database.connect``, on the shared connection (left open: it belongs to the
        transaction)."""
        try:
            yield self._connection
        except DBAPIError as exc:
            raise DatabaseError(friendly_message(exc)) from exc

    def is_empty(self) -> bool:
        return Database.is_empty(self)  # type: ignore[arg-type]  # its queries, on this connection

    def table_names(self) -> list[str]:
        return self._db.table_names()


@contextmanager
def one_transaction(db: Database) -> Iterator[OneTransaction]:
    """Commit everything done through the yielded stand-in at the end, or nothing on error."""
    try:
        connection = db.engine.connect()
    except DBAPIError as exc:
        raise DatabaseError(friendly_message(exc)) from exc
    try:
        transaction = connection.begin()
        if connection.dialect.name == "sqlite":
            # pysqlite would begin only at the first INSERT, and a SAVEPOINT issued before
            # that would open (and its RELEASE commit) a transaction of its own. IMMEDIATE
            # takes the write lock now, so no other writer slips in between the check for
            # an empty database and the demo's rows.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
    except DBAPIError as exc:
        connection.close()
        raise DatabaseError(friendly_message(exc)) from exc
    try:
        yield OneTransaction(db, connection)
        transaction.commit()
    except DBAPIError as exc:
        transaction.rollback()
        raise DatabaseError(friendly_message(exc)) from exc
    except BaseException:
        transaction.rollback()
        raise
    finally:
        connection.close()
