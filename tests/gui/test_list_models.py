"""qtmodeltester on the list models of the meetings and talks pages and their editors."""

from datetime import date

from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.ui.models.attachments_model import AttachmentsModel
from dualleader_desktop.ui.models.meetings_model import COL_ATTENDANCE, MeetingsModel
from dualleader_desktop.ui.models.member_choice_model import MemberChoiceModel
from dualleader_desktop.ui.models.talks_model import TalksModel
from tests.conftest import TODAY, make_draft


def test_list_models(qtmodeltester, db, tmp_path):
    members = MemberService(db)
    a = members.add(make_draft("王伟", sequence=11), today=TODAY)
    b = members.add(make_draft("李娜", sequence=12, gender=None), today=TODAY)
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"x" * 2048)
    meetings = MeetingService(db)
    draft = meetings.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 15))
    draft.theme, draft.new_files = "主题党日", [photo]
    saved = meetings.save(draft)
    TalkService(db).save(
        TalkDraft(talk_date=date(2026, 5, 1), topic="谈心", talker_ids=[a.id], talkee_ids=[b.id]),
        today=TODAY,
    )
    meetings_model = MeetingsModel()
    meetings_model.set_rows(meetings.list_meetings())
    qtmodeltester.check(meetings_model)
    assert meetings_model.index(0, COL_ATTENDANCE).data() == "2/2"
    talks_model = TalksModel()
    talks_model.set_rows(TalkService(db).list_talks())
    qtmodeltester.check(talks_model)
    files = AttachmentsModel()
    files.set_stored(saved.draft.attachments)
    files.add_files([photo])
    qtmodeltester.check(files)
    assert files.index(0, 1).data() == "2.0 KB"
    choice = MemberChoiceModel({a.id: "王伟", b.id: "李娜"})
    qtmodeltester.check(choice)
    choice.set_filter("李")
    assert choice.rowCount() == 1
