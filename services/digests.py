"""The weekly overdue digest without Prefect: find overdue items, compose, queue once per week, deliver.

Built to stream: one joined query (no bind parameter per item), plain rows rather than ORM
objects, grouping with dicts and sets, mail composed in wire form and queued (or written) in
batches, so only the overdue items themselves are held in memory, never every composed mail.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select, text
from sqlmodel import Session, col

from models.tables import ActionItem, ActionItemOwner, ActionStatus, Body, Meeting, OutboxMessage, Person
from muistio.digest import (
    Digest,
    OverdueItem,
    Owner,
    digest_mail,
    group_digests,
    iso_week,
    outbox_key,
    parse_mail,
    unreachable_owners,
    usable_address,
)
from muistio.errors import MuistioError
from muistio.mail import RawMail
from services.outbox import DeliveryReport, SessionFactory, deliver_where, enqueue

if TYPE_CHECKING:
    from muistio.settings import Settings
    from services.transport import MailTransport

KIND = "digest"
BATCH = 500  # mails composed, then queued or written, before the next batch is composed
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DigestError(MuistioError, ValueError):
    """A digest request muistio cannot carry out; the message is one line for users."""


@dataclass
class DigestMail:
    """One composed digest in wire form."""

    key: str
    recipient: str
    items: int
    mail: RawMail

    @property
    def message(self) -> EmailMessage:
        """The mail parsed back (previews and tests)."""
        return parse_mail(self.mail.raw)


@dataclass
class DigestPlan:
    """What a digest run composed and queued for one ISO week (mails kept only when asked to)."""

    as_of: dt.date
    week: str
    overdue: int = 0  # overdue open items found
    mails: list[DigestMail] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
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


# --- reading ---------------------------------------------------------------------------------


def organizer_people(session: Session) -> dict[tuple[int | None, str], tuple[str | None, int]]:
    """(body id, lower-case address) -> (language, person id) of everyone with an address: one query."""
    rows = session.execute(
        select(col(Person.body_id), col(Person.email), col(Person.language), col(Person.id)).where(
            col(Person.email).is_not(None)
        )
    )
    return {(body_id, email.lower()): (lang, pid) for body_id, email, lang, pid in rows}


class Organizers:
    """Each body's organiser (its own or the configured default) with their language; no query per body."""

    def __init__(self, session: Session, settings: Settings) -> None:
        self.settings = settings
        self.people = organizer_people(session)
        self.cache: dict[int, Owner] = {}

    def of(self, body_id: int, name: str | None, email: str | None) -> Owner:
        """The organiser of the body whose row carried these organiser columns."""
        found = self.cache.get(body_id)
        if found is None:
            org_name = name or self.settings.organizer_name
            org_email = email or self.settings.organizer_email
            language, person_id = self.people.get((body_id, org_email.lower()), (None, None))
            found = self.cache[body_id] = Owner(
                name=org_name, email=org_email, language=language, person_id=person_id
            )
        return found


_OVERDUE_COLUMNS = (
    col(ActionItem.id), col(ActionItem.text), col(ActionItem.due_date), col(ActionItem.due_phrase),
    col(Meeting.date), col(Body.id), col(Body.name), col(Body.language),
    col(Body.organizer_name), col(Body.organizer_email),
    col(ActionItemOwner.name), col(Person.name), col(Person.email), col(Person.language), col(Person.id),
)  # fmt: skip


def sqlite_planner(session: Session) -> None:
    """On SQLite: a 64 MiB page cache, and table statistics so the planner reads open items in order.

    Without sqlite_stat1, SQLite 3.40 range-scans (status, due_date) and fetches a million-item
    table in random order (14 s); with it, in id order (6 s). ANALYZE sampling 1000 rows per index
    costs ~10 ms; later runs only PRAGMA optimize, which re-analyzes what changed a lot.
    """
    if session.get_bind().dialect.name != "sqlite":
        return
    session.execute(text("PRAGMA cache_size = -65536"))  # the default 2 MiB thrashes on a large join
    have = session.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first()
    session.execute(text("PRAGMA analysis_limit = 1000"))
    session.execute(text("PRAGMA optimize" if have else "ANALYZE"))


def overdue_rows(session: Session, where: Iterable[Any]) -> Iterator[Any]:
    """Items with meeting, body and every owner in ONE query (outer joins), streamed in item-id order."""
    stmt = (
        select(*_OVERDUE_COLUMNS)
        .select_from(ActionItem)
        .join(Meeting, col(ActionItem.meeting_id) == col(Meeting.id))
        .join(Body, col(Meeting.body_id) == col(Body.id))
        .outerjoin(ActionItemOwner, col(ActionItemOwner.action_item_id) == col(ActionItem.id))
        .outerjoin(Person, col(ActionItemOwner.person_id) == col(Person.id))
        .where(*where)
        # Item order, not due order: the table is read front to back instead of jumping around it
        # (a million items do not fit SQLite's page cache); group_digests sorts by due date anyway.
        .order_by(col(ActionItem.id), col(ActionItemOwner.id))
        .execution_options(yield_per=10_000)  # a server-side cursor on PostgreSQL
    )
    sqlite_planner(session)
    # On the session's connection, not session.execute: plain Core rows, no ORM loading machinery.
    return iter(session.connection().execute(stmt))


def load_overdue(session: Session, as_of: dt.date, *, settings: Settings) -> list[OverdueItem]:
    """Every open item due before `as_of`, with owners (address, language) and the body's organiser."""
    return sorted(iter_overdue(session, as_of, settings=settings), key=lambda i: (i.due, i.id))


def iter_overdue(session: Session, as_of: dt.date, *, settings: Settings) -> Iterator[OverdueItem]:
    """The overdue items one by one, by id; owners gathered from consecutive joined rows."""
    organizers = Organizers(session, settings)
    where = [col(ActionItem.status) == ActionStatus.open, col(ActionItem.due_date) < as_of]
    current: list[Any] = []
    for row in overdue_rows(session, where):
        if current and current[0][0] != row[0]:
            yield _item(current, organizers)
            current = []
        current.append(row)
    if current:
        yield _item(current, organizers)


@lru_cache(maxsize=65536)
def _owner(name: str, email: str | None, language: str | None, person_id: int | None) -> Owner:
    """One Owner object per person however many items they own (frozen dataclasses are slow to build)."""
    return Owner(name=name, email=email, language=language, person_id=person_id)


def _item(rows: list[Any], organizers: Organizers) -> OverdueItem:
    """One item from its joined rows (one per owner; a single row with no owner columns when it has none)."""
    first = rows[0]
    item_id, text, due, phrase, meeting_date, body_id, body, body_lang, org_name, org_email = first[:10]
    owners = tuple(
        _owner(p_name or o_name, p_email, p_lang, p_id)
        for *_, o_name, p_name, p_email, p_lang, p_id in rows
        if o_name is not None
    )
    return OverdueItem(
        id=item_id, text=text, due=due, due_phrase=phrase, meeting_date=meeting_date, body=body,
        body_language=body_lang, organizer=organizers.of(body_id, org_name, org_email), owners=owners,
    )  # fmt: skip


# --- composing -------------------------------------------------------------------------------


def _reply_to(digest: Digest) -> tuple[str, str] | None:
    """Replies go to the items' organiser, when there is exactly one (and it is not the recipient)."""
    found = {
        (i.organizer.name, a)
        for i in digest.own
        if (a := usable_address(i.organizer)) is not None and a.lower() != digest.email.lower()
    }
    return found.pop() if len(found) == 1 else None


Sink = Callable[[list[DigestMail]], None]


def compose_digests(
    session: Session,
    as_of: dt.date,
    *,
    settings: Settings,
    now: dt.datetime,
    sink: Sink | None = None,
    keep: bool = True,
) -> DigestPlan:
    """One digest mail per reachable address for the week of `as_of` (the session is only read).

    Mails go to `sink` in batches of BATCH; with keep=False the plan holds only keys and
    recipients, so memory does not grow with the number of mails.
    """
    plan = DigestPlan(as_of=as_of, week=iso_week(as_of))

    def counted(items: Iterator[OverdueItem]) -> Iterator[OverdueItem]:
        for item in items:
            plan.overdue += 1
            yield item

    grouping = group_digests(counted(iter_overdue(session, as_of, settings=settings)))
    plan.undeliverable = [
        f"#{i.id} ({', '.join(unreachable_owners(i)) or 'no owner'})" for i in grouping.undeliverable
    ]
    batch: list[DigestMail] = []
    sender = ("muistio", settings.mail_from)
    digests = grouping.digests[::-1]
    grouping.digests = []
    while digests:
        digest = digests.pop()  # dropped once composed: memory shrinks as mail goes out
        raw = digest_mail(
            digest, as_of, stamp=now, sender=sender, secret_key=settings.secret_key,
            message_id_domain=settings.message_id_domain, reply_to=_reply_to(digest),
            links=_done_links(digest, settings=settings, now=now),
        )  # fmt: skip
        key = outbox_key(digest, as_of)
        batch.append(DigestMail(key=key, recipient=digest.email, items=digest.count, mail=raw))
        plan.keys.append(key)
        plan.recipients.append(digest.email)
        if len(batch) >= BATCH:
            _flush(plan, batch, sink, keep)
            batch = []
    _flush(plan, batch, sink, keep)
    return plan


def _done_links(digest: Digest, *, settings: Settings, now: dt.datetime) -> dict[int, str]:
    """Each item's signed mark-done link for this recipient (none without MUISTIO_PUBLIC_URL)."""
    if not settings.public_url or digest.person_id is None:
        return {}
    from services.links import done_link

    links = {}
    for item in [*digest.own, *digest.unreachable]:
        url = done_link(item.id, digest.person_id, settings=settings, now=now)
        if url is not None:
            links[item.id] = url
    return links


def _flush(plan: DigestPlan, batch: list[DigestMail], sink: Sink | None, keep: bool) -> None:
    if batch and sink is not None:
        sink(batch)
    if keep:
        plan.mails.extend(batch)


def outbox_row(mail: DigestMail, now: dt.datetime, kind: str = KIND) -> OutboxMessage:
    """A composed mail as an outbox row (raw bytes fixed now, so every retry sends the same message)."""
    return OutboxMessage(
        key=mail.key, kind=kind, meeting_id=None, recipient=mail.recipient, subject=mail.mail.subject,
        message_id=mail.mail.message_id, raw=mail.mail.raw, created_at=now,
    )  # fmt: skip


def outbox_rows(plan: DigestPlan, now: dt.datetime) -> list[OutboxMessage]:
    """The plan's kept mails as outbox rows."""
    return [outbox_row(mail, now) for mail in plan.mails]


def enqueue_digests(
    session: Session, as_of: dt.date, *, settings: Settings, now: dt.datetime, keep: bool = False
) -> DigestPlan:
    """Compose and queue every digest in the caller's transaction; a repeat in the same week adds nothing."""
    added = 0

    def queue(batch: list[DigestMail]) -> None:
        nonlocal added
        added += enqueue((outbox_row(m, now) for m in batch), session=session)

    plan = compose_digests(session, as_of, settings=settings, now=now, sink=queue, keep=keep)
    plan.enqueued = added
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
    # By key prefix (one bind parameter a week), not IN (...) with a parameter per recipient.
    weeks = sorted({key.rsplit("|", 1)[0] + "|" for key in keys})
    if not weeks:
        return DeliveryReport()
    return deliver_where(
        or_(*(col(OutboxMessage.key).startswith(week, autoescape=True) for week in weeks)),
        session_factory=session_factory,
        transport=transport,
        now=now,
        sender=settings.mail_from,
    )


def eml_name(prefix: str, recipient: str) -> str:
    """A file name for one recipient's preview: only safe characters."""
    return f"{prefix}-{re.sub(r'[^A-Za-z0-9@._+-]', '_', recipient)}.eml"


def eml_writer(out: Path, prefix: Callable[[], str], written: list[Path]) -> Sink:
    """A sink that writes each mail of a batch as `<prefix>-<recipient>.eml` into `out`."""

    def write(batch: list[DigestMail]) -> None:
        out.mkdir(parents=True, exist_ok=True)
        for mail in batch:
            path = out / eml_name(prefix(), mail.recipient)
            path.write_bytes(mail.mail.raw)
            written.append(path)

    return write


def dry_run_digests(
    session: Session, as_of: dt.date, out: Path, *, settings: Settings, now: dt.datetime
) -> tuple[DigestPlan, list[Path]]:
    """Compose every digest and write each straight to `out` as .eml; nothing queued, nothing sent."""
    written: list[Path] = []
    week = iso_week(as_of)
    plan = compose_digests(
        session, as_of, settings=settings, now=now, keep=False,
        sink=eml_writer(out, lambda: f"digest-{week}", written),
    )  # fmt: skip
    return plan, written


def write_dry_run(plan: DigestPlan, out: Path) -> list[Path]:
    """One .eml per kept mail into `out`; nothing sent, nothing recorded."""
    written: list[Path] = []
    eml_writer(out, lambda: f"digest-{plan.week}", written)(plan.mails)
    return written


def digest_summary(plan: DigestPlan) -> dict[str, Any]:
    """A plan as plain data (Prefect results, JSON, the CLI)."""
    return {
        "as_of": plan.as_of.isoformat(),
        "week": plan.week,
        "overdue": plan.overdue,
        "recipients": plan.recipients,
        "keys": plan.keys,
        "enqueued": plan.enqueued,
        "undeliverable": plan.undeliverable,
        "undeliverable_line": plan.undeliverable_line(),
    }


def summary_line(plan: DigestPlan, *, dry_run: bool = False) -> str:
    """'digest 2026-W10 (as of 2026-03-02): 5 overdue items, 3 recipients, 3 newly queued'."""
    line = f"digest {plan.week} (as of {plan.as_of.isoformat()}): {plan.overdue} overdue items"
    line += f", {len(plan.recipients)} recipients"
    return line if dry_run else f"{line}, {plan.enqueued} newly queued"
