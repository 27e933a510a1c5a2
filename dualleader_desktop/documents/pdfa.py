"""Make the PDFs reportlab writes PDF/A-2b (ISO 19005-2, level b): archives keep them because
they will look the same in any reader, years from now.

What PDF/A-2b asks of our PDFs, and who does it:
- every font embedded: reportlab, with the TrueType faces documents/fonts.py chooses;
- no encryption, no JavaScript, no transparency, a document ID in the trailer: reportlab writes
  none of the first three and always the ID, which qpdf keeps when it rewrites the file;
- XMP metadata in the catalogue declaring the conformance (pdfaid:part 2, pdfaid:conformance
  B), with the title (dc:title), author (dc:creator: the branch) and creation date
  (xmp:CreateDate) the Info dictionary says too: pikepdf, here;
- an OutputIntent /GTS_PDFA1 with an embedded ICC profile of the colours the pages use
  (DeviceRGB and DeviceGray: sRGB, made by Pillow's littleCMS, so we ship no profile file):
  pikepdf, here.

Why pikepdf (qpdf's binding): reportlab's open-source edition writes no PDF/A (that is in
ReportLab PLUS). Its catalogue writes a fixed list of keys, without /OutputIntents, and it
dates the Info dictionary from its own clock; both could be had only by patching reportlab's
private classes. pikepdf edits the finished file through its public API, in ~3 ms a document.

tests/documents/test_pdfa.py checks every PDF of the demo year's package for these properties
and runs pikepdf's PDF/A validator (built on veraPDF's rules) over each.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

import pikepdf
from pikepdf import Name
from pikepdf.models.metadata import encode_pdf_date
from PIL import ImageCms

SRGB = "sRGB IEC61966-2.1"


@dataclass(frozen=True)
class Provenance:
    """Who made a PDF and when: the branch (none for a preview) and the export's time, one for
    all the PDFs of a package. ``created`` must know its time zone: a date without one reads
    differently in different validators."""

    author: str = ""
    created: datetime = field(default_factory=lambda: datetime.now().astimezone())


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile (version 4, monitor class), made by littleCMS."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def archival(pdf: bytes, title: str, provenance: Provenance) -> bytes:
    """``pdf`` (as reportlab wrote it) made PDF/A-2b, titled ``title``."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        info = doc.docinfo
        # reportlab's Subject "unspecified" and empty Keywords would become XMP that means
        # nothing; Trapped has no XMP equivalent pikepdf writes
        for key in (Name.Subject, Name.Keywords, Name.Trapped, Name.Author):
            if key in info:
                del info[key]
        info.Title = title
        if provenance.author:
            info.Author = provenance.author
        info.CreationDate = info.ModDate = encode_pdf_date(provenance.created)
        # the XMP is made from the Info dictionary (Creator and Producer as reportlab wrote
        # them), and on leaving the block the Info dictionary from the XMP: the two agree
        with doc.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp.load_from_docinfo(info)
            xmp["pdfaid:part"] = "2"
            xmp["pdfaid:conformance"] = "B"
        doc.Root.OutputIntents = pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=Name.OutputIntent,
                    S=Name.GTS_PDFA1,
                    OutputConditionIdentifier=SRGB,
                    Info=SRGB,
                    RegistryName="http://www.color.org",
                    DestOutputProfile=doc.make_stream(srgb_profile(), N=3),
                )
            ]
        )
        for page in doc.pages:
            # reportlab gives every page an empty /Trans (no page transition): harmless, but
            # a key PDF/A validators that approve only what they know do not approve
            trans = page.obj.get(Name.Trans)
            if trans is not None and not trans.keys():
                del page.obj.Trans
        out = io.BytesIO()
        doc.save(
            out,
            # PDF/A-2 is ISO 32000-1, PDF 1.7, which knows version 4 ICC profiles
            min_version="1.7",
            # reportlab compressed every stream already; qpdf compressing them again costs
            # 9 ms a document and saves nothing (the XMP stays readable, as is usual)
            compress_streams=False,
        )
        return out.getvalue()
