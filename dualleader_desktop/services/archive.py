"""A year's records as an archive package (DA/T 22): plan, render, number, stamp, verify."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from dualleader_desktop import __version__, paths
from dualleader_desktop.documents import builders, evaluation_docs
from dualleader_desktop.documents.catalogues import package_catalogues, write_catalogue
from dualleader_desktop.documents.model import ArchiveStamp
from dualleader_desktop.documents.package import (
    CatalogueEntry,
    staged_folder,
    write_manifest,
    zip_folder,
)
from dualleader_desktop.documents.privacy import mask_document, mask_text
from dualleader_desktop.documents.signing import (
    SigningKeyError,
    branch_key,
    fingerprint,
    raw_public_of,
    sign_manifest,
)
from dualleader_desktop.domain.archive import (
    DEFAULT_RETENTION,
    MIDDLE_DOT,
    ArchiveItem,
    RecordKind,
    Retention,
    number_items,
)
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.text import strip_control_chars
from dualleader_desktop.services.assessment import AssessmentService
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.errors import RecordValidationError, ServiceError
from dualleader_desktop.services.evaluations import EvaluationService
from dualleader_desktop.services.history import (
    ChangeAction,
    EntityKind,
    archive_settings_snapshot,
    record_change,
)
from dualleader_desktop.services.layouts import LayoutService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.scope import BranchScoped, branch_of, writing_branch
from dualleader_desktop.services.surveys import SurveyService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.services.year_documents import (
    EVALUATION_BUILDERS,
    EVALUATION_KINDS,
    SURVEY_BUILDERS,
    SURVEY_KINDS,
    YearDocument,
    evaluation_documents,
    survey_documents,
)
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.records_models import ArchiveSettings

FORMATS = ("docx", "pdf")
# 全宗号 and 机构(问题)代码 become part of every 档号 and file name: ASCII letters and digits only
CODE_PATTERN = re.compile(r"[A-Za-z0-9]*")
NAME_CHARS = 20  # of a theme, where a message names a record
PACKAGE_LEFT = "没有留下不完整的归档包。"
FILES_LEFT = "没有写入任何文件。"


class ExportCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__("已取消导出，没有留下任何文件。")


def record_name(kind: RecordKind, on: date | None, title: str = "") -> str:
    """How a message names a record: “支部委员会会议 2025-03-12 学习贯彻…”."""
    parts = [kind.label] + ([f"{on:%Y-%m-%d}"] if on else [])
    title = strip_control_chars(title).strip()
    if title and kind != RecordKind.ROSTER:
        parts.append(title if len(title) <= NAME_CHARS else f"{title[:NAME_CHARS]}…")
    return " ".join(parts)


def failure_reason(exc: BaseException) -> str:
    """Why a record could not be written, in Chinese where the cause is known."""
    if isinstance(exc, ServiceError):
        return str(exc).rstrip("。")
    reason = getattr(exc, "reason", None) or str(exc) or type(exc).__name__
    if "XML compatible" in reason:  # python-docx on a control character
        reason = "其中有 Word 文档不能保存的字符"
    return f"生成文档时出错（{reason}）"


def cannot_write(name: str, exc: BaseException, left: str) -> ServiceError:
    """The error an export raises when one record cannot be written: which, why, what to do."""
    return ServiceError(
        f"无法生成“{name}”：{failure_reason(exc)}。请打开这条记录检查其内容，改正后重新导出；{left}"
    )


@dataclass(frozen=True)
class ArchiveSettingsInfo:
    fonds: str = ""
    fonds_name: str = ""
    organization_code: str = ""
    retention: dict[RecordKind, Retention] = field(default_factory=lambda: dict(DEFAULT_RETENTION))


def _settings_row(session) -> ArchiveSettings | None:
    return session.scalar(
        select(ArchiveSettings).where(ArchiveSettings.branch_id == branch_of(session))
    )


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    zip_path: Path | None
    items: int
    fingerprint: str | None = None  # of the key that signed the manifest (documents/signing)


class ArchiveService(BranchScoped):
    """Settings, numbering and export of the service's branch: its own 全宗号 and codes, and
    件号 running from 0001 in each year of each branch. It reads the records through the
    branch's other services, handed to it where services are built (services/composition.py).
    """

    def __init__(
        self,
        db: Database,
        branch_id: int | None = None,
        *,
        branch: BranchService,
        members: MemberService,
        meetings: MeetingService,
        talks: TalkService,
        evaluations: EvaluationService,
        surveys: SurveyService,
        layout: LayoutService,
        assessment: AssessmentService,
    ) -> None:
        super().__init__(db, branch_id)
        self.branch, self.members, self.meetings, self.talks = branch, members, meetings, talks
        self.evaluations, self.surveys, self.layout = evaluations, surveys, layout
        self.assessment = assessment

    # ---- settings ------------------------------------------------------------------------
    def settings(self) -> ArchiveSettingsInfo:
        with self.session() as session:
            row = _settings_row(session)
            if row is None:
                return ArchiveSettingsInfo()
            retention = dict(DEFAULT_RETENTION)
            for kind, code in (row.retention_overrides or {}).items():
                retention[RecordKind(kind)] = Retention(code)
            return ArchiveSettingsInfo(row.fonds, row.fonds_name, row.organization_code, retention)

    def save_settings(self, info: ArchiveSettingsInfo) -> ArchiveSettingsInfo:
        info = replace(
            info,
            fonds=strip_control_chars(info.fonds),
            fonds_name=strip_control_chars(info.fonds_name),
            organization_code=strip_control_chars(info.organization_code),
        )
        errors = {}
        if not info.fonds.strip():
            errors["fonds"] = "请填写全宗号（由档案馆或学校档案室给定，如 Z001）"
        for key, value in (("fonds", info.fonds), ("organization_code", info.organization_code)):
            if not CODE_PATTERN.fullmatch(value.strip()):
                errors[key] = "只能使用字母和数字：它们会成为档号和文件名的一部分"
        if errors:
            raise RecordValidationError(errors)
        overrides = {
            kind.value: retention.value
            for kind, retention in info.retention.items()
            if DEFAULT_RETENTION[kind] != retention
        }
        with self.session() as session:
            row = _settings_row(session)
            before = None if row is None else archive_settings_snapshot(row)
            if row is None:
                row = ArchiveSettings(branch_id=writing_branch(session))
                session.add(row)
            row.fonds = info.fonds.strip()
            row.fonds_name = info.fonds_name.strip()
            row.organization_code = info.organization_code.strip()
            row.retention_overrides = overrides
            session.flush()
            action = ChangeAction.CREATE if before is None else ChangeAction.UPDATE
            after = archive_settings_snapshot(row)
            record_change(session, EntityKind.ARCHIVE_SETTINGS, row.id, action, before, after)
        return self.settings()

    # ---- planning ------------------------------------------------------------------------
    def plan(self, year: int, kinds: set[RecordKind] | None = None) -> list[ArchiveItem]:
        """The year's items in DA/T 22 order, numbered."""
        settings = self.settings()
        kinds = set(RecordKind) if kinds is None else kinds
        org = settings.organization_code
        items: list[ArchiveItem] = []
        for kind in MeetingKind:
            record_kind = RecordKind(kind.value)
            if record_kind in kinds:
                items += [
                    ArchiveItem(
                        record_kind,
                        m.id,
                        strip_control_chars(m.theme),
                        m.meeting_date,
                        settings.retention[record_kind],
                        org,
                    )
                    for m in self.meetings.list_meetings(year=year, kind=kind)
                ]
        if RecordKind.TALK in kinds:
            items += [
                ArchiveItem(
                    RecordKind.TALK,
                    t.id,
                    strip_control_chars(t.topic),
                    t.talk_date,
                    settings.retention[RecordKind.TALK],
                    org,
                )
                for t in self.talks.list_talks(year=year)
            ]
        roster_day = min(date(year, 12, 31), date.today())
        if RecordKind.ROSTER in kinds and self.members.on_roll(roster_day):
            items.append(
                ArchiveItem(
                    RecordKind.ROSTER,
                    0,
                    "[党员花名册]",
                    roster_day,
                    settings.retention[RecordKind.ROSTER],
                    org,
                )
            )
        items += [
            ArchiveItem(d.kind, d.record_id, d.title, d.on, settings.retention[d.kind], org)
            for d in self.year_documents(year, kinds)
            if d.filed
        ]
        if RecordKind.ASSESSMENT in kinds and self.assessment.scores(year):
            # filed once the secretary has scored the year; its "record" is the year
            items.append(
                ArchiveItem(
                    RecordKind.ASSESSMENT,
                    year,
                    "[党支部工作考核自评表]",
                    date(year, 12, 31),
                    settings.retention[RecordKind.ASSESSMENT],
                    org,
                )
            )
        return number_items(items)

    def year_documents(self, year: int, kinds: set[RecordKind] | None = None) -> list[YearDocument]:
        """The documents of the year's evaluation and survey (of ``kinds``), filed or not yet."""
        kinds = set(RecordKind) if kinds is None else kinds
        documents: list[YearDocument] = []
        if kinds & EVALUATION_KINDS and (evaluation := self.evaluations.find(year)):
            documents += evaluation_documents(evaluation)
        if kinds & SURVEY_KINDS and (survey := self.surveys.find(year)):
            documents += survey_documents(survey)
        return [d for d in documents if d.kind in kinds]

    # ---- exporting -----------------------------------------------------------------------
    def export(
        self,
        year: int,
        out_dir: Path,
        *,
        formats: tuple[str, ...] = FORMATS,
        kinds: set[RecordKind] | None = None,
        make_zip: bool = False,
        mask: bool = False,
        sign: bool = False,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> ExportResult:
        """Write the year's package into ``out_dir`` (folder named by 全宗号 and year); with
        ``sign``, its manifest signed by the branch's key (made on first use), whose
        fingerprint the catalogue's cover prints."""
        settings = self.settings()
        if not settings.fonds:
            raise ServiceError("请先在“归档设置”中填写全宗号，再导出归档包。")
        unknown = set(formats) - set(FORMATS)
        if unknown or not formats:
            raise ServiceError(
                f"不支持的格式：{'、'.join(sorted(unknown)) or '（空）'}；可选 docx、pdf。"
            )
        branch = self.branch.get_branch()
        author = strip_control_chars(branch.name) if branch else "党支部"
        key = self._signing_key(author) if sign else None
        items = self.plan(year, kinds)
        if not items:
            raise ServiceError(f"{year} 年没有可归档的记录。")
        target = Path(out_dir) / f"{settings.fonds}-WS{MIDDLE_DOT}{year}-归档包"
        if make_zip and target.with_suffix(".zip").exists():
            raise ServiceError(
                f"压缩包“{target.with_suffix('.zip')}”已存在。请换一个文件夹，或先移走已有的压缩包。"
            )
        try:
            return self._write(
                target,
                year,
                items,
                settings,
                author,
                formats,
                make_zip,
                mask,
                key,
                progress,
                is_cancelled,
            )
        except FileExistsError as exc:
            raise ServiceError(str(exc)) from exc
        except OSError as exc:
            raise ServiceError(
                f"写入归档包失败：{exc.strerror or exc}。请检查磁盘空间和文件夹权限；没有留下不完整的归档包。"
            ) from exc

    @staticmethod
    def _signing_key(branch: str):
        """The branch's private key, from the user data folder (made there on first use)."""
        try:
            return branch_key(paths.signing_keys_dir(), branch)
        except SigningKeyError as exc:
            raise ServiceError(str(exc)) from exc
        except OSError as exc:
            raise ServiceError(
                f"无法建立存放签名密钥的文件夹“{exc.filename}”：{exc.strerror or exc}。"
                "请检查用户数据文件夹的权限；没有导出任何文件。"
            ) from exc

    def _write(
        self,
        target,
        year,
        items,
        settings,
        author,
        formats,
        make_zip,
        mask,
        key,
        progress,
        is_cancelled,
    ):
        from dualleader_desktop.documents.parallel import RenderError, render_all
        from dualleader_desktop.documents.pdf_render import prepare_fonts
        from dualleader_desktop.documents.pdfa import Provenance

        provenance = Provenance(author)  # every PDF of the package: the branch, and now

        def build(item):
            try:
                document = self.document(
                    item.kind, item.record_id, author, mask=mask, on=item.on, year=year
                )
            except Exception as exc:
                name = record_name(item.kind, item.on, item.title)
                raise cannot_write(name, exc, PACKAGE_LEFT) from exc
            document.stamp = ArchiveStamp(
                settings.fonds,
                str(year),
                f"{item.item:04d}",
                settings.organization_code,
                item.retention.value,
            )
            return document

        def named(results):
            """The results, and for a record that could not be rendered, its name."""
            try:
                yield from results
            except RenderError as exc:
                item = items[exc.index]
                name = record_name(item.kind, item.on, item.title)
                raise cannot_write(name, exc, PACKAGE_LEFT) from exc

        # what the catalogue, its cover and the manifest say, masked like the documents
        shown = mask_text if mask else str
        cover = {
            "全宗号": settings.fonds,
            "全宗名称": settings.fonds_name or author,
            "年度": str(year),
            "保管期限": "",  # each catalogue's own
            "机构（问题）": settings.organization_code or "—",
        }
        cover = {label: shown(value) for label, value in cover.items()}
        signed_by = None
        if key is not None:  # after masking: a fingerprint is no personal information
            signed_by = cover["签名公钥指纹"] = fingerprint(raw_public_of(key.public_key()))
        documents = [build(item) for item in items]
        # each document's title names it among the year's (the day added where two would be
        # alike), and the catalogue's 题名 is that title
        titles = builders.distinct_titles([d.title for d in documents], [i.on for i in items])
        for document, title in zip(documents, titles, strict=True):
            document.title = title
        entries = [
            CatalogueEntry(
                number,
                item.archival_code(settings.fonds, year),
                shown(author),
                document.title,  # masked with the document
                f"{item.on:%Y%m%d}",
                0,  # the page count, known once rendered
            )
            for number, (item, document) in enumerate(zip(items, documents, strict=True), 1)
        ]
        # every font converted once for the whole package: the documents' characters and the
        # catalogue's (its page counts are digits, which every font made here holds)
        retentions = [item.retention.label for item in items]
        catalogues = package_catalogues(retentions, entries, cover)
        profile = self.layout.profile()
        prepare_fonts([*documents, *(c.document for c in catalogues)], profile=profile)
        with staged_folder(target) as staging:
            files = staging / "文件"
            files.mkdir()
            rendered = named(
                render_all(
                    documents,
                    len(items),
                    want_docx="docx" in formats,
                    is_cancelled=is_cancelled,
                    provenance=provenance,
                    profile=profile,
                )
            )
            done = 0
            for done, (entry, (pdf, docx, pages)) in enumerate(
                zip(entries, rendered, strict=False), start=1
            ):
                if "pdf" in formats:
                    (files / f"{entry.code}.pdf").write_bytes(pdf)
                if docx is not None:
                    (files / f"{entry.code}.docx").write_bytes(docx)
                entries[done - 1] = replace(entry, pages=pages)
                if progress:
                    progress(done, len(items) + 1)
            if done < len(items):
                raise ExportCancelled()
            for catalogue in package_catalogues(retentions, entries, cover):
                write_catalogue(staging, catalogue, profile, provenance)
            write_manifest(
                staging,
                {
                    "program": f"双带头人支部工作台 {__version__}",
                    "branch": shown(author),
                    "year": year,
                    "created_at": datetime.now().isoformat(timespec="seconds"),
                    "formats": list(formats),
                    "masked": mask,
                },
            )
            if key is not None:
                sign_manifest(staging, key)
            if progress:
                progress(len(items) + 1, len(items) + 1)
        zip_path = None
        if make_zip:
            try:
                zip_path = zip_folder(target, target.with_suffix(".zip"))
            except OSError as exc:
                raise ServiceError(
                    f"归档包已完整写入“{target}”，但生成压缩包失败：{exc.strerror or exc}。"
                    "没有留下不完整的压缩包；请检查磁盘空间后自行压缩该文件夹，或移走它再重新导出。"
                ) from exc
        return ExportResult(target, zip_path, len(items), signed_by)

    def document(
        self,
        kind: RecordKind,
        record_id: int,
        author: str | None = None,
        *,
        mask=False,
        on: date | None = None,
        year: int | None = None,
    ):
        """The neutral document of one record (also for "export this record" and preview);
        with ``mask``, every ID and mobile number in it is masked, free text included. The
        roster lists the members on the roll on ``on`` (a year's package: its last day). For
        the evaluation's and the survey's documents ``record_id`` is the evaluation's or the
        survey's id; for SELF_REVIEW it is the member's, in the evaluation of ``year``."""
        if author is None:
            branch = self.branch.get_branch()
            author = strip_control_chars(branch.name) if branch else "党支部"
        if kind == RecordKind.ASSESSMENT:  # ``record_id`` is its year
            document = self.assessment.document(record_id, author)
        elif kind == RecordKind.SELF_REVIEW:
            document = self._self_review(record_id, year)
        elif kind in EVALUATION_KINDS:
            draft = self.evaluations.get(record_id).draft
            if kind == RecordKind.EVALUATION_NOTICE:
                branch = self.branch.get_branch()
                parent = strip_control_chars(branch.parent_org) if branch else ""
                document = evaluation_docs.evaluation_notice(draft, author, parent)
            else:
                document = EVALUATION_BUILDERS[kind](draft, author)
        elif kind in SURVEY_KINDS:
            document = SURVEY_BUILDERS[kind](self.surveys.get(record_id).draft, author)
        elif kind == RecordKind.TALK:
            document = builders.talk_record(self.talks.get(record_id), author)
        elif kind == RecordKind.ROSTER:
            on = on or date.today()
            document = builders.member_roster(self.members.on_roll(on), author, mask=mask, as_of=on)
        else:
            document = builders.meeting_minutes(self.meetings.get(record_id), author)
        return mask_document(document) if mask else document

    def _self_review(self, member_id: int, year: int | None):
        if year is None:
            raise ValueError("a 个人总结 is found by its member and the evaluation's year")
        evaluation = self.evaluations.find(year)
        line = None if evaluation is None else evaluation.draft.line(member_id)
        if line is None:
            raise ServiceError(f"{year} 年的民主评议中没有这位党员的个人总结。")
        return evaluation_docs.self_review(line, year)

    def export_year_document(self, kind: RecordKind, year: int, folder: Path) -> list[Path]:
        """A document of the year's evaluation or survey as .docx and .pdf in ``folder``, named
        by its title; for SELF_REVIEW every 个人总结 written. It is written whatever the step
        the evaluation has reached (the blank sheets are printed before the meeting, a notice
        may be checked before it goes up), and all of it or nothing."""
        kind = RecordKind(kind)
        if kind not in EVALUATION_KINDS | SURVEY_KINDS:
            raise ValueError(f"not a document of the year's evaluation or survey: {kind}")
        documents = self.year_documents(year, {kind})
        if not documents:
            what = "满意度测评" if kind in SURVEY_KINDS else "民主评议"
            if kind == RecordKind.SELF_REVIEW and self.evaluations.find(year):
                raise ServiceError(f"{year} 年的民主评议中还没有填写任何个人总结。{FILES_LEFT}")
            raise ServiceError(f"{year} 年还没有{what}记录。{FILES_LEFT}")
        branch = self.branch.get_branch()
        author = strip_control_chars(branch.name) if branch else "党支部"
        written: list[Path] = []
        try:
            for item in documents:
                try:
                    document = self.document(kind, item.record_id, author, year=year)
                except Exception as exc:
                    raise cannot_write(item.title, exc, FILES_LEFT) from exc
                written += self._write_single(document, "", folder, item.title)
        except BaseException:
            for path in written:  # the 个人总结 written before the one that failed
                path.unlink(missing_ok=True)
            raise
        return written

    def export_record(self, kind: RecordKind, record_id: int, folder: Path) -> list[Path]:
        """One record as .docx and .pdf in ``folder``, named by its title, date and theme
        (a branch writes twelve 支委会 minutes a year under one title)."""
        if kind == RecordKind.TALK:
            draft = self.talks.get(record_id).draft
            on, theme = draft.talk_date, draft.topic
        else:
            draft = self.meetings.get(record_id).draft
            on, theme = draft.meeting_date, draft.theme
        name = record_name(RecordKind(kind), on, theme)
        try:
            document = self.document(kind, record_id)
        except Exception as exc:
            raise cannot_write(name, exc, FILES_LEFT) from exc
        return self._write_single(document, f"{on:%Y%m%d}_{theme[:40]}", folder, name)

    def export_member_card(self, member_id: int, folder: Path, *, mask: bool = False) -> list[Path]:
        """A member's 党员信息采集表 as .docx and .pdf in ``folder``, with the member's photo
        (not in a masked copy, which is made to be passed on)."""
        branch = self.branch.get_branch()
        member = self.members.get(member_id)
        photo = None if mask else self.members.photo(member_id)
        document = builders.member_card(
            member, branch.name if branch else "", mask=mask, photo=photo
        )
        return self._write_single(
            mask_document(document) if mask else document,
            member.name,
            folder,
            f"{member.name}的党员信息采集表",
        )

    def export_document(self, document, folder: Path) -> list[Path]:
        """A document made elsewhere (the 考核自评表) as .docx and .pdf in ``folder``, named by
        its title, in the branch's layout; both or neither."""
        return self._write_single(document, "", folder, document.title)

    def preview_pdf(self, kind: RecordKind, record_id: int, target: Path) -> Path:
        """The record's PDF at ``target``, for the system's viewer."""
        from dualleader_desktop.documents.pdf_render import render_pdf

        try:
            render_pdf(self.document(kind, record_id), target, self.layout.profile())
        except OSError as exc:
            raise ServiceError(f"无法写入预览文件“{target}”：{exc.strerror or exc}。") from exc
        return target

    def _write_single(self, document, suffix: str, folder: Path, name: str) -> list[Path]:
        """Both files of one record, or neither, named by its title and ``suffix`` (when
        given): a record that cannot be rendered is named (``name``) and nothing is written."""
        from dualleader_desktop.documents.docx_render import render_docx
        from dualleader_desktop.documents.pdf_render import render_pdf
        from dualleader_desktop.documents.pdfa import Provenance

        # no control character in a file name either: Windows refuses them
        wanted = strip_control_chars("_".join(filter(None, (document.title, suffix))))
        stem = "".join(c for c in wanted if c not in '<>:"/\\|?*\n\t')
        paths = [Path(folder) / f"{stem}.{ext}" for ext in ("docx", "pdf")]
        number = 1
        while any(path.exists() for path in paths):  # two talks of one day on one topic
            number += 1
            paths = [Path(folder) / f"{stem}（{number}）.{ext}" for ext in ("docx", "pdf")]
        branch = self.branch.get_branch()  # the PDF's author
        provenance = Provenance(strip_control_chars(branch.name) if branch else "党支部")
        profile = self.layout.profile()
        try:
            contents = (
                render_docx(document, profile=profile),
                render_pdf(document, profile=profile, provenance=provenance),
            )
        except Exception as exc:
            raise cannot_write(name, exc, FILES_LEFT) from exc
        try:
            for path, data in zip(paths, contents, strict=True):
                path.write_bytes(data)
        except OSError as exc:
            for path in paths:  # none of them was there before
                path.unlink(missing_ok=True)
            raise ServiceError(f"无法写入“{folder}”：{exc.strerror or exc}。") from exc
        return paths
