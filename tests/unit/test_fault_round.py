"""The judgements of tools/fault_round.py: pure functions, no processes."""

import importlib.util
import random
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "fault_round.py"
spec = importlib.util.spec_from_file_location("fault_round", SCRIPT)
fr = importlib.util.module_from_spec(spec)
sys.modules.setdefault("fault_round", fr)  # its dataclasses look their module up
spec.loader.exec_module(fr)

BEFORE = {"members": 100, "meetings": 70, "attendance": 1200, fr.MEMBERS_DIGEST: "a"}
AFTER = {"members": 120, "meetings": 70, "attendance": 1200, fr.MEMBERS_DIGEST: "b"}


def test_before_and_after_are_told_apart():
    assert fr.judge(dict(BEFORE), BEFORE, AFTER).state == "before"
    assert fr.judge(dict(AFTER), BEFORE, AFTER).state == "after"


def test_counts_between_are_never_accepted():
    verdict = fr.judge({**BEFORE, "members": 110}, BEFORE, AFTER)
    assert verdict.state == "between"
    assert verdict.differs == ("members",)
    assert verdict.rows_lost == 0


def test_rows_changed_in_part_are_between_although_the_counts_match():
    # an update of changed rows applied to some of them: counts of "after", rows of neither
    verdict = fr.judge({**AFTER, fr.MEMBERS_DIGEST: "c"}, BEFORE, AFTER)
    assert verdict.state == "between"
    assert verdict.differs == (fr.MEMBERS_DIGEST,)


def test_one_state_mixed_from_both_is_between():
    # the members of "after" with the digest of "before"
    verdict = fr.judge({**AFTER, fr.MEMBERS_DIGEST: "a"}, BEFORE, AFTER)
    assert verdict.state == "between"


def test_rows_lost_counts_what_both_states_have():
    verdict = fr.judge({**BEFORE, "attendance": 1150}, BEFORE, AFTER)
    assert verdict.rows_lost == 50
    assert fr.rows_lost({"members": 130}, {"members": 100}, {"members": 120}) == 0


def test_a_missing_table_is_an_empty_one():
    empty = {"members": 0, "meetings": 0}
    assert fr.judge({}, empty, {"members": 36, "meetings": 70}).state == "before"
    assert fr.judge({"members": 36}, empty, {"members": 36, "meetings": 70}).state == "between"


def test_add_states_counts_reported_saves():
    delta = {"meetings": 1, "attendance": 34}
    assert fr.add_states(BEFORE, delta, 3) == {**BEFORE, "meetings": 73, "attendance": 1302}
    assert fr.add_states(BEFORE, delta, 0) == BEFORE


def test_leftovers_by_kind():
    found = fr.leftovers(
        [
            ".Z001-WS·2025-归档包.partial-p12-s34-h0a1b2c3d-xyz",
            ".Z001-WS·2025-归档包.zip.partial-abc",
            "Z001-WS·2025-归档包",
            "Z001-WS·2025-归档包.zip",
            "dl-preview-p1-s2-h3-x",
            ".incoming-q1",
        ]
    )
    assert len(found["partial"]) == 2
    assert found["preview"] == ["dl-preview-p1-s2-h3-x"]
    assert found["incoming"] == [".incoming-q1"]


def test_case_processes_are_marked_or_name_the_case_folder():
    procs = [
        fr.Proc(10, 1, "S", "python -m x --out /tmp/r/case-0001/out", False),
        fr.Proc(11, 1, "S", "python -c from multiprocessing.spawn ...", True),
        fr.Proc(12, 1, "Z", "", True),  # ended: a zombie
        fr.Proc(13, 1, "S", "python other", False),
        fr.Proc(14, 1, "S", "python tools/fault_round.py", True),  # this script
    ]
    found = fr.case_processes(procs, "/tmp/r/case-0001", me=14)
    assert [p.pid for p in found] == [10, 11]


def test_kinds_are_chosen_from_those_available():
    rng = random.Random(3)
    chosen = {fr.choose_kind(rng, {"demo": 1, "export": 3}) for _ in range(50)}
    assert chosen == {"demo", "export"}
    assert set(fr.CASE_METHODS) == set(fr.KINDS)


def test_a_program_that_cannot_load_is_told_from_its_faults():
    broken = "Traceback (most recent call last):\n  ...\nModuleNotFoundError: No module named 'x'\n"
    assert fr.startup_error(broken).startswith("ModuleNotFoundError")
    assert fr.startup_error("Traceback ...\nOSError: [Errno 28] No space left on device") is None
    assert fr.startup_error("写入失败：磁盘已满") is None
