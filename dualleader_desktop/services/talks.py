"""Talks (谈心谈话): saving, listing, and who has not been talked with this year."""

from __future__ import annotations

from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from dualleader_desktop.domain.talk_records import (
    TALK_SCALAR_FIELDS,
    CoverageLine,
    TalkDraft,
    TalkRecord,
    TalkSummary,
)
from dualleader_desktop.domain.talks import TalkKind, TalkRole, uncovered_pairs
from dualleader_desktop.domain.text import strip_control_chars
from dualleader_desktop.services.attachments import AttachmentStore
from dualleader_desktop.services.attendance import roll_on
from dualleader_desktop.services.branch import committee_seats
from dualleader_desktop.services.errors import NotFoundError
from dualleader_desktop.services.history import EntityKind, talk_snapshot
from dualleader_desktop.services.scope import BranchScoped, branch_of, owned
from dualleader_desktop.services.versioned import RecordKind, VersionedRecords
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import Member
from dualleader_desktop.storage.records_models import Talk, TalkParticipant
from dualleader_desktop.storage.search_backend import search_backend
from dualleader_desktop.storage.search_index import SearchKind

# the free text of a talk, cleaned of control characters before it is checked and saved
_TEXT_FIELDS = ("place", "topic", "content", "member_view", "follow_up")


def apply_draft(talk: Talk, draft: TalkDraft) -> None:
    """Put a checked draft's fields and participants into a talk row (a save, or a restore
    from the change log)."""
    for name in TALK_SCALAR_FIELDS:
        setattr(talk, name, getattr(draft, name))
    talk.participants = [
        TalkParticipant(member_id=m, role=TalkRole.TALKER) for m in dict.fromkeys(draft.talker_ids)
    ] + [
        TalkParticipant(member_id=m, role=TalkRole.TALKEE) for m in dict.fromkeys(draft.talkee_ids)
    ]


def index_talk(session: Session, talk_id: int, draft: TalkDraft) -> None:
    """Put (or replace) a talk's text, with the names of who took part, in the search index."""
    names = TalkService._names(session, draft.talker_ids + draft.talkee_ids)
    search_backend(session.connection()).index(
        SearchKind.TALK,
        talk_id,
        (
            draft.topic,
            " ".join(names.values()),
            draft.place,
            draft.content,
            draft.member_view,
            draft.follow_up,
        ),
        branch_of(session),
    )


def _references(draft: TalkDraft) -> tuple[str, list[int | None], int | None]:
    """Who a talk names: all must be of its own branch."""
    return "talkee_ids", draft.talker_ids + draft.talkee_ids, None


TALKS = RecordKind(
    model=Talk,
    entity=EntityKind.TALK,
    search=SearchKind.TALK,
    link="talk_id",
    gone="该谈话记录已被删除",
    apply=apply_draft,
    index=index_talk,
    snapshot=talk_snapshot,
    references=_references,
)


class TalkService(BranchScoped):
    def __init__(self, db: Database, branch_id: int | None = None) -> None:
        super().__init__(db, branch_id)
        self.attachments = AttachmentStore(db.attachments_root)
        self._records = VersionedRecords(TALKS, self.session, self.attachments)

    def check(self, draft: TalkDraft, *, today: date | None = None) -> dict[str, str]:
        today = today or date.today()
        errors: dict[str, str] = {}
        for name in _TEXT_FIELDS:  # control characters pasted in would stop the year's export
            setattr(draft, name, strip_control_chars(getattr(draft, name)))
        draft.topic = draft.topic.strip()
        if draft.talk_date is None:
            errors["talk_date"] = "请填写谈话日期"
        elif draft.talk_date > today:
            errors["talk_date"] = "谈话日期不能晚于今天：谈话记录应在谈话之后填写"
        if not draft.topic:
            errors["topic"] = "请填写谈话主题"
        if not draft.talker_ids:
            errors["talker_ids"] = "请选择谈话人"
        if not draft.talkee_ids:
            errors["talkee_ids"] = "请选择谈话对象"
        elif set(draft.talker_ids) & set(draft.talkee_ids):
            errors["talkee_ids"] = "同一人不能既是谈话人又是谈话对象"
        if draft.follow_up_date and draft.talk_date and draft.follow_up_date < draft.talk_date:
            errors["follow_up_date"] = "跟进日期不能早于谈话日期"
        return errors

    def save(
        self,
        draft: TalkDraft,
        *,
        talk_id: int | None = None,
        expected_version: int = 0,
        today: date | None = None,
    ) -> TalkRecord:
        errors = self.check(draft, today=today)
        saved_id = self._records.save(
            draft, errors, record_id=talk_id, expected_version=expected_version
        )
        return self.get(saved_id)

    def delete(self, talk_id: int) -> None:
        """Delete a talk; it can be restored from the change log (history_service). Its
        attachment files that no other record uses wait in the attachment folder's trash."""
        self._records.delete(talk_id)

    @staticmethod
    def _names(session, member_ids) -> dict[int, str]:
        if not member_ids:
            return {}
        return dict(
            session.execute(select(Member.id, Member.name).where(Member.id.in_(member_ids))).all()
        )

    def get(self, talk_id: int) -> TalkRecord:
        with self.session() as session:
            talk = owned(session, Talk, talk_id)
            if talk is None:
                raise NotFoundError("找不到该谈话记录，可能已被删除")
            talkers = [p.member_id for p in talk.participants if p.role == TalkRole.TALKER]
            talkees = [p.member_id for p in talk.participants if p.role == TalkRole.TALKEE]
            names = self._names(session, talkers + talkees)
            draft = TalkDraft(
                **{name: getattr(talk, name) for name in TALK_SCALAR_FIELDS},
                talker_ids=talkers,
                talkee_ids=talkees,
                attachments=self.attachments.listed(session, talk_id=talk_id),
            )
            return TalkRecord(
                talk.id,
                talk.version,
                draft,
                [names[m] for m in talkers],
                [names[m] for m in talkees],
            )

    def list_talks(
        self,
        *,
        year: int | None = None,
        kind: TalkKind | None = None,
        member_id: int | None = None,
        ids: list[int] | None = None,
    ) -> list[TalkSummary]:
        """Talks newest first; ``member_id`` keeps those the member took part in."""
        query = (
            select(Talk)
            .where(Talk.branch_id == self.branch_id)
            .order_by(Talk.talk_date.desc(), Talk.id.desc())
        )
        if year is not None:
            query = query.where(
                Talk.talk_date >= date(year, 1, 1), Talk.talk_date <= date(year, 12, 31)
            )
        if kind is not None:
            query = query.where(Talk.kind == kind)
        if member_id is not None:
            query = query.where(
                Talk.id.in_(
                    select(TalkParticipant.talk_id).where(TalkParticipant.member_id == member_id)
                )
            )
        if ids is not None:
            query = query.where(Talk.id.in_(ids))
        with self.session() as session:
            talks = session.scalars(query).all()
            rows = session.execute(
                select(TalkParticipant.talk_id, TalkParticipant.role, Member.name)
                .join(Member)
                .where(TalkParticipant.talk_id.in_([t.id for t in talks]))
                .order_by(Member.name)
            ).all()
        people: dict[tuple[int, TalkRole], list[str]] = {}
        for talk_id, role, name in rows:
            people.setdefault((talk_id, role), []).append(name)
        return [
            TalkSummary(
                t.id,
                t.talk_date,
                t.kind,
                t.topic,
                t.place,
                "、".join(people.get((t.id, TalkRole.TALKER), [])),
                "、".join(people.get((t.id, TalkRole.TALKEE), [])),
            )
            for t in talks
        ]

    def years(self) -> list[int]:
        """Years that have talks, newest first (for the year filter)."""
        year = extract("year", Talk.talk_date)
        with self.session() as session:
            query = select(year).where(Talk.branch_id == branch_of(session))
            return [int(y) for (y,) in session.execute(query.distinct().order_by(year.desc()))]

    def coverage(self, year: int, *, today: date | None = None) -> list[CoverageLine]:
        """For each committee member serving in ``year``, the members on the roll without a
        talk with them that year (either of them may have led it). The roll and the committee
        are those of the year's last day, or of today in the current year."""
        on = min(today or date.today(), date(year, 12, 31))
        with self.session() as session:
            seats = committee_seats(session, on)
            # who joined later or had left by then is not owed a talk that year
            members = {line.member_id: line.name for line in roll_on(session, on)}
            rows = session.execute(
                select(TalkParticipant.talk_id, TalkParticipant.member_id, TalkParticipant.role)
                .join(Talk)
                .where(
                    Talk.branch_id == branch_of(session),
                    Talk.talk_date >= date(year, 1, 1),
                    Talk.talk_date <= date(year, 12, 31),
                )
            ).all()
        pairs: dict[int, tuple[set[int], set[int]]] = {}
        for talk_id, member_id, role in rows:
            pairs.setdefault(talk_id, (set(), set()))[role == TalkRole.TALKEE].add(member_id)
        missing = uncovered_pairs([s.member_id for s in seats], members, pairs.values())
        return [
            CoverageLine(
                s.member_id, s.member_name, s.role_label, [members[m] for m in missing[s.member_id]]
            )
            for s in seats
        ]
