"""``dualleader evaluation``: a year's 民主评议党员 as text or JSON — the tally, the grades, and
what the rules still object to — for the secretary's own check and the department's scripts.

Exit 0 when the evaluation is there and nothing is refused or left unexplained, 1 otherwise.
"""

from __future__ import annotations

import json
import sys

from dualleader_desktop.commands import chosen_branch, open_existing_database


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def evaluation(args) -> int:
    from dualleader_desktop.domain.evaluation import GRADES, Step, share_label, tally
    from dualleader_desktop.domain.satisfaction import overall, percent
    from dualleader_desktop.services.composition import BranchServices
    from dualleader_desktop.services.errors import ServiceError
    from dualleader_desktop.storage.errors import DatabaseError

    try:
        db = open_existing_database(args.db, args.database_url, args.attachments_dir)
    except DatabaseError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        services = BranchServices(db, chosen_branch(db, args.branch))
        record = services.evaluations.find(args.year)
        if record is None:
            print(f"{args.year} 年还没有民主评议记录。", file=sys.stderr)
            return 1
        draft = record.draft
        verdict = services.evaluations.review(draft)
        survey = services.surveys.find(args.year)
    except (ServiceError, DatabaseError) as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        db.dispose()
    result = tally(draft)
    open_warnings = verdict.open_warnings
    if args.json:
        payload = {
            "year": draft.year,
            "ballots_cast": result.cast,
            "excellent_cap": result.cap,
            "excellent_share": share_label(draft.excellent_share),
            "steps": {
                e.step.value: {
                    "on": e.on and e.on.isoformat(),
                    "until": e.until and e.until.isoformat(),
                }
                for e in draft.steps
            },
            "members": [
                {
                    "name": line.name,
                    "probationary": line.probationary,
                    "ballots": dict(zip((g.value for g in GRADES), line.counts, strict=True)),
                    "good_share": round(line.good_share, 4),
                    "proposed": line.proposed and line.proposed.value,
                    "final": line.final and line.final.value,
                }
                for line in result.lines
            ],
            "distribution": {g.value: n for g, n in result.distribution.items()},
            "problems": list(verdict.problems.values()),
            "warnings": [w.message for w in open_warnings],
            "explained": [
                {"warning": w.message, "reason": verdict.explained[w.key]}
                for w in verdict.warnings
                if w.key in verdict.explained
            ],
        }
        if survey is not None:
            rates = overall(survey.draft.items)
            payload["survey"] = {
                "secretary": survey.draft.secretary_name,
                "respondents": survey.draft.respondents,
                "simple": rates.simple,
                "weighted": rates.weighted,
                "headline": survey.draft.headline.value,
            }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        poll = draft.step(Step.POLL).on
        print(
            f"{draft.year} 年度民主评议党员：参评 {len(result.lines)} 人，投票 {result.cast} 人"
            + (f"（民主测评 {poll:%Y-%m-%d}）" if poll else "")
        )
        print("姓名\t优秀\t合格\t基本合格\t不合格\t优秀+合格\t支委会建议\t最终等次")
        for line in result.lines:
            name = f"{line.name}（预备）" if line.probationary else line.name
            grades = [g.label if g else "—" for g in (line.proposed, line.final)]
            print("\t".join([name, *map(str, line.counts), _percent(line.good_share), *grades]))
        print(
            "等次分布："
            + "，".join(f"{g.label} {n} 人" for g, n in result.distribution.items())
            + f"；优秀最多 {result.cap} 人（{share_label(draft.excellent_share)}）"
        )
        if survey is not None:
            rates = overall(survey.draft.items)
            print(
                f"双带头人满意度测评（{survey.draft.secretary_name}）：满意率 {percent(rates.simple)}，"
                f"加权满意度 {percent(rates.weighted)}"
            )
        for text in verdict.problems.values():
            print(f"不能保存：{text}")
        for warning in open_warnings:
            print(f"警告：{warning.message}")
    return 1 if verdict.problems or open_warnings else 0
