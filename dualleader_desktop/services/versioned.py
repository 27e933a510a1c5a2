"""Saving and deleting a versioned record with attachments (a meeting, a talk).

Both kinds are saved the same way: checked, refused when they name another branch's members,
added or loaded for an update from an editor's copy (refused when someone saved it since),
their attachments linked and unlinked, their search text and change-log entry written, all in
one transaction, and the files no record uses any more removed once it committed.
``VersionedRecords`` does that; each service says in a ``RecordKind`` what differs.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from dualleader_desktop.domain.attachments import AttachmentInfo
from dualleader_desktop.services.attachments import AttachmentStore, delete_files
from dualleader_desktop.services.errors import (
    NotFoundError,
    RecordValidationError,
    StaleRecordError,
)
from dualleader_desktop.services.history import (
    ChangeAction,
    EntityKind,
    move_to_trash,
    next_record_id,
    record_change,
)
from dualleader_desktop.services.scope import owned, refuse_other_branches, writing_branch
from dualleader_desktop.storage.records_models import AttachmentLink
from dualleader_desktop.storage.search_backend import search_backend
from dualleader_desktop.storage.search_index import SearchKind


def row_for_update(session: Session, model, row_id: int, expected_version: int, missing: str):
    """The stored row, refused when someone saved it after ``expected_version`` was read.

    The row is always marked as changed, so its version goes up even when an edit touched
    only child rows (agenda, attendance, participants): the version stands for the whole
    record, and a second window still holding the old one is told instead of overwriting.
    """
    row = owned(session, model, row_id)
    if row is None:
        raise NotFoundError(missing)
    if row.version != expected_version:
        raise StaleRecordError()
    row.updated_at = func.current_timestamp()  # as the column's own default: UTC
    return row


@dataclass(frozen=True)
class RecordKind:
    """What one kind of versioned record does its own way. A draft has ``attachments`` (the
    stored ones it keeps) and ``new_files`` (copied in when it is saved)."""

    model: type  # the row: a version-counted table with branch_id and updated_at
    entity: EntityKind  # in the change log
    search: SearchKind  # in the search index
    link: str  # its column in attachment_links and AttachmentStore keyword ("": none)
    gone: str  # the error when an update finds the record deleted
    apply: Callable[[Any, Any], None]  # (row, draft): a checked draft's fields into the row
    index: Callable[[Session, int, Any], None]  # (session, id, draft): its search text
    snapshot: Callable[[Session, Any, list[AttachmentInfo]], dict]  # its change-log state
    # the field to blame, the member ids and the Party group a draft names (own branch only)
    references: Callable[[Any], tuple[str, list[int | None], int | None]]
    counts_attachments: bool = False  # the row keeps attachment_count for the lists


class VersionedRecords:
    """Adds, updates and deletes one kind of record, each in one transaction of ``session``
    (the service's ``BranchScoped.session``)."""

    def __init__(
        self,
        kind: RecordKind,
        session: Callable[[], AbstractContextManager[Session]],
        attachments: AttachmentStore | None,
    ) -> None:
        """``attachments`` None: the kind keeps none (a survey)."""
        self.kind = kind
        self.session = session
        self.attachments = attachments

    def _listed(self, session: Session, record_id: int) -> list[AttachmentInfo]:
        if self.attachments is None:
            return []
        return self.attachments.listed(session, **{self.kind.link: record_id})

    def save(
        self, draft, errors: dict[str, str], *, record_id: int | None, expected_version: int
    ) -> int:
        """Add (``record_id`` None) or update a record; returns its id. ``errors`` are the
        service's check of ``draft``: any of them refuses the save (RecordValidationError).

        An update made on a stale copy raises StaleRecordError: the second of two windows
        editing the same record is told instead of overwriting the first one's save.
        """
        if errors:
            raise RecordValidationError(errors)
        kind = self.kind
        with self.session() as session:
            refuse_other_branches(session, *kind.references(draft))
            if record_id is None:
                row = kind.model(
                    id=next_record_id(session, kind.model, kind.entity),
                    branch_id=writing_branch(session),
                )
                session.add(row)
                before = None
            else:
                row = row_for_update(session, kind.model, record_id, expected_version, kind.gone)
                before = kind.snapshot(session, row, self._listed(session, record_id))
            kind.apply(row, draft)
            try:
                session.flush()
            except StaleDataError:
                raise StaleRecordError() from None
            removed = [] if self.attachments is None else self._relink(session, row.id, draft)
            attachments = self._listed(session, row.id)
            if kind.counts_attachments:
                row.attachment_count = len(attachments)
            kind.index(session, row.id, draft)
            record_change(
                session,
                kind.entity,
                row.id,
                ChangeAction.CREATE if record_id is None else ChangeAction.UPDATE,
                before,
                kind.snapshot(session, row, attachments),
            )
            saved_id = row.id
        delete_files(removed)
        return saved_id

    def _relink(self, session: Session, record_id: int, draft) -> list:
        """Keep the draft's stored attachments, add its new files; returns the files no
        record uses any more."""
        owner = {self.kind.link: record_id}
        self.attachments.keep_only(session, draft.attachments, **owner)
        self.attachments.link_all(session, draft.new_files, **owner)
        return self.attachments.drop_orphans(session)

    def delete(self, record_id: int) -> None:
        """Delete a record (nothing when it is not there); it can be restored from the change
        log (history_service). Its attachment files that no other record uses wait in the
        attachment folder's trash."""
        kind = self.kind
        with self.session() as session:
            row = owned(session, kind.model, record_id)
            if row is None:
                return
            before = kind.snapshot(session, row, self._listed(session, record_id))
            removed = []
            if kind.link:
                link_column = getattr(AttachmentLink, kind.link)
                session.execute(delete(AttachmentLink).where(link_column == record_id))
            session.delete(row)
            if self.attachments is not None:
                removed = self.attachments.drop_orphans(session)
            search_backend(session.connection()).remove(kind.search, record_id)
            record_change(session, kind.entity, record_id, ChangeAction.DELETE, before, None)
        move_to_trash(self.attachments, removed)
