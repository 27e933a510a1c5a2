import zipfile
from datetime import date
from pathlib import PureWindowsPath

from dualleader_desktop.domain.archive import (
    DEFAULT_RETENTION,
    ArchiveItem,
    RecordKind,
    Retention,
    archival_code,
    number_items,
)


def test_archival_code_with_middle_dot_and_without_organization():
    assert archival_code("Z001", 2025, Retention.PERMANENT, "DZB", 1) == "Z001-WS·2025-Y-DZB-0001"
    assert archival_code("Z001", 2025, Retention.YEARS_30, "", 12) == "Z001-WS·2025-D30-0012"


def test_default_retention_follows_the_domain():
    assert DEFAULT_RETENTION[RecordKind.BRANCH_ASSEMBLY] == Retention.PERMANENT
    assert DEFAULT_RETENTION[RecordKind.COMMITTEE] == Retention.YEARS_30
    assert DEFAULT_RETENTION[RecordKind.LIFE_MEETING] == Retention.YEARS_30
    assert DEFAULT_RETENTION[RecordKind.THEME_DAY] == Retention.YEARS_10


def test_items_ordered_by_period_then_code_then_date_and_numbered_per_class():
    def item(kind, day, retention, org="DZB", rid=1):
        return ArchiveItem(kind, rid, "t", date(2025, 1, day), retention, org)

    numbered = number_items(
        [
            item(RecordKind.THEME_DAY, 3, Retention.YEARS_10),
            item(RecordKind.COMMITTEE, 9, Retention.YEARS_30),
            item(RecordKind.BRANCH_ASSEMBLY, 20, Retention.PERMANENT),
            item(RecordKind.COMMITTEE, 2, Retention.YEARS_30),
            item(RecordKind.BRANCH_ASSEMBLY, 5, Retention.PERMANENT, org="ZZB"),
        ]
    )
    codes = [i.archival_code("Z001", 2025) for i in numbered]
    assert codes == [
        "Z001-WS·2025-Y-DZB-0001",
        "Z001-WS·2025-Y-ZZB-0001",
        "Z001-WS·2025-D30-DZB-0001",
        "Z001-WS·2025-D30-DZB-0002",
        "Z001-WS·2025-D10-DZB-0001",
    ]
    assert [i.on.day for i in numbered[2:4]] == [2, 9]


def test_file_names_survive_a_zip_and_a_windows_path(tmp_path):
    name = archival_code("Z001", 2025, Retention.PERMANENT, "DZB", 1) + ".pdf"
    archive = tmp_path / "package.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(f"2025/{name}", b"%PDF-1.4")
    with zipfile.ZipFile(archive) as zf:
        [info] = zf.infolist()
        assert info.filename == f"2025/{name}"
        assert info.flag_bits & 0x800  # stored as UTF-8, so Windows' unzip shows the dot right
    windows = PureWindowsPath("C:\\档案\\2025") / name
    assert windows.name == name and windows.suffix == ".pdf"
    assert not set(name) & set('<>:"/\\|?*')  # nothing Windows forbids in a file name
