"""Command line: ``dualleader`` starts the program; subcommands work headless.

Heavy modules (Qt, openpyxl, Alembic) are imported inside the handlers so that ``--help`` and
the start-up of the window stay quick.
"""

from __future__ import annotations

import argparse
import sys

from dualleader_desktop import APP_NAME, __version__
from dualleader_desktop.paths import DATABASE_URL_ENV_VAR, DB_ENV_VAR


def _add_db_option(parser: argparse.ArgumentParser, default=None) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help=f"数据库文件（默认：环境变量 {DB_ENV_VAR}，否则用户数据文件夹中的 dualleader.sqlite3）",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        default=default,
        help="数据库服务器，代替 --db 的数据库文件，例如 "
        "postgresql://用户名:密码@服务器:5432/数据库名（默认：环境变量 "
        f"{DATABASE_URL_ENV_VAR}）",
    )
    parser.add_argument(
        "--attachments-dir",
        metavar="DIR",
        default=default,
        help="数据库服务器上的数据库的附件文件夹（多台电脑共用一个服务器时，请给同一个共享文件夹；"
        "默认：用户数据文件夹中的 attachments-服务器-数据库名）。数据库文件的附件总在它旁边",
    )


def _add_branch_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--branch",
        metavar="NAME",
        help="数据库中有多个支部时，要处理的支部名称（dualleader branches 列出全部支部）",
    )


def build_parser() -> argparse.ArgumentParser:
    from dualleader_desktop.domain.archive import RecordKind

    parser = argparse.ArgumentParser(
        prog="dualleader", description=f"{APP_NAME} DualLeader Desktop"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_db_option(parser)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="打开主窗口，显示后打印启动耗时（毫秒）并退出（用于打包检查和基准测试）",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="打开单独的演示数据库（用户数据文件夹中的 dualleader-demo.sqlite3，初次使用时创建"
        "一个演示支部），不动本支部的数据库；在程序中用“文件 → 离开演示数据”回到本支部的数据库",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import-members", help="从 Excel 花名册导入党员档案")
    imp.add_argument("file", metavar="FILE.xlsx")
    _add_db_option(imp, default=argparse.SUPPRESS)
    _add_branch_option(imp)
    imp.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入数据库")
    imp.add_argument("--skip-invalid", action="store_true", help="跳过有错误的行，只导入有效行")

    exp = sub.add_parser("export-members", help="把党员花名册导出为 Excel（.xlsx）")
    exp.add_argument("file", metavar="FILE.xlsx")
    _add_db_option(exp, default=argparse.SUPPRESS)
    _add_branch_option(exp)
    exp.add_argument("--all", action="store_true", help="包括已转出、停止党籍、去世等不在册的党员")

    export = sub.add_parser(
        "export", help="导出某年度的归档包（DA/T 22：Word、PDF、归档文件目录、清单）"
    )
    _add_db_option(export, default=argparse.SUPPRESS)
    _add_branch_option(export)
    export.add_argument("--year", type=int, required=True, help="年度，如 2025")
    export.add_argument("--out", required=True, metavar="DIR", help="归档包放在哪个文件夹")
    export.add_argument("--formats", default="docx,pdf", help="docx、pdf 或 docx,pdf（默认两者）")
    export.add_argument(
        "--kinds",
        help=f"只导出这些记录（逗号分隔）：{','.join(kind.value for kind in RecordKind)}",
    )
    export.add_argument("--zip", action="store_true", help="另外生成一个 zip 压缩包")
    export.add_argument(
        "--mask-personal", action="store_true", help="身份证号只显示前 6 位和后 4 位，手机号打码"
    )
    export.add_argument(
        "--sign",
        action="store_true",
        help="用本支部的密钥（首次使用时生成，私钥只存放在本机的用户数据文件夹）为清单签名，"
        "公钥指纹印在目录封面上",
    )

    verify = sub.add_parser(
        "verify", help="核对归档包（文件夹或 zip）：哈希、缺失或多余的文件、目录、签名"
    )
    verify.add_argument("package", metavar="PACKAGE")
    verify.add_argument(
        "--key",
        metavar="FINGERPRINT_OR_FILE",
        help="核对清单是否由这个公钥签名：公钥指纹（目录封面上的“签名公钥指纹”）或公钥文件（manifest.pub）",
    )

    settings = sub.add_parser(
        "archive-settings",
        help="查看或修改归档设置（全宗号、全宗名称、机构（问题）代码）；不带选项时显示当前设置",
    )
    _add_db_option(settings, default=argparse.SUPPRESS)
    _add_branch_option(settings)
    settings.add_argument("--fonds", metavar="Z001", help="全宗号（由档案室给定，字母和数字）")
    settings.add_argument("--fonds-name", metavar="NAME", help="全宗名称，如 江西某职业技术学院")
    settings.add_argument(
        "--org-code",
        metavar="DZB",
        help='机构（问题）代码（字母和数字；给空字符串 "" 则档号中不含此项）',
    )

    branches = sub.add_parser(
        "branches",
        help="列出数据库中的支部；用 --add 添加一个支部（组织部一个数据库管理多个支部时）",
    )
    _add_db_option(branches, default=argparse.SUPPRESS)
    branches.add_argument("--add", metavar="NAME", help="添加一个支部，给出它的名称")
    branches.add_argument("--parent-org", metavar="NAME", help="新支部的上级党组织名称")

    evaluation = sub.add_parser(
        "evaluation",
        help="显示某年民主评议党员的测评汇总、等次和尚待处理的问题（有问题时退出码为 1）",
    )
    _add_db_option(evaluation, default=argparse.SUPPRESS)
    _add_branch_option(evaluation)
    evaluation.add_argument("--year", type=int, required=True, help="年度，如 2025")
    evaluation.add_argument("--json", action="store_true", help="以 JSON 输出（供脚本使用）")

    check = sub.add_parser(
        "check",
        help="对照“三会一课”等规定检查某年的记录，列出缺少、逾期和 30 天内到期的事项"
        "（有缺少或逾期时退出码为 1）",
    )
    _add_db_option(check, default=argparse.SUPPRESS)
    _add_branch_option(check)
    check.add_argument("--year", type=int, required=True, help="年度，如 2025")
    check.add_argument("--date", help="按哪一天检查，YYYY-MM-DD（默认今天）")
    check.add_argument(
        "--all-branches",
        action="store_true",
        help="列出数据库中每个支部各项会议缺开的期数及合计（组织部一个数据库管理多个支部时）",
    )
    check.add_argument("--json", action="store_true", help="以 JSON 输出（供脚本使用）")

    demo = sub.add_parser("demo", help="在空数据库中创建一个演示支部")
    _add_db_option(demo, default=argparse.SUPPRESS)
    demo.add_argument("--year", type=int, help="演示数据的年份（默认今年）")

    backup = sub.add_parser(
        "backup", help="备份数据库（连同附件）到备份文件夹，或用 --out 备份到指定文件"
    )
    _add_db_option(backup, default=argparse.SUPPRESS)
    backup.add_argument("--out", metavar="FILE", help="备份到这个文件（不会覆盖已有文件）")

    restore = sub.add_parser(
        "restore", help="用备份文件替换数据库中的全部记录（恢复前的数据库另存为一份备份）"
    )
    restore.add_argument("file", metavar="FILE")
    _add_db_option(restore, default=argparse.SUPPRESS)

    encrypt = sub.add_parser(
        "encrypt",
        help="加密数据库（SQLCipher）及其备份和附件；之后打开数据库要输入密码",
        description="加密数据库及其备份文件夹中的备份和附件。密码在终端中输入两次"
        "（不显示）；不在终端中运行时从标准输入读一行。至少 8 个字符，忘记密码将无法恢复数据。",
    )
    _add_db_option(encrypt, default=argparse.SUPPRESS)
    decrypt = sub.add_parser(
        "decrypt",
        help="解密数据库及其备份和附件，恢复为不加密的数据库",
        description="解密数据库及其备份和附件。密码在终端中输入（不显示）；"
        "不在终端中运行时从标准输入读一行。",
    )
    _add_db_option(decrypt, default=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # export renders in spawned worker processes; a frozen (PyInstaller) build needs this
        import multiprocessing

        multiprocessing.freeze_support()
    # subcommands' --db default to SUPPRESS, so one given before the subcommand still counts
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db and args.database_url:
        parser.error("--db 和 --database-url 只能给出一个")
    if args.demo and args.command is None and (args.db or args.database_url):
        parser.error(
            "--demo 打开单独的演示数据库，不能与 --db 或 --database-url 同用；"
            "要在指定的空数据库中创建演示支部，请用 dualleader demo --db PATH"
        )
    try:
        return _run(args)
    except Exception as exc:
        message = _unworded_error_text(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 2
    finally:
        if "dualleader_desktop.storage.encryption" in sys.modules:
            from dualleader_desktop.storage import encryption

            encryption.forget_all()  # passwords proven for this command


def _unworded_error_text(exc: Exception) -> str | None:
    """A database or file problem that its handler let through, in words instead of a
    traceback; None for anything else (a bug should still show where it is)."""
    from dualleader_desktop.storage.errors import DatabaseError, os_error_message

    if isinstance(exc, DatabaseError):
        return str(exc)
    if isinstance(exc, OSError):
        return os_error_message("读写文件时", exc)
    return None


HANDLERS = {
    "import-members": ("roster", "import_members"),
    "export-members": ("roster", "export_members"),
    "export": ("archive", "export_year"),
    "verify": ("archive", "verify"),
    "archive-settings": ("archive", "archive_settings"),
    "demo": ("demo", "create_demo"),
    "branches": ("branches", "branches"),
    "evaluation": ("evaluation", "evaluation"),
    "check": ("check", "check"),
    "backup": ("backup", "take_backup"),
    "restore": ("backup", "restore_backup"),
    "encrypt": ("encryption", "encrypt"),
    "decrypt": ("encryption", "decrypt"),
}
# commands that read an existing database: an encrypted one is unlocked before they run (its
# password from DUALLEADER_PASSWORD or typed at a terminal, see commands/__init__.py)
NEEDS_PASSWORD = frozenset(
    {
        "import-members",
        "export-members",
        "export",
        "archive-settings",
        "demo",
        "backup",
        "restore",
        "branches",
        "evaluation",
        "check",
    }
)


def _unlock(args: argparse.Namespace) -> None:
    from pathlib import Path

    from dualleader_desktop.commands import unlock_database
    from dualleader_desktop.paths import default_db_path

    if args.database_url is not None:
        return  # a server's password is in its URL

    try:
        path = default_db_path(args.db)
    except OSError:
        return  # the user data folder cannot be made: the handler says so in its words
    if args.command == "restore":
        # the copy may be encrypted, and the database new (it becomes what the copy is)
        copy = Path(args.file).expanduser().resolve()
        unlock_database(path)
        new = not path.exists() or path.stat().st_size == 0
        unlock_database(copy, also_for=path if new else None)
        return
    unlock_database(path)


# commands for database files only: a server's backups and encryption are the server's job
FILE_ONLY = {"backup": "备份", "restore": "恢复备份", "encrypt": "加密", "decrypt": "解密"}


def _choose_database(args: argparse.Namespace) -> None:
    """Settle ``args.db`` / ``args.database_url``: a server URL from the option or from
    ``DUALLEADER_DATABASE_URL`` in ``database_url``, a database file (an ``sqlite:///FILE``
    URL included) in ``db``."""
    from dualleader_desktop.paths import server_url, url_file
    from dualleader_desktop.storage.errors import DatabaseError

    url = server_url(args.db, args.database_url)
    file = url_file(url) if url is not None else None
    if file is not None:
        args.db, args.database_url = str(file), None
        return
    args.database_url = url
    if url is not None and args.command in FILE_ONLY:
        raise DatabaseError(
            f"{FILE_ONLY[args.command]}只用于数据库文件（--db）。数据库服务器上的数据库由服务器"
            "管理员用服务器的工具备份、恢复和加密（PostgreSQL：pg_dump、pg_basebackup）。"
        )


def _run(args: argparse.Namespace) -> int:
    if args.demo and args.command is None:
        from dualleader_desktop.app import run

        # the demo database only: DUALLEADER_DB / DUALLEADER_DATABASE_URL name the branch's own
        return run(smoke=args.smoke, demo=True)
    _choose_database(args)
    if args.command in NEEDS_PASSWORD:
        _unlock(args)
    if args.command in HANDLERS:
        import importlib

        module, function = HANDLERS[args.command]
        return getattr(importlib.import_module(f"dualleader_desktop.commands.{module}"), function)(
            args
        )
    from dualleader_desktop.app import run

    return run(
        db=args.db,
        smoke=args.smoke,
        database_url=args.database_url,
        attachments_dir=args.attachments_dir,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
