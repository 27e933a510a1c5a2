"""A file attached to a record (a sign-in sheet, a photo), as records carry it: no session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AttachmentInfo:
    """One stored file linked to a meeting or talk. ``path`` is the stored file, possibly
    encrypted: read it through the attachment store (services/attachments.py)."""

    link_id: int
    file_name: str
    size: int
    path: Path
    sha256: str
