"""Databases made by every earlier version of the program open in this one with nothing lost.

The fixtures (tests/fixtures/schemas/) were written by the old code itself; each test reads the
old file with plain sqlite3 first, then upgrades a copy and reads it back through the services.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from dualleader_desktop.domain.assessment import DEFAULT_INDICATORS
from dualleader_desktop.domain.meeting_rules import LECTURES_TWICE_A_SEMESTER, MEETING_RULES
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.evaluations import EvaluationService
from dualleader_desktop.services.history import ChangeAction, EntityKind
from dualleader_desktop.services.history_service import HistoryService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage import backup, migrate
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.storage.models import Base

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
VERSIONS = [
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
]
ATTACHMENT_SHA = "0ff779451ebebc4296d66153a792f7116c93673ba9b9262ac39804240847e9d6"
TODAY = date(2026, 11, 26)
# the tables whose rows carry their branch since schema 0006, as the models say
BRANCH_TABLES = [
    *(table.name for table in Base.metadata.sorted_tables if "branch_id" in table.c),
    "search_entries",  # the search index's (0007; in the FTS5 table itself in 0006)
]


def copy_fixture(folder: str, tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / folder, tmp_path / folder)
    [db_file] = (tmp_path / folder).glob("*.sqlite3")
    return db_file


def raw(db_file: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def has_table(db_file: Path, name: str) -> bool:
    return bool(raw(db_file, f"SELECT 1 FROM sqlite_master WHERE name = '{name}'"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_there_is_a_fixture_for_every_schema_before_head():
    scripts = sorted(p.name[:4] for p in migrate.MIGRATIONS_DIR.glob("versions/0*.py"))
    assert scripts[-1] == migrate.HEAD_REVISION
    # the head's own fixture is added by the change that replaces it
    assert set(scripts[:-1]) <= set(VERSIONS)
    for version in VERSIONS:
        [db_file] = (FIXTURES / version).glob("*.sqlite3")
        assert raw(db_file, "SELECT version_num FROM alembic_version") == [(version,)]


@pytest.mark.parametrize("version", VERSIONS)
def test_every_earlier_schema_upgrades_and_reads_back(version, tmp_path):
    db_file = copy_fixture(version, tmp_path)
    members_before = raw(db_file, "SELECT name, id_number, status FROM members ORDER BY id")
    meetings = has_table(db_file, "meetings")
    if meetings:
        meetings_before = raw(db_file, "SELECT id, theme, meeting_date FROM meetings ORDER BY id")
        attendance_before = raw(
            db_file,
            "SELECT meeting_id, member_id, status, reason FROM attendance"
            " ORDER BY meeting_id, member_id",
        )
        talks_before = raw(db_file, "SELECT id, topic FROM talks ORDER BY id")
        evaluation_before = (
            raw(db_file, "SELECT member_name, final FROM evaluation_lines ORDER BY 1, 2")
            if has_table(db_file, "evaluation_lines")
            else []
        )
    log_before = (
        raw(db_file, "SELECT count(*) FROM change_log")[0][0]
        if has_table(db_file, "change_log")
        else 0
    )
    settings_before = (
        raw(db_file, "SELECT fonds, fonds_name FROM archive_settings")
        if has_table(db_file, "archive_settings")
        else None
    )
    photographed = (  # a member's photo and the school's template (schema 0010)
        raw(db_file, "SELECT member_id FROM attachment_links WHERE member_id IS NOT NULL")
        if version >= "0010"
        else []
    )

    db = Database.open_file(db_file)
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA integrity_check").all() == [("ok",)]
            # the change log starts empty where it did not exist: what happened before is not
            # known; where it did, every entry is kept
            log = conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar()
            assert log == log_before
            # every row is the one branch's (schema 0006)
            [(branch_id,)] = conn.exec_driver_sql("SELECT id FROM branch").all()
            for table in BRANCH_TABLES:
                owners = conn.exec_driver_sql(f"SELECT DISTINCT branch_id FROM {table}").all()
                has_rows = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                assert owners == ([(branch_id,)] if has_rows else []), table
        members = MemberService(db).list_members()
        assert sorted((m.name, m.id_number, m.status.value) for m in members) == sorted(
            members_before
        )
        assert BranchService(db).get_branch() is not None
        services = BranchServices(db)
        for (member_id,) in photographed:
            assert MemberService(db).photo(member_id).startswith(b"\xff\xd8")
        if photographed:
            assert services.layout.info().template_name == "学校公文模板.docx"
            assert services.layout.profile().left_mm == 30
        # no branch had rules of its own before schema 0011; the 0011 fixture's branch keeps
        # 党课 twice a semester in place of once a quarter
        rules = services.compliance.rules()
        if version >= "0011":
            assert rules[-1] == LECTURES_TWICE_A_SEMESTER and len(rules) == len(MEETING_RULES)
        else:
            assert rules == MEETING_RULES
        # no branch had indicators or scores of its own before schema 0012
        assert services.assessment.indicators() == DEFAULT_INDICATORS
        assert services.assessment.scores(2025) == {}
        # the change log is usable: an edit of an old member file is the first entry
        first = members[0]
        edited = replace(first.to_draft(), remarks="升级后补充的备注")
        MemberService(db).update(first.id, edited, expected_version=first.version, today=TODAY)
        entry = HistoryService(db).history(EntityKind.MEMBER, first.id)[0]
        assert entry.action == ChangeAction.UPDATE and entry.changes[-1].endswith(
            "升级后补充的备注"
        )
        # an old member file takes a photo (schema 0010), kept in the old attachment folder
        picture = tmp_path / "照片.png"
        Image.new("RGB", (300, 420), (180, 40, 40)).save(picture)
        edited = MemberService(db).get(first.id)
        MemberService(db).update(
            first.id, edited.to_draft(), expected_version=edited.version, photo=picture
        )
        assert MemberService(db).photo(first.id).startswith(b"\xff\xd8")
        if meetings:
            service = MeetingService(db)
            listed = service.list_meetings()
            assert sorted((m.id, m.theme, m.meeting_date.isoformat()) for m in listed) == [
                (i, t, d[:10]) for i, t, d in meetings_before
            ]
            attendance_after = []
            for summary in listed:
                for line in service.get(summary.id).draft.attendance:
                    attendance_after.append(
                        (summary.id, line.member_id, line.status.value, line.reason)
                    )
            assert sorted(attendance_after) == attendance_before
            talks = TalkService(db).list_talks()
            assert sorted((t.id, t.topic) for t in talks) == talks_before
            [with_file] = [m for m in listed if m.attachment_count]
            [attachment] = service.get(with_file.id).draft.attachments
            assert sha256(attachment.path) == attachment.sha256 == ATTACHMENT_SHA
            # a meeting written before the change log existed is deleted and restored whole
            service.delete(with_file.id)
            history = HistoryService(db)
            [deleted] = history.deleted(EntityKind.MEETING)
            assert history.restore(EntityKind.MEETING, deleted.id).notes == []
            [attachment] = service.get(with_file.id).draft.attachments
            assert sha256(attachment.path) == ATTACHMENT_SHA
            # the old year's 民主评议 can be kept in the upgraded file, a self-evaluation
            # handed in as a file included (schema 0009)
            evaluations = EvaluationService(db)
            if evaluation_before:  # kept since schema 0009: every line as it was
                kept = evaluations.find(2025)
                assert (
                    sorted(
                        (line.name, line.final and line.final.value) for line in kept.draft.lines
                    )
                    == evaluation_before
                )
                draft, where = (
                    kept.draft,
                    {"evaluation_id": kept.id, "expected_version": kept.version},
                )
            else:
                draft, where = evaluations.new_draft(2025, today=TODAY), {}
            draft.ballots_cast = len(draft.lines)
            summary = tmp_path / "个人总结.txt"
            summary.write_text("一年来的学习和工作。", encoding="utf-8")
            draft.new_files = [summary]
            saved = evaluations.save(draft, **where)
            assert evaluations.find(2025) == saved
            assert len(saved.draft.lines) == len(MemberService(db).on_roll(date(2025, 12, 31))) > 0
            assert [a.file_name for a in saved.draft.attachments][-1:] == ["个人总结.txt"]
        if settings_before:
            settings = BranchServices(db).archive.settings()
            assert [(settings.fonds, settings.fonds_name)] == settings_before
    finally:
        db.dispose()


@pytest.mark.parametrize("version", VERSIONS)
def test_the_backup_before_an_upgrade_is_the_old_file_checked(version, tmp_path):
    db_file = copy_fixture(version, tmp_path)
    members_before = raw(db_file, "SELECT * FROM members ORDER BY id")
    Database.open_file(db_file).dispose()
    [kept] = backup.list_backups(db_file)
    assert kept.reason == f"before-upgrade-{version}"
    assert raw(kept.path, "SELECT version_num FROM alembic_version") == [(version,)]
    assert raw(kept.path, "PRAGMA integrity_check") == [("ok",)]
    assert raw(kept.path, "SELECT * FROM members ORDER BY id") == members_before
    if version != "0001":
        kept_file = kept.path.parent / "attachments" / ATTACHMENT_SHA[:2] / f"{ATTACHMENT_SHA}.pdf"
        assert sha256(kept_file) == ATTACHMENT_SHA


@pytest.mark.parametrize("version", ["0001", "0003"])
def test_a_database_damaged_by_the_failed_upgrade_of_earlier_versions_opens(version, tmp_path):
    """The previous program left tables of later schemas (0001) or _alembic_tmp_members (0003)
    behind when its upgrade failed; they are empty leftovers and go."""
    db_file = copy_fixture(f"damaged-{version}", tmp_path)
    leftovers = {"0001": "attachments", "0003": "_alembic_tmp_members"}[version]
    assert has_table(db_file, leftovers)
    names_before = raw(db_file, "SELECT name FROM members ORDER BY id")

    db = Database.open_file(db_file)
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
        assert not has_table(db_file, "_alembic_tmp_members")
        names = [m.name for m in MemberService(db).list_members()]
        assert sorted(names) == sorted(name for (name,) in names_before)
    finally:
        db.dispose()


def test_a_failed_upgrade_leaves_the_file_as_it_was_and_can_be_tried_again(tmp_path, monkeypatch):
    db_file = copy_fixture("0003", tmp_path)
    before = sha256(db_file)
    from alembic.operations.batch import ApplyBatchImpl

    real = ApplyBatchImpl._create

    def fail_after_the_copy(self, op_impl):
        real(self, op_impl)  # members copied, the old table dropped, the copy renamed
        raise RuntimeError("disk went away")

    monkeypatch.setattr(ApplyBatchImpl, "_create", fail_after_the_copy)
    for _attempt in range(2):
        with pytest.raises(RuntimeError, match="disk went away"):
            Database.open_file(db_file).dispose()
        assert sha256(db_file) == before
        assert not has_table(db_file, "_alembic_tmp_members")
        assert raw(db_file, "SELECT version_num FROM alembic_version") == [("0003",)]
    monkeypatch.undo()
    Database.open_file(db_file).dispose()
    assert raw(db_file, "SELECT version_num FROM alembic_version") == [(migrate.HEAD_REVISION,)]
    # one backup per attempt, none written over another
    assert len(backup.list_backups(db_file)) == 3


def test_a_table_of_a_later_schema_holding_rows_is_not_dropped(tmp_path):
    db_file = copy_fixture("0002", tmp_path)
    connection = sqlite3.connect(db_file)
    connection.execute("CREATE TABLE archive_settings (id INTEGER PRIMARY KEY, fonds TEXT)")
    connection.execute("INSERT INTO archive_settings VALUES (1, 'Z9')")
    connection.commit()
    connection.close()
    before = sha256(db_file)
    with pytest.raises(DatabaseError, match=r"archive_settings.*保持原样"):
        Database.open_file(db_file)
    assert sha256(db_file) == before


@pytest.fixture
def full_backups_folder(tmp_path):
    """The backups folder on a real 256 KiB tmpfs: the 2 MB database cannot be copied there."""
    db_file = copy_fixture("0003", tmp_path)
    folder = backup.backups_dir(db_file)
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    yield db_file
    subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_during_the_backup_stops_the_upgrade_and_leaves_nothing(full_backups_folder):
    db_file = full_backups_folder
    before = sha256(db_file)
    with pytest.raises(DatabaseError, match=r"(?s)备份.*磁盘空间不足.*没有升级"):
        Database.open_file(db_file)
    assert sha256(db_file) == before
    assert raw(db_file, "SELECT version_num FROM alembic_version") == [("0003",)]
    assert list(backup.backups_dir(db_file).iterdir()) == []
