"""The branch a service works on (services/__init__.py says why services are built with it).

``BranchScoped.session()`` opens the unit of work with the service's branch written on it
(``session.info``); the helpers here read it from there, so the change log, the search index
and every new row take the branch of the service that opened the session, never another.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from dualleader_desktop.services.errors import RecordValidationError, ServiceError
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import Branch, Member, PartyGroup

BRANCH_KEY = "branch_id"


class SeveralBranchesError(ServiceError):
    """A service was asked to find "the" branch of a database that holds several."""


def branch_ids(db: Database) -> list[int]:
    """Every branch of the database, oldest first."""
    with db.session() as session:
        return list(session.scalars(select(Branch.id).order_by(Branch.id)))


def only_branch_id(db: Database) -> int | None:
    """The branch of a one-branch database (a secretary's), None while it has none yet."""
    ids = branch_ids(db)
    if len(ids) > 1:
        raise SeveralBranchesError("此数据库中有多个支部，请先选择要处理的支部。")
    return ids[0] if ids else None


class BranchScoped:
    """Base of the services that read and write one branch's records.

    ``branch_id`` None means "the database's one branch": found on first use, and made
    (unnamed, to be named on the branch page) by the first write of a database that has
    none yet, so a new secretary's database gets its branch as it always did.
    """

    def __init__(self, db: Database, branch_id: int | None = None) -> None:
        self.db = db
        self._branch_id = branch_id

    @property
    def branch_id(self) -> int | None:
        if self._branch_id is None:
            self._branch_id = only_branch_id(self.db)
        return self._branch_id

    @contextmanager
    def session(self) -> Iterator[Session]:
        """``db.session()`` knowing this service's branch (``branch_of``, ``owned``)."""
        branch_id = self.branch_id
        with self.db.session() as session:
            session.info[BRANCH_KEY] = branch_id
            yield session
            made = session.info[BRANCH_KEY]
        if branch_id is None and made is not None:
            self._branch_id = made  # this write made the database's first branch


def branch_of(session: Session) -> int | None:
    """The branch of the service that opened ``session`` (None: the database has none yet)."""
    return session.info[BRANCH_KEY]


def writing_branch(session: Session) -> int:
    """The branch a new row goes to; the database's first branch is made here, unnamed, when
    a record is written before the branch page was ever saved."""
    branch_id = session.info[BRANCH_KEY]
    if branch_id is None:
        from dualleader_desktop.services.history import (
            ChangeAction,
            EntityKind,
            branch_snapshot,
            record_change,
        )

        branch = Branch(name="", parent_org="", studio_name="")
        session.add(branch)
        session.flush()
        branch_id = session.info[BRANCH_KEY] = branch.id
        record_change(
            session,
            EntityKind.BRANCH,
            branch_id,
            ChangeAction.CREATE,
            None,
            branch_snapshot(branch),
        )
    return branch_id


def owned(session: Session, model, row_id: int | None):
    """``session.get`` that sees only rows of the session's branch (another branch's row is
    as absent as a deleted one)."""
    if row_id is None:
        return None
    row = session.get(model, row_id)
    return row if row is not None and row.branch_id == branch_of(session) else None


def refuse_other_branches(session: Session, field: str, member_ids, group_id=None) -> None:
    """A record may name only members (and a Party group) of its own branch: an id of
    another branch's member, sent by a stale window or a script, is refused by ``field``."""
    wanted = {member_id for member_id in member_ids if member_id is not None}
    mine = set(
        session.scalars(
            select(Member.id).where(Member.id.in_(wanted), Member.branch_id == branch_of(session))
        )
    )
    if wanted - mine:
        raise RecordValidationError({field: "所选人员中有不属于本支部的党员，请重新选择"})
    if group_id is not None and owned(session, PartyGroup, group_id) is None:
        raise RecordValidationError({"party_group_id": "所选党小组不属于本支部，请重新选择"})
