"""An issue-2 database (schema 0001) opens in this version: upgraded, data kept, backed up."""

from datetime import date

from sqlalchemy import create_engine, text

from dualleader_desktop.domain.enums import Gender
from dualleader_desktop.domain.validators import build_id_number
from dualleader_desktop.services.search import SearchService
from dualleader_desktop.storage.backup import list_backups
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.migrate import HEAD_REVISION, upgrade_if_needed


def make_0001_database(path):
    engine = create_engine(f"sqlite:///{path}")
    upgrade_if_needed(engine, target="0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO members (name, gender, ethnicity, birth_date, native_place, id_number,"
                " education, degree, title, post, department, phone, joined_date, category, status,"
                " status_note, remarks, version) VALUES ('欧阳明', 'male', '汉族', '1980-01-02', '',"
                " :idn, '', '', '讲师', '', '智能制造教研室', '', '2005-06-01', 'full', 'active',"
                " '', '', 1)"
            ),
            {"idn": build_id_number("360102", date(1980, 1, 2), 11, Gender.MALE)},
        )
    engine.dispose()


def test_schema_0001_upgrades_with_data_search_and_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_0001_database(path)
    db = Database.open_file(path)
    with db.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
        )
    assert {"meetings", "talks", "attachments", "search_index"} <= set(db.table_names())
    [hit] = SearchService(db).search("欧阳")
    assert hit.title == "欧阳明"
    assert [b.reason for b in list_backups(path)] == ["before-upgrade-0001"]
