"""``dualleader export``, ``verify`` and ``archive-settings``: archive packages from the
command line."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from dualleader_desktop.commands import chosen_branch, open_existing_database
from dualleader_desktop.documents.signing import wanted_key
from dualleader_desktop.documents.verify import check_package
from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.services.archive import ArchiveService
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import RecordValidationError, ServiceError
from dualleader_desktop.storage.errors import DatabaseError


def archive_service(args) -> ArchiveService:
    """The archive service of the branch ``--branch`` names, or of the database's one branch."""
    db = open_existing_database(args.db, args.database_url, args.attachments_dir)
    return BranchServices(db, chosen_branch(db, args.branch)).archive


def export_year(args) -> int:
    formats = tuple(f.strip().lower() for f in args.formats.split(",") if f.strip())
    known = {kind.value: kind for kind in RecordKind}
    names = [name.strip() for name in args.kinds.split(",")] if args.kinds else []
    unknown = [name for name in names if name not in known]
    if unknown:
        print(f"未知的记录类型：{'、'.join(unknown)}。可选的有：{','.join(known)}", file=sys.stderr)
        return 2
    kinds = {known[name] for name in names} or None
    try:
        service = archive_service(args)
        result = service.export(
            args.year,
            Path(args.out),
            formats=formats,
            kinds=kinds,
            make_zip=args.zip,
            mask=args.mask_personal,
            sign=args.sign,
            progress=lambda done, total: print(f"\r{done}/{total}", end="", file=sys.stderr),
        )
    except (ServiceError, DatabaseError, FileExistsError) as exc:
        print(f"\n{exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(
            f"\n写入失败：{exc.strerror}（{exc.filename}）。没有留下不完整的归档包。",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # a fault of the program: said in Chinese, not as a traceback
        print(
            f"\n导出失败：{str(exc) or type(exc).__name__}。没有留下不完整的归档包；"
            "如再次出现，请把这条消息告诉维护人员。",
            file=sys.stderr,
        )
        return 1
    print(f"\n已导出 {result.items} 件：{result.folder}")
    if result.zip_path:
        print(f"压缩包：{result.zip_path}")
    if result.fingerprint:
        print(f"已签名，公钥指纹：{result.fingerprint}（请告知档案室，核对时用 --key 给出）")
    return 0


def verify(args) -> int:
    try:
        key = wanted_key(args.key) if args.key is not None else None
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    report = check_package(Path(args.package), key=key)
    if report.problems:
        for problem in report.problems:
            print(problem)
        if report.signature:
            print(report.signature)
        print(f"共发现 {len(report.problems)} 处问题。", file=sys.stderr)
        return 1
    print("核对无误：清单中的每个文件都在，哈希一致，目录与文件相符。")
    print(report.signature)
    return 0


SETTING_LABELS = {
    "fonds": "全宗号",
    "fonds_name": "全宗名称",
    "organization_code": "机构（问题）代码",
}


def archive_settings(args) -> int:
    """Print the archive settings; with --fonds, --fonds-name or --org-code, change them first."""
    given = {
        "fonds": args.fonds,
        "fonds_name": args.fonds_name,
        "organization_code": args.org_code,
    }
    changes = {key: value for key, value in given.items() if value is not None}
    try:
        service = archive_service(args)
        info = service.settings()
        if changes:
            info = service.save_settings(replace(info, **changes))
    except RecordValidationError as exc:
        for key, message in exc.errors.items():
            print(f"{SETTING_LABELS.get(key, key)}：{message}", file=sys.stderr)
        return 1
    except (ServiceError, DatabaseError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if changes:
        print("已保存归档设置。")
    for key, label in SETTING_LABELS.items():
        print(f"{label}：{getattr(info, key) or '（未设置）'}")
    print("保管期限：" + "；".join(f"{k.label} {r.label}" for k, r in info.retention.items()))
    if not info.fonds:
        print("导出归档包前请先设置全宗号，例如：dualleader archive-settings --fonds Z001")
    return 0
