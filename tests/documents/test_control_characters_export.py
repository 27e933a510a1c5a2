"""A record stored with control characters (before text was cleaned where it enters) still
exports: the renderers drop them, in the .docx, the PDF, the catalogue and the file names."""

import io
from datetime import date

import docx
import pypdf
import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from dualleader_desktop.documents.docx_render import render_docx
from dualleader_desktop.documents.model import (
    ArchiveStamp,
    Document,
    Field,
    Paragraph,
    Table,
)
from dualleader_desktop.documents.pdf_render import render_pdf
from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.archive import ArchiveSettingsInfo
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.storage.database import Database
from tests.catalogues import catalogue_files

CONTROLS = ("\x00", "\x07", "\x1b", "\x7f", "\x9b")
OLD_MINUTES = "一、传达\x07上级文件\x1b[0m精神\x00。\n二、讨论\x07本年度工作计划。"
OLD_THEME = "学习\x07二十届三中全会精神"


def docx_text(data) -> str:
    word = docx.Document(data if not isinstance(data, bytes) else io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    parts += [c.text for t in word.tables for r in t.rows for c in r.cells]
    header = word.sections[0].first_page_header
    parts += [c.text for t in header.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def pdf_text(data) -> str:
    reader = pypdf.PdfReader(data if not isinstance(data, bytes) else io.BytesIO(data))
    return "".join(page.extract_text() for page in reader.pages)


def assert_clean(words: str) -> None:
    assert not [c for c in CONTROLS if c in words], repr(words)


def test_both_renderers_drop_control_characters_and_keep_tab_and_newline():
    document = Document(
        "某\x07党支部会议记录",
        [
            Field("会议名称\x1b", "学习\x00会"),
            Paragraph("第一行\x07\n第二行\t有制表符"),
            Table(["事项\x7f", "票数"], [["表决\x9b事项", "5\x07"]]),
        ],
        signatures=["主持人\x07（签字）"],
        stamp=ArchiveStamp("Z001\x07", "2025", "0001", "", "D30"),
        title_break=3,
    )
    word = docx_text(render_docx(document))
    assert_clean(word)
    for expected in ("某党支部会议记录", "学习会", "第一行\n第二行\t有制表符", "表决事项", "Z001"):
        assert expected in word
    pdf = pdf_text(render_pdf(document))
    assert_clean(pdf)
    for expected in ("某党支部会议记录", "学习会", "第一行", "表决事项", "主持人（签字）"):
        assert expected in pdf


@pytest.fixture(scope="module")
def old_record(tmp_path_factory):
    """A 支委会 whose theme and minutes were stored with BEL, ESC and NUL, as before."""
    db = Database.open_file(tmp_path_factory.mktemp("db") / "branch.sqlite3")
    service = BranchServices(db).archive
    service.save_settings(ArchiveSettingsInfo(fonds="Z001", fonds_name="某学院"))
    meetings = MeetingService(db)
    draft = meetings.new_draft(MeetingKind.COMMITTEE, date(2025, 3, 12))
    draft.theme, draft.minutes = "学习", "会议内容"
    meeting_id = meetings.save(draft).id
    with db.engine.begin() as conn:  # past the service, as a record saved before the fix
        conn.execute(
            text("UPDATE meetings SET theme = :theme, minutes = :minutes WHERE id = :id"),
            {"theme": OLD_THEME, "minutes": OLD_MINUTES, "id": meeting_id},
        )
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT minutes FROM meetings")).scalar_one()
    assert "\x00" in stored and "\x07" in stored  # really stored so
    yield service, meeting_id
    db.dispose()


def test_a_years_package_with_an_old_record_exports_without_its_control_characters(
    old_record, tmp_path
):
    service, _meeting_id = old_record
    result = service.export(2025, tmp_path, kinds={RecordKind.COMMITTEE})
    [word_path] = (result.folder / "文件").glob("*.docx")
    [pdf_path] = (result.folder / "文件").glob("*.pdf")
    word, pdf = docx_text(word_path), pdf_text(pdf_path)
    for words in (word, pdf):
        assert_clean(words)
        assert "一、传达上级文件[0m精神。" in words
        assert "二、讨论本年度工作计划。" in words
        assert "学习二十届三中全会精神" in words
    [path] = catalogue_files(result.folder, "xlsx")
    catalogue = load_workbook(path, read_only=True).active
    cells = [str(v) for row in catalogue.iter_rows(values_only=True) for v in row if v]
    assert "党支部2025年3月支部委员会会议记录" in cells  # the 题名 is the document's title
    assert_clean("".join(cells))


def test_one_old_record_exports_under_a_clean_file_name(old_record, tmp_path):
    service, meeting_id = old_record
    paths = service.export_record(RecordKind.COMMITTEE, meeting_id, tmp_path)
    assert [p.name for p in paths] == [
        f"党支部2025年3月支部委员会会议记录_20250312_学习二十届三中全会精神.{ext}"
        for ext in ("docx", "pdf")
    ]
    assert_clean(docx_text(paths[0]))
    assert_clean(pdf_text(paths[1]))
