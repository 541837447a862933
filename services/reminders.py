"""Daily reminders without Prefect: meetings N days ahead and items due within N days, each sent once.

Per body (columns on Body): reminders on or off, `meeting_reminder_days` (default 2) and
`item_reminder_days` (default 3). A meeting reminder is keyed by the meeting's UID, date and
recipient; an item is reminded once per (item, due date, recipient), recorded as a `reminded`
event in the item's history in the same transaction as the outbox row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select
from sqlmodel import Session, col

from models.tables import (
    ActionItem,
    ActionItemEvent,
    ActionItemOwner,
    ActionStatus,
    Body,
    Meeting,
    MeetingStatus,
    OutboxMessage,
    Person,
)
from muistio.digest import parse_mail, pick_language, usable_address
from muistio.invite import Attendee, InviteError, check_email
from muistio.mail import RawMail
from muistio.reminders import ReminderItem, due_reminder, meeting_reminder, preview_name
from services.invitations import invitees, make_event
from services.outbox import DeliveryReport, SessionFactory, deliver_where, enqueue

if TYPE_CHECKING:
    from muistio.settings import Settings
    from services.transport import MailTransport

KIND = "reminder"
ACTOR = "reminders"
REMINDED = "reminded"  # the ActionItemEvent kind that records who was reminded of which due date


@dataclass
class ReminderMail:
    """One composed reminder in wire form; `items` are (item id, due date) pairs it reminds of."""

    what: str  # meeting | due
    key: str
    recipient: str
    mail: RawMail
    meeting_id: int | None = None
    items: list[tuple[int, dt.date]] = field(default_factory=list)

    @property
    def message(self) -> EmailMessage:
        """The mail parsed back (previews and tests)."""
        return parse_mail(self.mail.raw)


@dataclass
class ReminderPlan:
    """What one reminders run composed (and queued) for one day."""

    as_of: dt.date
    mails: list[ReminderMail] = field(default_factory=list)
    enqueued: int = 0
    skipped_bodies: list[str] = field(default_factory=list)  # bodies with reminders turned off

    @property
    def keys(self) -> list[str]:
        """Every outbox key of the run."""
        return [m.key for m in self.mails]

    def count(self, what: str) -> int:
        """How many mails of one kind (meeting, due)."""
        return sum(1 for m in self.mails if m.what == what)


# --- meetings --------------------------------------------------------------------------------


def _bodies(session: Session) -> dict[int, Body]:
    """Every body by id (a handful of rows, read once per run)."""
    return {b.id: b for b in session.execute(select(Body)).scalars() if b.id is not None}


def upcoming_meetings(session: Session, as_of: dt.date, bodies: dict[int, Body]) -> list[Meeting]:
    """Scheduled meetings within their body's reminder window (as_of < date <= as_of + days)."""
    reach = max((b.meeting_reminder_days for b in bodies.values() if b.reminders), default=-1)
    if reach < 1:
        return []
    found = session.execute(
        select(Meeting)
        .where(
            col(Meeting.status) == MeetingStatus.scheduled,
            col(Meeting.date) > as_of,
            col(Meeting.date) <= as_of + dt.timedelta(days=reach),
        )
        .order_by(col(Meeting.date), col(Meeting.id))
    ).scalars()
    out = []
    for meeting in found:
        body = bodies[meeting.body_id]
        if not body.reminders or meeting.date > as_of + dt.timedelta(days=body.meeting_reminder_days):
            continue
        if body.require_approval and meeting.approved_at is None:
            continue  # never invited, so nothing to remind of
        out.append(meeting)
    return out


def open_items_by_person(session: Session, body_id: int) -> dict[int, list[ReminderItem]]:
    """Each person's open items in the body (one joined query of plain rows)."""
    rows = session.execute(
        select(
            col(ActionItemOwner.person_id),
            col(ActionItem.id),
            col(ActionItem.text),
            col(ActionItem.due_date),
            col(ActionItem.due_phrase),
            col(Meeting.date),
            col(Body.name),
        )
        .select_from(ActionItem)
        .join(ActionItemOwner, col(ActionItemOwner.action_item_id) == col(ActionItem.id))
        .join(Meeting, col(ActionItem.meeting_id) == col(Meeting.id))
        .join(Body, col(Meeting.body_id) == col(Body.id))
        .where(
            col(Meeting.body_id) == body_id,
            col(ActionItem.status) == ActionStatus.open,
            col(ActionItemOwner.person_id).is_not(None),
        )
        .order_by(col(ActionItem.due_date), col(ActionItem.id))
    )
    out: dict[int, list[ReminderItem]] = defaultdict(list)
    for person_id, item_id, text, due, phrase, meeting_date, body in rows:
        if all(i.id != item_id for i in out[person_id]):
            out[person_id].append(
                ReminderItem(
                    id=item_id, text=text, due=due, due_phrase=phrase, meeting_date=meeting_date, body=body
                )
            )
    return out


def meeting_mails(
    session: Session, meeting: Meeting, body: Body, as_of: dt.date, *, settings: Settings, now: dt.datetime
) -> list[ReminderMail]:
    """One reminder per invitee of the meeting, each with their own open items and the event again."""
    people, _missing = invitees(session, meeting)
    if not people:
        return []
    attendees: dict[str, tuple[Attendee, int | None]] = {}
    for person, role in people:
        address = check_email(person.email or "")
        attendees.setdefault(
            address.lower(),
            (Attendee(name=person.name, email=address, role=role, language=person.language), person.id),  # type: ignore[arg-type]
        )
    # The invitation's own event: same UID, SEQUENCE and attendees, so calendars update, not duplicate.
    event = make_event(session, meeting, tuple(a for a, _ in attendees.values()), settings=settings, now=now)
    own = open_items_by_person(session, body.id or 0)
    mails = []
    for attendee, person_id in attendees.values():
        raw = meeting_reminder(
            event, attendee, own.get(person_id or -1, []), as_of=as_of, meeting_day=meeting.date,
            language=body.language, sender=(event.organizer.name, settings.mail_from),
            secret_key=settings.secret_key, message_id_domain=settings.message_id_domain,
        )  # fmt: skip
        key = f"reminder|meeting|{meeting.calendar_uid}|{meeting.date.isoformat()}|{attendee.email.lower()}"
        mails.append(
            ReminderMail(what="meeting", key=key, recipient=attendee.email, mail=raw, meeting_id=meeting.id)
        )
    return mails


# --- items due soon --------------------------------------------------------------------------


def due_soon_rows(session: Session, as_of: dt.date, reach: int) -> Iterator[Any]:
    """Open items due in [as_of, as_of + reach] with body and every owner: one joined query, plain rows."""
    return iter(
        session.connection().execute(
            select(
                col(ActionItem.id),
                col(ActionItem.text),
                col(ActionItem.due_date),
                col(ActionItem.due_phrase),
                col(Meeting.date),
                col(Body.id),
                col(Body.name),
                col(Body.language),
                col(Person.name),
                col(Person.email),
                col(Person.language),
            )
            .select_from(ActionItem)
            .join(Meeting, col(ActionItem.meeting_id) == col(Meeting.id))
            .join(Body, col(Meeting.body_id) == col(Body.id))
            .join(ActionItemOwner, col(ActionItemOwner.action_item_id) == col(ActionItem.id))
            .join(Person, col(ActionItemOwner.person_id) == col(Person.id))
            .where(
                col(ActionItem.status) == ActionStatus.open,
                col(ActionItem.due_date) >= as_of,
                col(ActionItem.due_date) <= as_of + dt.timedelta(days=reach),
                col(Body.reminders).is_(True),
            )
            .order_by(col(ActionItem.due_date), col(ActionItem.id), col(ActionItemOwner.id))
            .execution_options(yield_per=10_000)
        )
    )


def already_reminded(session: Session, as_of: dt.date, reach: int) -> set[tuple[int, str, str]]:
    """(item id, recipient, due ISO date) of reminders recorded for the items in the window (one query)."""
    rows = session.execute(
        select(col(ActionItemEvent.action_item_id), col(ActionItemEvent.new), col(ActionItemEvent.note))
        .select_from(ActionItemEvent)
        .join(
            ActionItem,
            and_(
                col(ActionItemEvent.action_item_id) == col(ActionItem.id),
                col(ActionItem.due_date) >= as_of,
                col(ActionItem.due_date) <= as_of + dt.timedelta(days=reach),
            ),
        )
        .where(col(ActionItemEvent.kind) == REMINDED)
    )
    return {(item_id, (rcpt or "").lower(), note or "") for item_id, rcpt, note in rows}


def due_mails(
    session: Session, as_of: dt.date, bodies: dict[int, Body], *, settings: Settings, now: dt.datetime
) -> list[ReminderMail]:
    """One mail per person with items due within their body's window that they were not yet reminded of."""
    reach = max((b.item_reminder_days for b in bodies.values() if b.reminders), default=-1)
    if reach < 0:
        return []
    done = already_reminded(session, as_of, reach)
    per_person: dict[str, tuple[str, str, list[ReminderItem]]] = {}
    for (
        item_id,
        text,
        due,
        phrase,
        meeting_date,
        body_id,
        body,
        body_lang,
        name,
        email,
        lang,
    ) in due_soon_rows(session, as_of, reach):
        if due > as_of + dt.timedelta(days=bodies[body_id].item_reminder_days):
            continue
        address = usable_address_of(email)
        if address is None or (item_id, address.lower(), due.isoformat()) in done:
            continue
        entry = per_person.setdefault(address.lower(), (name, pick_language(lang, body_lang), []))
        if all(i.id != item_id for i in entry[2]):
            entry[2].append(
                ReminderItem(
                    id=item_id, text=text, due=due, due_phrase=phrase, meeting_date=meeting_date, body=body
                )
            )
    mails = []
    for address, (name, lang, items) in sorted(per_person.items()):
        raw = due_reminder(
            name, address, items, as_of=as_of, language=lang, stamp=now,
            sender=("muistio", settings.mail_from), secret_key=settings.secret_key,
            message_id_domain=settings.message_id_domain,
        )  # fmt: skip
        key = f"reminder|due|{as_of.isoformat()}|{address}"
        pairs = [(i.id, i.due) for i in items if i.due is not None]
        mails.append(ReminderMail(what="due", key=key, recipient=raw.recipient, mail=raw, items=pairs))
    return mails


def usable_address_of(email: str | None) -> str | None:
    """A checked address, or None."""
    from muistio.digest import Owner

    return usable_address(Owner(name="", email=email))


# --- the run ---------------------------------------------------------------------------------


def compose_reminders(
    session: Session, as_of: dt.date, *, settings: Settings, now: dt.datetime
) -> ReminderPlan:
    """Every reminder due on `as_of` (the session is only read)."""
    bodies = _bodies(session)
    plan = ReminderPlan(
        as_of=as_of, skipped_bodies=sorted(b.name for b in bodies.values() if not b.reminders)
    )
    for meeting in upcoming_meetings(session, as_of, bodies):
        try:
            plan.mails += meeting_mails(
                session, meeting, bodies[meeting.body_id], as_of, settings=settings, now=now
            )
        except InviteError:
            continue  # a meeting that cannot be written as an event (no title, bad zone) gets no reminder
    plan.mails += due_mails(session, as_of, bodies, settings=settings, now=now)
    return plan


def enqueue_reminders(
    session: Session, as_of: dt.date, *, settings: Settings, now: dt.datetime
) -> ReminderPlan:
    """Compose and queue the day's reminders in the caller's transaction; a repeat queues nothing new."""
    plan = compose_reminders(session, as_of, settings=settings, now=now)
    for mail in plan.mails:
        row = OutboxMessage(
            key=mail.key, kind=KIND, meeting_id=mail.meeting_id, recipient=mail.recipient,
            subject=mail.mail.subject, message_id=mail.mail.message_id, raw=mail.mail.raw, created_at=now,
        )  # fmt: skip
        added = enqueue([row], session=session)
        plan.enqueued += added
        if added:
            # The item history says who was reminded of which due date: the next run skips them.
            for item_id, due in mail.items:
                session.add(
                    ActionItemEvent(
                        action_item_id=item_id,
                        at=now,
                        actor=ACTOR,
                        kind=REMINDED,
                        new=mail.recipient.lower(),
                        note=due.isoformat(),
                    )
                )
    session.flush()
    return plan


def deliver_reminders(
    session_factory: SessionFactory, transport: MailTransport, *, settings: Settings, now: dt.datetime
) -> DeliveryReport:
    """Deliver every reminder that is due (pending, or a retry whose time has come)."""
    return deliver_where(
        col(OutboxMessage.kind) == KIND,
        session_factory=session_factory,
        transport=transport,
        now=now,
        sender=settings.mail_from,
    )


def write_dry_run(plan: ReminderPlan, out: Path) -> list[Path]:
    """One .eml per reminder into `out`; nothing queued, nothing sent, nothing recorded."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for mail in plan.mails:
        path = out / preview_name(mail.key)
        path.write_bytes(mail.mail.raw)
        written.append(path)
    return written


def reminders_summary(plan: ReminderPlan) -> dict[str, Any]:
    """A plan as plain data (Prefect results, artifacts, JSON)."""
    return {
        "as_of": plan.as_of.isoformat(),
        "meeting": [m.recipient for m in plan.mails if m.what == "meeting"],
        "due": [m.recipient for m in plan.mails if m.what == "due"],
        "keys": plan.keys,
        "enqueued": plan.enqueued,
        "skipped_bodies": plan.skipped_bodies,
        "line": summary_line(plan),
    }


def summary_line(plan: ReminderPlan, *, dry_run: bool = False) -> str:
    """'reminders 2026-03-02: 3 meeting reminders, 2 due-date reminders, 5 newly queued'."""
    line = f"reminders {plan.as_of.isoformat()}: {plan.count('meeting')} meeting reminders"
    line += f", {plan.count('due')} due-date reminders"
    return line if dry_run else f"{line}, {plan.enqueued} newly queued"
