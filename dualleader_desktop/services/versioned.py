"""Loading a versioned record (a meeting, a talk) for an update from an editor's copy."""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.orm import Session

from dualleader_desktop.services.errors import NotFoundError, StaleRecordError
from dualleader_desktop.services.scope import owned


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
