"""A schema-0003 database opens in this version: members get month-only marks (all exact, as
nothing told the old schema otherwise), data kept, backed up, and still editable."""

from datetime import date

from sqlalchemy import create_engine, text

from dualleader_desktop.domain.enums import Gender
from dualleader_desktop.domain.validators import build_id_number
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.backup import list_backups
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.migrate import HEAD_REVISION, upgrade_if_needed
from tests.conftest import TODAY


def make_0003_database(path):
    engine = create_engine(f"sqlite:///{path}")
    upgrade_if_needed(engine, target="0003")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO members (name, gender, ethnicity, birth_date, native_place, id_number,"
                " education, degree, title, post, department, phone, joined_date,"
                " full_member_date, category, status, status_note, remarks, version)"
                " VALUES ('欧阳明', 'male', '汉族', '1980-01-02', '', :idn, '', '', '讲师', '',"
                " '智能制造教研室', '', '2005-06-01', '2006-06-01', 'full', 'active', '', '', 1)"
            ),
            {"idn": build_id_number("360102", date(1980, 1, 2), 11, Gender.MALE)},
        )
    engine.dispose()


def test_schema_0003_upgrades_with_exact_dates_and_a_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_0003_database(path)
    db = Database.open_file(path)
    try:
        with db.engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == HEAD_REVISION
        assert [b.reason for b in list_backups(path)] == ["before-upgrade-0003"]
        members = MemberService(db)
        [member] = members.list_members()
        assert member.joined_date == date(2005, 6, 1) and member.month_only == frozenset()
        draft = member.to_draft()
        draft.phone = "13900001111"
        edited = members.update(member.id, draft, expected_version=member.version, today=TODAY)
        assert edited.phone == "13900001111" and edited.month_only == frozenset()
    finally:
        db.dispose()
