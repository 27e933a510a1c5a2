"""A package's 归档文件目录: one per 保管期限, as DA/T 22 catalogues a year's items by 年度 and
保管期限, each numbered from 1 under a cover of its own and written as .docx, .pdf and .xlsx."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from dualleader_desktop.documents import builders
from dualleader_desktop.documents.layout import LayoutProfile
from dualleader_desktop.documents.model import Document
from dualleader_desktop.documents.package import (
    CatalogueEntry,
    catalogue_name,
    write_catalogue_xlsx,
)
from dualleader_desktop.documents.pdfa import Provenance


@dataclass(frozen=True)
class Catalogue:
    name: str  # the files' name without its suffix, e.g. 归档文件目录（永久）
    entries: list[CatalogueEntry]
    cover: dict[str, str]

    @cached_property
    def document(self) -> Document:
        return builders.catalogue_document(self.name, self.entries, self.cover)


def package_catalogues(
    retentions: list[str], entries: list[CatalogueEntry], cover: dict[str, str]
) -> list[Catalogue]:
    """The catalogues of ``entries`` (in filing order, so each 保管期限's are together), given
    each entry's 保管期限 label; ``cover`` is shared but for its 保管期限."""
    groups: dict[str, list[CatalogueEntry]] = {}
    for label, entry in zip(retentions, entries, strict=True):
        groups.setdefault(label, []).append(entry)
    return [
        Catalogue(
            catalogue_name(label),
            [replace(entry, number=number) for number, entry in enumerate(group, 1)],
            {**cover, "保管期限": label},
        )
        for label, group in groups.items()
    ]


def write_catalogue(
    folder: Path, catalogue: Catalogue, profile: LayoutProfile, provenance: Provenance
) -> None:
    """The catalogue's three files in ``folder``."""
    from dualleader_desktop.documents.docx_render import render_docx
    from dualleader_desktop.documents.pdf_render import render_pdf

    render_docx(catalogue.document, folder / f"{catalogue.name}.docx", profile)
    pdf = folder / f"{catalogue.name}.pdf"
    render_pdf(catalogue.document, pdf, profile, provenance=provenance)
    write_catalogue_xlsx(folder / f"{catalogue.name}.xlsx", catalogue.entries, catalogue.cover)
