"""How global search ranks what it finds before any record is read in full: each match's group
(``Match``) and its place inside the group, from titles, names and dates alone (the rule is in
services/search.py's docstring)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from dualleader_desktop.domain.member_search import member_matches
from dualleader_desktop.services.scope import branch_of
from dualleader_desktop.storage import search_index
from dualleader_desktop.storage.evaluation_models import Evaluation, EvaluationStep, Survey
from dualleader_desktop.storage.models import Member
from dualleader_desktop.storage.records_models import Meeting, Talk
from dualleader_desktop.storage.search_index import SearchKind


class Match(IntEnum):
    """Why a record was found; results are listed in this order (the module says how
    inside each group)."""

    NAME = 0  # 党员：姓名即查询
    IN_NAME = 1  # 党员：姓名中有查询的字词
    IN_TITLE = 2  # 会议主题、谈话主题、民主评议或满意度测评的标题中有
    MEMBER_FIELD = 3  # 党员：部门、职称、职务、电话或身份证号中有
    IN_TEXT = 4  # 记录的其他内容中有


@dataclass(frozen=True)
class Ranked:
    """A matching record before it is read in full: its group and its place inside it."""

    match: Match
    order: tuple  # members: (not begins with the query, length, name); records: (-date,)
    kind: SearchKind
    record_id: int

    def key(self) -> tuple:
        return (self.match, self.order, int(self.kind), -self.record_id)


def evaluation_title(year: int) -> str:
    """The title of a year's 民主评议党员 in the results; the index holds these words."""
    return f"{year}年民主评议党员"


def survey_title(year: int) -> str:
    """The title of a year's satisfaction survey in the results; the index holds these words."""
    return f"{year}年双带头人满意度测评"


def holds(text: str, keys: list[str]) -> bool:
    folded = search_index.fold(text)
    return all(key in folded for key in keys)


def rank_members(session: Session, needle: str, keys: list[str]) -> list[Ranked]:
    """The branch's members the query finds. A branch has tens of members (hundreds at most):
    they are matched here, as the index matches (``_finds``), not in the index, where a common
    word's thousands of meetings would be walked to find the few members among them. ID
    numbers and phones are not in the index: found by the roster's own rule."""
    rows = session.execute(
        select(
            Member.id,
            Member.name,
            Member.department,
            Member.title,
            Member.post,
            Member.id_number,
            Member.phone,
        ).where(Member.branch_id == branch_of(session))
    )
    query = "".join(keys)
    ranked = []
    for m in rows:
        if not (_finds((m.name, m.department, m.title, m.post), keys) or member_matches(m, needle)):
            continue
        if "".join(search_index.terms(m.name)) == query:
            match = Match.NAME
        elif holds(m.name, keys):
            match = Match.IN_NAME
        else:
            match = Match.MEMBER_FIELD
        order = (not search_index.fold(m.name).startswith(keys[0]), len(m.name), m.name)
        ranked.append(Ranked(match, order, SearchKind.MEMBER, m.id))
    return ranked


def _finds(parts: Iterable[str], keys: list[str]) -> bool:
    """The index's rule (storage/search_backend.py): every term of the query inside one term of
    one of the fields."""
    words = [word for part in parts for word in search_index.terms(part or "")]
    return all(any(key in word for word in words) for key in keys)


def rank_records(session: Session, model, ids: list[int], keys: list[str]) -> list[Ranked]:
    """Meetings (``model`` Meeting) or talks (Talk), by their titles and dates only."""
    if not ids:
        return []
    kind, title, on = (
        (SearchKind.MEETING, Meeting.theme, Meeting.meeting_date)
        if model is Meeting
        else (SearchKind.TALK, Talk.topic, Talk.talk_date)
    )
    # by id alone, the branch checked below: with ``branch_id = ?`` beside the ids SQLite walks
    # the branch's index, every meeting of the branch (50 000: 50 ms instead of 5)
    rows = session.execute(
        select(model.id, title, on, model.branch_id).where(
            model.id.in_(bindparam("ids", expanding=True))
        ),
        {"ids": ids},
    )
    mine = branch_of(session)
    ranked = []
    for record_id, text, day, branch_id in rows:
        if branch_id != mine:
            continue
        match = Match.IN_TITLE if holds(text, keys) else Match.IN_TEXT
        ranked.append(Ranked(match, (-day.toordinal(),), kind, record_id))
    return ranked


def rank_yearly(session: Session, model, ids: list[int], keys: list[str]) -> list[Ranked]:
    """Evaluations (``model`` Evaluation) or surveys (Survey), by their titles and dates: an
    evaluation's latest step, a survey's day, else the last day of the year."""
    if not ids:
        return []
    if model is Evaluation:
        kind, title = SearchKind.EVALUATION, evaluation_title
        on = (
            select(func.max(EvaluationStep.on_date))
            .where(EvaluationStep.evaluation_id == Evaluation.id)
            .scalar_subquery()
        )
    else:
        kind, title, on = SearchKind.SURVEY, survey_title, Survey.survey_date
    rows = session.execute(
        select(model.id, model.year, on, model.branch_id).where(
            model.id.in_(bindparam("ids", expanding=True))
        ),
        {"ids": ids},
    )
    mine = branch_of(session)
    ranked = []
    for record_id, year, day, branch_id in rows:
        if branch_id != mine:
            continue
        match = Match.IN_TITLE if holds(title(year), keys) else Match.IN_TEXT
        day = day or date(year, 12, 31)
        ranked.append(Ranked(match, (-day.toordinal(),), kind, record_id))
    return ranked


def matches_of(page: list[Ranked], kind: SearchKind) -> dict[int, Match]:
    return {r.record_id: r.match for r in page if r.kind == kind}
