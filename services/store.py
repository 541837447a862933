"""Extraction -> rows, in the caller's transaction; and the queries the CLI shows."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import hmac
import importlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete
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
    OutboxMessage,
    Participation,
    PendingChange,
    PendingStatus,
    Person,
    SourceDocument,
)
from models.columns import name_key
from muistio.contract import ActionEntry, Extraction, WhenWhere
from muistio.document import Document
from muistio.errors import MuistioError

ACTOR = "ingest"
#: Word-shingle similarity from which a second document for a meeting is the same minutes, corrected.
#: Measured on the 70 dev minutes: any two different documents <= 0.13; each with 5 % of its words
#: changed and a paragraph dropped: median 0.72, 5th percentile 0.56.
SAME_TEXT = 0.3
#: Or: this share of the stored action items and of the participants found again in the new version.
SAME_STRUCTURE = 0.6
#: Fuzzy score from which an action item of a correction is the stored one, edited.
SAME_ITEM = 0.65
#: Below this next-meeting confidence invitations wait for approval whatever the body's setting.
MIN_NEXT_CONFIDENCE = 0.8


class StoreError(MuistioError, ValueError):
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


def calendar_uid(body_name: str, date: dt.date, domain: str, key: str = "") -> str:
    """The iCalendar UID of a body's meeting on a date: the same however often it is announced.

    Keyed like the Message-IDs (HMAC with the secret key), so nobody who knows only the body and the
    date can make a calendar object that replaces or cancels the meeting; without a key, a plain hash.
    """
    name = f"{body_name.casefold()}|{date.isoformat()}".encode()
    if key:
        return f"{hmac.new(key.encode(), name, hashlib.sha256).hexdigest()[:32]}@{domain}"
    return f"{hashlib.sha1(name).hexdigest()[:24]}@{domain}"


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
    # NFC first: the person's unique name key is NFC, so two spellings it joins must match here too.
    return " ".join(unicodedata.normalize("NFC", name).casefold().replace(".", " ").split())


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

    status: Literal["stored", "updated", "duplicate", "pending"]
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
    pending_id: int | None = None  # the held correction (status "pending")
    reason: str | None = None  # why it is held, one line
    changes: list[str] = field(default_factory=list)  # what approving it would change

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
    uid_key: str = "",
    approved: bool = False,
) -> StoreResult:
    """Store one document's extraction; the same file again adds nothing.

    A second document for a meeting whose minutes are in is a correction only when it is
    recognisably the same minutes and cancels or moves nothing; otherwise it is held as a
    PendingChange until the secretary approves it (`approved=True` applies it) or discards it.
    """
    # Every write below flushes where the next step needs ids; no query needs the ORM to flush first,
    # and the automatic flush before each of the ~40 queries was a fifth of the store's time.
    with session.no_autoflush:
        return _store_extraction(
            extraction, document, session=session, body_name=body_name, now=now,
            uid_domain=uid_domain, uid_key=uid_key, approved=approved,
        )  # fmt: skip


def _store_extraction(
    extraction: Extraction,
    document: Document,
    *,
    session: Session,
    body_name: str | None,
    now: dt.datetime,
    uid_domain: str,
    uid_key: str,
    approved: bool,
) -> StoreResult:
    file_name = document.path.rsplit("/", 1)[-1]
    seen = already_stored(document.sha256, file_name, session=session)
    if seen is not None and not (approved and seen.status == "pending"):
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
    earlier = (
        session.exec(
            select(SourceDocument)
            .where(SourceDocument.meeting_id == meeting.id)
            .order_by(col(SourceDocument.id).desc())
        ).first()
        if meeting is not None
        else None
    )
    earlier_minutes = earlier is not None
    if meeting is not None and earlier is not None and not approved:
        held = _hold_if_needed(session, body, meeting, earlier, extraction, document, now=now)
        if held is not None:
            return held
    if meeting is None:
        meeting = Meeting(
            body_id=body.id,
            date=meeting_date,
            calendar_uid=calendar_uid(body.name, meeting_date, uid_domain, uid_key),
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
    next_meeting = _next_meeting(session, body, meeting, extraction, uid_domain, uid_key)

    source = SourceDocument(
        sha256=document.sha256,
        file_name=file_name,
        format=document.format,
        text=document.text,
        ingested_at=now,
        outcome="updated" if earlier_minutes else "stored",
        meeting_id=meeting.id,
        mail_queued=False,  # the invitations are composed after this short write, then queued
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
    """The answer for a document whose bytes are already in, or held for approval (None: new)."""
    seen = session.exec(select(SourceDocument).where(SourceDocument.sha256 == sha256)).first()
    if seen is None or seen.id is None:
        return _already_pending(sha256, file_name, session=session)
    result = StoreResult(
        status="duplicate", source_id=seen.id, file_name=file_name, meeting_id=seen.meeting_id
    )
    meeting = session.get(Meeting, seen.meeting_id) if seen.meeting_id else None
    if meeting is not None:
        body = session.get(Body, meeting.body_id)
        result.body = body.name if body else None
        result.meeting_date = meeting.date
    return result


def _already_pending(sha256: str, file_name: str, *, session: Session) -> StoreResult | None:
    """The answer for a document already held as a pending correction."""
    pending = session.exec(
        select(PendingChange).where(
            PendingChange.sha256 == sha256, PendingChange.status == PendingStatus.pending
        )
    ).first()
    if pending is None or pending.id is None:
        return None
    meeting = session.get(Meeting, pending.meeting_id)
    return StoreResult(
        status="pending",
        source_id=0,
        file_name=file_name,
        body=pending.body_name,
        meeting_id=pending.meeting_id,
        meeting_date=meeting.date if meeting else None,
        pending_id=pending.id,
        reason=pending.reason,
        changes=[c["line"] for c in pending.diff],
    )


# --- corrections: same minutes?, what changes, held for approval --------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def text_similarity(a: str, b: str) -> float:
    """Jaccard similarity of the texts' word 3-shingles: layout, case and punctuation left out."""
    wa, wb = _words(a), _words(b)
    n = max(1, min(3, len(wa), len(wb)))  # very short texts: shorter shingles
    sa = {" ".join(wa[i : i + n]) for i in range(len(wa) - n + 1)}
    sb = {" ".join(wb[i : i + n]) for i in range(len(wb) - n + 1)}
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def _ratio(a: str, b: str) -> float:
    x, y = " ".join(_words(a)), " ".join(_words(b))
    if not x or not y:
        return 0.0
    matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
    if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return 0.0
    return matcher.ratio()


def _owners_overlap(old: Sequence[str], new: Sequence[str]) -> float:
    """1 when an owner is shared (by any name word), 0.5 when neither names one, else 0."""
    if not old and not new:
        return 0.5
    old_words = [set(_fold(n).split()) for n in old]
    return float(any(set(_fold(n).split()) & w for n in new for w in old_words))


def item_score(item: ActionItem, owners: Sequence[str], entry: ActionEntry) -> float:
    """How surely a correction's entry is the stored item: text or quote alike, owners and section."""
    text = max(_ratio(item.text, entry.text), _ratio(item.quote, entry.quote))
    same_section = bool(item.agenda_number) and item.agenda_number == entry.agenda_item
    return text + 0.2 * (_owners_overlap(owners, entry.owners) - 0.5) + 0.05 * same_section


@dataclass
class ItemPlan:
    """How a document's action items meet the stored ones: matched, new, and left out."""

    entries: list[tuple[str, ActionEntry, ActionItem | None]]  # (key, entry, the stored item or None)
    dropped: list[ActionItem]  # stored, not cancelled, and no longer in the minutes
    owners_of: dict[int, list[tuple[int | None, str]]]


def plan_items(session: Session, meeting_id: int, entries: Sequence[ActionEntry]) -> ItemPlan:
    """Match entries to stored items: the exact key first, then the best fuzzy match over a threshold."""
    stored = list(session.exec(select(ActionItem).where(ActionItem.meeting_id == meeting_id)))
    by_key = {i.key: i for i in stored}
    owners_of = _owners_by_item(session, [i.id for i in stored if i.id is not None])
    keyed: list[tuple[str, ActionEntry]] = []
    keys: set[str] = set()
    for entry in entries:
        key = base = item_key(entry.quote, entry.due.phrase if entry.due else None)
        n = 1
        while key in keys:  # the same sentence twice in one document: keep both
            n += 1
            key = f"{base}-{n}"
        keys.add(key)
        keyed.append((key, entry))
    matched: dict[int, ActionItem] = {}
    taken: set[int] = set()
    for k, (key, _entry) in enumerate(keyed):
        item = by_key.get(key)
        if item is not None and item.id is not None:
            matched[k] = item
            taken.add(item.id)
    # Edited text keeps the item (its id, status and people's changes): best pairs first.
    free = [i for i in stored if i.id not in taken]
    pairs = []
    for k, (_key, entry) in enumerate(keyed):
        if k in matched:
            continue
        for item in free:
            names = [n for _, n in owners_of.get(item.id or 0, [])]
            score = item_score(item, names, entry)
            if score >= SAME_ITEM:
                pairs.append((score, k, item))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2].id or 0))
    for _score, k, item in pairs:
        if k in matched or item.id in taken:
            continue
        matched[k] = item
        taken.add(item.id or 0)
    plan = [(key, entry, matched.get(k)) for k, (key, entry) in enumerate(keyed)]
    dropped = [i for i in stored if i.id not in taken and i.status != ActionStatus.cancelled]
    return ItemPlan(entries=plan, dropped=dropped, owners_of=owners_of)


def _quote(text: str, width: int = 70) -> str:
    one = " ".join(text.split())
    return "'" + (one if len(one) <= width else one[: width - 1] + "…") + "'"


def _invited_count(session: Session, meeting: Meeting) -> int:
    """How many addresses were sent an invitation to the meeting (they get its update or CANCEL)."""
    rows = session.exec(
        select(OutboxMessage.recipient).where(
            OutboxMessage.meeting_id == meeting.id, OutboxMessage.kind == "request"
        )
    )
    return len({r.lower() for r in rows})


def correction_changes(
    session: Session, body: Body, meeting: Meeting, extraction: Extraction
) -> list[dict[str, Any]]:
    """What applying the extraction to the stored meeting would change, one dict per change.

    Each has `kind`, a `line` for people and `held`: whether it cancels or moves something
    (an item cancelled, the next meeting cancelled or moved), which waits for approval.
    """
    assert meeting.id is not None
    out: list[dict[str, Any]] = []

    def add(kind: str, line: str, *, held: bool = False, **extra: Any) -> None:
        out.append({"kind": kind, "line": line, "held": held, **extra})

    people = PersonResolver(session, body.id)
    plan = plan_items(session, meeting.id, extraction.action_items)
    for _key, entry, item in plan.entries:
        if item is None:
            add("item_new", f"new action item {_quote(entry.text)}")
            continue
        if item.text != entry.text:
            add("item_text", f"item {item.id}: {_quote(item.text)} -> {_quote(entry.text)}", item_id=item.id)
        due = _date(entry.due.date) if entry.due else None
        if item.due_date != due and not _set_by_person(session, item, "due"):
            add("item_due", f"item {item.id} due {_iso(item.due_date)} -> {_iso(due)}", item_id=item.id)
        old = [n for _, n in plan.owners_of.get(item.id or 0, [])]
        new = [n for _, n in _owner_rows(entry.owners, people)]
        if sorted(old) != sorted(new) and not _set_by_person(session, item, "owners"):
            line = f"item {item.id} owners {', '.join(old) or '-'} -> {', '.join(new) or '-'}"
            add("item_owners", line, item_id=item.id)
        if item.status != ActionStatus.open and not (
            item.status == ActionStatus.cancelled and _cancelled_by_ingest(session, item)
        ):
            add("item_kept", f"item {item.id} stays {item.status.value}", item_id=item.id)
    for item in plan.dropped:
        line = f"item {item.id} ({item.status.value}) cancelled: {_quote(item.text)}"
        add("item_cancelled", line, held=True, item_id=item.id)
    cancel, day, upcoming = _plan_next(session, body, meeting, extraction)
    for gone in cancel:
        n = _invited_count(session, gone)
        to = f"{n} invited get a CANCEL" if n else "nobody was invited yet"
        verb = f"moved to {day.isoformat()}" if day else "no longer announced"
        line = f"next meeting {gone.date.isoformat()} (meeting {gone.id}) {verb}: cancelled; {to}"
        add("meeting_cancelled", line, held=True, meeting_id=gone.id, mails=n)
    if upcoming is not None and upcoming.id is not None and day is not None:
        announced = extraction.next_meeting or WhenWhere()
        starts = _instant(day, announced.start, announced.timezone)
        ends = _instant(day, announced.end, announced.timezone)
        if (upcoming.starts_at, upcoming.ends_at, upcoming.place) != (starts, ends, announced.place):
            n = _invited_count(session, upcoming)
            line = f"next meeting {day.isoformat()} (meeting {upcoming.id}) gets a new time or place"
            line += f"; {n} invited get an update" if n else ""
            add("meeting_moved", line, held=True, meeting_id=upcoming.id, mails=n)
    elif day is not None:
        add("meeting_new", f"next meeting {day.isoformat()} is announced")
    return out


def _structure_similarity(
    session: Session, meeting: Meeting, extraction: Extraction, plan: ItemPlan
) -> float | None:
    """The smaller of: stored items found again, stored participants found again (None: nothing stored)."""
    shares: list[float] = []
    stored_items = [*plan.dropped, *(item for _, _, item in plan.entries if item is not None)]
    if stored_items:
        shares.append(sum(item is not None for _, _, item in plan.entries) / len(stored_items))
    names = [
        person.name
        for person in session.exec(
            select(Person)
            .join(Participation, col(Participation.person_id) == Person.id)
            .where(Participation.meeting_id == meeting.id)
        )
    ]
    if names:
        wanted = {_fold(p.name) for p in extraction.participants}
        shares.append(sum(_fold(n) in wanted for n in names) / len(names))
    return min(shares) if shares else None


def _hold_if_needed(
    session: Session,
    body: Body,
    meeting: Meeting,
    earlier: SourceDocument,
    extraction: Extraction,
    document: Document,
    *,
    now: dt.datetime,
) -> StoreResult | None:
    """Hold a second document for the meeting as a PendingChange, unless it is a harmless correction."""
    assert meeting.id is not None
    similarity = text_similarity(earlier.text, document.text)
    plan = plan_items(session, meeting.id, extraction.action_items)
    structure = _structure_similarity(session, meeting, extraction, plan)
    same = similarity >= SAME_TEXT or (structure is not None and structure >= SAME_STRUCTURE)
    changes = correction_changes(session, body, meeting, extraction)
    held = [c for c in changes if c["held"]]
    if same and not held:
        return None
    if not same:
        reason = (
            f"not recognisably the minutes stored for {meeting.date.isoformat()} ({earlier.file_name}): "
            f"the text is {similarity:.0%} alike"
        )
    else:
        cancelled = sum(c["kind"] == "item_cancelled" for c in held)
        parts = [f"cancels {cancelled} action item{'s' * (cancelled != 1)}"] if cancelled else []
        if any(c["kind"] == "meeting_cancelled" for c in held):
            parts.append("cancels or moves the next meeting")
        if any(c["kind"] == "meeting_moved" for c in held):
            parts.append("changes the next meeting's time or place")
        reason = "the correction " + " and ".join(parts)
    for older in session.exec(
        select(PendingChange).where(
            PendingChange.meeting_id == meeting.id, PendingChange.status == PendingStatus.pending
        )
    ):
        older.status, older.decided_at, older.decided_by = PendingStatus.superseded, now, ACTOR
        session.add(older)
    pending = PendingChange(
        meeting_id=meeting.id,
        reason=reason,
        similarity=round(similarity, 3),
        body_name=body.name,
        sha256=document.sha256,
        file_name=document.path.rsplit("/", 1)[-1],
        format=document.format,
        text=document.text,
        extraction=extraction.model_dump(mode="json", by_alias=True),
        diff=changes,
        created_at=now,
    )
    session.add(pending)
    session.flush()
    assert pending.id is not None
    return StoreResult(
        status="pending",
        source_id=0,
        file_name=pending.file_name,
        body=body.name,
        meeting_id=meeting.id,
        meeting_date=meeting.date,
        warnings=list(extraction.warnings),
        pending_id=pending.id,
        reason=reason,
        changes=[c["line"] for c in changes],
    )


def next_meeting_doubt(extraction: Extraction) -> str | None:
    """Why invitations to the announced next meeting must wait for a person (None: no doubt).

    A confidence under MIN_NEXT_CONFIDENCE (a missing field counts as 1.0) or any warning the
    extraction gives about the next meeting (an impossible or contradictory date or time).
    """
    announced = extraction.next_meeting
    if announced is None:
        return None
    # The extraction's own words about the date say more to a secretary than the number they lowered.
    for warning in extraction.warnings:
        if warning.casefold().startswith("next meeting:"):
            return " ".join(warning.split())
    confidence = getattr(announced, "confidence", None)
    value = 1.0 if confidence is None else float(confidence)
    if value < MIN_NEXT_CONFIDENCE:
        return f"next-meeting confidence {value:g} < {MIN_NEXT_CONFIDENCE:g}"
    return None


def _body(session: Session, name: str, extraction: Extraction) -> Body:
    # The key column, not lower(): SQLite's lower() folds ASCII only, so `KOIVUKYLÄN` never matched.
    body = session.exec(select(Body).where(Body.name_key == name_key(name))).first()
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
    """Create, update (keeping statuses and what people set, even under edited text) and cancel items."""
    plan = plan_items(session, meeting_id, entries)
    owners_of = plan.owners_of
    counts = {"created": 0, "changed": 0, "cancelled": 0, "active": 0}

    def event(item: ActionItem, kind: str, old: str | None = None, new: str | None = None) -> None:
        assert item.id is not None
        session.add(
            ActionItemEvent(
                action_item_id=item.id, at=now, actor=ACTOR, kind=kind, old=old, new=new, note=note
            )
        )

    created: list[tuple[ActionItem, list[tuple[int | None, str]]]] = []
    for key, entry, item in plan.entries:
        due = _date(entry.due.date) if entry.due else None
        owners = _owner_rows(entry.owners, people)
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
            created.append((item, owners))
            counts["created"] += 1
            counts["active"] += 1
            continue
        # A fuzzy match takes the new key (no stored item has it, or it would have matched exactly).
        item.key = key
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

    session.flush()  # the new items' ids, in one batch of inserts rather than one round trip each
    for item, owners in created:
        assert item.id is not None
        for person_id, name in owners:
            session.add(ActionItemOwner(action_item_id=item.id, person_id=person_id, name=name))
        event(item, "created", new=item.text)

    for item in plan.dropped:
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


def _plan_next(
    session: Session, body: Body, meeting: Meeting, extraction: Extraction
) -> tuple[list[Meeting], dt.date | None, Meeting | None]:
    """(scheduled meetings the minutes no longer announce, the announced day, the meeting on it if any)."""
    announced = extraction.next_meeting
    day = _date(announced.date if announced else None)
    if day is not None and day <= meeting.date:
        day = None
    cancel = [
        old
        for old in session.exec(
            select(Meeting).where(
                Meeting.previous_meeting_id == meeting.id, Meeting.status == MeetingStatus.scheduled
            )
        )
        if old.date != day
    ]
    upcoming = None
    if day is not None:
        upcoming = session.exec(
            select(Meeting).where(Meeting.body_id == body.id, Meeting.date == day)
        ).first()
        if upcoming is not None and upcoming.status == MeetingStatus.held:
            upcoming = None
    return cancel, day, upcoming


def _next_meeting(
    session: Session, body: Body, meeting: Meeting, extraction: Extraction, uid_domain: str, uid_key: str
) -> Meeting | None:
    """Schedule the meeting the minutes announce; a correction that moves it cancels the old date."""
    assert body.id is not None and meeting.id is not None
    cancel, day, upcoming = _plan_next(session, body, meeting, extraction)
    for old in cancel:
        old.status, old.sequence = MeetingStatus.cancelled, old.sequence + 1
        session.add(old)
    announced = extraction.next_meeting
    if announced is None or day is None:
        return None
    held = session.exec(select(Meeting).where(Meeting.body_id == body.id, Meeting.date == day)).first()
    if held is not None and upcoming is None:
        return held  # its minutes are in already (an archive ingested out of order)
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
            calendar_uid=calendar_uid(body.name, day, uid_domain, uid_key),
            agenda_preview=list(announced.agenda),
            previous_meeting_id=meeting.id,
        )
    else:
        # RFC 5545: a changed time or place is a new revision, so calendars replace the old invite.
        if (upcoming.starts_at, upcoming.ends_at, upcoming.place) != (starts, ends, announced.place):
            upcoming.sequence += 1
        upcoming.starts_at, upcoming.ends_at, upcoming.place = starts, ends, announced.place
        upcoming.agenda_preview = list(announced.agenda)
        upcoming.status = MeetingStatus.scheduled
        upcoming.previous_meeting_id = meeting.id
    # A doubtful date or time is never mailed without a person's approval, whatever the body says;
    # a new doubt needs a new approval.
    doubt = next_meeting_doubt(extraction)
    if doubt and doubt != upcoming.hold_reason:
        upcoming.approved_at = None
    upcoming.hold_reason = doubt
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
    waiting: list[str] = field(default_factory=list)  # held corrections and invitations, one line each


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
    """Action items, by due date (undated last); overdue means open and due before the date.

    One query with the owners outer-joined, read as plain rows: no IN list with a bind parameter
    per item (which crashes SQLite and PostgreSQL at a million items), no ORM objects built.
    """
    from sqlalchemy import select as core_select

    query = (
        core_select(
            col(ActionItem.id),
            col(Meeting.id),
            col(Meeting.date),
            col(Body.name),
            col(ActionItem.agenda_number),
            col(ActionItem.text),
            col(ActionItem.quote),
            col(ActionItem.due_date),
            col(ActionItem.due_precision),
            col(ActionItem.due_phrase),
            col(ActionItem.status),
            col(ActionItemOwner.person_id),
            col(ActionItemOwner.name),
        )
        .select_from(ActionItem)
        .join(Meeting, col(ActionItem.meeting_id) == col(Meeting.id))
        .join(Body, col(Meeting.body_id) == col(Body.id))
        .outerjoin(ActionItemOwner, col(ActionItemOwner.action_item_id) == col(ActionItem.id))
    )
    if open_only or overdue_as_of:
        query = query.where(col(ActionItem.status) == ActionStatus.open)
    if overdue_as_of:
        query = query.where(col(ActionItem.due_date) < overdue_as_of)
    if meeting_id is not None:
        query = query.where(col(ActionItem.meeting_id) == meeting_id)
    # Item order reads the table front to back; the rows are sorted by due date below anyway.
    query = query.order_by(col(ActionItem.id), col(ActionItemOwner.id))
    rows: list[ItemRow] = []
    pairs: dict[int, list[tuple[int | None, str]]] = {}
    from services.digests import sqlite_planner

    sqlite_planner(session)
    found: Iterator[Any] = iter(session.connection().execute(query.execution_options(yield_per=10_000)))
    for r in found:  # Core rows, no ORM loading
        if not rows or rows[-1].id != r[0]:
            status = r[10].value if isinstance(r[10], ActionStatus) else str(r[10])
            rows.append(
                ItemRow(
                    id=r[0],
                    meeting_id=r[1],
                    meeting_date=r[2],
                    body=r[3],
                    agenda_number=r[4],
                    text=r[5],
                    quote=r[6],
                    owners=[],
                    due_date=r[7],
                    due_precision=r[8],
                    due_phrase=r[9],
                    status=status,
                )
            )
            pairs[r[0]] = []
        if r[12] is not None:
            rows[-1].owners.append(r[12])
            pairs[r[0]].append((r[11], r[12]))
    if owner:
        ids = {p.id for p in PersonResolver(session, None).find_all(owner)}
        tokens = set(_fold(owner).split())

        def matches(found: list[tuple[int | None, str]]) -> bool:
            return any(pid in ids or tokens <= set(_fold(name).split()) for pid, name in found)

        rows = [row for row in rows if matches(pairs[row.id])]
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
        query = query.where(Body.name_key == name_key(body))
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
    waiting = [
        f"correction from {p.file_name} held: {p.reason}; `muistio changes {meeting.id}`"
        for p in session.exec(
            select(PendingChange).where(
                PendingChange.meeting_id == meeting.id, PendingChange.status == PendingStatus.pending
            )
        )
    ]
    for m in (meeting, following):
        if m is not None and m.hold_reason and m.approved_at is None and m.status == MeetingStatus.scheduled:
            waiting.append(
                f"invitations for {m.date.isoformat()} held: {m.hold_reason}; `muistio approve {m.id}`"
            )
    return MeetingDetail(
        waiting=waiting,
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
