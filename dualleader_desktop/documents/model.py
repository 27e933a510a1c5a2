"""The neutral document both renderers draw from, so the .docx and the .pdf say the same thing."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None  # relative column widths
    font_size: float | None = None  # None: the profile's table size


@dataclass(frozen=True)
class ArchiveStamp:
    """The 归档章 (DA/T 22): 全宗号 | 年度 | 件号 over 机构(问题) | 保管期限 | 页数."""

    fonds: str
    year: str
    item: str
    organization: str
    retention: str
    pages: str = ""

    def cells(self) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
        return (self.fonds, self.year, self.item), (self.organization, self.retention, self.pages)


@dataclass(frozen=True)
class PageBreak:
    """What follows starts on a new page (the 归档文件目录's cover stands on a page of its own)."""


Block = Paragraph | Field | Table | PageBreak


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)
    signatures: list[str] = field(default_factory=list)  # "主持人（签字）" …
    landscape: bool = False
    stamp: ArchiveStamp | None = None
    # where a title too long for one line breaks (before the kind label, after the branch's
    # name), so its second line is never one orphan character; 0: wherever it wraps
    title_break: int = 0

    def title_lines(self, fits) -> list[str]:
        """The title as one line when ``fits(title)``, else broken at ``title_break`` (when
        the part before the break fits a line itself; else it wraps where it must)."""
        if fits(self.title) or not 0 < self.title_break < len(self.title):
            return [self.title]
        first, rest = self.title[: self.title_break], self.title[self.title_break :]
        return [first, rest] if fits(first) else [self.title]

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
            elif isinstance(block, Table):
                parts.extend(block.headers)
                parts.extend(cell for row in block.rows for cell in row)
        parts.extend(self.signatures)
        return "\n".join(parts)


def _writable_block(block: Block) -> Block:
    clean = strip_control_chars
    if isinstance(block, Paragraph):
        return replace(block, text=clean(block.text))
    if isinstance(block, Field):
        return replace(block, label=clean(block.label), value=clean(block.value))
    if isinstance(block, Table):
        return replace(
            block,
            headers=[clean(header) for header in block.headers],
            rows=[[clean(cell) for cell in row] for row in block.rows],
        )
    return block
