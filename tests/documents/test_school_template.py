"""A school's own .docx/.dotx as the layout: the Word files are written into it, the PDF
follows its numbers, page for page, and a file that cannot be one is refused with the reason."""

import io
import shutil
import subprocess
import zipfile

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from sqlalchemy import text

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.documents.docx_render import render_docx
from dualleader_desktop.documents.layout import GBT_9704
from dualleader_desktop.documents.pdf_render import render_pdf
from dualleader_desktop.documents.school_template import TemplateError, clean, profile_of
from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.services.archive import ArchiveSettingsInfo
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.storage.database import Database
from tests.catalogues import catalogue_files
from tests.conftest import TODAY
from tests.school_templates import HEADER, OWN_STYLE, SAMPLE, school_template


@pytest.fixture(scope="module")
def profile():
    return profile_of(clean(school_template(), "学校模板.dotx"), "学校模板.dotx")


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    db = Database.open_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    populate_demo(db, 2025, today=TODAY)
    services = BranchServices(db)
    services.archive.save_settings(ArchiveSettingsInfo(fonds="Z001", organization_code="DZB"))
    yield services
    db.dispose()


@pytest.fixture(scope="module")
def minutes(services):
    archive = services.archive
    item = next(i for i in archive.plan(2025) if i.kind == RecordKind.BRANCH_ASSEMBLY)
    return archive.document(item.kind, item.record_id)


def test_the_profile_is_read_off_the_template(profile):
    assert (profile.top_mm, profile.bottom_mm, profile.left_mm, profile.right_mm) == (
        25,
        25,
        30,
        25,
    )
    assert (profile.body_font, profile.body_size) == ("宋体", 14)
    # 247 mm of text block at the template's exact 26 pt: 26 lines; 155 mm at 14 pt: 31
    assert (profile.lines_per_page, profile.chars_per_line) == (26, 31)
    assert (profile.header_text, profile.header_mm) == (HEADER, 12)
    # what the template leaves unsaid (its Title and Heading styles only inherit) stays GB/T's
    assert (profile.title_font, profile.heading1_font) == ("方正小标宋简体", "黑体")


def test_a_dotx_and_a_docx_give_one_profile_and_no_sample_text(profile):
    as_docx = profile_of(clean(school_template(dotx=False), "学校模板.dotx"), "学校模板.dotx")
    assert as_docx.lines_per_page == profile.lines_per_page
    assert as_docx.left_mm == profile.left_mm
    kept = docx.Document(io.BytesIO(profile.template))
    assert SAMPLE not in "".join(p.text for p in kept.paragraphs)
    assert kept.sections[0].footer.is_linked_to_previous  # its pages are numbered by us


def zip_bomb() -> bytes:
    """A small zip whose one part unpacks to 101 MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("word/document.xml", b"\0" * (101 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\xd0\xcf\x11\xe0 an old .doc", "另存为 .docx"),
        (school_template(macros=True), "含有宏"),
        (school_template(margins_mm=(25, 25, 60, 60)), "版心只有 90 × 247 毫米"),
        (b"PK" + b"\0" * (10 * 1024 * 1024), "超过模板的上限 10 MB"),
        (zip_bomb(), "解压后超过 100 MB"),
    ],
    ids=["doc", "macros", "margins", "too-big", "zip-bomb"],
)
def test_a_file_that_cannot_be_a_template_is_refused_with_the_reason(data, says):
    with pytest.raises(TemplateError, match=says):
        clean(data, "学校模板.dotx")


def test_the_word_file_is_written_into_the_template(profile, minutes):
    word = docx.Document(io.BytesIO(render_docx(minutes, profile=profile)))
    section = word.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.top_margin.mm) == 25
    assert OWN_STYLE in [style.name for style in word.styles]  # the template's styles kept
    fonts = word.styles["Normal"].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert word.styles["Normal"].font.size.pt == 14
    assert [p.text for p in section.header.paragraphs if p.text] == [HEADER]
    assert [p.text for p in section.even_page_header.paragraphs if p.text] == [HEADER]
    body = "".join(p.text for p in word.paragraphs)
    assert SAMPLE not in body and "会议内容" in body


def test_the_pdf_follows_the_template_s_numbers(profile, minutes):
    pdf = pypdf.PdfReader(io.BytesIO(render_pdf(minutes, profile=profile)))
    default = pypdf.PdfReader(io.BytesIO(render_pdf(minutes)))
    # the text block starts at the template's left margin, 30 mm, not GB/T 9704's 28
    assert abs(leftmost_mm(pdf.pages[0]) - 30) < 0.5
    assert abs(leftmost_mm(default.pages[0]) - 28) < 0.5
    assert all(HEADER in page.extract_text() for page in pdf.pages)
    assert HEADER not in default.pages[0].extract_text()


def leftmost_mm(page) -> float:
    """Where the leftmost text of a page starts."""
    starts = []

    def visit(text_, cm, tm, _font, _size):
        if text_.strip():  # the text matrix's origin on the page
            starts.append(cm[0] * tm[4] + cm[2] * tm[5] + cm[4])

    page.extract_text(visitor_text=visit)
    return min(starts) * 25.4 / 72


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_word_lays_the_template_s_documents_out_on_the_pdf_s_pages(profile, services, tmp_path):
    archive = services.archive
    documents = [
        archive.document(item.kind, item.record_id)
        for item in archive.plan(2025, {RecordKind.BRANCH_ASSEMBLY, RecordKind.ROSTER})[:5]
    ]
    pages = {}
    for number, document in enumerate(documents):
        path = tmp_path / f"{number}.docx"
        render_docx(document, path, profile)
        pages[path.stem] = len(
            pypdf.PdfReader(io.BytesIO(render_pdf(document, profile=profile))).pages
        )
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *(str(tmp_path / f"{stem}.docx") for stem in pages),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    laid_out = {s: len(pypdf.PdfReader(tmp_path / "pdf" / f"{s}.pdf").pages) for s in pages}
    assert laid_out == pages and max(pages.values()) > 1


def test_the_branch_s_template_is_chosen_kept_used_and_reset(services, tmp_path):
    layout, archive = services.layout, services.archive
    assert layout.profile() is GBT_9704 and layout.info().template_name == ""
    chosen = tmp_path / "学校公文模板.dotx"
    chosen.write_bytes(school_template())
    info = layout.choose(chosen)
    assert info.template_name == "学校公文模板.dotx"
    assert "宋体 14 磅" in info.summary and "每页 26 行、每行 31 字" in info.summary
    # a file that cannot be one leaves the chosen template in place
    broken = tmp_path / "坏模板.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ServiceError, match="不是 Word 文档"):
        layout.choose(broken)
    with pytest.raises(ServiceError, match=r"请选择 \.docx 或 \.dotx"):
        layout.choose(tmp_path / "学校公文模板.doc")
    assert layout.info() == info
    result = archive.export(2025, tmp_path / "out", kinds={RecordKind.COMMITTEE})
    [word] = (result.folder / "文件").glob("*0001.docx")
    assert HEADER in docx.Document(word).sections[0].header.paragraphs[0].text
    [catalogue] = catalogue_files(result.folder, "docx")
    assert round(docx.Document(catalogue).sections[0].top_margin.mm) == 25
    assert layout.reset().template_name == "" and layout.profile() is GBT_9704
    with services.db.engine.connect() as conn:
        [settings_id] = conn.execute(text("SELECT id FROM archive_settings")).scalars()
    changes = services.history.history(EntityKind.ARCHIVE_SETTINGS, settings_id)[:2]
    assert [entry.changes for entry in changes] == [
        ["版式模板：学校公文模板.dotx → GB/T 9704（默认）"],
        ["版式模板：GB/T 9704（默认） → 学校公文模板.dotx"],
    ]
