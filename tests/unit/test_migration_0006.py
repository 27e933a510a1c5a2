"""Schema 0006: every branch-owned row gets the database's one branch; a database with rows
but no branch gets an unnamed one; an empty database gets none until the branch is saved."""

from contextlib import contextmanager
from datetime import date

from sqlalchemy import create_engine, text

from dualleader_desktop.domain.enums import Gender
from dualleader_desktop.domain.validators import build_id_number
from dualleader_desktop.services.branch import BranchInfo, BranchService, list_branches
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.search import SearchService
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.migrate import upgrade_if_needed
from tests.conftest import TODAY


def make_0005_database(path, *, with_member: bool) -> None:
    engine = create_engine(f"sqlite:///{path}")
    upgrade_if_needed(engine, target="0005")
    if with_member:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO members (name, gender, ethnicity, birth_date, native_place,"
                    " id_number, education, degree, title, post, department, phone,"
                    " joined_date, category, status, status_note, remarks, version,"
                    " joined_date_month_only, full_member_date_month_only)"
                    " VALUES ('欧阳明', 'male', '汉族', '1980-01-02', '', :idn, '', '', '讲师',"
                    " '', '智能制造教研室', '', '2005-06-01', 'full', 'active', '', '', 1, 0, 0)"
                ),
                {"idn": build_id_number("360102", date(1980, 1, 2), 11, Gender.MALE)},
            )
            conn.execute(text("INSERT INTO search_index(rowid, body) VALUES (3, '欧阳 阳明 明_')"))
    engine.dispose()


@contextmanager
def upgraded(path, *, with_member: bool):
    """A schema-0005 database, opened (and so upgraded) by this version."""
    make_0005_database(path, with_member=with_member)
    db = Database.open_file(path)
    try:
        yield db
    finally:
        db.dispose()


def test_rows_without_a_branch_get_an_unnamed_one_the_secretary_names_later(tmp_path):
    with upgraded(tmp_path / "old.sqlite3", with_member=True) as db:
        [branch] = list_branches(db)
        assert branch.name == ""
        with db.engine.connect() as conn:
            owners = conn.execute(text("SELECT branch_id FROM members")).scalars().all()
            # the search index's branch: in its entries since 0007
            indexed = conn.execute(text("SELECT branch_id FROM search_entries")).scalars().all()
        assert owners == indexed == [branch.id]
        [member] = MemberService(db).list_members()
        assert member.name == "欧阳明"
        assert [hit.title for hit in SearchService(db).search("欧阳")] == ["欧阳明"]
        BranchService(db).save_branch(BranchInfo("机电工程学院教工党支部"), today=TODAY)
        assert [b.name for b in list_branches(db)] == ["机电工程学院教工党支部"]


def test_an_empty_database_gets_no_branch_until_one_is_saved(tmp_path):
    with upgraded(tmp_path / "new.sqlite3", with_member=False) as db:
        assert list_branches(db) == []
        assert BranchService(db).get_branch() is None
        assert MemberService(db).list_members() == []
        BranchService(db).save_branch(BranchInfo("机电工程学院教工党支部"), today=TODAY)
        assert [b.name for b in list_branches(db)] == ["机电工程学院教工党支部"]
