"""The neutral document both renderers draw from, so the .docx and the .pdf say the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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


Block = Paragraph | Field | Table


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)
    signatures: list[str] = field(default_factory=list)  # "主持人（签字）" …
    landscape: bool = False
    stamp: ArchiveStamp | None = None

    def text(self) -> str:
        """All the document's words, in order (for tests and for search)."""
        parts = [self.title]
        for block in self.blocks:
            if isinstance(block, Paragraph):
                parts.append(block.text)
            elif isinstance(block, Field):
                parts.append(f"{block.label}：{block.value}")
            else:
                parts.extend(block.headers)
                parts.extend(cell for row in block.rows for cell in row)
        parts.extend(self.signatures)
        return "\n".join(parts)
