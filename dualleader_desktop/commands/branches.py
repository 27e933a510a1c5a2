"""``dualleader branches``: the branches of a database, and adding one (an organization
department keeps many in one database; a secretary's has one and never needs this)."""

from __future__ import annotations

import sys

from dualleader_desktop.commands import open_existing_database


def branches(args) -> int:
    from dualleader_desktop.services.branch import BranchInfo, BranchService, list_branches
    from dualleader_desktop.services.errors import RecordValidationError, ServiceError
    from dualleader_desktop.storage.errors import DatabaseError

    try:
        db = open_existing_database(args.db, args.database_url, args.attachments_dir)
    except DatabaseError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        known = list_branches(db)
        if args.add is not None:
            if len(known) == 1 and not known[0].name:
                print(
                    "数据库中已有一个未命名的支部，请先在程序的“支部”页填写它的名称，再添加新的支部。",
                    file=sys.stderr,
                )
                return 1
            info = BranchInfo(name=args.add, parent_org=args.parent_org or "")
            # a new branch is not "the database's one branch": the service gets an existing id
            BranchService(db, known[0].id if known else None).create_branch(info)
            print(f"已添加支部：{args.add.strip()}")
            known = list_branches(db)
    except RecordValidationError as exc:
        print("；".join(exc.errors.values()), file=sys.stderr)
        return 1
    except (ServiceError, DatabaseError) as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        db.dispose()
    if not known:
        print("数据库中还没有支部。")
    for entry in known:
        print(f"{entry.id}\t{entry.name or '（未命名）'}")
    return 0
