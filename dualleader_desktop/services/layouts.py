"""The branch's layout: GB/T 9704 by default, or the school's own Word template.

The template is kept in the branch's archive settings as the cleaned .docx
(documents/school_template.py), so a backup or a second PC carries it; the profile is read off
it each time documents are made (a few milliseconds).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import undefer

from dualleader_desktop.documents.layout import GBT_9704, LayoutProfile
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.history import (
    ChangeAction,
    EntityKind,
    archive_settings_snapshot,
    record_change,
)
from dualleader_desktop.services.scope import BranchScoped, branch_of, writing_branch
from dualleader_desktop.storage.records_models import ArchiveSettings

TEMPLATE_SUFFIXES = (".docx", ".dotx")


@dataclass(frozen=True)
class LayoutInfo:
    """What the settings page shows: the template's file name ("" for GB/T 9704) and the
    numbers the documents will be laid out with, in a sentence."""

    template_name: str
    summary: str


def summary(profile: LayoutProfile) -> str:
    text = (
        f"{profile.name}：纸张 {profile.page_width_mm:g}×{profile.page_height_mm:g} 毫米，"
        f"页边距上 {profile.top_mm:g}、下 {profile.bottom_mm:g}、左 {profile.left_mm:g}、"
        f"右 {profile.right_mm:g} 毫米；正文 {profile.body_font} {profile.body_size:g} 磅，"
        f"每页 {profile.lines_per_page} 行、每行 {profile.chars_per_line} 字；"
        f"标题 {profile.title_font} {profile.title_size:g} 磅"
    )
    if profile.header_text:
        text += f"；页眉“{profile.header_text}”"
    return text + "。"


class LayoutService(BranchScoped):
    def profile(self) -> LayoutProfile:
        """The profile documents of this branch are made with."""
        from dualleader_desktop.documents.school_template import profile_of

        with self.session() as session:
            row = self._row(session, with_template=True)
            if row is None or row.layout_template is None:
                return GBT_9704
            return profile_of(row.layout_template, row.layout_template_name)

    def info(self) -> LayoutInfo:
        profile = self.profile()
        name = "" if profile.template is None else profile.name.split("：", 1)[1]
        return LayoutInfo(name, summary(profile))

    def choose(self, path: Path) -> LayoutInfo:
        """Use the .docx/.dotx at ``path`` from now on; a file that cannot be one is refused
        with the reason, and the layout stays as it was."""
        from dualleader_desktop.documents.school_template import (
            MAX_BYTES,
            TemplateError,
            clean,
        )

        path = Path(path)
        if path.suffix.lower() not in TEMPLATE_SUFFIXES:
            raise ServiceError(
                f"“{path.name}”不是 Word 文档或模板：请选择 .docx 或 .dotx 文件"
                "（旧的 .doc 请先在 Word 或 WPS 中另存为 .docx）。"
            )
        try:
            with path.open("rb") as source:
                data = source.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ServiceError(
                f"无法读取“{path.name}”：{exc.strerror or exc}。请确认文件存在且没有被其他程序占用。"
            ) from exc
        try:
            cleaned = clean(data, path.name)
        except TemplateError as exc:
            raise ServiceError(str(exc)) from exc
        self._store(cleaned, path.name)
        return self.info()

    def reset(self) -> LayoutInfo:
        """Back to GB/T 9704."""
        self._store(None, "")
        return self.info()

    def _store(self, template: bytes | None, name: str) -> None:
        with self.session() as session:
            row = self._row(session)
            before = None if row is None else archive_settings_snapshot(row)
            if row is None:
                row = ArchiveSettings(branch_id=writing_branch(session))
                session.add(row)
            row.layout_template, row.layout_template_name = template, name
            session.flush()
            action = ChangeAction.CREATE if before is None else ChangeAction.UPDATE
            after = archive_settings_snapshot(row)
            record_change(session, EntityKind.ARCHIVE_SETTINGS, row.id, action, before, after)

    @staticmethod
    def _row(session, *, with_template: bool = False) -> ArchiveSettings | None:
        query = select(ArchiveSettings).where(ArchiveSettings.branch_id == branch_of(session))
        if with_template:
            query = query.options(undefer(ArchiveSettings.layout_template))
        return session.scalar(query)
