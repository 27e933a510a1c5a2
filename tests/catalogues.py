"""A package's 归档文件目录, one per 保管期限, found and read as an archivist would."""

from pathlib import Path

from dualleader_desktop.documents.package import catalogue_name
from dualleader_desktop.documents.verify import catalogue_rows
from dualleader_desktop.domain.archive import Retention


def catalogue_files(folder: Path, fmt: str) -> list[Path]:
    """The package's catalogues in one format, in filing order (永久, 定期30年, 定期10年)."""
    paths = [folder / f"{catalogue_name(label)}.{fmt}" for label in Retention.labels()]
    return [path for path in paths if path.exists()]


def package_rows(folder: Path) -> list[dict[str, str]]:
    """Every catalogue's rows, in filing order."""
    return [
        row for path in catalogue_files(folder, "xlsx") for row in catalogue_rows(path.read_bytes())
    ]
