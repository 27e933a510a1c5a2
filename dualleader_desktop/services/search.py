"""Global search: members, meetings, talks, the yearly 民主评议党员 and 满意度测评 found by any
piece of their text, ranked.

Records (meetings, talks, evaluations, surveys) are found by the search backend
(storage/search_backend.py), newest first;
the branch's members (tens, hundreds at most) are matched here as the index matches, and by the
roster's own rule for ID numbers and phones. All are ranked; only the page shown is read in
full and given a snippet with the match highlighted.

The ranking rule (``Match``): a hit's group first, then its place inside the group.

1. 党员 whose name is the query (王伟 for "王伟");
2. 党员 whose name holds the query (王伟 and 王家豪 for "王");
3. records whose title holds the query: a meeting's theme, a talk's topic, an evaluation's
   "2025年民主评议党员", a survey's "2025年双带头人满意度测评";
4. 党员 found by another field (department, title, post, phone, ID number);
5. records found in their other text (a meeting's agenda, minutes, who took part, place …;
   an evaluation's members, 个人总结, reasons, notes; a survey's secretary, items, notes).

Members (groups 1, 2, 4) have no date: names that begin with the query first, then shorter
names, then by name. Records (3, 5): newest first; an evaluation is dated by its latest step,
a survey by its day (either, without one, by its year's last day). Ties: kind, then newest
id, so a page never repeats or skips a record of the page before. "Holds the query" means
holds every term of it, compared as the index compares (``search_index.fold``).

An evaluation is one hit however many of its members' lines match: its 说明 names the first
member whose line (name, reason, 个人总结) holds the query, and how many more, its snippet
shows the match in that line; else the notes or the explanations kept for warnings.

Pages: the backend is asked for up to ``CANDIDATES`` records; all of those are
ranked, by their titles and dates alone, and cut into pages. A query that matches more says so
(``SearchResults.complete`` False): its ranking covers the newest ``CANDIDATES`` of them, and a
longer query narrows them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dualleader_desktop.services.scope import BranchScoped, branch_of
from dualleader_desktop.services.search_ranking import (
    Match,
    Ranked,
    evaluation_title,
    holds,
    matches_of,
    rank_members,
    rank_records,
    rank_yearly,
    survey_title,
)
from dualleader_desktop.storage import search_index
from dualleader_desktop.storage.evaluation_models import Evaluation, Survey
from dualleader_desktop.storage.models import Member
from dualleader_desktop.storage.records_models import Meeting, Talk, TalkParticipant
from dualleader_desktop.storage.search_backend import search_backend
from dualleader_desktop.storage.search_index import SearchKind

# a snippet starts a little before the first match, so the match shows at the start of a
# narrow column, and runs on after it
SNIPPET_BEFORE = 10
SNIPPET_AFTER = 40
PAGE_SIZE = 50
# matches ranked per query: about five years of a branch's meetings and talks (~110 a year).
# A word found in more is ranked among its newest CANDIDATES matches, and the page says so.
# Measured over 50 000 meetings, 500 cost what the 200 read before this rule did (SQLite
# 25 ms against 40, PostgreSQL 30-45 ms alike); 1000 cost 1.3-2x that on PostgreSQL.
CANDIDATES = 500


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    record_id: int
    title: str
    # a meeting's or talk's kind, a member's department, an evaluation's member whose line
    # matched, a survey's secretary
    subtitle: str
    snippet_html: str
    on: date | None  # a record's date (module docstring); None for a member
    match: Match


@dataclass(frozen=True)
class SearchResults:
    """One page of a query's hits, in rank order, and what is known of the rest."""

    hits: list[SearchHit]
    offset: int  # how many ranked hits come before this page
    total: int  # hits ranked: all the matches when ``complete``
    complete: bool  # False: more records match than the CANDIDATES ranked

    @property
    def shown_to(self) -> int:
        """How many hits this page and those before it hold."""
        return self.offset + len(self.hits)

    @property
    def has_more(self) -> bool:
        """Whether another page of ranked hits follows."""
        return self.shown_to < self.total


def member_parts(member: Member) -> tuple[str, ...]:
    return (member.name, member.department, member.title, member.post)


def index_members(session: Session, member_ids: Iterable[int]) -> None:
    """Refresh the index entries of these members (after an add, edit or import)."""
    backend = search_backend(session.connection())
    for member in session.scalars(select(Member).where(Member.id.in_(list(member_ids)))):
        backend.index(SearchKind.MEMBER, member.id, member_parts(member), member.branch_id)


class SearchService(BranchScoped):
    """Hits of the service's branch only: the index filters by branch, the reads below too."""

    def search(self, query: str, *, limit: int = PAGE_SIZE) -> list[SearchHit]:
        """The first ``limit`` hits of ``query``, in rank order."""
        return self.search_page(query, limit=limit).hits

    def search_page(self, query: str, *, offset: int = 0, limit: int = PAGE_SIZE) -> SearchResults:
        """The hits ranked ``offset`` to ``offset + limit`` of ``query``."""
        needle = query.strip()
        keys = search_index.terms(needle)
        if not keys:
            return SearchResults([], 0, 0, True)
        with self.session() as session:
            branch_id = branch_of(session)
            backend = search_backend(session.connection())
            # every kind asked for, the members left out here: PostgreSQL, told the kinds,
            # reads every entry of them instead of asking the trigram index (8x slower)
            found = backend.query(needle, limit=CANDIDATES + 1, branch_id=branch_id)
            complete = len(found) <= CANDIDATES
            ids: dict[SearchKind, list[int]] = {kind: [] for kind in SearchKind}
            for hit in found[:CANDIDATES]:
                ids[hit.kind].append(hit.record_id)
            ranked = sorted(
                [
                    *rank_members(session, needle, keys),
                    *rank_records(session, Meeting, ids[SearchKind.MEETING], keys),
                    *rank_records(session, Talk, ids[SearchKind.TALK], keys),
                    *rank_yearly(session, Evaluation, ids[SearchKind.EVALUATION], keys),
                    *rank_yearly(session, Survey, ids[SearchKind.SURVEY], keys),
                ],
                key=Ranked.key,
            )
            page = ranked[max(0, offset) : max(0, offset) + max(0, limit)]
            hits = {
                (hit.kind, hit.record_id): hit
                for hit in [
                    *self._members(session, matches_of(page, SearchKind.MEMBER), needle),
                    *self._meetings(session, matches_of(page, SearchKind.MEETING), needle),
                    *self._talks(session, matches_of(page, SearchKind.TALK), needle),
                    *self._evaluations(session, matches_of(page, SearchKind.EVALUATION), needle),
                    *self._surveys(session, matches_of(page, SearchKind.SURVEY), needle),
                ]
            }
        shown = [hits[r.kind, r.record_id] for r in page if (r.kind, r.record_id) in hits]
        return SearchResults(shown, max(0, offset), len(ranked), complete)

    def _members(self, session: Session, ranked: dict[int, Match], needle: str) -> list:
        if not ranked:
            return []
        hits = []
        for m in session.scalars(select(Member).where(Member.id.in_(list(ranked)))):
            body = " ".join(member_parts(m)[1:])
            # shown only when typed in: the user already has the number
            for number in (m.phone, m.id_number):
                if search_index.fold(needle).upper() in number:
                    body = f"{number} {body}"
            hits.append(
                _hit(
                    SearchKind.MEMBER, m.id, m.name, m.department, None, ranked[m.id], needle, body
                )
            )
        return hits

    def _meetings(self, session: Session, ranked: dict[int, Match], needle: str) -> list:
        if not ranked:
            return []
        rows = session.scalars(
            select(Meeting)
            .where(Meeting.id.in_(list(ranked)))
            .options(selectinload(Meeting.agenda))
        )
        return [
            _hit(
                SearchKind.MEETING,
                m.id,
                m.theme,
                m.kind.label,
                m.meeting_date,
                ranked[m.id],
                needle,
                "\n".join(
                    (
                        *(item.title for item in m.agenda),
                        m.minutes,
                        m.resolutions,
                        m.host_name,
                        m.recorder_name,
                        m.speaker,
                        m.place,
                    )
                ),
            )
            for m in rows
        ]

    def _talks(self, session: Session, ranked: dict[int, Match], needle: str) -> list:
        if not ranked:
            return []
        ids = list(ranked)
        talks = session.scalars(select(Talk).where(Talk.id.in_(ids))).all()
        people: dict[int, str] = {t.id: "" for t in talks}
        rows = session.execute(
            select(TalkParticipant.talk_id, Member.name)
            .join(Member, Member.id == TalkParticipant.member_id)
            .where(TalkParticipant.talk_id.in_(ids))
        )
        for talk_id, name in rows:
            people[talk_id] = f"{people[talk_id]} {name}".strip()
        return [
            _hit(
                SearchKind.TALK,
                t.id,
                t.topic,
                t.kind.label,
                t.talk_date,
                ranked[t.id],
                needle,
                "\n".join((people[t.id], t.content, t.member_view, t.follow_up, t.place)),
            )
            for t in talks
        ]

    def _evaluations(self, session: Session, ranked: dict[int, Match], needle: str) -> list:
        if not ranked:
            return []
        keys = search_index.terms(needle)
        rows = session.scalars(
            select(Evaluation)
            .where(Evaluation.id.in_(list(ranked)))
            .options(selectinload(Evaluation.lines), selectinload(Evaluation.steps))
        )
        hits = []
        for e in rows:
            lines = [
                (line, f"{line.member_name}：{line.reason}\n{line.self_review}") for line in e.lines
            ]
            matched = [(line, text) for line, text in lines if holds(text, keys)]
            remarks = "\n".join((e.notes, *(e.overrides or {}).values()))
            if matched:
                line, body = matched[0]
                grade = line.final or line.proposed
                subtitle = line.member_name + (f"（{grade.label}）" if grade else "")
                subtitle += f"等 {len(matched)} 人" if len(matched) > 1 else ""
            elif holds(remarks, keys):
                subtitle, body = "评议情况说明", remarks
            else:  # the terms in different lines: the first of them shown
                subtitle, body = "", "\n".join((remarks, *(text for _line, text in lines)))
            on = max((s.on_date for s in e.steps if s.on_date), default=None)
            title = evaluation_title(e.year)
            hits.append(
                _hit(SearchKind.EVALUATION, e.id, title, subtitle, on, ranked[e.id], needle, body)
            )
        return hits

    def _surveys(self, session: Session, ranked: dict[int, Match], needle: str) -> list:
        if not ranked:
            return []
        return [
            _hit(
                SearchKind.SURVEY,
                s.id,
                survey_title(s.year),
                s.secretary_name,
                s.survey_date,
                ranked[s.id],
                needle,
                "\n".join((s.notes, s.secretary_name, *(item["name"] for item in s.items))),
            )
            for s in session.scalars(select(Survey).where(Survey.id.in_(list(ranked))))
        ]


def _hit(kind, record_id, title, subtitle, on, match, needle, body) -> SearchHit:
    keys = search_index.terms(needle)
    folded_body = search_index.fold(body)
    # the snippet shows the match in the text when there is one, else the title's
    source = body if any(key in folded_body for key in keys) else title
    return SearchHit(kind, record_id, title, subtitle, highlight(source, needle), on, match)


def highlight(
    text: str, needle: str, before: int = SNIPPET_BEFORE, after: int = SNIPPET_AFTER
) -> str:
    """A one-line HTML snippet from a little before the first match, every match of every
    term of the query in bold. Compared as the index compares (full-width = half-width, any case); shown
    as written where folding keeps the length, so the marks line up."""
    shown = " ".join(text.split())
    flat = search_index.fold(shown)
    if len(flat) != len(shown):  # a character folded into two (rare): show the folded text
        shown = flat
    keys = search_index.terms(needle)
    matches = sorted((found, found + len(key)) for key in keys for found in _all_at(flat, key))
    if not matches:
        return html.escape(shown[: before + after])
    start = max(0, matches[0][0] - before)
    end = min(len(flat), matches[0][1] + after)
    out, pos = [], start
    for begin, stop in matches:
        if begin < pos or stop > end:
            continue  # overlapping another mark, or outside the snippet
        out.append(html.escape(shown[pos:begin]))
        out.append(f"<b>{html.escape(shown[begin:stop])}</b>")
        pos = stop
    out.append(html.escape(shown[pos:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    return prefix + "".join(out) + suffix


def _all_at(text: str, key: str) -> list[int]:
    found, at = [], text.find(key)
    while at >= 0:
        found.append(at)
        at = text.find(key, at + len(key))
    return found
