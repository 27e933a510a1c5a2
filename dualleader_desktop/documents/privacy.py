"""Masking personal numbers in free text (DOMAIN.md, Privacy): one pass over a neutral document.

The roster masks its own ID and phone columns; minutes, talk records and any other field may
hold the same numbers typed into free text, so an export "with personal information masked"
runs every document through ``mask_document`` before rendering. ID numbers (18 characters, the
last may be X) keep the first 6 and last 4 characters; mobile numbers (11 digits, also written
as 138-1234-5678, 138 1234 5678 or with +86) keep the first 3 and last 4 digits, as the roster does.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dualleader_desktop.documents.model import Document, Field, Paragraph, Picture, Table
from dualleader_desktop.domain.validators import mask_id_number

# not inside a longer run of digits: an order number or an amount is left alone
_ID_NUMBER = re.compile(r"(?<![0-9])([1-9][0-9]{5})([0-9]{8})([0-9]{3}[0-9Xx])(?![0-9])")
_MOBILE = re.compile(
    r"(?<![0-9])((?:\+?86[- ]?)?1[3-9][0-9])([- ]?)([0-9]{4})([- ]?)([0-9]{4})(?![0-9])"
)


def mask_text(text: str) -> str:
    """``text`` with every ID number and mobile number in it masked."""
    if not text:
        return text
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m[0]), text)
    return _MOBILE.sub(lambda m: f"{m[1]}{m[2]}****{m[4]}{m[5]}", text)


def mask_document(document: Document) -> Document:
    """A copy of ``document`` with every ID and mobile number masked, wherever it stands
    (masking keeps the length of the text, so ``title_break`` still points where it did)."""
    blocks = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            block = replace(block, text=mask_text(block.text))
        elif isinstance(block, Field):
            block = replace(block, label=mask_text(block.label), value=mask_text(block.value))
        elif isinstance(block, Picture):
            block = replace(block, caption=mask_text(block.caption))
        elif isinstance(block, Table):
            block = replace(
                block,
                headers=[mask_text(h) for h in block.headers],
                rows=[[mask_text(cell) for cell in row] for row in block.rows],
            )
        blocks.append(block)
    return replace(
        document,
        title=mask_text(document.title),
        blocks=blocks,
        signatures=[mask_text(s) for s in document.signatures],
    )
