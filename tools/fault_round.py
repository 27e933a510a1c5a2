"""A round of fault injection: ``kill -9`` the program at random moments, then check what it left.

Run with the project's venv (root is needed only for the disk-full cases, which mount a tmpfs)::

    .venv/bin/python tools/fault_round.py --seconds 60 [--seed S]
    .venv/bin/python tools/fault_round.py --cases 20 --seed 7 [--keep]

Each case works in its own folder under one round folder (removed at the end unless --keep):

- ``import-new``     ``dualleader import-members`` of a ~100-row roster into a new database, killed
- ``import-update``  the same of a second roster (20 rows added, 20 changed) into that database
- ``export``         ``dualleader export --zip`` of the demo year, killed (its workers must end)
- ``export-worker``  the same, but one of its render workers is killed; the export must finish
- ``export-full``    the export into a tmpfs of a few MB, run to its end (the disk fills)
- ``demo``           ``dualleader demo --db NEW``, killed
- ``gui-save``       the real MainWindow offscreen: its meetings page opens the meeting editor,
                     which saves meetings (35 attendance lines, 2 agenda items, one attachment
                     each) through its save button, in a loop; the process is killed
- ``backup``         ``dualleader backup --out FILE``, killed; ``backup-full``: into a small tmpfs.
                     Both skip themselves while ``dualleader --help`` lists no ``backup``; they
                     enable themselves once it does (``BACKUP_ARGS`` says how it is called).

After each case: ``PRAGMA integrity_check`` (and the search index's own check) is ok; the counts
of the records are those before the command or those of a complete run, never in between (an
interrupted import: before or fully imported; a demo: empty or complete; the GUI: every save it
reported is there, whole, and at most one more); no ``.…partial-*`` staging folder or temporary
zip is left beside the package unless a later export sweeps it (reported); no ``dl-preview-*``;
a package folder or zip that exists passes ``dualleader verify``; no process of the case runs
``WORKER_GRACE_S`` after the kill. Processes of a case are found by a variable in their
environment (inherited by forked and spawned workers alike) or by the case's folder in their
command line.

Prints one line per case and a summary; exit code 0 when every case held, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = "DL_FAULT_ROUND_CASE"  # environment variable every process of a case inherits
WORKER_GRACE_S = 5.0  # processes of a killed command must be gone this long after the kill
RUN_TIMEOUT_S = 180.0  # any command run to its end
GUI_CHILD_SECONDS = 40.0  # the GUI save loop ends itself after this long
PARTIAL = re.compile(r"^\..+\.partial-")  # a package's staging folder or a zip's temporary file
PREVIEW_PREFIX = "dl-preview-"
STARTUP_ERRORS = re.compile(r"(ModuleNotFoundError|ImportError|SyntaxError|IndentationError)\b")
INCOMING_PREFIX = ".incoming-"  # an attachment being copied into the store
# how the backup command is called once it exists ({db}, {out} filled in)
BACKUP_ARGS = ("backup", "--db", "{db}", "--out", "{out}")
TABLES = (
    "branch",
    "party_groups",
    "members",
    "member_transfers",
    "committee_members",
    "meetings",
    "agenda_items",
    "attendance",
    "talks",
    "talk_participants",
    "attachments",
    "attachment_links",
    "archive_settings",
    "search_index",
)
MEMBERS_DIGEST = "members:digest"  # a state's key for what the member rows say
GUI_AGENDA = 2  # agenda items of every meeting the GUI loop saves
KINDS = {  # kind: weight
    "import-new": 2,
    "import-update": 2,
    "export": 3,
    "export-worker": 1,
    "export-full": 2,
    "demo": 2,
    "gui-save": 2,
    "backup": 1,
    "backup-full": 1,
}
CASE_METHODS = {  # kind: the Round method that plays it
    "import-new": "case_import",
    "import-update": "case_import",
    "demo": "case_demo",
    "export": "case_export",
    "export-worker": "case_export",
    "export-full": "case_export_full",
    "gui-save": "case_gui_save",
    "backup": "case_backup",
    "backup-full": "case_backup",
}
NEEDS_TMPFS = {"export-full", "backup-full"}
NEEDS_BACKUP = {"backup", "backup-full"}


# ---- judgements (pure; tests/unit/test_fault_round.py) -------------------------------------
@dataclass(frozen=True)
class Judgement:
    state: str  # "before", "after" or "between"
    differs: tuple[str, ...] = ()  # keys that match neither state
    rows_lost: int = 0  # rows both states have that the observed one lacks

    def describe(self, observed: Mapping, before: Mapping, after: Mapping) -> str:
        parts = []
        for key in self.differs:
            if key == MEMBERS_DIGEST:
                parts.append("member rows differ from both")
            else:
                parts.append(
                    f"{key} {observed.get(key, 0)} (before {before.get(key, 0)}, "
                    f"after {after.get(key, 0)})"
                )
        return "; ".join(parts)


def judge(observed: Mapping, before: Mapping, after: Mapping) -> Judgement:
    """Whether ``observed`` is exactly the state ``before`` or exactly ``after``; a missing key
    counts as 0 (a table not created yet is empty). Anything else is "between", with the keys
    that match neither and the rows lost: those fewer than the smaller of before and after."""
    keys = sorted(set(observed) | set(before) | set(after))

    def value(state: Mapping, key: str):
        return state.get(key, "" if key == MEMBERS_DIGEST else 0)

    if all(value(observed, k) == value(before, k) for k in keys):
        return Judgement("before")
    if all(value(observed, k) == value(after, k) for k in keys):
        return Judgement("after")
    differs = tuple(
        k
        for k in keys
        if value(observed, k) != value(before, k) and value(observed, k) != value(after, k)
    )
    return Judgement("between", differs, rows_lost(observed, before, after))


def rows_lost(observed: Mapping, before: Mapping, after: Mapping) -> int:
    """Rows that were there before and would be after, but are not now."""
    lost = 0
    for key in set(before) | set(after):
        if key == MEMBERS_DIGEST:
            continue
        floor = min(before.get(key, 0), after.get(key, 0))
        lost += max(0, floor - observed.get(key, 0))
    return lost


def add_states(state: Mapping, delta: Mapping, times: int = 1) -> dict:
    """``state`` with ``times`` × ``delta`` added to its counts."""
    result = dict(state)
    for key, value in delta.items():
        result[key] = result.get(key, 0) + times * value
    return result


def leftovers(names: Iterable[str]) -> dict[str, list[str]]:
    """What a killed command may have left in a folder, by kind: staging folders and
    temporary zips of packages (``partial``), previews (``preview``), attachments being
    copied (``incoming``)."""
    found: dict[str, list[str]] = {"partial": [], "preview": [], "incoming": []}
    for name in sorted(names):
        if PARTIAL.match(name):
            found["partial"].append(name)
        elif name.startswith(PREVIEW_PREFIX):
            found["preview"].append(name)
        elif name.startswith(INCOMING_PREFIX):
            found["incoming"].append(name)
    return found


@dataclass(frozen=True)
class Proc:
    pid: int
    ppid: int
    state: str
    cmdline: str
    marked: bool  # its environment names the case


def case_processes(procs: Iterable[Proc], case_dir: str, me: int) -> list[Proc]:
    """The processes that belong to a case: marked, or naming its folder; ended ones (zombies)
    and this script are not counted."""
    return [
        p
        for p in procs
        if p.pid != me and p.state not in ("Z", "X") and (p.marked or case_dir in p.cmdline)
    ]


def choose_kind(rng: random.Random, available: Mapping[str, int]) -> str:
    kinds = sorted(available)
    return rng.choices(kinds, weights=[available[k] for k in kinds])[0]


# ---- processes -----------------------------------------------------------------------------
def scan_processes(token: str) -> list[Proc]:
    """Every process on the machine, with whether its environment carries ``token``."""
    needle = f"\0{MARKER}={token}\0".encode()
    procs = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text(errors="replace")
            cmdline = Path(entry.path, "cmdline").read_bytes()
            try:
                environ = Path(entry.path, "environ").read_bytes()
            except OSError:
                environ = b""
        except OSError:
            continue  # ended meanwhile
        fields = stat[stat.rfind(")") + 2 :].split()
        procs.append(
            Proc(
                int(entry.name),
                int(fields[1]),
                fields[0],
                cmdline.replace(b"\0", b" ").decode(errors="replace").strip(),
                needle in b"\0" + environ + b"\0",
            )
        )
    return procs


def children_of(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def dualleader_command() -> list[str]:
    script = Path(sys.executable).parent / "dualleader"
    return [str(script)] if script.exists() else [sys.executable, "-m", "dualleader_desktop"]


# ---- database state ------------------------------------------------------------------------
def db_state(path: Path) -> dict:
    """Counts of every table in TABLES and a digest of the member rows; a database that does
    not exist is empty."""
    state: dict = {table: 0 for table in TABLES}
    state[MEMBERS_DIGEST] = hashlib.sha256(repr([]).encode()).hexdigest()
    if not path.exists():
        return state
    with contextlib.closing(sqlite3.connect(path, timeout=10)) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        for table in TABLES:
            if table in names:
                state[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if "members" in names and "party_groups" in names:
            rows = conn.execute(
                "SELECT m.id_number, m.name, m.phone, m.department, m.title, m.post, m.status,"
                " m.category, coalesce(g.name, '') FROM members m"
                " LEFT JOIN party_groups g ON g.id = m.party_group_id ORDER BY m.id_number"
            ).fetchall()
            state[MEMBERS_DIGEST] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return state


def integrity_problems(path: Path) -> list[str]:
    if not path.exists():
        return []
    problems = []
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=10)) as conn:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems.append("integrity_check: " + "; ".join(result[:3]))
            fts = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone()
            if fts:
                try:
                    conn.execute(
                        "INSERT INTO search_index(search_index) VALUES ('integrity-check')"
                    )
                except sqlite3.DatabaseError as exc:
                    problems.append(f"search index: {exc}")
                conn.rollback()
    except sqlite3.DatabaseError as exc:
        problems.append(f"cannot read the database: {exc}")
    return problems


def startup_error(stderr: str) -> str | None:
    """The last line of a traceback that says the program itself could not be loaded (a
    module missing or broken: a checkout in the middle of a change), else None."""
    lines = stderr.strip().splitlines()
    if "Traceback" in stderr and lines and STARTUP_ERRORS.match(lines[-1]):
        return lines[-1][:160]
    return None


def torn_attachments(store: Path) -> list[str]:
    """Files of a content-addressed attachment store whose content is not what their name
    (its SHA-256) says: cut short by a full disk or a kill."""
    torn = []
    if store.is_dir():
        for path in store.rglob("*"):
            stored = path.is_file() and len(path.stem) == 64 and not path.name.startswith(".")
            if stored and hashlib.sha256(path.read_bytes()).hexdigest() != path.stem:
                torn.append(path.name[:12] + "…")
    return torn


def copy_database(source: Path, target: Path) -> None:
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# ---- one case ------------------------------------------------------------------------------
@dataclass
class Case:
    number: int
    kind: str
    dir: Path
    token: str
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows_lost: int = 0
    half_written: int = 0
    leftover_procs: int = 0
    swept: int = 0  # staging leftovers a later export removed
    how: str = ""  # "killed at 2.31 s" or "ran to its end"

    def fail(self, what: str, detail: str = "") -> None:
        self.failures.append(f"{what}: {detail}" if detail else what)

    @property
    def held(self) -> bool:
        return not self.failures


class RoundError(Exception):
    """A fixture could not be built (the program failed where it must not)."""


class Round:
    def __init__(self, args) -> None:
        self.args = args
        self.seed = args.seed
        self.rng = random.Random(args.seed)
        self.year = date.today().year - 1  # a whole past year: no "future date" warnings
        self.dl = dualleader_command()
        self.dir = Path(tempfile.mkdtemp(prefix="dl-fault-round-"))
        self.fixtures = self.dir / "fixtures"
        self.fixtures.mkdir()
        self.mounts: list[Path] = []
        self.live: list[subprocess.Popen] = []
        self.tokens: list[str] = []
        self.times = {"demo": 6.0, "import": 3.0, "export": 8.0, "backup": 1.5}
        self.states: dict[str, dict] = {}
        self.no_backup: str | None = "not looked for yet"
        self.tmpfs_ok = False
        self.built: set[str] = set()
        self.skipped: dict[str, str] = {}
        self.cases: list[Case] = []
        self.started = time.monotonic()

    # -- running commands
    def env(self, case: Case | None, **extra: str) -> dict:
        env = dict(os.environ)
        env.pop("DUALLEADER_DB", None)
        base = case.dir if case else self.fixtures
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "TMPDIR"):
            folder = base / "home" / name.lower()
            folder.mkdir(parents=True, exist_ok=True)
            env[name] = str(folder)
        if case:
            env[MARKER] = case.token
        env.update(extra)
        return env

    def start(self, case: Case | None, argv: list[str], name: str, **extra: str):
        base = case.dir if case else self.fixtures
        with (
            open(base / f"{name}.out", "wb") as out,
            open(base / f"{name}.err", "wb") as err,
        ):
            proc = subprocess.Popen(
                [str(a) for a in argv],
                cwd=base,
                env=self.env(case, **extra),
                stdout=out,
                stderr=err,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # Ctrl-C reaches this script, which ends them itself
            )
        self.live.append(proc)
        return proc

    def finish(self, proc: subprocess.Popen, timeout: float) -> int | None:
        """Wait for ``proc``; None (and killed) when it takes longer than ``timeout``."""
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
            code = None
        self.live.remove(proc)
        return code

    def run(self, case: Case | None, argv: list[str], name: str, timeout=RUN_TIMEOUT_S):
        """(exit code or None on timeout, seconds, stdout, stderr) of a command run to its end."""
        began = time.monotonic()
        code = self.finish(self.start(case, argv, name), timeout)
        base = case.dir if case else self.fixtures
        out = (base / f"{name}.out").read_text(errors="replace")
        err = (base / f"{name}.err").read_text(errors="replace")
        if case is not None:
            self.note_startup_error(case, err)
        return code, time.monotonic() - began, out, err

    def note_startup_error(self, case: Case, err: str) -> None:
        problem = startup_error(err)
        label = "the program did not start"
        if problem and not any(f.startswith(label) for f in case.failures):
            case.fail(label, problem)

    def run_and_kill(
        self, case: Case, argv: list[str], after: float, name="cmd", when=None, **extra
    ):
        """Start ``argv``; kill -9 it ``after`` seconds later unless it ended before; with
        ``when``, as soon as ``when()`` is true (plus up to 30 ms), if that comes first."""
        proc = self.start(case, argv, name, **extra)
        began = time.monotonic()
        seen = False
        while proc.poll() is None and time.monotonic() - began < after:
            if when is not None and when():
                seen = True
                time.sleep(self.rng.uniform(0.0, 0.03))
                break
            time.sleep(0.003 if when else 0.01)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            case.how = f"killed at {time.monotonic() - began:.2f} s" + (
                " (copying)" if seen else ""
            )
        else:
            case.how = f"ended by itself ({time.monotonic() - began:.1f} s)"
        code = self.finish(proc, 10)
        self.note_startup_error(case, (case.dir / f"{name}.err").read_text(errors="replace"))
        return code

    def check_processes(self, case: Case) -> None:
        """No process of the case may run WORKER_GRACE_S after its command ended; any that
        does is reported and killed."""
        deadline = time.monotonic() + WORKER_GRACE_S
        while True:
            left = case_processes(scan_processes(case.token), str(case.dir), os.getpid())
            if not left or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        if left:
            case.leftover_procs += len(left)
            shown = "; ".join(f"pid {p.pid} ppid {p.ppid}: {p.cmdline[:80]}" for p in left[:3])
            case.fail(f"processes still running after {WORKER_GRACE_S:.0f} s", shown)
            self.kill_case_processes(case.token, str(case.dir))

    def kill_case_processes(self, token: str, case_dir: str) -> None:
        for _ in range(50):
            left = case_processes(scan_processes(token), case_dir, os.getpid())
            if not left:
                return
            for p in left:
                with contextlib.suppress(OSError):
                    os.kill(p.pid, signal.SIGKILL)
            time.sleep(0.1)

    # -- tmpfs
    def mount_tmpfs(self, folder: Path, size_kib: int) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0755", "tmpfs", str(folder)],
            check=True,
            capture_output=True,
            timeout=20,
        )
        self.mounts.append(folder)

    def unmount(self, folder: Path) -> None:
        for args in (["umount", str(folder)], ["umount", "-l", str(folder)]):
            result = subprocess.run(args, capture_output=True, timeout=20)
            if result.returncode == 0:
                break
        if folder in self.mounts:
            self.mounts.remove(folder)

    def tmpfs_available(self) -> str | None:
        """None when a tmpfs can be mounted here, else why not."""
        if not shutil.which("mount") or not shutil.which("umount"):
            return "no mount command"
        probe = self.dir / "tmpfs-probe"
        try:
            self.mount_tmpfs(probe, 64)
        except (OSError, subprocess.SubprocessError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            return f"cannot mount a tmpfs ({detail.decode(errors='replace').strip() or exc})"
        self.unmount(probe)
        return None

    def backup_available(self) -> str | None:
        code, _, out, _ = self.run(None, [*self.dl, "--help"], "help", timeout=60)
        if code != 0:
            return "dualleader --help failed"
        if not re.search(r"^\s+backup\b", out, re.MULTILINE):
            return "`dualleader backup` is not there yet (enabled once --help lists it)"
        return None

    # -- fixtures, built when a case first needs them
    def fixture(self, name: str) -> Path:
        path = self.fixtures / name
        if name in self.built:
            return path
        getattr(self, "_build_" + name.split(".")[0].replace("-", "_"))(path)
        self.built.add(name)
        return path

    def _must(self, result, what: str) -> float:
        code, seconds, out, err = result
        if code != 0:
            last = " / ".join((err or out).strip().splitlines()[-2:])
            raise RoundError(f"{what} failed (exit {code}): {last[-300:]}")
        return seconds

    def _build_demo(self, path: Path) -> None:
        argv = [*self.dl, "demo", "--db", path, "--year", self.year]
        self.times["demo"] = self._must(self.run(None, argv, "demo"), "the demo")
        self.states["demo"] = db_state(path)

    def _build_export(self, path: Path) -> None:
        """A complete export of the demo year: its time, and a package verify passes."""
        db = self.fixture("demo.sqlite3")
        argv = [*self.dl, "export", "--db", db, "--year", self.year, "--out", path, "--zip"]
        self.times["export"] = self._must(self.run(None, argv, "export"), "a complete export")
        for package in path.iterdir():
            self._must(self.run(None, [*self.dl, "verify", package], "verify"), "verify")
        self.states["package-bytes"] = {"bytes": tree_size(path)}

    def _build_roster1(self, path: Path) -> None:
        """The demo's roster (all members) and 64 more rows: ~100."""
        from openpyxl import load_workbook

        from dualleader_desktop.domain.enums import Gender
        from dualleader_desktop.domain.validators import build_id_number

        demo = self.fixture("demo.sqlite3")
        self._must(
            self.run(None, [*self.dl, "export-members", path, "--db", demo, "--all"], "r1"),
            "export-members",
        )
        book = load_workbook(path)
        sheet = book.active
        header = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "序号")
        column = {name: i for i, name in enumerate(header)}
        number = sheet.max_row - 3
        surnames, given = (
            "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨",
            "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚",
        )
        for i in range(64):
            gender = Gender.MALE if i % 2 else Gender.FEMALE
            birth = date(1970 + i % 25, 1 + i % 12, 1 + i % 27)
            joined = date(birth.year + 23, 7, 1)
            row = [None] * len(header)
            values = {
                "序号": number + i + 1,
                "姓名": surnames[i % 16] + given[(i * 7) % 20] + given[i % 20],
                "性别": "男" if gender == Gender.MALE else "女",
                "民族": "汉族",
                "出生日期": birth,
                "籍贯": "江西南昌",
                "身份证号": build_id_number("360102", birth, 500 + 2 * i, gender),
                "学历": "研究生",
                "学位": "硕士",
                "职称": "讲师",
                "职务": "专任教师",
                "所在部门": "故障注入教研室",
                "联系电话": f"139{i:08d}",
                "党小组": "第二党小组",
                "入党时间": joined,
                "转正时间": date(joined.year + 1, 7, 1),
                "党员类别": "正式党员",
                "状态": "在册",
            }
            for name, value in values.items():
                if name in column:
                    row[column[name]] = value
            sheet.append(row)
        book.save(path)

    def _build_roster2(self, path: Path) -> None:
        """Roster 1 with 20 phone numbers and titles changed and 20 rows added."""
        from openpyxl import load_workbook

        from dualleader_desktop.domain.enums import Gender
        from dualleader_desktop.domain.validators import build_id_number

        book = load_workbook(self.fixture("roster1.xlsx"))
        sheet = book.active
        rows = list(sheet.iter_rows())
        start = next(i for i, r in enumerate(rows) if r[0].value == "序号")
        header = [c.value for c in rows[start]]
        column = {name: i for i, name in enumerate(header)}
        data = rows[start + 1 :]
        for i, row in enumerate(data[::5][:20]):
            row[column["联系电话"]].value = f"186{i:08d}"
            row[column["职称"]].value = "副教授"
        template = [c.value for c in data[-1]]
        for i in range(20):
            birth = date(1980 + i % 15, 2 + i % 10, 3 + i % 25)
            new = list(template)
            new[column["序号"]] = len(data) + i + 1
            new[column["姓名"]] = "新增" + "甲乙丙丁戊己庚辛壬癸"[i % 10] + "一二"[i // 10]
            new[column["性别"]] = "女"
            new[column["出生日期"]] = birth
            new[column["身份证号"]] = build_id_number("360103", birth, 700 + 2 * i, Gender.FEMALE)
            new[column["联系电话"]] = f"137{i:08d}"
            new[column["入党时间"]] = date(birth.year + 25, 7, 1)
            new[column["转正时间"]] = date(birth.year + 26, 7, 1)
            sheet.append(new)
        book.save(path)

    def _build_attached(self, path: Path) -> None:
        """The demo with 24 meetings saved through the editor, each with a 512 KiB
        attachment; then one complete backup of it, timed."""
        copy_database(self.fixture("demo.sqlite3"), path)
        argv = [*self.gui_argv(path, 60), "--saves", 24, "--attachment-kib", 512]
        self._must(
            self.run(None, argv, "attached", timeout=120), "saving meetings with attachments"
        )
        store = path.with_name(path.stem + "-attachments")
        self.states["attached-bytes"] = {"bytes": path.stat().st_size + tree_size(store)}
        target = self.fixtures / "backup-check" / "backup.sqlite3"
        target.parent.mkdir()
        seconds = self._must(self.run(None, self.backup_argv(path, target), "backup"), "a backup")
        self.times["backup"] = seconds
        if torn_attachments(target.parent / "attachments") or db_state(target) != db_state(path):
            raise RoundError("a complete backup differs from its database")

    def gui_argv(self, db: Path, seconds: float) -> list:
        here = Path(__file__).resolve()
        return [
            sys.executable,
            here,
            "--gui-child",
            db,
            "--year",
            self.year,
            "--child-seconds",
            seconds,
        ]

    def _import_into(self, db: Path, roster: Path, what: str) -> None:
        argv = [*self.dl, "import-members", roster, "--db", db]
        self.times["import"] = self._must(self.run(None, argv, "import"), what)

    def _build_r1(self, path: Path) -> None:
        self._import_into(path, self.fixture("roster1.xlsx"), "a complete roster import")
        self.states["r1"] = db_state(path)

    def _build_r2(self, path: Path) -> None:
        copy_database(self.fixture("r1.sqlite3"), path)
        self._import_into(path, self.fixture("roster2.xlsx"), "a complete roster update")
        self.states["r2"] = db_state(path)

    # -- the cases
    def new_case(self, kind: str) -> Case:
        number = len(self.cases) + 1
        folder = self.dir / f"case-{number:04d}-{kind}"
        folder.mkdir()
        token = f"{os.getpid()}-{number}-{self.rng.randrange(1 << 30):x}"
        self.tokens.append(token)
        return Case(number, kind, folder, token)

    def estimate(self, kind: str) -> float:
        """Seconds a case of ``kind`` takes, checks included (to keep within --seconds)."""
        t = self.times
        return {
            "import-new": t["import"] + 3,
            "import-update": t["import"] + 3,
            "export": t["export"] + 10,
            "export-worker": t["export"] * 1.5 + 8,
            "export-full": t["export"] + 6,
            "demo": t["demo"] + 3,
            "gui-save": 14,
            "backup": t["backup"] + 4,
            "backup-full": t["backup"] + 3,
        }[kind]

    def kill_moment(self, duration: float) -> float:
        """Mostly while the command works (its first ~second is Python starting), sometimes
        early, sometimes after it may have ended."""
        low, high = (0.0, 0.3) if self.rng.random() < 0.2 else (0.3, 1.1)
        return self.rng.uniform(low, high) * duration

    def check_database(
        self, case: Case, db: Path, before: Mapping, after: Mapping, names=("before", "after")
    ) -> None:
        for problem in integrity_problems(db):
            case.fail("database damaged", problem)
        if case.failures:
            return
        observed = db_state(db)
        verdict = judge(observed, before, after)
        if verdict.state == "between":
            case.rows_lost += verdict.rows_lost
            case.fail("records in between", verdict.describe(observed, before, after))
        else:
            case.notes.append(f"records {names[verdict.state == 'after']}")

    def check_reopen(self, case: Case, db: Path) -> None:
        """The program opens what the killed command left (a command that changes nothing)."""
        if not db.exists():
            return
        code, _, out, err = self.run(case, [*self.dl, "archive-settings", "--db", db], "reopen")
        if code != 0:
            case.fail("the program cannot open the database", (err or out).strip()[-200:])

    def check_temp(self, case: Case) -> None:
        tmp = case.dir / "home" / "tmpdir"
        found = leftovers(p.name for p in tmp.iterdir()) if tmp.exists() else {}
        if found.get("preview"):
            case.fail("preview folders left", ", ".join(found["preview"]))
        others = [p.name for p in tmp.iterdir()] if tmp.exists() else []
        if others and not found.get("preview"):
            case.notes.append("temp left: " + ", ".join(sorted(others)[:3]))

    def check_clean_exit(self, case: Case, code, what: str) -> None:
        err = (case.dir / "cmd.err").read_text(errors="replace")
        self.note_startup_error(case, err)
        if code is None:
            case.fail(f"{what} did not end within {RUN_TIMEOUT_S:.0f} s")
        elif "Traceback" in err:
            case.fail(f"{what} ended with a traceback", err.strip().splitlines()[-1][:160])

    def verify_packages(self, case: Case, out: Path) -> None:
        verified = []
        for path in sorted(out.iterdir()):
            if PARTIAL.match(path.name) or path.name == "lost+found":
                continue
            code, _, stdout, err = self.run(case, [*self.dl, "verify", path], "verify", 120)
            if code != 0 and startup_error(err):
                case.fail("the program did not start (verify)", startup_error(err))
            elif code != 0:
                case.half_written += 1
                case.fail("half-written package", f"{path.name}: {stdout.strip()[:160]}")
            else:
                verified.append("zip" if path.suffix == ".zip" else "folder")
        case.notes.append("verified: " + "+".join(verified) if verified else "no package")

    def check_staging(self, case: Case, out: Path, db: Path, *, sweep: bool) -> None:
        """Staging folders and temporary zips beside the package: with ``sweep``, those a
        later export removes are reported only; without, any is a failure."""
        left = leftovers(p.name for p in out.iterdir())["partial"]
        if not left:
            return
        if not sweep:
            case.fail("staging leftovers after a handled failure", ", ".join(left))
            return
        aside = case.dir / "aside"
        aside.mkdir()
        for path in out.iterdir():
            if not PARTIAL.match(path.name):
                path.rename(aside / path.name)
        argv = [*self.dl, "export", "--db", db, "--year", self.year, "--out", out]
        code, _, stdout, err = self.run(case, [*argv, "--kinds", "roster", "--zip"], "sweep", 120)
        if code != 0:
            case.fail("the next export failed", (err or stdout).strip()[-160:])
        remaining = [name for name in left if (out / name).exists()]
        if remaining:
            case.fail("staging leftovers the next export keeps", ", ".join(remaining))
        case.swept += len(left) - len(remaining)
        if len(remaining) < len(left):
            case.notes.append(
                f"{len(left) - len(remaining)} staging leftover(s), swept by the next export"
            )

    def case_import(self, case: Case) -> None:
        db = case.dir / "db.sqlite3"
        if case.kind == "import-new":
            roster, before = self.fixture("roster1.xlsx"), db_state(db)
            self.fixture("r1.sqlite3")
            after = self.states["r1"]
        else:
            copy_database(self.fixture("r1.sqlite3"), db)
            roster, before = self.fixture("roster2.xlsx"), db_state(db)
            self.fixture("r2.sqlite3")
            after = self.states["r2"]
        argv = [*self.dl, "import-members", roster, "--db", db]
        moment, when = self.kill_moment(self.times["import"]), None
        backups = db.parent / f"{db.stem}-backups"
        if case.kind == "import-update" and self.rng.random() < 0.3:
            # an import that changes members first backs the database up: kill it then
            moment = 3 * self.times["import"] + 5

            def when():
                return backups.is_dir() and any(PARTIAL.match(n) for n in os.listdir(backups))

        code = self.run_and_kill(case, argv, moment, when=when)
        self.check_processes(case)
        if code not in (0, -signal.SIGKILL):
            self.check_clean_exit(case, code, "import-members")
            case.fail(f"import-members exit code {code}")
        self.check_database(case, db, before, after)
        self.check_partials(case, db, [])
        self.check_reopen(case, db)
        self.check_temp(case)

    def case_demo(self, case: Case) -> None:
        db = case.dir / "new.sqlite3"
        self.fixture("demo.sqlite3")
        argv = [*self.dl, "demo", "--db", db, "--year", self.year]
        code = self.run_and_kill(case, argv, self.kill_moment(self.times["demo"]))
        self.check_processes(case)
        if code not in (0, -signal.SIGKILL):
            case.fail(f"demo exit code {code}")
        empty = db_state(case.dir / "absent")
        self.check_database(case, db, empty, self.states["demo"], ("empty", "complete"))
        self.check_partials(case, db, [])
        self.check_reopen(case, db)
        self.check_temp(case)

    def case_export(self, case: Case) -> None:
        self.fixture("export")
        db = case.dir / "db.sqlite3"
        copy_database(self.fixture("demo.sqlite3"), db)
        before = db_state(db)
        out = case.dir / "out"
        out.mkdir()
        argv = [*self.dl, "export", "--db", db, "--year", self.year, "--out", out, "--zip"]
        if case.kind == "export":
            code = self.run_and_kill(case, argv, self.kill_moment(self.times["export"]))
            if code not in (0, -signal.SIGKILL):
                case.fail(f"export exit code {code}")
        else:
            code = self.kill_a_worker(case, argv)
            self.check_clean_exit(case, code, "the export")
            if code != 0:
                case.fail(f"export with a killed worker: exit code {code}")
        self.check_processes(case)
        self.check_database(case, db, before, before)
        self.verify_packages(case, out)
        self.check_staging(case, out, db, sweep=True)
        self.check_temp(case)

    def kill_a_worker(self, case: Case, argv: list[str]):
        """Start the export, kill -9 one of its worker processes at a random moment while
        they run, and let the export go on to its end."""
        proc = self.start(case, argv, "cmd")
        began = time.monotonic()
        moment = self.rng.uniform(0.0, 0.6) * self.times["export"]
        victim = None
        while proc.poll() is None and time.monotonic() - began < RUN_TIMEOUT_S:
            workers = children_of(proc.pid)
            if workers and time.monotonic() - began >= moment:
                victim = self.rng.choice(workers)
                with contextlib.suppress(OSError):
                    os.kill(victim, signal.SIGKILL)
                break
            time.sleep(0.02)
        case.how = (
            f"worker killed at {time.monotonic() - began:.2f} s"
            if victim
            else "no worker seen; ran to its end"
        )
        code = self.finish(proc, RUN_TIMEOUT_S)
        self.note_startup_error(case, (case.dir / "cmd.err").read_text(errors="replace"))
        return code

    def case_export_full(self, case: Case) -> None:
        self.fixture("export")
        db = case.dir / "db.sqlite3"
        copy_database(self.fixture("demo.sqlite3"), db)
        before = db_state(db)
        out = case.dir / "out"
        full = self.states["package-bytes"]["bytes"]
        size_kib = max(256, int(full * self.rng.uniform(0.1, 1.05) / 1024))
        self.mount_tmpfs(out, size_kib)
        try:
            code = self.finish(
                self.start(
                    case,
                    [*self.dl, "export", "--db", db, "--year", self.year, "--out", out, "--zip"],
                    "cmd",
                ),
                RUN_TIMEOUT_S,
            )
            case.how = f"tmpfs {size_kib} KiB, exit {code}"
            self.check_clean_exit(case, code, "the export")
            if code not in (0, 1):
                case.fail(f"export on a full disk: exit code {code}")
            self.check_processes(case)
            self.check_database(case, db, before, before)
            self.verify_packages(case, out)
            self.check_staging(case, out, db, sweep=False)
        finally:
            self.unmount(out)
        self.check_temp(case)

    def case_gui_save(self, case: Case) -> None:
        db = case.dir / "db.sqlite3"
        copy_database(self.fixture("demo.sqlite3"), db)
        before = db_state(db)
        with contextlib.closing(sqlite3.connect(db)) as conn:
            last_id = conn.execute("SELECT coalesce(max(id), 0) FROM meetings").fetchone()[0]
        argv = self.gui_argv(db, GUI_CHILD_SECONDS)
        code = self.run_and_kill(
            case, argv, self.rng.uniform(1.0, 10.0), QT_QPA_PLATFORM="offscreen"
        )
        self.check_processes(case)
        lines = (case.dir / "cmd.out").read_text(errors="replace").split("\n")
        roll = next((int(x.split()[1]) for x in lines if x.startswith("roll ")), None)
        saved = [int(x.split()[1]) for x in lines if x.startswith("saved ")]
        problems = [x for x in lines if x.startswith("problem ")]
        if problems:
            case.fail("the save loop", problems[0][8:][:160])
        if code not in (0, -signal.SIGKILL):
            err = (case.dir / "cmd.err").read_text(errors="replace").strip()
            case.fail(f"the save loop exit code {code}", err.splitlines()[-1][:160] if err else "")
        case.how += f", {len(saved)} saved"
        for problem in integrity_problems(db):
            case.fail("database damaged", problem)
        if case.failures:
            return
        if roll is None:  # ended before its first save
            self.check_database(case, db, before, before)
            return
        delta = {
            "meetings": 1,
            "attendance": roll,
            "agenda_items": GUI_AGENDA,
            "search_index": 1,
            "attachments": 1,
            "attachment_links": 1,
        }
        reported = add_states(before, delta, len(saved))
        self.check_database(
            case,
            db,
            reported,
            add_states(reported, delta),
            ("as reported", "as reported and one more whole"),
        )
        self.check_saved_meetings(case, db, last_id, saved, roll)
        self.check_partials(case, db, [])
        self.check_reopen(case, db)
        self.check_temp(case)

    def check_saved_meetings(self, case, db: Path, last_id: int, saved: list[int], roll: int):
        """Every meeting the loop saved is whole: its attendance, agenda and attachment, the
        attachment's file in the store."""
        store = db.with_name(db.stem + "-attachments")
        with contextlib.closing(sqlite3.connect(db)) as conn:
            rows = conn.execute(
                "SELECT m.id,"
                " (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id),"
                " (SELECT count(*) FROM agenda_items g WHERE g.meeting_id = m.id),"
                " (SELECT count(*) FROM attachment_links l WHERE l.meeting_id = m.id)"
                " FROM meetings m WHERE m.id > ?",
                (last_id,),
            ).fetchall()
            files = conn.execute("SELECT sha256, suffix FROM attachments").fetchall()
        found = {row[0] for row in rows}
        missing = [i for i in saved if i not in found]
        if missing:
            case.rows_lost += len(missing)
            case.fail("saved meetings lost", ", ".join(map(str, missing)))
        torn = [row[0] for row in rows if row[1:] != (roll, GUI_AGENDA, 1)]
        if torn:
            case.fail("meetings saved in part", ", ".join(map(str, torn)))
        absent = [s for s, suffix in files if not (store / s[:2] / f"{s}{suffix}").exists()]
        if absent:
            case.rows_lost += len(absent)
            case.fail("attachment rows without their file", f"{len(absent)}")
        if store.exists():
            names = [p.name for p in store.rglob("*")]
            incoming = leftovers(names)["incoming"]
            if incoming:
                case.notes.append(f"{len(incoming)} attachment temp file(s) left in the store")
            stored = {p.stem for p in store.rglob("*") if p.is_file() and len(p.stem) == 64}
            extra = stored - {s for s, _ in files}
            if extra:
                case.notes.append(f"{len(extra)} stored file(s) no record uses")

    def backup_argv(self, db: Path, target: Path | None) -> list:
        """The backup command; without ``target`` into the database's own backups folder."""
        args = [a.format(db=db, out=target) for a in BACKUP_ARGS]
        if target is None:
            args = args[: args.index("--out")] if "--out" in args else args
        return [*self.dl, *args]

    def case_backup(self, case: Case) -> None:
        """A database with attachments (copied into ``attachments/`` beside the backup: on
        another file system, so copied rather than linked), its backup killed, or written
        into a tmpfs too small for it."""
        db = case.dir / "db.sqlite3"
        source = self.fixture("attached.sqlite3")
        copy_database(source, db)
        shutil.copytree(source.with_name(source.stem + "-attachments"), case.dir / "db-attachments")
        before = db_state(db)
        out = case.dir / "out"
        target = out / "backup.sqlite3"
        whole = self.states["attached-bytes"]["bytes"]
        if case.kind == "backup":
            if self.tmpfs_ok:
                self.mount_tmpfs(out, 4 * whole // 1024 + 4096)
            else:
                out.mkdir()
            try:
                # the copy is written in the last tenths of a second: half the time, kill
                # once its temporary file is there
                moment, when = self.kill_moment(self.times["backup"]), None
                if self.rng.random() < 0.5:
                    moment = 3 * self.times["backup"] + 5
                    when = lambda: any(PARTIAL.match(n) for n in os.listdir(out))  # noqa: E731
                code = self.run_and_kill(case, self.backup_argv(db, target), moment, when=when)
                if code not in (0, -signal.SIGKILL):
                    case.fail(f"backup exit code {code}")
                self.check_backup(case, db, before, out, target)
            finally:
                if out in self.mounts:
                    self.unmount(out)
            return
        size_kib = max(64, int(whole * self.rng.uniform(0.1, 1.0) / 1024))
        self.mount_tmpfs(out, size_kib)
        try:
            code = self.finish(self.start(case, self.backup_argv(db, target), "cmd"), RUN_TIMEOUT_S)
            case.how = f"tmpfs {size_kib} KiB, exit {code}"
            self.check_clean_exit(case, code, "the backup")
            if code not in (0, 1):
                case.fail(f"backup on a full disk: exit code {code}")
            self.check_backup(case, db, before, out, target)
        finally:
            self.unmount(out)

    def check_backup(self, case, db: Path, before, out: Path, target: Path) -> None:
        self.check_processes(case)
        self.check_database(case, db, before, before)
        if target.exists():
            problems = integrity_problems(target)
            if problems or db_state(target) != before:
                case.half_written += 1
                case.fail("half-written backup", "; ".join(problems) or "records differ")
        else:
            case.notes.append("no backup")
        torn = torn_attachments(out / "attachments")
        if torn:
            case.half_written += len(torn)
            case.fail("attachment files cut short in the backup's store", ", ".join(torn[:2]))
        known = {target.name, "attachments", "lost+found", "again.sqlite3"}
        others = sorted(
            p.name for p in out.iterdir() if p.name not in known and not PARTIAL.match(p.name)
        )
        if others:
            case.fail("unexpected files beside the backup", ", ".join(others[:3]))
        self.check_partials(case, db, [out], self.backup_argv(db, out / "again.sqlite3"))
        self.check_temp(case)

    def check_partials(self, case: Case, db: Path, folders: list[Path], again=None) -> None:
        """Temporary copies (``.…partial-*``) a killed backup left in ``folders`` (with a
        database: also its folder and its backups folder): those the next backup removes are
        reported, the rest fail the case."""
        if db.exists():
            folders = [*folders, db.parent, db.parent / f"{db.stem}-backups"]
        left = sorted(
            {
                path
                for folder in folders
                if folder.is_dir()
                for path in folder.rglob(".*")
                if PARTIAL.match(path.name)
            }
        )
        if not left:
            return
        if self.no_backup is None and db.exists():
            code, _, out, err = self.run(case, again or self.backup_argv(db, None), "again", 120)
            if code != 0:
                case.notes.append("the next backup failed: " + (err or out).strip()[-120:])
        remaining = [path for path in left if path.exists()]
        if len(remaining) < len(left):
            case.notes.append(f"{len(left) - len(remaining)} backup temp file(s) swept")
        if remaining:
            names = ", ".join(str(p.relative_to(case.dir)) for p in remaining[:3])
            case.fail("backup temp files the next backup keeps", f"{len(remaining)}: {names}")

    # -- the round
    def available(self) -> dict[str, int]:
        wanted = self.args.kinds.split(",") if self.args.kinds else list(KINDS)
        unknown = set(wanted) - set(KINDS)
        if unknown:
            raise SystemExit(f"unknown kinds: {', '.join(sorted(unknown))}")
        kinds = {kind: KINDS[kind] for kind in wanted}
        if os.cpu_count() == 1:
            self.skipped["export-worker"] = "one core: the export renders without workers"
        no_tmpfs = self.tmpfs_available()
        no_backup = self.no_backup = self.backup_available()
        self.tmpfs_ok = no_tmpfs is None
        for kind in list(kinds):
            reason = None
            if kind in NEEDS_BACKUP and no_backup:
                reason = no_backup
            elif kind in NEEDS_TMPFS and no_tmpfs:
                reason = no_tmpfs
            reason = reason or self.skipped.get(kind)
            if reason:
                self.skipped[kind] = reason
                del kinds[kind]
        return kinds

    def play(self) -> int:
        args = self.args
        print(f"fault round: seed {self.seed}, year {self.year}, folder {self.dir}", flush=True)
        kinds = self.available()
        for kind, reason in sorted(self.skipped.items()):
            print(f"  skip {kind}: {reason}", flush=True)
        try:
            self.fixture("demo.sqlite3")
        except RoundError as exc:
            print(f"  fixture failed: {exc}")
            return 1
        while kinds:
            if args.cases is not None and len(self.cases) >= args.cases:
                break
            kind = choose_kind(self.rng, kinds)
            elapsed = time.monotonic() - self.started
            if args.seconds is not None and elapsed + self.estimate(kind) > args.seconds:
                fitting = {
                    k: w for k, w in kinds.items() if elapsed + self.estimate(k) <= args.seconds
                }
                if not fitting:
                    break
                kind = choose_kind(self.rng, fitting)
            case = self.new_case(kind)
            began = time.monotonic()
            try:
                getattr(self, CASE_METHODS[kind])(case)
            except RoundError as exc:
                case.fail("fixture", str(exc))
            finally:
                self.kill_case_processes(case.token, str(case.dir))
            self.cases.append(case)
            self.report_case(case, time.monotonic() - began)
            if not args.keep:
                shutil.rmtree(case.dir, ignore_errors=True)
        return self.summary()

    def report_case(self, case: Case, seconds: float) -> None:
        verdict = "held" if case.held else "FAILED: " + " | ".join(case.failures)
        notes = f"  ({'; '.join(case.notes)})" if case.notes else ""
        print(
            f"[{case.number:3d}] {case.kind:<13} {case.how:<34} {seconds:5.1f} s  {verdict}{notes}",
            flush=True,
        )

    def summary(self) -> int:
        held = [c for c in self.cases if c.held]
        failed = [c for c in self.cases if not c.held]
        reasons = Counter(f"{c.kind}: {f.split(':')[0]}" for c in failed for f in c.failures)
        elapsed = time.monotonic() - self.started
        print(f"fault round done in {elapsed:.1f} s (seed {self.seed})")
        print(
            f"cases tried {len(self.cases)}, held {len(held)}, failed {len(failed)}"
            + (f", kinds skipped {len(self.skipped)}" if self.skipped else "")
        )
        for reason, count in sorted(reasons.items()):
            print(f"  failed ×{count}: {reason}")
        print(
            f"rows lost {sum(c.rows_lost for c in self.cases)}, "
            f"half-written packages {sum(c.half_written for c in self.cases)}, "
            f"leftover processes {sum(c.leftover_procs for c in self.cases)}"
        )
        print(
            "staging leftovers of killed exports swept by the next export: "
            f"{sum(c.swept for c in self.cases)}"
        )
        for kind, reason in sorted(self.skipped.items()):
            print(f"  skipped {kind}: {reason}")
        if not self.cases:
            print("no case fitted in the time given")
        return 1 if failed else 0

    def close(self) -> None:
        for proc in list(self.live):
            with contextlib.suppress(OSError):
                proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
        for token in self.tokens:
            self.kill_case_processes(token, str(self.dir))
        for folder in list(self.mounts):
            self.unmount(folder)
        if self.args.keep:
            print(f"kept {self.dir}")
        elif not self.mounts:  # never remove a folder a tmpfs is still mounted in
            shutil.rmtree(self.dir, ignore_errors=True)


# ---- the GUI save loop (a child process) ---------------------------------------------------
def gui_child(db: Path, year: int, seconds: float, saves: int, attachment_kib: int) -> int:
    """Open the real main window offscreen and save meetings through the meeting editor's
    save path until ``seconds`` are over; print ``roll N`` once, then ``saved ID`` after
    each save (flushed), ``problem …`` when a save fails."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from dualleader_desktop.domain.meetings import MeetingKind
    from dualleader_desktop.storage.database import Database
    from dualleader_desktop.ui.main_window import MainWindow
    from dualleader_desktop.ui.models.meeting_editor_models import AgendaModel

    app = QApplication.instance() or QApplication([])
    database = Database.open_file(db)
    window = MainWindow(database)
    window.show()
    page = window.page("meetings_page")
    files = Path.cwd() / "files"  # the case's folder: not the temp folder, which is checked
    files.mkdir(exist_ok=True)
    deadline = time.monotonic() + seconds
    number = 0
    while time.monotonic() < deadline and number < saves:
        number += 1
        editor = page.new_meeting(MeetingKind.BRANCH_ASSEMBLY)
        ui = editor.ui
        ui.dateEdit.setDate(QDate(year, 6, 15))  # one roll for every save
        ui.allPresentButton.click()  # a new roll starts unmarked: the secretary confirms it
        ui.themeEdit.setText(f"故障注入第{number}次保存")
        ui.placeEdit.setText("会议室")
        ui.minutesEdit.setPlainText("一、学习。\n二、研究工作。" * 20)
        for i in range(GUI_AGENDA):
            ui.addAgendaButton.click()
            editor.agenda.setData(editor.agenda.index(i, AgendaModel.COL_TITLE), f"议程{i + 1}")
        attachment = files / f"附件{number}.txt"
        line = f"第{number}次保存的附件\n".encode()
        attachment.write_bytes(line * (attachment_kib * 1024 // len(line) + 1))
        editor.pick_files = lambda path=attachment: [str(path)]
        ui.addFileButton.click()
        if number == 1:
            print(f"roll {editor.attendance.rowCount()}", flush=True)
        saved, problem = _save(editor)
        if problem:
            print(f"problem {problem}", flush=True)
            return 1
        print(f"saved {saved[0]}", flush=True)
        editor.deleteLater()
        app.processEvents()
    window.close()
    database.dispose()
    return 0


def _save(editor) -> tuple[list[int], str]:
    """Press 保存 (twice when warnings are shown first) and wait for the saved signal:
    (the saved meeting's id, or nothing; what went wrong, or "")."""
    from PySide6.QtCore import QEventLoop, QTimer

    saved: list[int] = []
    failed: list[str] = []
    loop = QEventLoop()
    editor.saved.connect(lambda meeting_id: (saved.append(meeting_id), loop.quit()))
    editor.save()
    if editor._task is None:  # warnings shown: the second press saves through them
        editor.save()
    if editor._task is None:
        return saved, f"save did not start: {editor.ui.warningsLabel.text()[:100]}"
    # a signal from the pool thread is queued: connected now, it is still delivered
    editor._task.signals.failed.connect(lambda message: (failed.append(message), loop.quit()))
    QTimer.singleShot(15000, loop.quit)
    loop.exec()
    if not saved:
        return saved, failed[0] if failed else "no save within 15 s"
    return saved, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, help="stop starting cases after this long")
    parser.add_argument("--cases", type=int, help="run this many cases")
    parser.add_argument("--seed", type=int, help="random seed (printed; default: random)")
    parser.add_argument("--keep", action="store_true", help="keep the round's folder")
    parser.add_argument("--kinds", help=f"only these kinds of case: {','.join(KINDS)}")
    parser.add_argument("--gui-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--year", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child-seconds", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--saves", type=int, default=10**6, help=argparse.SUPPRESS)
    parser.add_argument("--attachment-kib", type=int, default=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.gui_child:
        seconds = args.child_seconds or GUI_CHILD_SECONDS
        return gui_child(args.gui_child, args.year, seconds, args.saves, args.attachment_kib)
    if args.seconds is None and args.cases is None:
        args.seconds = 60.0
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1 << 31)
    if not sys.platform.startswith("linux"):
        print("fault round: needs Linux (/proc); skipped")
        return 0

    def stop(signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    round_ = Round(args)
    try:
        return round_.play()
    except KeyboardInterrupt:
        print("\ninterrupted")
        round_.summary()
        return 1
    finally:
        round_.close()


if __name__ == "__main__":
    sys.exit(main())
