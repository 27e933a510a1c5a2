"""The neutral document both renderers draw from, so the .docx and the .pdf say the same thing."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum

from dualleader_desktop.domain.text import strip_control_chars


class Style(StrEnum):
    BODY = "body"
    HEADING1 = "heading1"  # 黑体
    HEADING2 = "heading2"  # 楷体
    NOTE = "note"  # smaller, for remarks under a table


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Style = Style.BODY
    indent: bool = True  # two-character first-line indent, as Chinese body text has


@dataclass(frozen=True)
class Field:
    """A "标签：值" line of a record's header block (时间、地点、主持人…)."""

    label: str
    value: str


PHOTO_MM = (25, 35)  # a 1-inch (一寸) photo, width × height
PHOTO_LABEL, PHOTO_HINT = "照片", "（一寸免冠照片）"


@dataclass(frozen=True)
class Photo:
    """A form's photo box, 25 × 35 mm, at the top right of its Table: a column of its own
    beside the table's first ``rows`` rows (which grow to share its height); the rows below
    run their last cell across that column. It holds ``image`` (PNG or JPEG bytes, fitted
    into the box) when there is one, else it is an empty box labelled 照片 to paste one in."""

    rows: int
    image: bytes | None = None


@dataclass(frozen=True)
class Picture:
    """A chart or picture, centred, ``width_mm`` wide (its height in proportion), its caption
    centred under it; the two stay on one page."""

    image: bytes  # PNG or JPEG
    caption: str
    width_mm: float = 120


@dataclass(frozen=True)
class Table:
    headers: list[str]  # empty for a form: no header row
    rows: list[list[str]]
    widths: list[float] | None = None  # relative column widths (of the columns, not the photo)
    font_size: float | None = None  # None: the profile's table size
    photo: Photo | None = None

    @property
    def columns(self) -> int:
        """Columns of text (the photo's column is beside them)."""
        return len(self.headers or self.rows[0])


@dataclass(frozen=True)
class ArchiveStamp:
    """The 归档章 (DA/T 22): 全宗号 | 年度 | 件号 over 机构(问题) | 保管期限 | 页数."""

    fonds: str
    year: str
    item: str
    organization: str
    retention: str
    pages: str = ""

    # lines and text in red, as the rubber stamp prints (RGB hex)
    colour = "C00000"

    def cells(self) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
        return (self.fonds, self.year, self.item), (self.organization, self.retention, self.pages)


@dataclass(frozen=True)
class PageBreak:
    """What follows starts on a new page (the 归档文件目录's cover stands on a page of its own)."""


Block = Paragraph | Field | Table | PageBreak | Picture

BLANK_DATE = "____年__月__日"  # a date written in by hand
# a signature's blank: underscores at most and at least; an underscore is counted 0.6 em
# (0.5 in DejaVu, 0.56 in Noto CJK, the widest seen)
SIGN_BLANK_MOST, SIGN_BLANK_LEAST = 12, 6
ASCII_EM = 0.6


class SignatureDates(StrEnum):
    EACH = "each"  # a line for each signer, with its own date
    SHARED = "shared"  # all signers and one date on one line (the roster's 制表人, 审核人)


def _ems(text: str) -> float:
    """Ems ``text`` takes at most: a full em for every character but ASCII, ``ASCII_EM``
    for ASCII."""
    return sum(ASCII_EM if char.isascii() else 1 for char in text)


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)
    signatures: list[str] = field(default_factory=list)  # "主持人（签字）" …
    signature_dates: SignatureDates = SignatureDates.EACH
    landscape: bool = False
    stamp: ArchiveStamp | None = None
    # where a title too long for one line breaks (before the kind label, after the branch's
    # name), so its second line is never one orphan character; 0: wherever it wraps
    title_break: int = 0
    # the first page is a cover (the 归档文件目录's): it carries no page number
    cover: bool = False

    def title_lines(self, fits) -> list[str]:
        """The title as one line when ``fits(title)``, else broken at ``title_break`` (when
        the part before the break fits a line itself; else it wraps where it must)."""
        if fits(self.title) or not 0 < self.title_break < len(self.title):
            return [self.title]
        first, rest = self.title[: self.title_break], self.title[self.title_break :]
        return [first, rest] if fits(first) else [self.title]

    def signature_lines(self, width_em: float = math.inf) -> list[str]:
        """Where people sign, a string a line, each set flush right on a line ``width_em``
        ems of the body size wide: "主持人（签字）：______　日期：____年__月__日" for each
        signer, or (SHARED) "制表人：______　　审核人：______　　日期：____年__月__日". The
        blanks are as long as fit with one em of the line left free, measured on the safe
        side (``_ems``; python-docx has no layout engine), so no line wraps in Word or the
        PDF; every blank of a document is as long as the others, so the blanks and dates of
        lines set flush right stand in columns."""
        if not self.signatures:
            return []
        shared = self.signature_dates == SignatureDates.SHARED

        def lines(blank: str) -> list[str]:
            if shared:
                signed = [f"{signer}：{blank}" for signer in self.signatures]
                return ["　　".join([*signed, f"日期：{BLANK_DATE}"])]
            return [f"{signer}：{blank}　日期：{BLANK_DATE}" for signer in self.signatures]

        room = width_em - 1 - max(_ems(line) for line in lines(""))
        blanks = len(self.signatures) if shared else 1
        fitting = min(SIGN_BLANK_MOST, room / (ASCII_EM * blanks))
        return lines("_" * max(SIGN_BLANK_LEAST, math.floor(fitting)))

    def writable(self) -> Document:
        """This document with only characters Word (XML 1.0) and a PDF can hold: a record
        stored before text was cleaned where it enters (control characters pasted into its
        minutes) still renders. Both renderers start from it."""
        clean = strip_control_chars
        stamp = self.stamp
        if stamp is not None:
            stamp = replace(stamp, **{f.name: clean(getattr(stamp, f.name)) for f in fields(stamp)})
        return replace(
            self,
            title=clean(self.title),
            blocks=[_writable_block(block) for block in self.blocks],
            signatures=[clean(signature) for signature in self.signatures],
            stamp=stamp,
            title_break=len(clean(self.title[: self.title_break])),
        )

    def text(self) -> str:
        """All the document's words, in order (for tests and for search)."""
        parts = [self.title]
        for block in self.blocks:
            if isinstance(block, Paragraph):
                parts.append(block.text)
            elif isinstance(block, Field):
                parts.append(f"{block.label}：{block.value}")
            elif isinstance(block, Picture):
                parts.append(block.caption)
            elif isinstance(block, Table):
                parts.extend(block.headers)
                parts.extend(cell for row in block.rows for cell in row)
                if block.photo is not None and block.photo.image is None:
                    parts += [PHOTO_LABEL, PHOTO_HINT]
        parts.extend(self.signature_lines())
        return "\n".join(parts)


def _writable_block(block: Block) -> Block:
    clean = strip_control_chars
    if isinstance(block, Paragraph):
        return replace(block, text=clean(block.text))
    if isinstance(block, Field):
        return replace(block, label=clean(block.label), value=clean(block.value))
    if isinstance(block, Picture):
        return replace(block, caption=clean(block.caption))
    if isinstance(block, Table):
        return replace(
            block,
            headers=[clean(header) for header in block.headers],
            rows=[[clean(cell) for cell in row] for row in block.rows],
        )
    return block
