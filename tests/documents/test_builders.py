"""Records of the demo year become documents that say what the records say."""

import io
import re
import string

import docx
import pypdf
import pytest

from dualleader_desktop.documents.builders import (
    meeting_minutes,
    member_card,
    member_roster,
    talk_record,
)
from dualleader_desktop.documents.docx_render import render_docx
from dualleader_desktop.documents.pdf_render import render_pdf
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind
from dualleader_desktop.services.demo import populate_demo
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY
from tests.font_factory import make_ttf

BRANCH = "机电工程学院教师党支部"
ID_RE = re.compile(r"\d{17}[\dX]")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = Database.open_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    populate_demo(db, 2025, today=TODAY)
    return db


def pdf_text(document, tmp_path) -> str:
    glyphs = document.text() + string.ascii_letters + string.digits + "—：（）_ "
    font = make_ttf(tmp_path / "f.ttf", glyphs)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),))))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "").replace(" ", "")


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_minutes_of_every_kind(demo, kind, tmp_path):
    service = MeetingService(demo)
    summary = next(m for m in service.list_meetings(year=2025, kind=kind))
    record = service.get(summary.id)
    document = meeting_minutes(record, BRANCH)
    assert document.title.startswith(BRANCH) and document.title.endswith("记录")
    text = document.text()
    on_leave = [a for a in record.draft.attendance if a.status == AttendanceStatus.LEAVE]
    for line in on_leave:
        assert f"{line.name}（{line.reason}）" in text
    assert f"应到人数：{record.draft.counts.expected} 人" in text
    word = docx.Document(io.BytesIO(render_docx(document)))
    word_text = "".join(p.text for p in word.paragraphs)
    pdf = pdf_text(document, tmp_path)
    for phrase in (record.draft.theme, "主持人：", record.draft.minutes.splitlines()[0][:20]):
        compact = phrase.replace(" ", "")
        assert compact in word_text.replace(" ", "") and compact in pdf


def test_admission_vote_is_in_the_minutes(demo):
    service = MeetingService(demo)
    summary = next(m for m in service.list_meetings(year=2025) if "接收" in m.theme)
    document = meeting_minutes(service.get(summary.id), BRANCH)
    [votes] = [
        b
        for b in document.blocks
        if getattr(b, "headers", None) == ["表决事项", "赞成", "反对", "弃权"]
    ]
    assert "预备党员" in votes.rows[0][0] and int(votes.rows[0][1]) > 0


def test_talk_record(demo, tmp_path):
    talks = TalkService(demo)
    record = talks.get(talks.list_talks(year=2025)[0].id)
    document = talk_record(record, BRANCH)
    assert record.talker_names[0] in document.text()
    assert record.draft.topic in pdf_text(document, tmp_path)


def test_masking_leaves_no_full_id_number_or_phone(demo, tmp_path):
    members = MemberService(demo).list_members()
    for document in (
        member_roster(members, BRANCH, mask=True),
        member_card(members[0], BRANCH, mask=True),
    ):
        assert not ID_RE.search(document.text())
        assert members[0].phone not in document.text()
        word = docx.Document(io.BytesIO(render_docx(document)))
        cells = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
        assert not ID_RE.search(cells)
        assert not ID_RE.search(pdf_text(document, tmp_path))
    unmasked = member_roster(members, BRANCH)
    assert ID_RE.search(unmasked.text())
    assert unmasked.landscape
