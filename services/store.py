"""Extraction -> rows, in the caller's transaction; and the queries the CLI shows."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from models import (
    ActionItem,
    ActionItemEvent,
    ActionItemOwner,
    ActionStatus,
    AgendaItem,
    Body,
    Decision,
    Meeting,
    MeetingStatus,
    Participation,
    Person,
    SourceDocument,
)
from muistio.contract import ActionEntry, Extraction, WhenWhere
from muistio.document import Document

ACTOR = "ingest"


class StoreError(ValueError):
    """An extraction that cannot be stored as a meeting; the message is one line."""


# --- keys and ids ----------------------------------------------------------------------------


def item_key(quote: str, due_phrase: str | None = None) -> str:
    """A stable key for an action item: what its quote says, without the deadline, digits or layout.

    Corrections most often move a deadline ("15.10." -> "22.10."), so the when is left out and the
    item keeps its identity (and the status a secretary set); case, spacing, hyphenation and
    punctuation are left out because re-typed minutes change them freely.
    """
    text = quote.casefold()
    if due_phrase and due_phrase.strip():
        text = text.replace(due_phrase.casefold().strip(), " ")
    letters = "".join(re.findall(r"[^\W\d_]+", text))
    return hashlib.sha1(letters.encode("utf-8")).hexdigest()[:20]


def calendar_uid(body_name: str, date: dt.date, domain: str) -> str:
    """The iCalendar UID of a body's meeting on a date: the same however often it is announced."""
    digest = hashlib.sha1(f"{body_name.casefold()}|{date.isoformat()}".encode()).hexdigest()[:24]
    return f"{digest}@{domain}"


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _instant(date: dt.date, hhmm: str | None, timezone: str) -> dt.datetime | None:
    """A local date and HH:MM as an aware UTC instant (None without a time)."""
    if not hhmm:
        return None
    try:
        hour, minute = (int(p) for p in hhmm.split(":")[:2])
        zone = ZoneInfo(timezone)
        return dt.datetime(date.year, date.month, date.day, hour, minute, tzinfo=zone).astimezone(dt.UTC)
    except (ValueError, ZoneInfoNotFoundError):
        return None


# --- people ----------------------------------------------------------------------------------


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace(".", " ").split())


class PersonResolver:
    """Maps the names minutes use (full, first name only, inflected, aliases) to a body's Person rows."""

    def __init__(self, session: Session, body_id: int | None) -> None:
        self.session = session
        self.body_id = body_id
        query = select(Person)
        if body_id is not None:
            query = query.where(Person.body_id == body_id)
        self.people: list[Person] = list(session.exec(query))
        self._roster: Any = None  # muistio.names.Roster over self.people, built on first need

    def find(self, name: str) -> Person | None:
        """The one person the name means, or None when unknown or ambiguous."""
        matches = self.find_all(name)
        return matches[0] if len(matches) == 1 else None

    def find_all(self, name: str) -> list[Person]:
        """Every person the name may mean: exact name or alias first, then forms muistio.names knows."""
        wanted = _fold(name)
        if not wanted:
            return []
        exact = [p for p in self.people if wanted in {_fold(p.name), *(_fold(a) for a in p.aliases)}]
        if exact:
            return exact
        roster = self._names_roster()
        if roster is not None:
            # Inflected (Rikulle), partial (Sami, Kosonen) or initials (OPH): the roster's word forms.
            candidates, _case = roster.candidates(name)
            return [p for p in self.people if p.name in set(candidates)]
        tokens = set(wanted.split())
        return [p for p in self.people if tokens <= set(_fold(p.name).split())]

    def _names_roster(self) -> Any:
        if self._roster is None:
            try:
                names = importlib.import_module("muistio.names")
            except ImportError:  # another part builds it; plain token matching until then
                return None
            self._roster = names.Roster([p.name for p in self.people])
        return self._roster

    def get_or_create(self, name: str, organization: str | None = None) -> Person:
        """The person with this name (or alias) in the body, created when new."""
        # Exact names only: merging "Sami" into "Sami Kivivasara" here could join two people for good.
        wanted = _fold(name)
        person = next((p for p in self.people if wanted in {_fold(p.name), *map(_fold, p.aliases)}), None)
        if person is None:
            person = Person(name=name.strip(), organization=organization, body_id=self.body_id)
            self.session.add(person)
            self.session.flush()
            self.people.append(person)
            self._roster = None
        elif organization and not person.organization:
            person.organization = organization
            self.session.add(person)
        return person


# --- storing ---------------------------------------------------------------------------------


@dataclass
class StoreResult:
    """What storing one document did."""

    status: Literal["stored", "updated", "duplicate"]
    source_id: int
    file_name: str
    body: str | None = None
    meeting_id: int | None = None
    meeting_date: dt.date | None = None
    participants: int = 0
    action_items: int = 0
    created: int = 0
    changed: int = 0
    cancelled: int = 0
    next_meeting: dt.date | None = None
    next_meeting_id: int | None = None
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able values (dates as ISO strings)."""
        out = asdict(self)
        for key in ("meeting_date", "next_meeting"):
            out[key] = out[key].isoformat() if out[key] else None
        return out


def store_extraction(
    extraction: Extraction,
    document: Document,
    *,
    session: Session,
    body_name: str | None = None,
    now: dt.datetime,
    uid_domain: str = "muistio.local",
) -> StoreResult:
    """Store one document's extraction; the same file again adds nothing, corrected minutes update."""
    file_name = document.path.rsplit("/", 1)[-1]
    seen = already_stored(document.sha256, file_name, session=session)
    if seen is not None:
        return seen

    meeting_date = _date(extraction.meeting.date if extraction.meeting else None)
    if meeting_date is None:
        raise StoreError("no meeting date found; is this a meeting's minutes?")
    name = (body_name or extraction.group or "").strip()
    if not name:
        raise StoreError("the minutes name no group; give --body NAME")

    body = _body(session, name, extraction)
    assert body.id is not None
    when = extraction.meeting or WhenWhere()
    meeting = session.exec(
        select(Meeting).where(Meeting.body_id == body.id, Meeting.date == meeting_date)
    ).first()
    earlier_minutes = meeting is not None and (
        session.exec(select(SourceDocument.id).where(SourceDocument.meeting_id == meeting.id)).first()
        is not None
    )
    if meeting is None:
        meeting = Meeting(
            body_id=body.id, date=meeting_date, calendar_uid=calendar_uid(body.name, meeting_date, uid_domain)
        )
    meeting.status = MeetingStatus.held
    meeting.starts_at = _instant(meeting_date, when.start, when.timezone) or meeting.starts_at
    meeting.ends_at = _instant(meeting_date, when.end, when.timezone) or meeting.ends_at
    meeting.place = when.place or meeting.place
    session.add(meeting)
    session.flush()
    assert meeting.id is not None

    people = PersonResolver(session, body.id)
    n_participants = _participants(session, meeting.id, extraction, people)
    _agenda_and_decisions(session, meeting.id, extraction, replace=earlier_minutes)
    counts = _action_items(session, meeting.id, extraction.action_items, people, now=now, note=file_name)
    next_meeting = _next_meeting(session, body, meeting, extraction, uid_domain)

    source = SourceDocument(
        sha256=document.sha256,
        file_name=file_name,
        format=document.format,
        text=document.text,
        ingested_at=now,
        outcome="updated" if earlier_minutes else "stored",
        meeting_id=meeting.id,
    )
    session.add(source)
    session.flush()
    assert source.id is not None
    return StoreResult(
        status="updated" if earlier_minutes else "stored",
        source_id=source.id,
        file_name=file_name,
        body=body.name,
        meeting_id=meeting.id,
        meeting_date=meeting_date,
        participants=n_participants,
        action_items=counts["active"],
        created=counts["created"],
        changed=counts["changed"],
        cancelled=counts["cancelled"],
        next_meeting=next_meeting.date if next_meeting else None,
        next_meeting_id=next_meeting.id if next_meeting else None,
        warnings=list(extraction.warnings),
    )


def already_stored(sha256: str, file_name: str, *, session: Session) -> StoreResult | None:
    """The answer for a document whose bytes are already in (None: new)."""
    seen = session.exec(select(SourceDocument).where(SourceDocument.sha256 == sha256)).first()
    if seen is None or seen.id is None:
        return None
    result = StoreResult(
        status="duplicate", source_id=seen.id, file_name=file_name, meeting_id=seen.meeting_id
    )
    meeting = session.get(Meeting, seen.meeting_id) if seen.meeting_id else None
    if meeting is not None:
        body = session.get(Body, meeting.body_id)
        result.body = body.name if body else None
        result.meeting_date = meeting.date
    return result


def _body(session: Session, name: str, extraction: Extraction) -> Body:
    body = session.exec(select(Body).where(func.lower(Body.name) == name.lower())).first()
    if body is None:
        timezone = extraction.meeting.timezone if extraction.meeting else "Europe/Helsinki"
        body = Body(name=name, timezone=timezone, language=extraction.language)
        session.add(body)
        session.flush()
    return body


def _participants(session: Session, meeting_id: int, extraction: Extraction, people: PersonResolver) -> int:
    """Make the meeting's participations those the minutes list; returns how many."""
    existing = {
        p.person_id: p
        for p in session.exec(select(Participation).where(Participation.meeting_id == meeting_id))
    }
    wanted: dict[int, Participation] = {}
    for participant in extraction.participants:
        person = people.get_or_create(participant.name, participant.organization)
        assert person.id is not None
        row = (
            wanted.get(person.id)
            or existing.get(person.id)
            or Participation(meeting_id=meeting_id, person_id=person.id)
        )
        roles = list(dict.fromkeys([*(row.roles if person.id in wanted else []), *participant.roles]))
        row.roles, row.present = roles, participant.present
        wanted[person.id] = row
        session.add(row)
    for person_id, row in existing.items():
        if person_id not in wanted:
            session.delete(row)
    return len(wanted)


def _agenda_and_decisions(
    session: Session, meeting_id: int, extraction: Extraction, *, replace: bool
) -> None:
    if replace:
        session.execute(delete(AgendaItem).where(col(AgendaItem.meeting_id) == meeting_id))
        session.execute(delete(Decision).where(col(Decision.meeting_id) == meeting_id))
    numbers: set[str] = set()
    for entry in extraction.agenda:
        if entry.number in numbers:  # the unique (meeting, number) would fail the whole document
            continue
        numbers.add(entry.number)
        session.add(
            AgendaItem(
                meeting_id=meeting_id, number=entry.number, title=entry.title, presenters=entry.presenters
            )
        )
    for decision in extraction.decisions:
        session.add(
            Decision(
                meeting_id=meeting_id,
                agenda_number=decision.agenda_item,
                text=decision.text,
                quote=decision.quote,
            )
        )


def _owner_rows(names: Iterable[str], people: PersonResolver) -> list[tuple[int | None, str]]:
    """(person id or None, name) per owner; an unknown name (an office, a ministry) stays a name."""
    rows: list[tuple[int | None, str]] = []
    for owner in dict.fromkeys(names):
        person = people.find(owner)
        rows.append((person.id, person.name) if person else (None, owner))
    return rows


def _action_items(
    session: Session,
    meeting_id: int,
    entries: Sequence[ActionEntry],
    people: PersonResolver,
    *,
    now: dt.datetime,
    note: str,
) -> dict[str, int]:
    """Create, update (keeping statuses people set) and cancel the meeting's action items."""
    existing = {i.key: i for i in session.exec(select(ActionItem).where(ActionItem.meeting_id == meeting_id))}
    owners_of = _owners_by_item(session, [i.id for i in existing.values() if i.id is not None])
    counts = {"created": 0, "changed": 0, "cancelled": 0, "active": 0}
    keys: set[str] = set()

    def event(item: ActionItem, kind: str, old: str | None = None, new: str | None = None) -> None:
        assert item.id is not None
        session.add(
            ActionItemEvent(
                action_item_id=item.id, at=now, actor=ACTOR, kind=kind, old=old, new=new, note=note
            )
        )

    for entry in entries:
        key = base = item_key(entry.quote, entry.due.phrase if entry.due else None)
        n = 1
        while key in keys:  # the same sentence twice in one document: keep both
            n += 1
            key = f"{base}-{n}"
        keys.add(key)
        due = _date(entry.due.date) if entry.due else None
        owners = _owner_rows(entry.owners, people)
        item = existing.get(key)
        if item is None:
            item = ActionItem(
                meeting_id=meeting_id,
                agenda_number=entry.agenda_item,
                key=key,
                text=entry.text,
                quote=entry.quote,
                due_date=due,
                due_precision=entry.due.precision if entry.due else None,
                due_phrase=entry.due.phrase if entry.due else None,
                confidence=entry.confidence,
                created_at=now,
                updated_at=now,
            )
            session.add(item)
            session.flush()
            assert item.id is not None
            for person_id, name in owners:
                session.add(ActionItemOwner(action_item_id=item.id, person_id=person_id, name=name))
            event(item, "created", new=entry.text)
            counts["created"] += 1
            counts["active"] += 1
            continue
        changed = False
        if item.text != entry.text:
            event(item, "updated", item.text, entry.text)
            item.text, changed = entry.text, True
        # A due date or owners a secretary set by hand stand against later corrections of the minutes.
        if item.due_date != due and not _set_by_person(session, item, "due"):
            event(item, "due", _iso(item.due_date), _iso(due))
            item.due_date, changed = due, True
            item.due_precision = entry.due.precision if entry.due else None
            item.due_phrase = entry.due.phrase if entry.due else None
        elif item.due_date == due:
            item.due_precision = entry.due.precision if entry.due else None
            item.due_phrase = entry.due.phrase if entry.due else None
        item.agenda_number, item.quote, item.confidence = entry.agenda_item, entry.quote, entry.confidence
        old_owners = owners_of.get(item.id or 0, [])
        if sorted(n for _, n in old_owners) != sorted(n for _, n in owners) and not _set_by_person(
            session, item, "owners"
        ):
            event(item, "owners", ", ".join(n for _, n in old_owners), ", ".join(n for _, n in owners))
            _replace_owners(session, item.id or 0, owners)
            changed = True
        if item.status == ActionStatus.cancelled and _cancelled_by_ingest(session, item):
            # Back in the minutes after a correction dropped it: open again; a person's cancel stands.
            event(item, "status", ActionStatus.cancelled.value, ActionStatus.open.value)
            item.status, changed = ActionStatus.open, True
        if changed:
            item.updated_at = now
            counts["changed"] += 1
        if item.status != ActionStatus.cancelled:
            counts["active"] += 1
        session.add(item)

    for key, item in existing.items():
        if key in keys or item.status == ActionStatus.cancelled:
            continue
        event(item, "status", item.status.value, ActionStatus.cancelled.value)
        item.status, item.updated_at = ActionStatus.cancelled, now
        session.add(item)
        counts["cancelled"] += 1
    return counts


def _replace_owners(session: Session, item_id: int, rows: Iterable[tuple[int | None, str]]) -> None:
    """Make these (person id or None, name) pairs the item's owners."""
    session.execute(delete(ActionItemOwner).where(col(ActionItemOwner.action_item_id) == item_id))
    for person_id, name in rows:
        session.add(ActionItemOwner(action_item_id=item_id, person_id=person_id, name=name))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _last_actor(session: Session, item: ActionItem, kind: str) -> str | None:
    """Who made the latest change of this kind to the item (ACTOR: ingesting minutes), or None."""
    last = session.exec(
        select(ActionItemEvent.actor)
        .where(ActionItemEvent.action_item_id == item.id, ActionItemEvent.kind == kind)
        .order_by(col(ActionItemEvent.id).desc())
    ).first()
    return last


def _set_by_person(session: Session, item: ActionItem, kind: str) -> bool:
    """Whether the latest change of this kind came from a person rather than from ingesting minutes."""
    return _last_actor(session, item, kind) not in (None, ACTOR)


def _cancelled_by_ingest(session: Session, item: ActionItem) -> bool:
    """Whether ingesting minutes (not a person) made the item's latest status change."""
    return _last_actor(session, item, "status") == ACTOR


def _next_meeting(
    session: Session, body: Body, meeting: Meeting, extraction: Extraction, uid_domain: str
) -> Meeting | None:
    """Schedule the meeting the minutes announce; a correction that moves it cancels the old date."""
    assert body.id is not None and meeting.id is not None
    announced = extraction.next_meeting
    day = _date(announced.date if announced else None)
    for old in session.exec(
        select(Meeting).where(
            Meeting.previous_meeting_id == meeting.id, Meeting.status == MeetingStatus.scheduled
        )
    ):
        if old.date != day:
            old.status, old.sequence = MeetingStatus.cancelled, old.sequence + 1
            session.add(old)
    if announced is None or day is None or day <= meeting.date:
        return None
    upcoming = session.exec(select(Meeting).where(Meeting.body_id == body.id, Meeting.date == day)).first()
    starts = _instant(day, announced.start, announced.timezone)
    ends = _instant(day, announced.end, announced.timezone)
    if upcoming is None:
        upcoming = Meeting(
            body_id=body.id,
            date=day,
            starts_at=starts,
            ends_at=ends,
            place=announced.place,
            status=MeetingStatus.scheduled,
            calendar_uid=calendar_uid(body.name, day, uid_domain),
            agenda_preview=list(announced.agenda),
            previous_meeting_id=meeting.id,
        )
    elif upcoming.status != MeetingStatus.held:
        # RFC 5545: a changed time or place is a new revision, so calendars replace the old invite.
        if (upcoming.starts_at, upcoming.ends_at, upcoming.place) != (starts, ends, announced.place):
            upcoming.sequence += 1
        upcoming.starts_at, upcoming.ends_at, upcoming.place = starts, ends, announced.place
        upcoming.agenda_preview = list(announced.agenda)
        upcoming.status = MeetingStatus.scheduled
        upcoming.previous_meeting_id = meeting.id
    session.add(upcoming)
    session.flush()
    return upcoming


# --- queries ---------------------------------------------------------------------------------


@dataclass
class MeetingRow:
    """One line of `muistio meetings`."""

    id: int
    body: str
    date: dt.date
    status: str
    starts_at: dt.datetime | None
    place: str | None
    action_items: int
    open_items: int


@dataclass
class ItemRow:
    """One action item with its meeting and owners."""

    id: int
    meeting_id: int
    meeting_date: dt.date
    body: str
    agenda_number: str | None
    text: str
    quote: str
    owners: list[str]
    due_date: dt.date | None
    due_precision: str | None
    due_phrase: str | None
    status: str


@dataclass
class ParticipantRow:
    """A person at a meeting."""

    name: str
    roles: list[str]
    present: bool
    organization: str | None


@dataclass
class MeetingDetail:
    """Everything `muistio show` prints about one meeting."""

    meeting: Meeting
    body: Body
    participants: list[ParticipantRow]
    agenda: list[AgendaItem]
    decisions: list[Decision]
    items: list[ItemRow]
    next_meeting: Meeting | None
    sources: list[str]


def jsonable(value: Any) -> Any:
    """Dataclasses, rows, dates and enums as JSON-able values."""
    if hasattr(value, "__dataclass_fields__"):
        return {k: jsonable(getattr(value, k)) for k in value.__dataclass_fields__}
    if hasattr(value, "model_dump"):
        return jsonable(value.model_dump())
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value.value if hasattr(value, "value") and not isinstance(value, str | int | float) else value


def list_meetings(*, session: Session) -> list[MeetingRow]:
    """Every meeting, oldest first, with its action-item counts."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for meeting_id, status in session.exec(select(ActionItem.meeting_id, ActionItem.status)):
        counts[meeting_id][0] += status != ActionStatus.cancelled
        counts[meeting_id][1] += status == ActionStatus.open
    rows = session.exec(select(Meeting, Body).join(Body).order_by(col(Meeting.date), col(Body.name)))
    return [
        MeetingRow(
            id=m.id or 0,
            body=b.name,
            date=m.date,
            status=m.status.value,
            starts_at=m.starts_at,
            place=m.place,
            action_items=counts[m.id or 0][0],
            open_items=counts[m.id or 0][1],
        )
        for m, b in rows
    ]


def _owners_by_item(session: Session, item_ids: Iterable[int]) -> dict[int, list[tuple[int | None, str]]]:
    ids = list(item_ids)
    out: dict[int, list[tuple[int | None, str]]] = defaultdict(list)
    if ids:
        query = (
            select(ActionItemOwner)
            .where(col(ActionItemOwner.action_item_id).in_(ids))
            .order_by(col(ActionItemOwner.id))
        )
        for owner in session.exec(query):
            out[owner.action_item_id].append((owner.person_id, owner.name))
    return out


def list_items(
    *,
    session: Session,
    open_only: bool = False,
    overdue_as_of: dt.date | None = None,
    owner: str | None = None,
    meeting_id: int | None = None,
) -> list[ItemRow]:
    """Action items, by due date (undated last); overdue means open and due before the date."""
    query = (
        select(ActionItem, Meeting, Body).join(Meeting, col(ActionItem.meeting_id) == Meeting.id).join(Body)
    )
    if open_only or overdue_as_of:
        query = query.where(ActionItem.status == ActionStatus.open)
    if overdue_as_of:
        query = query.where(col(ActionItem.due_date) < overdue_as_of)
    if meeting_id is not None:
        query = query.where(ActionItem.meeting_id == meeting_id)
    found = list(session.exec(query.order_by(col(Meeting.date), col(ActionItem.id))))
    owners = _owners_by_item(session, [item.id for item, _, _ in found if item.id is not None])
    if owner:
        ids = {p.id for p in PersonResolver(session, None).find_all(owner)}
        tokens = set(_fold(owner).split())

        def matches(pairs: list[tuple[int | None, str]]) -> bool:
            return any(pid in ids or tokens <= set(_fold(name).split()) for pid, name in pairs)

        found = [row for row in found if matches(owners.get(row[0].id or 0, []))]
    rows = [
        ItemRow(
            id=item.id or 0,
            meeting_id=meeting.id or 0,
            meeting_date=meeting.date,
            body=body.name,
            agenda_number=item.agenda_number,
            text=item.text,
            quote=item.quote,
            owners=[name for _, name in owners.get(item.id or 0, [])],
            due_date=item.due_date,
            due_precision=item.due_precision,
            due_phrase=item.due_phrase,
            status=item.status.value,
        )
        for item, meeting, body in found
    ]
    rows.sort(key=lambda r: (r.due_date is None, r.due_date or dt.date.max, r.meeting_date, r.id))
    return rows


def find_meeting(ref: str, *, session: Session, body: str | None = None) -> Meeting:
    """The meeting an id or YYYY-MM-DD names; LookupError with a one-line reason otherwise."""
    ref = ref.strip()
    if ref.isdigit():
        meeting = session.get(Meeting, int(ref))
        if meeting is None:
            raise LookupError(f"no meeting with id {ref}")
        return meeting
    day = _date(ref)
    if day is None:
        raise LookupError(f"{ref!r} is neither a meeting id nor a date YYYY-MM-DD")
    query = select(Meeting).join(Body).where(Meeting.date == day)
    if body:
        query = query.where(func.lower(Body.name) == body.lower())
    found = list(session.exec(query))
    if not found:
        raise LookupError(f"no meeting on {day.isoformat()}")
    if len(found) > 1:
        ids = ", ".join(str(m.id) for m in found)
        raise LookupError(f"{len(found)} meetings on {day.isoformat()} (ids {ids}); give the id")
    return found[0]


def meeting_detail(ref: str, *, session: Session, body: str | None = None) -> MeetingDetail:
    """A meeting with its people, agenda, decisions, action items and the meeting after it."""
    meeting = find_meeting(ref, session=session, body=body)
    owner_body = session.get(Body, meeting.body_id)
    assert owner_body is not None and meeting.id is not None
    participants = [
        ParticipantRow(
            name=person.name, roles=list(part.roles), present=part.present, organization=person.organization
        )
        for part, person in session.exec(
            select(Participation, Person)
            .join(Person, col(Participation.person_id) == Person.id)
            .where(Participation.meeting_id == meeting.id)
            .order_by(col(Participation.id))
        )
    ]
    agenda = list(
        session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(col(AgendaItem.id))
        )
    )
    decisions = list(
        session.exec(select(Decision).where(Decision.meeting_id == meeting.id).order_by(col(Decision.id)))
    )
    following = session.exec(
        select(Meeting)
        .where(
            Meeting.body_id == meeting.body_id,
            Meeting.date > meeting.date,
            Meeting.status != MeetingStatus.cancelled,
        )
        .order_by(col(Meeting.date))
    ).first()
    sources = list(
        session.exec(
            select(SourceDocument.file_name)
            .where(SourceDocument.meeting_id == meeting.id)
            .order_by(col(SourceDocument.id))
        )
    )
    return MeetingDetail(
        meeting=meeting,
        body=owner_body,
        participants=participants,
        agenda=agenda,
        decisions=decisions,
        items=list_items(session=session, meeting_id=meeting.id),
        next_meeting=following,
        sources=sources,
    )


# --- secretaries' changes to action items ------------------------------------------------------


class ItemError(ValueError):
    """A change to an action item that cannot be made; the message is one line."""


@dataclass
class ItemChange:
    """What one change did: the item after it, and whether anything changed."""

    item: ActionItem
    changed: bool
    old: str | None = None
    new: str | None = None


def get_item(item_id: int, *, session: Session) -> ActionItem:
    """The action item with this id, or ItemError."""
    item = session.get(ActionItem, item_id)
    if item is None:
        raise ItemError(f"no action item with id {item_id}")
    return item


def _record(
    session: Session,
    item: ActionItem,
    kind: str,
    *,
    actor: str,
    now: dt.datetime,
    old: str | None,
    new: str | None,
    note: str | None,
) -> ItemChange:
    assert item.id is not None
    session.add(
        ActionItemEvent(action_item_id=item.id, at=now, actor=actor, kind=kind, old=old, new=new, note=note)
    )
    item.updated_at = now
    session.add(item)
    session.flush()
    return ItemChange(item=item, changed=True, old=old, new=new)


def _actor(actor: str) -> str:
    clean = " ".join(actor.split())
    if not clean:
        raise ItemError("say who makes the change (--by NAME)")
    return clean


def _set_status(
    item_id: int, status: ActionStatus, *, session: Session, actor: str, now: dt.datetime, note: str | None
) -> ItemChange:
    item = get_item(item_id, session=session)
    who = _actor(actor)
    if item.status == status:
        return ItemChange(item=item, changed=False, old=status.value, new=status.value)
    old = item.status.value
    item.status = status
    item.completed_at = now if status == ActionStatus.done else None
    return _record(session, item, "status", actor=who, now=now, old=old, new=status.value, note=note)


def mark_done(
    item_id: int, *, session: Session, actor: str, now: dt.datetime, note: str | None = None
) -> ItemChange:
    """Mark an action item done (a second time changes nothing)."""
    return _set_status(item_id, ActionStatus.done, session=session, actor=actor, now=now, note=note)


def reopen_item(
    item_id: int, *, session: Session, actor: str, now: dt.datetime, note: str | None = None
) -> ItemChange:
    """Open a done or cancelled action item again."""
    return _set_status(item_id, ActionStatus.open, session=session, actor=actor, now=now, note=note)


def cancel_item(
    item_id: int, *, session: Session, actor: str, now: dt.datetime, note: str | None = None
) -> ItemChange:
    """Cancel an action item (it will not be done); a later correction of the minutes keeps it cancelled."""
    return _set_status(item_id, ActionStatus.cancelled, session=session, actor=actor, now=now, note=note)


def assign_item(
    item_id: int,
    owners: Sequence[str],
    *,
    session: Session,
    actor: str,
    now: dt.datetime,
    note: str | None = None,
) -> ItemChange:
    """Make these the item's owners; names the body knows link to the person, others stay names."""
    item = get_item(item_id, session=session)
    who = _actor(actor)
    names = list(dict.fromkeys(" ".join(o.split()) for o in owners if o.strip()))
    if not names:
        raise ItemError("give at least one owner (--owner NAME)")
    meeting = session.get(Meeting, item.meeting_id)
    rows = _owner_rows(names, PersonResolver(session, meeting.body_id if meeting else None))
    assert item.id is not None
    before = _owners_by_item(session, [item.id]).get(item.id, [])
    old = ", ".join(n for _, n in before)
    new = ", ".join(n for _, n in rows)
    if [n for _, n in before] == [n for _, n in rows]:
        return ItemChange(item=item, changed=False, old=old, new=new)
    _replace_owners(session, item.id, rows)
    return _record(session, item, "owners", actor=who, now=now, old=old or None, new=new, note=note)


def set_due(
    item_id: int,
    day: dt.date | None,
    *,
    session: Session,
    actor: str,
    now: dt.datetime,
    note: str | None = None,
) -> ItemChange:
    """Give the item a new due date (None: no due date); the minutes' phrase no longer applies."""
    item = get_item(item_id, session=session)
    who = _actor(actor)
    if item.due_date == day:
        return ItemChange(item=item, changed=False, old=_iso(day), new=_iso(day))
    old = _iso(item.due_date)
    item.due_date = day
    item.due_precision = "day" if day else None
    item.due_phrase = None
    return _record(session, item, "due", actor=who, now=now, old=old, new=_iso(day), note=note)


def item_history(item_id: int, *, session: Session) -> list[ActionItemEvent]:
    """Every recorded change of the item, oldest first."""
    get_item(item_id, session=session)
    return list(
        session.exec(
            select(ActionItemEvent)
            .where(ActionItemEvent.action_item_id == item_id)
            .order_by(col(ActionItemEvent.at), col(ActionItemEvent.id))
        )
    )
