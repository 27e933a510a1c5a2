"""The one rule of what a search text finds among members (domain/member_search.py)."""

from types import SimpleNamespace

from dualleader_desktop.domain.member_search import (
    SEARCHED_FIELDS,
    matching_members,
    member_matches,
    search_needle,
    searched_text,
)


def person(name="王伟", id_number="36010219800101123X", phone="13900001111", department=""):
    return SimpleNamespace(name=name, id_number=id_number, phone=phone, department=department)


def test_each_searched_field_is_found_and_others_are_not():
    wang = person(department="iOS开发教研室")
    wang.title = "副教授"
    for text in ("王", "0101123", "139000", "开发教研"):
        assert member_matches(wang, text), text
    assert not member_matches(wang, "副教授")  # not a searched field
    assert searched_text(wang).split("\n") == [
        getattr(wang, name).lower() for name in SEARCHED_FIELDS
    ]


def test_ascii_letters_match_in_any_case_others_as_written():
    assert member_matches(person(department="iOS开发"), "IOS")
    assert member_matches(person(), "123x")
    assert not member_matches(person(name="Émile"), "émile")


def test_the_text_is_normalised_as_saved_text_is():
    assert search_needle("　ＩＯＳ\u3000 开发 ") == "ios 开发"
    assert member_matches(person(department="iOS 开发"), "ｉｏｓ　开发")
    assert member_matches(person(department="机电（系）"), "（系）")  # Chinese punctuation kept


def test_no_match_spans_two_fields():
    assert not member_matches(person(name="王伟", id_number="3601"), "王伟 3601")
    assert not member_matches(person(name="王伟", id_number="3601"), "伟3601")


def test_nothing_typed_finds_everyone_in_order():
    people = [person("甲"), person("乙")]
    assert matching_members(people, "  ") == people
    assert member_matches(people[0], "")
    assert [p.name for p in matching_members(people, "乙")] == ["乙"]
    assert matching_members(people, "%") == []
