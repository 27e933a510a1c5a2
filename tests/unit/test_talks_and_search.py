from datetime import date

import pytest

from dualleader_desktop.domain.enums import CommitteeRole, MemberCategory
from dualleader_desktop.domain.meeting_records import AgendaDraft
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.domain.talks import TalkKind
from dualleader_desktop.services import search as search_module
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.errors import RecordValidationError, StaleRecordError
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.search import Match, SearchService, highlight
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.search_index import SearchKind
from tests.conftest import TODAY, make_draft


@pytest.fixture
def people(db):
    members = MemberService(db)
    ids = {
        name: members.add(make_draft(name, sequence=10 + 2 * n), today=TODAY).id
        for n, name in enumerate(["王伟", "李娜", "张敏", "刘洋"])
    }
    branch = BranchService(db)
    branch.save_seat(ids["王伟"], CommitteeRole.SECRETARY, date(2024, 1, 1), date(2027, 1, 1))
    branch.save_seat(ids["李娜"], CommitteeRole.ORGANIZATION, date(2024, 1, 1), date(2027, 1, 1))
    return ids


def talk(ids, talker, talkee, on=date(2026, 4, 2), topic="谈心谈话"):
    return TalkDraft(
        talk_date=on,
        topic=topic,
        content="交流教学科研和思想状况。",
        talker_ids=[ids[talker]],
        talkee_ids=[ids[talkee]],
    )


def test_coverage_lists_who_has_not_been_talked_with(db, people):
    service = TalkService(db)
    service.save(talk(people, "王伟", "张敏"), today=TODAY)
    service.save(talk(people, "刘洋", "李娜"), today=TODAY)  # a member leading counts too
    service.save(talk(people, "王伟", "刘洋", on=date(2025, 6, 1)), today=TODAY)  # last year
    coverage = {line.name: line.missing for line in service.coverage(2026, today=TODAY)}
    assert coverage == {"王伟": ["刘洋", "李娜"], "李娜": ["张敏", "王伟"]}


def test_coverage_of_a_past_year_uses_that_years_roll(db, people):
    MemberService(db).add(
        make_draft(
            "陈新",
            sequence=31,
            joined_date=date(2026, 3, 1),
            full_member_date=None,
            category=MemberCategory.PROBATIONARY,
        ),
        today=TODAY,
    )
    last_year = {line.name: line.missing for line in TalkService(db).coverage(2025, today=TODAY)}
    this_year = {line.name: line.missing for line in TalkService(db).coverage(2026, today=TODAY)}
    assert "陈新" not in last_year["王伟"] and "陈新" in this_year["王伟"]


def test_a_change_of_people_alone_still_stops_a_stale_second_window(db, people):
    service = TalkService(db)
    first = service.save(talk(people, "王伟", "张敏"), today=TODAY)
    window_a, window_b = service.get(first.id), service.get(first.id)
    window_a.draft.talkee_ids = [people["刘洋"]]
    service.save(window_a.draft, talk_id=first.id, expected_version=window_a.version, today=TODAY)
    window_b.draft.place = "书记工作室"
    with pytest.raises(StaleRecordError):
        service.save(
            window_b.draft, talk_id=first.id, expected_version=window_b.version, today=TODAY
        )
    assert service.get(first.id).talkee_names == ["刘洋"]


def test_talk_round_trip_and_checks(db, people):
    service = TalkService(db)
    draft = talk(people, "王伟", "张敏")
    draft.kind, draft.follow_up, draft.follow_up_date = (
        TalkKind.REMINDER,
        "一月后回访",
        date(2026, 5, 2),
    )
    record = service.save(draft, today=TODAY)
    back = service.get(record.id)
    assert back.talker_names == ["王伟"] and back.talkee_names == ["张敏"]
    assert back.draft.kind == TalkKind.REMINDER
    [summary] = service.list_talks(year=2026, member_id=people["张敏"])
    assert summary.talkers == "王伟"
    bad = TalkDraft(talk_date=date(2027, 1, 1), talker_ids=[1], talkee_ids=[1])
    with pytest.raises(RecordValidationError) as info:
        service.save(bad, today=TODAY)
    assert {"talk_date", "topic", "talkee_ids"} <= info.value.errors.keys()


@pytest.mark.parametrize("query", ["伟", "王伟", "教学科研", "回访"])
def test_search_finds_every_query_length(db, people, query):
    talks = TalkService(db)
    draft = talk(people, "王伟", "张敏")
    draft.follow_up = "一月后回访"
    talks.save(draft, today=TODAY)
    hits = SearchService(db).search(query)
    assert hits, query
    assert all(
        query in hit.snippet_html.replace("<b>", "").replace("</b>", "") or query in hit.title
        for hit in hits
    )


def test_search_ranks_title_hits_first_and_forgets_deleted(db, people):
    meetings = MeetingService(db)
    body_only = meetings.new_draft(MeetingKind.THEME_DAY, date(2026, 3, 1))
    body_only.theme, body_only.minutes = "三月主题党日", "大家讨论了课程思政。"
    in_title = meetings.new_draft(MeetingKind.PARTY_LECTURE, date(2026, 2, 1))
    in_title.theme, in_title.minutes = "课程思政专题党课", "党课内容。"
    first = meetings.save(body_only)
    meetings.save(in_title)
    hits = SearchService(db).search("课程思政")
    assert [h.title for h in hits] == ["课程思政专题党课", "三月主题党日"]
    assert "<b>课程思政</b>" in hits[1].snippet_html
    meetings.delete(first.id)
    assert [h.title for h in SearchService(db).search("思政")] == ["课程思政专题党课"]
    assert SearchService(db).search("王")[0].kind == SearchKind.MEMBER


def test_a_members_own_file_comes_before_talks_that_name_them_often(db, people):
    draft = talk(people, "王伟", "张敏")
    draft.content = "张敏谈到……张敏表示……王伟建议张敏……张敏认为……"
    TalkService(db).save(draft, today=TODAY)
    hits = SearchService(db).search("张敏")
    assert (hits[0].kind, hits[0].title) == (SearchKind.MEMBER, "张敏")


def save_meeting(db, theme: str, on: date, minutes: str = "会议研究了教学工作。") -> int:
    """A 主题党日 saved through the service (so indexed); its id."""
    meetings = MeetingService(db)
    draft = meetings.new_draft(MeetingKind.THEME_DAY, on)
    draft.theme, draft.minutes = theme, minutes
    return meetings.save(draft).id


def test_the_ranking_rule_members_by_name_then_titles_then_the_rest_newest_first(db, people):
    members = MemberService(db)
    for n, (name, department) in enumerate(
        [("王家豪", "机电工程学院"), ("李王芳", "机电工程学院"), ("赵强", "王府井分院")]
    ):
        members.add(make_draft(name, sequence=40 + 2 * n, department=department), today=TODAY)
    older = save_meeting(db, "三月主题党日", date(2026, 2, 1), "王伟同志作交流发言。")
    in_title = save_meeting(db, "学习王伟同志先进事迹", date(2026, 3, 1))
    newer = save_meeting(db, "五月主题党日", date(2026, 5, 1), "王伟同志汇报教学改革进展。")
    draft = talk(people, "王伟", "张敏", on=date(2026, 4, 2), topic="教学工作交流")
    draft.content = "王伟谈到……王伟建议……王伟认为……王伟表示……"  # named often, not in the topic
    talk_id = TalkService(db).save(draft, today=TODAY).id
    hits = SearchService(db).search("王")
    assert [(h.kind, h.title, h.match) for h in hits[:5]] == [
        (SearchKind.MEMBER, "王伟", Match.IN_NAME),  # the name begins with it, shortest
        (SearchKind.MEMBER, "王家豪", Match.IN_NAME),
        (SearchKind.MEMBER, "李王芳", Match.IN_NAME),  # holds it, not at the start
        (SearchKind.MEETING, "学习王伟同志先进事迹", Match.IN_TITLE),
        (SearchKind.MEMBER, "赵强", Match.MEMBER_FIELD),  # 王府井分院
    ]
    rest = [(h.kind, h.record_id) for h in hits[5:]]
    assert rest == [
        (SearchKind.MEETING, newer),
        (SearchKind.TALK, talk_id),
        (SearchKind.MEETING, older),
    ]
    assert hits[5].on == date(2026, 5, 1) and hits[0].on is None
    assert [h.record_id for h in hits[3:4]] == [in_title]
    first = SearchService(db).search("王伟")[0]
    assert (first.title, first.match) == ("王伟", Match.NAME)


def test_pages_follow_each_other_and_say_when_there_are_more(db, people, monkeypatch):
    ids = [
        save_meeting(db, f"{month}月主题党日", date(2026, month, 15), "推进课程思政建设。")
        for month in (3, 1, 4, 2, 5)  # entered out of date order
    ]
    service = SearchService(db)
    first = service.search_page("课程思政", limit=2)
    assert (first.total, first.complete, first.offset, first.has_more) == (5, True, 0, True)
    pages, offset = [first], 2
    while pages[-1].has_more:
        pages.append(service.search_page("课程思政", offset=offset, limit=2))
        offset += 2
    assert [len(page.hits) for page in pages] == [2, 2, 1]
    assert pages[-1].shown_to == 5 and not pages[-1].has_more
    paged = [hit.on for page in pages for hit in page.hits]
    assert paged == sorted(paged, reverse=True)  # newest first across the pages
    assert [hit.record_id for page in pages for hit in page.hits] == [
        hit.record_id for hit in service.search("课程思政")
    ]
    assert service.search_page("课程思政", offset=5).hits == []
    # more matches than are ranked: the newest entered are, and the results say so
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    capped = service.search_page("课程思政")
    assert (capped.total, capped.complete, capped.has_more) == (3, False, False)
    assert {hit.record_id for hit in capped.hits} == set(ids[-3:])


def test_highlight_escapes_html_and_marks_every_match():
    assert (
        highlight("<a>王伟</a> 与 王伟", "王伟") == "&lt;a&gt;<b>王伟</b>&lt;/a&gt; 与 <b>王伟</b>"
    )


def test_a_snippet_starts_shortly_before_the_match():
    text = "会议开始，" * 20 + "王家豪结合指导学生技能大赛的经历谈了体会。" + "其他内容。" * 20
    snippet = highlight(text, "王家豪")
    assert snippet.startswith("…") and snippet.endswith("…")
    assert snippet.index("<b>王家豪</b>") == 1 + search_module.SNIPPET_BEFORE
    assert "谈了体会。" in snippet


def test_highlight_folds_width_and_case_but_shows_the_text_as_written():
    assert highlight("第３季度 PPT 课件", "３季度 ppt") == "第<b>３季度</b> <b>PPT</b> 课件"


def test_queries_with_spaces_punctuation_and_full_width_forms(db, people):
    meetings = MeetingService(db)
    draft = meetings.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 5, 20))
    draft.theme = "第２季度支部党员大会"
    draft.agenda = [AgendaDraft("传达学习上级精神")]
    draft.minutes = "会议讨论了发展党员工作。"
    meetings.save(draft)
    other = meetings.new_draft(MeetingKind.COMMITTEE, date(2026, 5, 5))
    other.theme, other.minutes = "五月支委会", "研究工作"
    meetings.save(other)
    search = SearchService(db).search
    [by_agenda] = search("上级精神")
    assert "<b>上级精神</b>" in by_agenda.snippet_html
    assert [h.title for h in search("2季度")] == ["第２季度支部党员大会"]
    [spaced] = search("发展 党员大会")
    assert spaced.title == "第２季度支部党员大会"
    assert spaced.match == Match.IN_TEXT and "<b>发展</b>" in spaced.snippet_html
    # punctuation in a query is a separator, not a way to match any 会 at a field's end
    assert [h.title for h in search("工作。")] == [h.title for h in search("工作")]
    assert search("。，") == []


def test_imported_members_are_searchable(db, tmp_path):
    from dualleader_desktop.services.composition import BranchServices
    from tests.roster_workbooks import draft_row, write_roster

    path = tmp_path / "roster.xlsx"
    write_roster(path, [draft_row(make_draft("欧阳娜", sequence=61, gender=None), 1)])
    service = BranchServices(db).roster
    service.apply_import(service.plan_import(path, today=TODAY))
    assert [hit.title for hit in SearchService(db).search("欧阳")] == ["欧阳娜"]


def test_search_finds_members_by_id_number_and_phone(db, people):
    member = MemberService(db).get(people["张敏"])
    [by_id] = SearchService(db).search(member.id_number[-8:])
    assert by_id.title == "张敏" and f"<b>{member.id_number[-8:]}</b>" in by_id.snippet_html
    # make_draft gives everyone the same phone: all four are found by it
    assert sorted(h.title for h in SearchService(db).search(member.phone)) == sorted(people)
