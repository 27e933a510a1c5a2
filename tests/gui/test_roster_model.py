from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dualleader_desktop.domain.enums import MemberCategory, MemberStatus
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.models.roster_model import (
    COL_ID,
    COL_JOINED,
    COL_NAME,
    NO_GROUP,
    RosterModel,
)
from tests.conftest import TODAY, make_draft


def fill(db):
    members = MemberService(db)
    group = BranchService(db).save_group("第一党小组", None)
    members.add(make_draft("王伟", sequence=11, party_group_id=group), today=TODAY)
    members.add(
        make_draft(
            "李娜",
            sequence=12,
            gender=None,
            joined_date=date(2026, 5, 1),
            full_member_date=None,
            category=MemberCategory.PROBATIONARY,
        ),
        today=TODAY,
    )
    gone = members.add(make_draft("张强", sequence=13, department="信息工程学院"), today=TODAY)
    members.change_status(gone.id, MemberStatus.DECEASED, date(2026, 1, 2), today=TODAY)
    model = RosterModel()
    model.set_records(members.list_members())
    return model, group


def names(model):
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def test_qtmodeltester(qtmodeltester, db):
    model, _ = fill(db)
    qtmodeltester.check(model)


def test_filters(db):
    model, group = fill(db)
    assert sorted(names(model)) == ["李娜", "王伟"]  # on the roll by default
    model.set_filters(status=None)
    assert len(names(model)) == 3
    model.set_filters(party_group_id=group)
    assert names(model) == ["王伟"]
    model.set_filters(party_group_id=NO_GROUP)
    assert names(model) == ["李娜"]
    model.set_filters(category=MemberCategory.PROBATIONARY)
    assert names(model) == ["李娜"]
    model.set_filters(status=None, text="信息")
    assert names(model) == ["张强"]
    # a member who has left is greyed; one on the roll keeps the view's own colour
    foreground = Qt.ItemDataRole.ForegroundRole
    assert model.data(model.index(0, COL_NAME), foreground) == QColor("#8a8a8a")
    model.set_filters(status=None, text="王伟")
    assert model.data(model.index(0, COL_NAME), foreground) is None


def test_ids_masked_until_revealed(db):
    model, _ = fill(db)
    shown = model.index(0, COL_ID).data()
    assert "********" in shown and len(shown) == 18
    model.set_id_revealed(True)
    assert model.index(0, COL_ID).data() == model.record_at(0).id_number


def test_sort_by_join_date_and_back(db):
    model, _ = fill(db)
    model.sort(COL_JOINED, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["李娜", "王伟"]
    model.sort(COL_JOINED, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["王伟", "李娜"]
    model.sort(-1)  # back to the service's order: members in no group first, then 第一党小组
    assert names(model) == ["李娜", "王伟"]


def test_text_filter_normalises_full_width_text_and_ignores_ascii_case(db):
    members = MemberService(db)
    members.add(make_draft("王伟", department="iOS开发教研室"), today=TODAY)
    members.add(make_draft("李娜", sequence=22, phone="13912345678"), today=TODAY)
    model = RosterModel()
    model.set_records(members.list_members())
    for query, expected in (
        ("ios", ["王伟"]),
        ("ＩＯＳ开发", ["王伟"]),
        ("１３９１２", ["李娜"]),
        (make_draft("李娜", sequence=22).id_number.lower(), ["李娜"]),
    ):
        model.set_filters(text=query)
        assert names(model) == expected, query


def test_month_only_dates_are_shown_as_year_and_month(db):
    draft = make_draft(joined_date=date(2008, 6, 1))
    draft.month_only = frozenset({"joined_date"})
    MemberService(db).add(draft, today=TODAY)
    model = RosterModel()
    model.set_records(MemberService(db).list_members())
    assert model.index(0, COL_JOINED).data() == "2008.06"


def test_the_first_rows_hold_the_view_until_the_whole_roster_comes(qtmodeltester, db):
    model, _ = fill(db)
    records = model.all_records()
    first = RosterModel()
    first.show_first_rows([records[1]], total=2)
    qtmodeltester.check(first)
    assert names(first) == [records[1].name, None]  # the second row is not read yet
    first.sort(COL_JOINED, Qt.SortOrder.DescendingOrder)  # a sort order restored with the header
    first.set_filters(status=None)
    assert names(first) == [records[1].name, None]  # both wait for the whole roster…
    first.set_records(records)  # …and then apply to it, as to a model that had it all along
    model.set_filters(status=None)
    model.sort(COL_JOINED, Qt.SortOrder.DescendingOrder)
    assert names(first) == names(model) and len(names(model)) == 3
    assert names(model)[0] == "李娜"  # joined last
