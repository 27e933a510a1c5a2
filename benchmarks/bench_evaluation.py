"""民主评议党员: the tally and the rules recomputed after one keystroke in the ballot grid.

The evaluation page runs domain/evaluation.py's ``tally()`` and ``review()`` on the whole draft
each time a count changes, so both must fit well inside a frame (16 ms at 60 Hz) for a large
branch. A draft of 200 members and 200 ballots cast, graded as a branch would (优秀 at the
cap, one 基本合格 with its reason, the warning it raises explained, every step dated); each
keystroke sets one member's 合格 count (a different member each time) and recomputes both.
The same again with the 200 ballot papers typed one by one, where the counts are the papers'
(``count_papers`` over 200 × 200 marks first). And once more through the grid's Qt model in a
view painted offscreen, as the page runs it.

    .venv/bin/python benchmarks/bench_evaluation.py [--members 200] [--keystrokes 2000]
"""

from __future__ import annotations

import argparse
import random
import statistics
from datetime import date

from bench_meetings import timed  # the same timing of a call as the other benchmarks

from dualleader_desktop.domain.evaluation import (
    GRADES,
    Ballots,
    EvaluationDraft,
    EvaluationLine,
    Grade,
    Step,
    count_papers,
    excellent_cap,
    review,
    tally,
)

FRAME_MS = 16.0
STEP_DAYS = {
    Step.MOBILIZE: date(2025, 11, 11),
    Step.SELF_REVIEW: date(2025, 11, 25),
    Step.POLL: date(2025, 12, 2),
    Step.PROPOSE: date(2025, 12, 5),
    Step.DECIDE: date(2025, 12, 10),
    Step.NOTICE: date(2025, 12, 11),
    Step.FILE: date(2025, 12, 19),
}


def draft_of(members: int, rnd: random.Random) -> EvaluationDraft:
    """``members`` graded lines and as many ballots cast, each line's ballots adding up to the
    ballots cast, most of them for its grade (the 基本合格's most for 合格, explained)."""
    draft = EvaluationDraft(2025, ballots_cast=members)
    for step, day in STEP_DAYS.items():
        draft.step(step).on = day
    draft.step(Step.NOTICE).until = date(2025, 12, 17)
    cap = excellent_cap(members)
    for n in range(members):
        grade = Grade.EXCELLENT if n < cap else Grade.BASIC if n == cap else Grade.QUALIFIED
        top = round(members * rnd.uniform(0.6, 0.9))
        ballots = {
            Grade.EXCELLENT: Ballots(top, members - top),
            Grade.BASIC: Ballots(0, top, members - top),
            Grade.QUALIFIED: Ballots(members - top, top),
        }[grade]
        draft.lines.append(
            EvaluationLine(
                member_id=n + 1,
                name=f"党员{n + 1:03d}",
                ballots=ballots,
                proposed=grade,
                final=grade,
                reason="全年多次无故缺席组织生活" if grade == Grade.BASIC else "",
            )
        )
    draft.overrides[f"majority:{cap + 1}"] = "支委会结合其全年表现提出基本合格，党员大会表决同意"
    return draft


def keystrokes(draft: EvaluationDraft, count: int, type_one) -> list[float]:
    """ms per keystroke: ``type_one(n)`` changes one count (or one paper's mark), then the
    papers, if typed, give the counts, and tally and review run over the whole draft."""
    ids = [line.member_id for line in draft.lines]

    def recompute():
        if draft.papers:
            counted = count_papers(draft.papers, ids)
            for line in draft.lines:
                line.ballots = counted[line.member_id]
        return tally(draft).lines, review(draft).warnings

    times = []
    for n in range(count):
        type_one(n)
        times.append(timed(recompute, runs=1)[0])
    return times


def report(label: str, times: list[float]) -> None:
    p95 = statistics.quantiles(times, n=100)[94]
    print(
        f"{label}: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, "
        f"max {max(times):.2f} ms over {len(times)} keystrokes "
        f"(p95 {p95 / FRAME_MS:.0%} of the {FRAME_MS:.0f} ms frame)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--keystrokes", type=int, default=2000)
    args = parser.parse_args()
    rnd = random.Random(10)
    draft = draft_of(args.members, rnd)
    verdict = review(draft)
    assert not verdict.problems and not verdict.open_warnings, verdict
    print(
        f"{args.members} members, {draft.ballots_cast} ballots cast, "
        f"优秀 {excellent_cap(args.members)} (the cap), {len(verdict.warnings)} warning explained"
    )

    def set_count(n: int) -> None:  # a 合格 count typed: one up or down, within the cast
        ballots = draft.lines[n % len(draft.lines)].ballots
        room = draft.ballots_cast - ballots.total + ballots.qualified
        ballots.qualified = max(0, min(room, ballots.qualified + rnd.choice((-1, 1))))

    report("counts typed: tally + review", keystrokes(draft, args.keystrokes, set_count))
    # one paper per ballot cast, each marking every member, mostly with the member's grade
    draft.papers = [
        {
            line.member_id: line.final if rnd.random() < 0.7 else rnd.choice(GRADES[:3])
            for line in draft.lines
        }
        for _ in range(draft.ballots_cast)
    ]

    def set_mark(n: int) -> None:  # one mark on one paper changed
        paper = draft.papers[n % len(draft.papers)]
        paper[n % len(draft.lines) + 1] = rnd.choice(GRADES[:3])

    report(
        "papers typed, on closing the dialog: count_papers + tally + review",
        keystrokes(draft, max(100, args.keystrokes // 4), set_mark),
    )
    report(
        "a mark typed in the ballot dialog (200 papers): its model's mark + repaint",
        in_the_dialog(draft, max(100, args.keystrokes // 4)),
    )
    report(
        "in the grid: Qt model setData + review + row marks + repaint",
        in_the_grid(args.members, max(100, args.keystrokes // 4)),
    )


def _application():
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _shown(model):
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    view.setModel(model)
    view.resize(1000, 600)
    view.show()
    return view


def in_the_dialog(draft: EvaluationDraft, count: int) -> list[float]:
    """ms per key in the ballot-by-ballot dialog: one mark on the current paper, its row's
    totals over every paper, and the repaint."""
    app = _application()
    from dualleader_desktop.ui.models.ballot_model import PaperModel

    rnd = random.Random(12)
    rows = [(line.member_id, line.name) for line in draft.lines]
    model = PaperModel(rows, GRADES, draft.papers)
    view = _shown(model)
    app.processEvents()

    def keystroke(n: int):
        model.mark(n % len(rows), rnd.choice(GRADES[:3]))
        app.processEvents()
        return rows

    times = [timed(lambda n=n: keystroke(n), runs=1)[0] for n in range(count)]
    view.close()
    return times


def in_the_grid(members: int, count: int) -> list[float]:
    """ms per keystroke as the page has it: a count set through the grid's Qt model (which
    re-tallies and repaints the row) and the rules' verdict marked on the rows, in a view
    painted offscreen."""
    app = _application()
    from dualleader_desktop.ui.models.evaluation_model import COL_QUALIFIED, EvaluationModel

    rnd = random.Random(11)
    draft = draft_of(members, rnd)
    model = EvaluationModel()
    model.set_draft(draft)
    view = _shown(model)
    app.processEvents()

    def keystroke(n: int):
        row = n % members
        line = model.line_at(row)
        room = draft.ballots_cast - line.ballots.total + line.ballots.qualified
        value = max(0, min(room, line.ballots.qualified + rnd.choice((-1, 1))))
        model.setData(model.index(row, COL_QUALIFIED), str(value))
        verdict = review(draft)
        model.set_marks(
            {w.member_id: ("warning", w.message) for w in verdict.open_warnings if w.member_id}
        )
        app.processEvents()  # the repaint of what changed
        return verdict.warnings

    times = [timed(lambda n=n: keystroke(n), runs=1)[0] for n in range(count)]
    view.close()
    return times


if __name__ == "__main__":
    main()
