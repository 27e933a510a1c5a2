"""Global search: members, meetings and talks found by any piece of their text, ranked.

The search backend (storage/search_backend.py) returns the newest matching records; here they are read
back, scored (a hit in the title counts more than one in the minutes, several hits more than
one, newer a little more than older) and given a snippet with the match highlighted.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dualleader_desktop.services.members import search_condition
from dualleader_desktop.services.scope import BranchScoped, branch_of
from dualleader_desktop.storage import search_index
from dualleader_desktop.storage.models import Member
from dualleader_desktop.storage.records_models import Meeting, Talk, TalkParticipant
from dualleader_desktop.storage.search_backend import search_backend
from dualleader_desktop.storage.search_index import SearchKind

SNIPPET_RADIUS = 24
TITLE_WEIGHT = 10
# a title that is the query itself (a member's name) comes before texts that name it often
EXACT_TITLE_WEIGHT = 1000


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    record_id: int
    title: str
    subtitle: str
    snippet_html: str
    on: date | None
    score: float


class _Found(NamedTuple):
    """A hit before its snippet, which is made only for the hits that are shown."""

    hit: SearchHit
    source: str


def member_parts(member: Member) -> tuple[str, ...]:
    return (member.name, member.department, member.title, member.post)


def index_members(session: Session, member_ids: Iterable[int]) -> None:
    """Refresh the index entries of these members (after an add, edit or import)."""
    backend = search_backend(session.connection())
    for member in session.scalars(select(Member).where(Member.id.in_(list(member_ids)))):
        backend.index(SearchKind.MEMBER, member.id, member_parts(member), member.branch_id)


class SearchService(BranchScoped):
    """Hits of the service's branch only: the index filters by branch, the reads below too."""

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        needle = query.strip()
        if not needle:
            return []
        with self.session() as session:
            branch_id = branch_of(session)
            found = search_backend(session.connection()).query(
                needle, limit=200, branch_id=branch_id
            )
            ids: dict[SearchKind, list[int]] = {kind: [] for kind in SearchKind}
            for kind, record_id, _score in found:
                ids[kind].append(record_id)
            # ID numbers and phones are not in the text index: the roster's own condition
            like = (
                select(Member.id)
                .where(Member.branch_id == branch_id, search_condition(needle))
                .limit(200)
            )
            ids[SearchKind.MEMBER] = list(
                dict.fromkeys([*ids[SearchKind.MEMBER], *session.scalars(like)])
            )
            hits = [
                *self._members(session, ids[SearchKind.MEMBER], needle),
                *self._meetings(session, ids[SearchKind.MEETING], needle),
                *self._talks(session, ids[SearchKind.TALK], needle),
            ]
        hits.sort(key=lambda found: (-found.hit.score, -(found.hit.on or date.min).toordinal()))
        return [
            replace(found.hit, snippet_html=highlight(found.source, needle))
            for found in hits[:limit]
        ]

    def _members(self, session: Session, ids: list[int], needle: str) -> list[_Found]:
        if not ids:
            return []
        hits = []
        mine = Member.branch_id == branch_of(session)
        for m in session.scalars(select(Member).where(Member.id.in_(ids), mine)):
            body = " ".join(member_parts(m)[1:])
            # shown only when typed in: the user already has the number
            for number in (m.phone, m.id_number):
                if search_index.fold(needle).upper() in number:
                    body = f"{number} {body}"
            hits.append(
                _hit(
                    SearchKind.MEMBER,
                    m.id,
                    m.name,
                    f"党员 · {m.department}",
                    None,
                    needle,
                    m.name,
                    body,
                )
            )
        return hits

    def _meetings(self, session: Session, ids: list[int], needle: str) -> list[_Found]:
        if not ids:
            return []
        rows = session.scalars(
            select(Meeting)
            .where(Meeting.id.in_(ids), Meeting.branch_id == branch_of(session))
            .options(selectinload(Meeting.agenda))
        )
        return [
            _hit(
                SearchKind.MEETING,
                m.id,
                m.theme,
                f"{m.kind.label} · {m.meeting_date:%Y-%m-%d}",
                m.meeting_date,
                needle,
                m.theme,
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

    def _talks(self, session: Session, ids: list[int], needle: str) -> list[_Found]:
        if not ids:
            return []
        talks = session.scalars(
            select(Talk).where(Talk.id.in_(ids), Talk.branch_id == branch_of(session))
        ).all()
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
                f"{t.kind.label} · {t.talk_date:%Y-%m-%d}",
                t.talk_date,
                needle,
                t.topic,
                "\n".join((people[t.id], t.content, t.member_view, t.follow_up, t.place)),
            )
            for t in talks
        ]


def _hit(kind, record_id, title, subtitle, on, needle, title_text, body) -> _Found:
    keys = search_index.terms(needle)
    folded_title, folded_body = search_index.fold(title_text), search_index.fold(body)
    in_title = sum(folded_title.count(key) for key in keys)
    in_body = sum(folded_body.count(key) for key in keys)
    recency = (on.toordinal() / 1_000_000) if on else 0.0
    exact = EXACT_TITLE_WEIGHT if folded_title == search_index.fold(needle) else 0
    score = exact + in_title * TITLE_WEIGHT + in_body + recency
    source = body if in_body else title_text
    return _Found(SearchHit(kind, record_id, title, subtitle, "", on, score), source)


def highlight(text: str, needle: str, radius: int = SNIPPET_RADIUS) -> str:
    """A one-line HTML snippet around the first match, every match of every term of the
    query in bold. Compared as the index compares (full-width = half-width, any case); shown
    as written where folding keeps the length, so the marks line up."""
    shown = " ".join(text.split())
    flat = search_index.fold(shown)
    if len(flat) != len(shown):  # a character folded into two (rare): show the folded text
        shown = flat
    keys = search_index.terms(needle)
    matches = sorted((found, found + len(key)) for key in keys for found in _all_at(flat, key))
    if not matches:
        return html.escape(shown[: radius * 2])
    start = max(0, matches[0][0] - radius)
    end = min(len(flat), matches[0][1] + radius)
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
