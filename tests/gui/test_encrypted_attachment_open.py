"""An attachment of an encrypted database opens from the editor as the file the user attached,
not as the encrypted bytes in the store."""

from __future__ import annotations

import io

import pytest

from dualleader_desktop.cli import main
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage import encryption
from dualleader_desktop.storage.database import Database
from dualleader_desktop.ui.pages.meetings_page import MeetingsPage
from tests.conftest import TODAY, make_draft

PASSWORD = "支部的密码-2026"
SHEET = b"%PDF-1.4 sign-in sheet of the committee"

pytestmark = pytest.mark.skipif(not encryption.available(), reason=encryption.MISSING_MESSAGE)


@pytest.fixture
def encrypted(tmp_path, monkeypatch):
    monkeypatch.delenv(encryption.PASSWORD_ENV_VAR, raising=False)
    path = tmp_path / "branch.sqlite3"
    db = Database.open_file(path)
    MemberService(db).add(make_draft("王伟"), today=TODAY)
    source = tmp_path / "签到表.pdf"
    source.write_bytes(SHEET)
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.COMMITTEE, TODAY)
    draft.theme = "学习会"
    draft.new_files = [source]
    meeting_id = service.save(draft).id
    db.dispose()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["encrypt", "--db", str(path)]) == 0
    db = Database.open_file(path, password=PASSWORD)
    yield db, meeting_id
    db.dispose()
    encryption.forget_all()


def test_the_editor_opens_the_decrypted_file(qtbot, encrypted):
    db, meeting_id = encrypted
    page = MeetingsPage(MeetingService(db), MemberService(db), BranchService(db))
    qtbot.addWidget(page)
    editor = page.edit_record(meeting_id)
    qtbot.waitExposed(editor)
    [info] = editor.files.stored()
    assert SHEET not in info.path.read_bytes()  # the store holds it encrypted
    opened = []
    editor.open_path = opened.append
    editor.ui.filesView.selectRow(0)
    editor.ui.openFileButton.click()
    [path] = opened
    assert path.name == "签到表.pdf" and path.read_bytes() == SHEET
