"""``dualleader demo``: fill an empty database with the demo branch, all of it or nothing."""

from __future__ import annotations

import sys

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.paths import default_db_path
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.errors import DatabaseError


def create_demo(args) -> int:
    url = args.database_url
    where = default_db_path(args.db) if url is None else None
    try:
        db = (
            Database.open_file(where)
            if url is None
            else Database.open_url(url, attachments=args.attachments_dir)
        )
        summary = populate_demo(db, args.year)
    except (ServiceError, DatabaseError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # the demo is one transaction: stopped, it wrote nothing
        print("已中断，没有写入任何演示数据。需要时请重新运行 dualleader demo。", file=sys.stderr)
        return 130
    print(f"已创建演示支部「{summary.branch}」：")
    print(
        f"  党员 {summary.members} 名（预备党员 {summary.probationary} 名，转出 {summary.transferred_out} 名），"
        f"党小组 {summary.groups} 个，支委 {summary.committee} 名"
    )
    print(f"  会议记录 {summary.meetings} 次，谈心谈话 {summary.talks} 次")
    print(f"  数据库：{where or db.url}")
    return 0
