"""``dualleader import-members`` and ``export-members``: the roster from and to Excel, headless.

Exit codes of import-members: 0 all rows imported (or a dry run found no errors); 1 some rows
were refused (with --skip-invalid after importing the others); 2 the file or the database could
not be used at all (message on stderr).
"""

from __future__ import annotations

import sys

from dualleader_desktop.commands import chosen_branch, open_existing_database
from dualleader_desktop.paths import default_db_path

EXIT_OK, EXIT_ROWS_REFUSED, EXIT_UNUSABLE = 0, 1, 2


def import_members(args) -> int:
    """The workbook is read before the database is opened: a refused file, or a dry run against
    a database that does not exist yet, leaves no database file behind."""
    from dualleader_desktop.services.composition import BranchServices
    from dualleader_desktop.services.errors import ServiceError
    from dualleader_desktop.services.roster import read_roster_file, report_lines
    from dualleader_desktop.storage.database import Database
    from dualleader_desktop.storage.errors import DatabaseError

    try:
        sheet = read_roster_file(args.file)
    except ServiceError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    url = args.database_url
    db_path = default_db_path(args.db) if url is None else None
    new_dry_run = args.dry_run and db_path is not None and not db_path.exists()
    try:
        # a dry run without a database checks against an empty one held in memory
        if url is not None:
            db = Database.open_url(url, attachments=args.attachments_dir)
        else:
            db = Database("sqlite://") if new_dry_run else Database.open_file(db_path)
    except DatabaseError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        service = BranchServices(db, chosen_branch(db, args.branch)).roster
        plan = service.plan_import(args.file, sheet=sheet)
        for line in report_lines(plan):
            print(line)
        invalid = len(plan.invalid_rows)
        if args.dry_run:
            if new_dry_run:
                print(f"数据库 {db_path} 还不存在，已按空数据库检查，没有创建该文件。")
            print("试运行：只做了检查，没有写入数据库。")
            return EXIT_ROWS_REFUSED if invalid else EXIT_OK
        if invalid and not args.skip_invalid:
            print(
                f"有 {invalid} 行有错误，没有导入任何数据。请改正后重新导入，"
                "或加 --skip-invalid 只导入没有错误的行。"
            )
            return EXIT_ROWS_REFUSED
        result = service.apply_import(plan, skip_invalid=args.skip_invalid)
    except (ServiceError, DatabaseError) as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    finally:
        db.dispose()
    print(
        f"已导入：新增 {result.added} 人，更新 {result.updated} 人，无变化 {result.unchanged} 人"
        + (f"，跳过有错误的 {result.skipped} 行" if result.skipped else "")
        + "。"
    )
    if result.new_groups:
        print("新建党小组：" + "、".join(result.new_groups))
    return EXIT_ROWS_REFUSED if result.skipped else EXIT_OK


def export_members(args) -> int:
    from dualleader_desktop.services.composition import BranchServices
    from dualleader_desktop.services.errors import ServiceError
    from dualleader_desktop.storage.errors import DatabaseError

    try:
        db = open_existing_database(args.db, args.database_url, args.attachments_dir)
    except DatabaseError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        count = BranchServices(db, chosen_branch(db, args.branch)).roster.export_roster(
            args.file, include_left=args.all
        )
    except (ServiceError, DatabaseError) as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    finally:
        db.dispose()
    print(f"已导出 {count} 名党员到 {args.file}")
    return EXIT_OK
