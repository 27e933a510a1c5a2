"""Encryption at rest (issue 7): ``dualleader encrypt`` / ``decrypt``, opening an encrypted
database, its backups and attachment files. Skipped where sqlcipher3 is not installed (Linux
aarch64 has no wheel); the refusal there is tested without it."""

from __future__ import annotations

import io
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from dualleader_desktop.cli import main
from dualleader_desktop.demo import populate_demo
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.backups import BackupService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage import attachment_cipher, backup, encryption
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.errors import DatabaseError, PasswordRequired, WrongPassword
from tests.conftest import make_draft

PASSWORD = "p@ss:w/rd 中文\"'"
needs_sqlcipher = pytest.mark.skipif(
    not encryption.available(), reason=encryption.MISSING_MESSAGE + "（加密的测试跳过）"
)
ATTACHMENT = "第三季度支部党员大会签到表：王伟、李娜 360102198507031234".encode()


@pytest.fixture(autouse=True)
def no_password_left(monkeypatch):
    monkeypatch.delenv(encryption.PASSWORD_ENV_VAR, raising=False)
    encryption.forget_all()
    yield
    encryption.forget_all()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    """A demo branch with one meeting that has an attachment, built once."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "branch.sqlite3"
    db = Database.open_file(path)
    populate_demo(db, 2025, today=date(2025, 12, 1))
    source = folder / "签到表.txt"
    source.write_bytes(ATTACHMENT)
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.THEME_DAY, date(2025, 11, 1))
    draft.theme, draft.new_files = "主题党日", [source]
    service.save(draft)
    members = MemberService(db).list_members()
    db.dispose()
    return folder, members[0].name, members[0].id_number


@pytest.fixture
def demo(demo_template, tmp_path):
    folder, name, id_number = demo_template
    work = tmp_path / "data"
    shutil.copytree(folder, work)
    return work / "branch.sqlite3", name, id_number


def counts(db: Database) -> tuple[int, int, int]:
    with db.engine.connect() as conn:
        return tuple(
            conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in ("members", "meetings", "talks")
        )


def plain_counts(path: Path) -> tuple[int, int, int]:
    db = Database.open_file(path)
    try:
        return counts(db)
    finally:
        db.dispose()


def run_cli(monkeypatch, argv: list[str], stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def encrypt(monkeypatch, path: Path, password: str = PASSWORD) -> int:
    return run_cli(monkeypatch, ["encrypt", "--db", str(path)], password + "\n")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def no_plaintext(data: bytes, *words: str) -> None:
    assert b"SQLite format 3" not in data
    for word in words:
        assert word.encode("utf-8") not in data


def stored_attachments(path: Path) -> list[Path]:
    folder = path.parent / f"{path.stem}-attachments"
    return [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]


# ---- encrypt, open ---------------------------------------------------------------------------


@needs_sqlcipher
def test_encrypt_leaves_no_plaintext_and_opens_with_the_password(demo, monkeypatch, capsys):
    path, name, id_number = demo
    before = plain_counts(path)
    assert encrypt(monkeypatch, path) == 0
    out = capsys.readouterr().out
    assert "已加密数据库" in out and "附件文件 1 个" in out
    no_plaintext(path.read_bytes(), name, id_number)
    assert not Path(f"{path}-wal").exists()
    db = Database.open_file(path, password=PASSWORD)
    try:
        assert db.encrypted and counts(db) == before
        with db.engine.connect() as conn:  # the pragmas of a plain database apply too
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


@needs_sqlcipher
def test_no_password_or_a_wrong_one_is_said_and_changes_nothing(demo, monkeypatch):
    path, *_ = demo
    assert encrypt(monkeypatch, path) == 0
    data = path.read_bytes()
    with pytest.raises(PasswordRequired, match="已加密，需要输入密码"):
        Database.open_file(path)
    with pytest.raises(WrongPassword, match="密码不正确"):
        Database.open_file(path, password="not the password")
    assert path.read_bytes() == data
    assert not Path(f"{path}-wal").exists()


@needs_sqlcipher
def test_a_short_password_is_refused(demo, monkeypatch, capsys):
    path, *_ = demo
    data = path.read_bytes()
    assert encrypt(monkeypatch, path, "short") == 1
    assert "至少要 8 个字符" in capsys.readouterr().err
    assert path.read_bytes() == data


# ---- backups ---------------------------------------------------------------------------------


@needs_sqlcipher
def test_existing_backups_are_encrypted_and_new_ones_too_and_restore(demo, monkeypatch):
    path, name, id_number = demo
    db = Database.open_file(path)
    old = BackupService(db).take()
    db.dispose()
    assert encryption.is_plain_sqlite(old)
    assert encrypt(monkeypatch, path) == 0
    no_plaintext(old.read_bytes(), name, id_number)

    db = Database.open_file(path, password=PASSWORD)
    try:
        service = BackupService(db)
        new = service.take()
        no_plaintext(new.read_bytes(), name, id_number)
        entries = service.list_backups()
        assert {e.path for e in entries} == {old, new}
        assert all(e.problem == "" and e.members for e in entries)
        expected = counts(db)
        MemberService(db).add(make_draft("赵六", sequence=991))  # something to undo
        kept = service.restore(new)
        assert counts(db) == expected
        no_plaintext(kept.read_bytes(), name, id_number)
    finally:
        db.dispose()


@needs_sqlcipher
def test_a_backup_to_another_folder_is_encrypted_with_its_attachments(demo, monkeypatch, tmp_path):
    path, name, id_number = demo
    assert encrypt(monkeypatch, path) == 0
    monkeypatch.setenv(encryption.PASSWORD_ENV_VAR, PASSWORD)
    out = tmp_path / "usb" / "支部备份.bak"
    out.parent.mkdir()
    assert main(["backup", "--db", str(path), "--out", str(out)]) == 0
    no_plaintext(out.read_bytes(), name, id_number)
    [kept] = [p for p in (out.parent / "attachments").rglob("*") if p.suffix == ".txt"]
    assert ATTACHMENT not in kept.read_bytes()
    fresh = tmp_path / "new-pc" / "dualleader.sqlite3"
    fresh.parent.mkdir()
    assert main(["restore", str(out), "--db", str(fresh)]) == 0
    no_plaintext(fresh.read_bytes(), name, id_number)
    db = Database.open_file(fresh, password=PASSWORD)
    try:
        [meeting] = [m for m in MeetingService(db).list_meetings(year=2025) if m.attachment_count]
        [info] = MeetingService(db).get(meeting.id).draft.attachments
        assert MeetingService(db).attachments.read_bytes(info.sha256, ".txt") == ATTACHMENT
    finally:
        db.dispose()


# ---- attachments -----------------------------------------------------------------------------


@needs_sqlcipher
def test_attachments_are_encrypted_on_disk_and_read_back_whole(demo, monkeypatch, tmp_path):
    path, *_ = demo
    assert encrypt(monkeypatch, path) == 0
    [stored] = stored_attachments(path)
    assert ATTACHMENT not in stored.read_bytes()
    db = Database.open_file(path, password=PASSWORD)
    try:
        service = MeetingService(db)
        [meeting] = [m for m in service.list_meetings(year=2025) if m.attachment_count]
        [info] = service.get(meeting.id).draft.attachments
        assert service.attachments.read_bytes(info.sha256, ".txt") == ATTACHMENT
        copy = service.attachments.plain_copy(info)
        assert copy.read_bytes() == ATTACHMENT and copy.name == "签到表.txt"
        # a file attached now is encrypted as it is stored
        photo = tmp_path / "照片.jpg"
        photo.write_bytes(b"JPEG of the branch meeting " * 100)
        draft = service.new_draft(MeetingKind.THEME_DAY, date(2025, 12, 1))
        draft.theme, draft.new_files = "主题党日", [photo]
        [new] = service.save(draft).draft.attachments
        assert b"JPEG of the branch" not in new.path.read_bytes()
        assert service.attachments.read_bytes(new.sha256, ".jpg") == photo.read_bytes()
    finally:
        db.dispose()


# ---- decrypt ---------------------------------------------------------------------------------


@needs_sqlcipher
def test_decrypt_gives_back_plain_files_with_the_same_records(demo, monkeypatch, capsys):
    path, name, _ = demo
    before = plain_counts(path)
    db = Database.open_file(path)
    BackupService(db).take()
    db.dispose()
    assert encrypt(monkeypatch, path) == 0
    assert run_cli(monkeypatch, ["decrypt", "--db", str(path)], "wrong password\n") == 1
    assert "密码不正确" in capsys.readouterr().err
    assert not encryption.is_plain_sqlite(path)
    assert run_cli(monkeypatch, ["decrypt", "--db", str(path)], PASSWORD + "\n") == 0
    assert encryption.is_plain_sqlite(path)
    assert name.encode() in path.read_bytes() or plain_counts(path) == before
    assert plain_counts(path) == before
    assert all(encryption.is_plain_sqlite(b.path) for b in backup.list_backups(path))
    [stored] = stored_attachments(path)
    assert stored.read_bytes() == ATTACHMENT
    assert not (stored.parent.parent / attachment_cipher.ATTACHMENT_META).exists()


# ---- failures --------------------------------------------------------------------------------


@needs_sqlcipher
@pytest.mark.parametrize("where", ["attachment", "database"])
def test_a_failure_in_the_middle_of_encrypt_changes_nothing(demo, monkeypatch, capsys, where):
    from dualleader_desktop.commands import encryption as command

    path, *_ = demo
    db = Database.open_file(path)
    BackupService(db).take()
    db.dispose()
    before = snapshot(path.parent)

    def fail(*_args, **_kwargs):
        raise OSError(28, "No space left on device", str(path.parent))

    if where == "attachment":
        monkeypatch.setattr(command.attachment_cipher, "copy_attachment", fail)
    else:  # everything else already swapped in, the database replace fails
        monkeypatch.setattr(command._Conversion, "_replace_database", fail)
    assert encrypt(monkeypatch, path) == 1
    assert "保持原样" in capsys.readouterr().err
    assert snapshot(path.parent) == before


# ---- other commands --------------------------------------------------------------------------


@needs_sqlcipher
def test_other_commands_take_the_password_from_the_environment(demo, monkeypatch, capsys, tmp_path):
    path, *_ = demo
    assert encrypt(monkeypatch, path) == 0
    roster = tmp_path / "花名册.xlsx"
    assert run_cli(monkeypatch, ["export-members", str(roster), "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert encryption.PASSWORD_ENV_VAR in err and "Traceback" not in err
    assert not roster.exists()
    monkeypatch.setenv(encryption.PASSWORD_ENV_VAR, PASSWORD)
    assert main(["export-members", str(roster), "--db", str(path)]) == 0
    assert roster.stat().st_size > 0
    assert main(["archive-settings", "--db", str(path), "--fonds", "Z001"]) == 0
    assert main(["export", "--db", str(path), "--year", "2025", "--out", str(tmp_path / "pkg"),
                 "--formats", "docx", "--kinds", "theme_day"]) == 0  # fmt: skip
    monkeypatch.setenv(encryption.PASSWORD_ENV_VAR, "wrong password")
    assert main(["export-members", str(tmp_path / "x.xlsx"), "--db", str(path)]) == 2
    assert "密码不正确" in capsys.readouterr().err


@needs_sqlcipher
def test_an_encrypted_database_of_an_older_schema_is_upgraded(tmp_path):
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "schemas" / "0004"
    [source] = [p for p in fixture.iterdir() if p.suffix == ".sqlite3"]
    path = tmp_path / "old.sqlite3"
    encryption.encrypt_file(source, path, encryption.Secret(PASSWORD))
    db = Database.open_file(path, password=PASSWORD)
    try:
        from dualleader_desktop.storage import migrate

        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
    finally:
        db.dispose()
    [kept] = backup.list_backups(path)
    assert kept.reason == "before-upgrade-0004"
    assert not encryption.is_plain_sqlite(kept.path)


# ---- without SQLCipher -----------------------------------------------------------------------


def test_without_sqlcipher_encrypt_says_so_and_changes_nothing(tmp_path, monkeypatch, capsys):
    path = tmp_path / "branch.sqlite3"
    Database.open_file(path).dispose()
    data = path.read_bytes()

    def missing():
        raise encryption.EncryptionUnavailable(encryption.MISSING_MESSAGE)

    monkeypatch.setattr(encryption, "cipher_module", missing)
    assert encrypt(monkeypatch, path) == 1
    assert "本机的安装不含数据库加密组件" in capsys.readouterr().err
    assert path.read_bytes() == data
    # a file that looks encrypted names what is needed to open it
    fake = tmp_path / "encrypted.sqlite3"
    fake.write_bytes(bytes(range(256)) * 32)
    with pytest.raises(DatabaseError, match=r"本机的安装不含数据库加密组件.*decrypt"):
        Database.open_file(fake)


def test_a_file_that_is_not_sqlite_is_not_taken_for_an_encrypted_one(tmp_path):
    path = tmp_path / "会议记录.docx"
    path.write_bytes(b"PK\x03\x04" + b"x" * 5000)
    with pytest.raises(DatabaseError, match="不是 SQLite 格式"):
        Database.open_file(path)


def test_a_plain_database_is_opened_with_the_standard_library(tmp_path):
    db = Database.open_file(tmp_path / "branch.sqlite3")
    try:
        assert not db.encrypted and db.engine.dialect.driver == "pysqlite"
        with db.engine.connect() as conn:
            assert isinstance(conn.connection.dbapi_connection, sqlite3.Connection)
    finally:
        db.dispose()
