"""A record that cannot be written stops the export with its name, and leaves nothing behind."""

from datetime import date

import pytest

from dualleader_desktop.cli import main
from dualleader_desktop.documents import docx_render, parallel
from dualleader_desktop.documents.model import Document, Paragraph
from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.archive import ArchiveService, ArchiveSettingsInfo
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.storage.database import Database


@pytest.mark.parametrize("workers", [True, False], ids=["worker processes", "this process"])
def test_a_document_that_cannot_be_rendered_is_known_by_its_place(monkeypatch, workers):
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2 if workers else 100)
    docs = [
        Document("第一件", [Paragraph("内容")]),
        Document("第二件", ["不是段落"]),  # no block a renderer knows: fails anywhere
        Document("第三件", [Paragraph("内容")]),
    ]
    with pytest.raises(parallel.RenderError) as caught:
        list(parallel.render_all(iter(docs), len(docs)))
    assert caught.value.index == 1
    assert caught.value.reason


@pytest.fixture
def branch_db(tmp_path):
    """Two 支委会 of 2025 in a database file; the second is the one that will fail."""
    path = tmp_path / "branch.sqlite3"
    db = Database.open_file(path)
    BranchServices(db).archive.save_settings(ArchiveSettingsInfo(fonds="Z001"))
    meetings = MeetingService(db)
    for day, theme in ((date(2025, 3, 12), "学习二十届三中全会精神"), (FAILING_DAY, FAILING)):
        draft = meetings.new_draft(MeetingKind.COMMITTEE, day)
        draft.theme, draft.minutes = theme, "会议内容"
        meetings.save(draft)
    yield path, db
    db.dispose()


FAILING_DAY, FAILING = date(2025, 5, 20), "研究部署二〇二五年度党员发展工作及预算安排"
FAILING_NAME = (
    "支部委员会会议 2025-05-20 研究部署二〇二五年度党员发展工作及预算安…"  # 20 characters
)


@pytest.fixture
def word_fails_on_one_record(monkeypatch):
    """python-docx refusing one record, as it refused a control character."""
    real = docx_render.render_docx

    def render_docx(document, *args, **kwargs):
        if FAILING in document.text():
            raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(docx_render, "render_docx", render_docx)


def test_a_record_that_cannot_be_written_is_named_and_no_package_is_left(
    branch_db, word_fails_on_one_record, tmp_path
):
    _path, db = branch_db
    out = tmp_path / "out"
    with pytest.raises(ServiceError) as caught:
        BranchServices(db).archive.export(2025, out, kinds={RecordKind.COMMITTEE})
    message = str(caught.value)
    assert f"无法生成“{FAILING_NAME}”" in message
    assert "Word 文档不能保存的字符" in message and "没有留下不完整的归档包" in message
    assert list(out.iterdir()) == []  # no package, no staging folder


def test_one_record_that_cannot_be_written_leaves_no_file(
    branch_db, word_fails_on_one_record, tmp_path
):
    _path, db = branch_db
    [meeting] = [m for m in MeetingService(db).list_meetings() if m.theme == FAILING]
    (tmp_path / "out").mkdir()
    with pytest.raises(ServiceError, match=f"无法生成“{FAILING_NAME}”.*没有写入任何文件"):
        BranchServices(db).archive.export_record(RecordKind.COMMITTEE, meeting.id, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_the_command_says_which_record_failed_in_chinese_without_a_traceback(
    branch_db, word_fails_on_one_record, tmp_path, capsys
):
    path, _db = branch_db
    out = tmp_path / "out"
    code = main(["export", "--db", str(path), "--year", "2025", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"无法生成“{FAILING_NAME}”" in err and "没有留下不完整的归档包" in err
    assert "Traceback" not in err and "ValueError" not in err
    assert list(out.iterdir()) == []


def test_the_command_turns_an_unexpected_fault_into_a_chinese_message(
    branch_db, monkeypatch, tmp_path, capsys
):
    path, _db = branch_db

    def broken(*_args, **_kwargs):
        raise KeyError("fonds")

    monkeypatch.setattr(ArchiveService, "plan", broken)
    code = main(["export", "--db", str(path), "--year", "2025", "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 1 and "导出失败" in err and "Traceback" not in err
