"""Meeting invitations without Prefect: compose and queue iMIP mail; reschedule, cancel, approve, deliver."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from models.tables import (
    ActionItem,
    ActionItemOwner,
    ActionStatus,
    Body,
    Meeting,
    MeetingStatus,
    OutboxMessage,
    Participation,
    Person,
)
from muistio.invite import (
    Attendee,
    CarriedItem,
    InviteError,
    InviteEvent,
    Organizer,
    build_calendar,
    calendar_for_attendee,
    check_email,
    is_material_change,
)
from muistio.mail import Kind, compose_invite, message_bytes, pick_language
from services.clock import clock
from services.db import session_factory
from services.outbox import (
    DeliveryReport,
    SessionFactory,
    deliver_pending,
    deliver_where,
    enqueue,
    outbox_message,
)

if TYPE_CHECKING:
    from muistio.settings import Settings
    from services.transport import MailTransport

Method = Literal["REQUEST", "CANCEL"]
# People who only ever came as guests or presenters are not members to invite.
VISITOR_ROLES = frozenset({"guest", "presenter"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Up to this many attendees every invitation lists them all; above it each lists its addressee only
#: (RFC 5546 lets the organiser send each attendee a REQUEST of their own): a 1,000-member body's
#: calendar would otherwise be ~180 KB in every one of 1,000 mails, and built 1,000 times.
LIST_ALL_ATTENDEES = 50
#: The calendar object once per mail (in the text/calendar part iMIP reads), not attached a second time.
ICS_ATTACHMENT = False
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


class InviteFlowError(ValueError):
    """A request the invite flow cannot carry out; the message is one line for users."""


@dataclass
class PlannedMail:
    """One composed mail before it is queued."""

    name: str
    recipient: str
    kind: Kind
    message: EmailMessage


@dataclass
class InvitePlan:
    """What an invite run composed: the calendar, one mail per addressee, and who could not be reached."""

    meeting_id: int
    method: Method
    sequence: int
    calendar: bytes
    mails: list[PlannedMail] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # names without an e-mail address
    enqueued: int = 0  # new outbox rows (0 on a repeat run)
    held_for_approval: bool = False
    past: bool = False  # the meeting's day is gone: archived minutes invite nobody
    hold_reason: str | None = None  # why invitations wait for approval whatever the body's setting
    rows: list[OutboxMessage] = field(default_factory=list)  # the mails as outbox rows, composed up front

    def missing_line(self) -> str | None:
        """'3 participants have no address: A, B, C', or None."""
        if not self.missing:
            return None
        n = len(self.missing)
        noun = "participant has" if n == 1 else "participants have"
        return f"{n} {noun} no address: {', '.join(self.missing)}"


# --- finding things --------------------------------------------------------------------------


def find_meeting(session: Session, ref: str, *, body: str | None = None) -> Meeting:
    """A meeting by id or by date (YYYY-MM-DD), optionally within one body."""
    from services.store import find_meeting as lookup

    try:
        return lookup(ref, session=session, body=body)
    except LookupError as exc:
        raise InviteFlowError(str(exc.args[0]) if exc.args else str(exc)) from exc


def _body(session: Session, meeting: Meeting) -> Body:
    body = session.get(Body, meeting.body_id)
    if body is None:  # pragma: no cover - foreign key
        raise InviteFlowError(f"meeting {meeting.id} has no body")
    return body


def invitees(session: Session, meeting: Meeting) -> tuple[list[tuple[Person, str]], list[str]]:
    """(person, role) for everyone of the body with an address, and the names of those without one."""
    people = list(
        session.exec(select(Person).where(Person.body_id == meeting.body_id).order_by(Person.name)).all()
    )
    roles: dict[int, list[set[str]]] = {}
    rows = session.exec(
        select(Participation, Meeting)
        .join(Meeting, Meeting.id == Participation.meeting_id)  # type: ignore[arg-type]
        .where(Meeting.body_id == meeting.body_id)
        .order_by(Meeting.date)  # type: ignore[arg-type]
    ).all()
    for part, _m in rows:
        roles.setdefault(part.person_id, []).append(set(part.roles))
    chair_id = _latest_chair(rows)
    reachable: list[tuple[Person, str]] = []
    missing: list[str] = []
    for person in people:
        history = roles.get(person.id or -1, [])
        if history and all(r and r <= VISITOR_ROLES for r in history):
            continue
        if not person.email:
            missing.append(person.name)
            continue
        try:
            check_email(person.email)
        except InviteError:
            missing.append(f"{person.name} (unusable address {person.email!r})")
            continue
        reachable.append((person, "chair" if person.id == chair_id else "req"))
    return reachable, missing


def _latest_chair(rows: Any) -> int | None:
    """The person who chaired the body's most recent meeting with a chair."""
    chair = None
    for part, _m in rows:  # ordered by date, so the last one wins
        if "chair" in part.roles:
            chair = part.person_id
    return chair


def carried_items(session: Session, meeting: Meeting) -> tuple[CarriedItem, ...]:
    """Open action items from the body's earlier meetings, soonest due first, with owners."""
    items = session.exec(
        select(ActionItem)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)  # type: ignore[arg-type]
        .where(
            Meeting.body_id == meeting.body_id,
            Meeting.date < meeting.date,
            ActionItem.status == ActionStatus.open,
        )
    ).all()
    ids = [i.id for i in items]
    owners: dict[int, list[str]] = {}
    if ids:
        for owner in session.exec(
            select(ActionItemOwner)
            .where(col(ActionItemOwner.action_item_id).in_(ids))
            .order_by(col(ActionItemOwner.id))
        ):
            owners.setdefault(owner.action_item_id, []).append(owner.name)
    ordered = sorted(items, key=lambda i: (i.due_date is None, i.due_date or dt.date.max, i.id or 0))
    return tuple(
        CarriedItem(text=i.text, owners=tuple(owners.get(i.id or -1, [])), due=i.due_date) for i in ordered
    )


def organizer_of(body: Body, settings: Settings) -> Organizer:
    """The body's own organiser, or the configured default."""
    return Organizer(
        name=body.organizer_name or settings.organizer_name,
        email=body.organizer_email or settings.organizer_email,
    )


def make_event(
    session: Session,
    meeting: Meeting,
    attendees: tuple[Attendee, ...],
    *,
    settings: Settings,
    now: dt.datetime,
) -> InviteEvent:
    """The invitation's content for the meeting as stored now."""
    body = _body(session, meeting)
    start: dt.datetime | dt.date = meeting.starts_at or meeting.date
    end: dt.datetime | dt.date | None = meeting.ends_at if meeting.starts_at else None
    return InviteEvent(
        uid=meeting.calendar_uid,
        sequence=meeting.sequence,
        summary=body.name,
        start=start,
        end=end,
        timezone=body.timezone,
        location=meeting.place or "",
        description="",
        status="CANCELLED" if meeting.status == MeetingStatus.cancelled else "CONFIRMED",
        organizer=organizer_of(body, settings),
        attendees=attendees,
        stamp=now,
        agenda=tuple(meeting.agenda_preview or ()),
        carried=carried_items(session, meeting),
        language=body.language if body.language in ("fi", "sv", "en") else "fi",
    )


def _first_ids(session: Session, meeting: Meeting) -> dict[str, str]:
    """recipient -> Message-ID of the first invitation they were sent for this meeting (for threading)."""
    rows = session.exec(
        select(OutboxMessage)
        .where(OutboxMessage.meeting_id == meeting.id, OutboxMessage.kind == "request")
        .order_by(OutboxMessage.id)  # type: ignore[arg-type]
    ).all()
    first: dict[str, str] = {}
    for row in rows:
        first.setdefault(row.recipient.lower(), row.message_id)
    return first


def _outbox_key(meeting: Meeting, method: Method, recipient: str) -> str:
    """One mail per meeting version, method and recipient."""
    return f"{meeting.calendar_uid}|{method.lower()}|{meeting.sequence}|{recipient.lower()}"


# --- composing -----------------------------------------------------------------------------


def compose_plan(
    session: Session,
    meeting: Meeting,
    method: Method,
    *,
    settings: Settings,
    now: dt.datetime,
    recipients: list[tuple[str, str, str | None]] | None = None,
) -> InvitePlan:
    """The calendar and one mail per addressee; `recipients` (name, email, language) replaces the roster."""
    missing: list[str] = []
    if recipients is None:
        people, missing = invitees(session, meeting)
        attendees = tuple(
            Attendee(name=p.name, email=check_email(p.email or ""), role=role, language=p.language)  # type: ignore[arg-type]
            for p, role in people
        )
    else:
        attendees = tuple(Attendee(name=n, email=check_email(e), language=lang) for n, e, lang in recipients)
    # One address, one mail, whoever shares it.
    unique: dict[str, Attendee] = {}
    for a in attendees:
        unique.setdefault(a.email.lower(), a)
    attendees = tuple(unique.values())
    plan = InvitePlan(
        meeting_id=meeting.id or 0, method=method, sequence=meeting.sequence, calendar=b"", missing=missing
    )
    if not attendees:
        return plan
    body = _body(session, meeting)
    event = make_event(session, meeting, attendees, settings=settings, now=now)
    list_all = len(attendees) <= LIST_ALL_ATTENDEES
    plan.calendar = build_calendar(event, method) if list_all else b""
    first = _first_ids(session, meeting)
    sender = Organizer(name=event.organizer.name, email=settings.mail_from)
    bases: dict[str, tuple[Attendee, bytes]] = {}  # language -> (attendee, their calendar)
    for attendee in attendees:
        earlier = first.get(attendee.email.lower())
        kind: Kind = "cancel" if method == "CANCEL" else ("update" if earlier else "invite")
        own = event if list_all else replace(event, attendees=(attendee,))
        ics = None
        if not list_all:
            # Build each language's calendar once; per mail only the ATTENDEE line differs.
            lang = pick_language(attendee, body.language)
            if lang not in bases:
                bases[lang] = (attendee, build_calendar(own, method, language=lang))
            base_attendee, base = bases[lang]
            ics = (
                base
                if base_attendee is attendee
                else calendar_for_attendee(base, base_attendee, attendee, method)
            )
        msg = compose_invite(
            own,
            method,
            attendee,
            sender=sender,
            language=body.language,
            message_id_domain=settings.message_id_domain,
            secret_key=settings.secret_key,
            first_message_id=earlier,
            kind=kind,
            ics_attachment=ICS_ATTACHMENT,
            calendar=ics,
        )
        plan.mails.append(PlannedMail(name=attendee.name, recipient=attendee.email, kind=kind, message=msg))
    return plan


def outbox_rows(meeting: Meeting, plan: InvitePlan, now: dt.datetime) -> list[OutboxMessage]:
    """The plan's mails as outbox rows (raw bytes fixed now, so every retry sends the same message)."""
    return [
        outbox_message(
            mail.message,
            key=_outbox_key(meeting, plan.method, mail.recipient),
            kind=plan.method.lower(),
            recipient=mail.recipient,
            meeting_id=meeting.id,
            now=now,
        )
        for mail in plan.mails
    ]


def queue_plan(
    session: Session,
    meeting: Meeting,
    method: Method,
    *,
    settings: Settings,
    now: dt.datetime,
    recipients: list[tuple[str, str, str | None]] | None = None,
) -> InvitePlan:
    """Compose the plan and queue its mails in the caller's transaction (a repeat queues nothing new)."""
    plan = compose_plan(session, meeting, method, settings=settings, now=now, recipients=recipients)
    plan.enqueued = enqueue(outbox_rows(meeting, plan, now), session=session)
    return plan


def _check_sendable(meeting: Meeting, body: Body) -> None:
    """Refuse invitations for cancelled, held or unapproved meetings."""
    if meeting.status == MeetingStatus.cancelled:
        raise InviteFlowError(f"meeting {meeting.date} of {body.name} is cancelled")
    if meeting.status == MeetingStatus.held:
        raise InviteFlowError(f"meeting {meeting.date} of {body.name} has already been held")
    if meeting.hold_reason and meeting.approved_at is None:
        raise InviteFlowError(held_line(meeting))
    if body.require_approval and meeting.approved_at is None:
        raise InviteFlowError(
            f"{body.name} requires approval before invitations go out: run `muistio approve {meeting.id}`"
        )


def held_line(meeting: Meeting) -> str:
    """'invitations for 2018-06-20 held: REASON; `muistio approve 12`'."""
    day = meeting.date.isoformat()
    return f"invitations for {day} held: {meeting.hold_reason}; `muistio approve {meeting.id}`"


def check_sendable(session: Session, meeting: Meeting) -> None:
    """InviteFlowError (one line) when invitations for the meeting may not go out now."""
    _check_sendable(meeting, _body(session, meeting))


def enqueue_invites(
    session: Session, meeting: Meeting, *, settings: Settings, now: dt.datetime
) -> InvitePlan:
    """Compose REQUESTs for everyone reachable and queue them in the caller's transaction."""
    body = _body(session, meeting)
    _check_sendable(meeting, body)
    return queue_plan(session, meeting, "REQUEST", settings=settings, now=now)


def compose_invites(
    session: Session, meeting: Meeting, *, settings: Settings, now: dt.datetime
) -> InvitePlan:
    """REQUESTs for everyone reachable as outbox rows, writing nothing (enqueue_plans queues them)."""
    _check_sendable(meeting, _body(session, meeting))
    plan = compose_plan(session, meeting, "REQUEST", settings=settings, now=now)
    plan.rows = outbox_rows(meeting, plan, now)
    return plan


def plan_after_ingest(
    session: Session, held_meeting_id: int, *, settings: Settings, now: dt.datetime
) -> list[InvitePlan]:
    """What storing minutes causes: invitations to the meeting they announce, CANCEL for one they moved.

    Composes only (outbox rows on each plan), so it runs outside the write transaction.
    """
    plans: list[InvitePlan] = []
    for meeting in following_meetings(session, held_meeting_id):
        if meeting.status == MeetingStatus.cancelled:
            invited = _invited(session, meeting)
            plan = compose_plan(session, meeting, "CANCEL", settings=settings, now=now, recipients=invited)
            if plan.mails:
                plan.rows = outbox_rows(meeting, plan, now)
                plans.append(plan)
        elif meeting.status == MeetingStatus.scheduled:
            plans.append(invites_after_ingest(session, meeting, settings=settings, now=now))
    return plans


def following_meetings(session: Session, held_meeting_id: int) -> list[Meeting]:
    """The meetings the held meeting's minutes announced, oldest first."""
    return list(
        session.exec(
            select(Meeting).where(Meeting.previous_meeting_id == held_meeting_id).order_by(col(Meeting.id))
        ).all()
    )


def meeting_state(meetings: Iterable[Meeting]) -> list[tuple[Any, ...]]:
    """What composed invitations depend on: if it changed before they are queued, compose again."""
    return [
        (m.id, m.status, m.sequence, m.date, m.starts_at, m.ends_at, m.place, m.approved_at, m.hold_reason)
        for m in meetings
    ]


def enqueue_plans(session: Session, plans: Iterable[InvitePlan]) -> None:
    """Queue composed plans' outbox rows in the caller's (short) transaction."""
    for plan in plans:
        plan.enqueued = enqueue(plan.rows, session=session)


def after_ingest(
    session: Session, held_meeting_id: int, *, settings: Settings, now: dt.datetime
) -> list[InvitePlan]:
    """In one transaction: invite to the meeting the minutes announce; cancel one they moved."""
    plans = plan_after_ingest(session, held_meeting_id, settings=settings, now=now)
    enqueue_plans(session, plans)
    return plans


def invites_after_ingest(
    session: Session, meeting: Meeting, *, settings: Settings, now: dt.datetime
) -> InvitePlan:
    """Compose invitations for an announced meeting, unless it is past or they must wait for approval."""
    body = _body(session, meeting)
    if meeting.date < now.astimezone(ZoneInfo(body.timezone)).date():
        # Old minutes ingested from an archive must not mail everyone about a meeting long gone.
        return InvitePlan(
            meeting_id=meeting.id or 0, method="REQUEST", sequence=meeting.sequence, calendar=b"", past=True
        )
    doubt = meeting.hold_reason if meeting.approved_at is None else None
    if doubt or (body.require_approval and meeting.approved_at is None):
        _, missing = invitees(session, meeting)
        return InvitePlan(
            meeting_id=meeting.id or 0,
            method="REQUEST",
            sequence=meeting.sequence,
            calendar=b"",
            missing=missing,
            held_for_approval=True,
            hold_reason=doubt,
        )
    plan = compose_plan(session, meeting, "REQUEST", settings=settings, now=now)
    plan.rows = outbox_rows(meeting, plan, now)
    return plan


def approve_meeting(session: Session, meeting: Meeting, *, now: dt.datetime) -> bool:
    """Mark a meeting approved for invitations; False if it already was."""
    if meeting.status == MeetingStatus.cancelled:
        raise InviteFlowError(f"meeting {meeting.date} is cancelled")
    if meeting.approved_at is not None:
        return False
    meeting.approved_at = now
    session.add(meeting)
    session.flush()
    return True


def _invited(session: Session, meeting: Meeting) -> list[tuple[str, str, str | None]]:
    """(name, email, language) of everyone a REQUEST was queued for, first come first."""
    rows = session.exec(
        select(OutboxMessage.recipient)
        .where(OutboxMessage.meeting_id == meeting.id, OutboxMessage.kind == "request")
        .group_by(OutboxMessage.recipient)
        .order_by(func.min(OutboxMessage.id))
    ).all()
    by_email = {
        (p.email or "").lower(): p
        for p in session.exec(select(Person).where(Person.body_id == meeting.body_id))
    }
    out = []
    for email in rows:
        person = by_email.get(email.lower())
        out.append((person.name if person else email, email, person.language if person else None))
    return out


def enqueue_cancellation(
    session: Session, meeting: Meeting, *, settings: Settings, now: dt.datetime
) -> InvitePlan:
    """METHOD:CANCEL at the meeting's current SEQUENCE for everyone who was invited (nobody: no mail)."""
    invited = _invited(session, meeting)
    return queue_plan(session, meeting, "CANCEL", settings=settings, now=now, recipients=invited)


def cancel_meeting(session: Session, meeting: Meeting, *, settings: Settings, now: dt.datetime) -> InvitePlan:
    """Cancel: status cancelled, SEQUENCE+1, METHOD:CANCEL queued for everyone who was invited."""
    if meeting.status == MeetingStatus.cancelled:
        raise InviteFlowError(f"meeting {meeting.date} is already cancelled")
    if meeting.status == MeetingStatus.held:
        raise InviteFlowError(f"meeting {meeting.date} has already been held")
    meeting.status = MeetingStatus.cancelled
    meeting.sequence += 1
    session.add(meeting)
    session.flush()
    return enqueue_cancellation(session, meeting, settings=settings, now=now)


def _parse_time(value: str, what: str) -> dt.time:
    match = _TIME.match(value.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise InviteFlowError(f"{what} {value!r} is not a time HH:MM")
    return dt.time(int(match.group(1)), int(match.group(2)))


def reschedule_meeting(
    session: Session,
    meeting: Meeting,
    *,
    settings: Settings,
    now: dt.datetime,
    date: str | None = None,
    start: str | None = None,
    end: str | None = None,
    place: str | None = None,
) -> tuple[bool, InvitePlan | None]:
    """Move or re-place a meeting; a material change raises SEQUENCE and, once invited, queues updates."""
    if meeting.status != MeetingStatus.scheduled:
        raise InviteFlowError(f"meeting {meeting.date} is {meeting.status.value}; only scheduled ones move")
    body = _body(session, meeting)
    zone = ZoneInfo(body.timezone)
    before = make_event(session, meeting, (), settings=settings, now=now)
    new_date = meeting.date
    if date is not None:
        if not _DATE.match(date.strip()):
            raise InviteFlowError(f"--date {date!r} is not a date YYYY-MM-DD")
        try:
            new_date = dt.date.fromisoformat(date.strip())
        except ValueError as exc:
            raise InviteFlowError(f"--date {date!r} is not a valid date") from exc
    old_start = meeting.starts_at.astimezone(zone).time() if meeting.starts_at else None
    old_end = meeting.ends_at.astimezone(zone).time() if meeting.ends_at else None
    start_t = _parse_time(start, "--start") if start is not None else old_start
    end_t = _parse_time(end, "--end") if end is not None else old_end
    if start_t is None and end_t is not None:
        raise InviteFlowError("an end time needs a start time (--start)")
    starts_at = dt.datetime.combine(new_date, start_t, zone).astimezone(dt.UTC) if start_t else None
    ends_at = dt.datetime.combine(new_date, end_t, zone).astimezone(dt.UTC) if start_t and end_t else None
    if starts_at and ends_at and ends_at <= starts_at:
        raise InviteFlowError("the meeting must end after it starts")
    if new_date != meeting.date:
        clash = session.exec(
            select(Meeting).where(Meeting.body_id == meeting.body_id, Meeting.date == new_date)
        ).first()
        if clash is not None:
            raise InviteFlowError(f"{body.name} already has a meeting on {new_date} (id {clash.id})")
    meeting.date = new_date
    meeting.starts_at = starts_at
    meeting.ends_at = ends_at
    if place is not None:
        meeting.place = place.strip() or None
    after = make_event(session, meeting, (), settings=settings, now=now)
    if not is_material_change(before, after):
        session.add(meeting)
        session.flush()
        return False, None
    meeting.sequence += 1
    session.add(meeting)
    session.flush()
    invited = _invited(session, meeting)
    if not invited:
        return True, None  # nobody has the old version; the first invitation will carry the new one
    return True, queue_plan(session, meeting, "REQUEST", settings=settings, now=now)


# --- dry run -------------------------------------------------------------------------------


def write_dry_run(plan: InvitePlan, out: Path) -> list[Path]:
    """invite.ics and one .eml per recipient into `out`; nothing sent, nothing recorded."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    ics = out / "invite.ics"
    ics.write_bytes(plan.calendar)
    written.append(ics)
    for mail in plan.mails:
        name = re.sub(r"[^A-Za-z0-9@._+-]", "_", mail.recipient)
        path = out / f"{name}.eml"
        path.write_bytes(message_bytes(mail.message))
        written.append(path)
    return written


def dry_run(
    session: Session, meeting: Meeting, out: Path, *, settings: Settings, now: dt.datetime
) -> InvitePlan:
    """Compose what `invite` would send and write it to files (the session is not changed)."""
    body = _body(session, meeting)
    if meeting.status == MeetingStatus.cancelled:
        raise InviteFlowError(f"meeting {meeting.date} of {body.name} is cancelled")
    plan = compose_plan(session, meeting, "REQUEST", settings=settings, now=now)
    if not plan.mails:
        raise InviteFlowError("nobody to invite: " + (plan.missing_line() or "the body has no people"))
    write_dry_run(plan, out)
    return plan


# --- delivery and the Prefect flow ---------------------------------------------------------


def deliver_meeting(
    session_factory: SessionFactory,
    transport: MailTransport,
    *,
    settings: Settings,
    now: dt.datetime,
    meeting_ids: Iterable[int] | None = None,
) -> DeliveryReport:
    """Deliver due outbox mail (only these meetings' when given)."""
    if meeting_ids is None:
        return deliver_pending(
            session_factory=session_factory, transport=transport, now=now, sender=settings.mail_from
        )
    return deliver_where(
        col(OutboxMessage.meeting_id).in_(list(meeting_ids)),
        session_factory=session_factory,
        transport=transport,
        now=now,
        sender=settings.mail_from,
    )


def plan_summary(plan: InvitePlan) -> dict[str, Any]:
    """A plan as plain data (for Prefect results, JSON and the CLI)."""
    return {
        "meeting_id": plan.meeting_id,
        "method": plan.method,
        "sequence": plan.sequence,
        "recipients": [m.recipient for m in plan.mails],
        "enqueued": plan.enqueued,
        "missing": plan.missing,
        "missing_line": plan.missing_line(),
        "held_for_approval": plan.held_for_approval,
        "hold_reason": plan.hold_reason,
        "past": plan.past,
    }


def report_summary(report: DeliveryReport) -> dict[str, Any]:
    """A delivery report as plain data."""
    return {
        "sent": report.sent,
        "retrying": report.retrying,
        "failed": report.failed,
        "recovered": report.recovered,
        "errors": report.errors,
        "summary": report.summary(),
    }


def queue_invitations(meeting: str, *, settings: Settings) -> dict[str, Any]:
    """All the meeting's (id or YYYY-MM-DD) invitations, composed and queued in one transaction."""
    with session_factory(settings.resolved_database_url)() as session:
        plan = enqueue_invites(session, find_meeting(session, meeting), settings=settings, now=clock().now())
    return plan_summary(plan)


def deliver_invitations(
    meeting_ids: list[int], *, settings: Settings, transport: MailTransport | None = None
) -> dict[str, Any]:
    """Send what is queued for these meetings (one batch, never one call per mail)."""
    from services.transport import describe_transport, transport_from_settings

    transport = transport or transport_from_settings(settings)
    report = deliver_meeting(
        session_factory(settings.resolved_database_url),
        transport,
        settings=settings,
        now=clock().now(),
        meeting_ids=meeting_ids,
    )
    return {"via": describe_transport(transport), **report_summary(report)}
