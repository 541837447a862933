"""The weekly overdue digest without Prefect: find overdue items, compose, queue once per week, deliver."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from models.tables import ActionItem, ActionItemOwner, ActionStatus, Body, Meeting, OutboxMessage, Person
from muistio.digest import (
    Digest,
    OverdueItem,
    Owner,
    compose_digest,
    group_digests,
    iso_week,
    outbox_key,
    unreachable_owners,
    usable_address,
)
from muistio.mail import message_bytes
from services.invitations import organizer_of
from services.outbox import DeliveryReport, SessionFactory, deliver_where, enqueue, outbox_message

if TYPE_CHECKING:
    from muistio.settings import Settings
    from services.transport import MailTransport

KIND = "digest"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DigestError(ValueError):
    """A digest request muistio cannot carry out; the message is one line for users."""


@dataclass
class DigestMail:
    """One composed digest before it is queued."""

    key: str
    recipient: str
    items: int
    message: EmailMessage


@dataclass
class DigestPlan:
    """What a digest run composed and queued for one ISO week."""

    as_of: dt.date
    week: str
    overdue: int = 0  # overdue open items found
    mails: list[DigestMail] = field(default_factory=list)
    undeliverable: list[str] = field(default_factory=list)  # items nobody at all can be told about
    enqueued: int = 0  # new outbox rows (0 on a repeat run in the same week)
    keys: list[str] = field(default_factory=list)

    def undeliverable_line(self) -> str | None:
        """'2 overdue items reach nobody (no address, no organiser address): #3, #7', or None."""
        if not self.undeliverable:
            return None
        n = len(self.undeliverable)
        noun = "item reaches" if n == 1 else "items reach"
        which = ", ".join(self.undeliverable)
        return f"{n} overdue {noun} nobody (no usable owner or organiser address): {which}"


def parse_as_of(value: str | None, *, settings: Settings, now: dt.datetime) -> dt.date:
    """The day the digest judges by: --as-of, else today in the configured time zone."""
    if value is None or not value.strip():
        return now.astimezone(ZoneInfo(settings.timezone)).date()
    text = value.strip()
    if not _DATE.match(text):
        raise DigestError(f"--as-of {value!r} is not a date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DigestError(f"--as-of {value!r} is not a valid date") from None


def load_overdue(session: Session, as_of: dt.date, *, settings: Settings) -> list[OverdueItem]:
    """Every open item due before `as_of`, with owners (address, language) and the body's organiser."""
    found = session.exec(
        select(ActionItem, Meeting, Body)
        .join(Meeting, col(ActionItem.meeting_id) == Meeting.id)
        .join(Body, col(Meeting.body_id) == Body.id)
        .where(ActionItem.status == ActionStatus.open, col(ActionItem.due_date) < as_of)
        .order_by(col(ActionItem.due_date), col(ActionItem.id))
    ).all()
    ids = [item.id for item, _, _ in found if item.id is not None]
    owners: dict[int, list[Owner]] = {}
    if ids:
        rows = session.exec(
            select(ActionItemOwner, Person)
            .join(Person, col(ActionItemOwner.person_id) == Person.id, isouter=True)
            .where(col(ActionItemOwner.action_item_id).in_(ids))
            .order_by(col(ActionItemOwner.id))
        ).all()
        for owner, person in rows:
            who = Owner(
                name=person.name if person else owner.name,
                email=person.email if person else None,
                language=person.language if person else None,
                person_id=person.id if person else None,
            )
            owners.setdefault(owner.action_item_id, []).append(who)
    organizers: dict[int, Owner] = {}
    out: list[OverdueItem] = []
    for item, meeting, body in found:
        assert item.id is not None and item.due_date is not None and body.id is not None
        if body.id not in organizers:
            organizers[body.id] = _organizer(session, body, settings)
        out.append(
            OverdueItem(
                id=item.id,
                text=item.text,
                due=item.due_date,
                due_phrase=item.due_phrase,
                meeting_date=meeting.date,
                body=body.name,
                body_language=body.language,
                organizer=organizers[body.id],
                owners=tuple(owners.get(item.id, [])),
            )
        )
    return out


def _organizer(session: Session, body: Body, settings: Settings) -> Owner:
    """The body's organiser (or the configured default), with the language of their person record if any."""
    org = organizer_of(body, settings)
    language, person_id = None, None
    for person in session.exec(select(Person).where(Person.body_id == body.id)):
        if person.email and person.email.lower() == org.email.lower():
            language, person_id = person.language, person.id
            break
    return Owner(name=org.name, email=org.email, language=language, person_id=person_id)


def _reply_to(digest: Digest) -> tuple[str, str] | None:
    """Replies go to the items' organiser, when there is exactly one (and it is not the recipient)."""
    found = {
        (i.organizer.name, a)
        for i in digest.own
        if (a := usable_address(i.organizer)) is not None and a.lower() != digest.email.lower()
    }
    return found.pop() if len(found) == 1 else None


def compose_digests(session: Session, as_of: dt.date, *, settings: Settings, now: dt.datetime) -> DigestPlan:
    """One digest mail per reachable address for the week of `as_of` (the session is only read)."""
    items = load_overdue(session, as_of, settings=settings)
    grouping = group_digests(items)
    plan = DigestPlan(as_of=as_of, week=iso_week(as_of), overdue=len(items))
    plan.undeliverable = [
        f"#{i.id} ({', '.join(unreachable_owners(i)) or 'no owner'})" for i in grouping.undeliverable
    ]
    for digest in grouping.digests:
        message = compose_digest(
            digest,
            as_of,
            stamp=now,
            sender=("muistio", settings.mail_from),
            secret_key=settings.secret_key,
            message_id_domain=settings.message_id_domain,
            reply_to=_reply_to(digest),
            links=_done_links(digest, settings=settings, now=now),
        )
        key = outbox_key(digest, as_of)
        plan.mails.append(DigestMail(key=key, recipient=digest.email, items=digest.count, message=message))
        plan.keys.append(key)
    return plan


def _done_links(digest: Digest, *, settings: Settings, now: dt.datetime) -> dict[int, str]:
    """Each item's signed mark-done link for this recipient (none without MUISTIO_PUBLIC_URL)."""
    from services.links import done_link

    links = {}
    for item in [*digest.own, *digest.unreachable]:
        url = done_link(item.id, digest.person_id, settings=settings, now=now)
        if url is not None:
            links[item.id] = url
    return links


def outbox_rows(plan: DigestPlan, now: dt.datetime) -> list[OutboxMessage]:
    """The plan's mails as outbox rows (raw bytes fixed now, so every retry sends the same message)."""
    return [
        outbox_message(
            mail.message, key=mail.key, kind=KIND, recipient=mail.recipient, meeting_id=None, now=now
        )
        for mail in plan.mails
    ]


def enqueue_digests(session: Session, as_of: dt.date, *, settings: Settings, now: dt.datetime) -> DigestPlan:
    """Compose and queue every digest in the caller's transaction; a repeat in the same week adds nothing."""
    plan = compose_digests(session, as_of, settings=settings, now=now)
    plan.enqueued = enqueue(outbox_rows(plan, now), session=session)
    return plan


def deliver_digests(
    session_factory: SessionFactory,
    transport: MailTransport,
    *,
    settings: Settings,
    now: dt.datetime,
    keys: list[str],
) -> DeliveryReport:
    """Deliver the week's digests that are due (pending, or a retry whose time has come)."""
    return deliver_where(
        col(OutboxMessage.key).in_(keys),
        session_factory=session_factory,
        transport=transport,
        now=now,
        sender=settings.mail_from,
    )


def write_dry_run(plan: DigestPlan, out: Path) -> list[Path]:
    """One .eml per recipient into `out`; nothing sent, nothing recorded."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for mail in plan.mails:
        name = re.sub(r"[^A-Za-z0-9@._+-]", "_", mail.recipient)
        path = out / f"digest-{plan.week}-{name}.eml"
        path.write_bytes(message_bytes(mail.message))
        written.append(path)
    return written


def digest_summary(plan: DigestPlan) -> dict[str, Any]:
    """A plan as plain data (Prefect results, JSON, the CLI)."""
    return {
        "as_of": plan.as_of.isoformat(),
        "week": plan.week,
        "overdue": plan.overdue,
        "recipients": [m.recipient for m in plan.mails],
        "keys": plan.keys,
        "enqueued": plan.enqueued,
        "undeliverable": plan.undeliverable,
        "undeliverable_line": plan.undeliverable_line(),
    }


def summary_line(plan: DigestPlan, *, dry_run: bool = False) -> str:
    """'digest 2026-W10 (as of 2026-03-02): 5 overdue items, 3 recipients, 3 newly queued'."""
    line = f"digest {plan.week} (as of {plan.as_of.isoformat()}): {plan.overdue} overdue items"
    line += f", {len(plan.mails)} recipients"
    return line if dry_run else f"{line}, {plan.enqueued} newly queued"
