"""The transactional outbox: enqueue with the change, claim one row at a time, send, record the outcome."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import parseaddr
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from models.tables import OutboxMessage, OutboxStatus
from muistio.mail import message_bytes
from services.transport import MailTransport, PermanentFailure, TemporaryFailure

SessionFactory = Callable[[], AbstractContextManager[Session]]

#: How long a claim holds; a row still 'sending' after this was left by a crashed sender.
DEFAULT_LEASE = dt.timedelta(minutes=10)
#: First retry after this long, doubling each time up to MAX_DELAY.
BASE_DELAY = dt.timedelta(minutes=1)
MAX_DELAY = dt.timedelta(hours=6)
#: Attempts (claims) before a temporarily failing message is given up.
MAX_ATTEMPTS = 10


@dataclass
class DeliveryReport:
    """What one delivery run did."""

    sent: list[str] = field(default_factory=list)  # keys
    retrying: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)  # stale claims taken over after a crash
    errors: dict[str, str] = field(default_factory=dict)  # key -> what went wrong

    def summary(self) -> str:
        """One line for logs and the CLI."""
        parts = [f"{len(self.sent)} sent", f"{len(self.retrying)} to retry", f"{len(self.failed)} failed"]
        if self.recovered:
            parts.append(f"{len(self.recovered)} resumed after an interrupted send")
        return ", ".join(parts)


def outbox_message(
    message: EmailMessage, *, key: str, kind: str, recipient: str, meeting_id: int | None, now: dt.datetime
) -> OutboxMessage:
    """A composed mail as an outbox row; its bytes are fixed now, so every retry sends the same message."""
    return OutboxMessage(
        key=key,
        kind=kind,
        meeting_id=meeting_id,
        recipient=recipient,
        subject=str(message["Subject"]),
        message_id=str(message["Message-ID"]),
        raw=message_bytes(message),
        created_at=now,
    )


def enqueue(messages: Iterable[OutboxMessage], *, session: Session) -> int:
    """Add messages in the caller's transaction, skipping keys already present; returns how many are new."""
    dialect = session.get_bind().dialect.name
    added = 0
    seen: set[str] = set()
    for message in messages:
        if message.key in seen:
            continue
        seen.add(message.key)
        values = {
            "key": message.key,
            "kind": message.kind,
            "meeting_id": message.meeting_id,
            "recipient": message.recipient,
            "subject": message.subject,
            "message_id": message.message_id,
            "raw": message.raw,
            "status": OutboxStatus.pending.value,
            "attempts": 0,
            "next_attempt_at": message.next_attempt_at,
            "created_at": message.created_at,
        }
        table = OutboxMessage.__table__  # type: ignore[attr-defined]
        # INSERT ... ON CONFLICT DO NOTHING: a concurrent enqueue of the same key neither fails nor doubles.
        stmt: Any
        if dialect == "postgresql":
            stmt = postgresql.insert(table).values(values).on_conflict_do_nothing(index_elements=["key"])
        elif dialect == "sqlite":
            stmt = sqlite.insert(table).values(values).on_conflict_do_nothing(index_elements=["key"])
        else:
            if session.exec(select(OutboxMessage.id).where(OutboxMessage.key == message.key)).first():  # type: ignore[call-overload]
                continue
            stmt = table.insert().values(values)
        # RETURNING counts what went in on both dialects (psycopg reports rowcount -1 here).
        added += len(session.execute(stmt.returning(table.c.id)).all())
    return added


def backoff(attempts: int, key: str) -> dt.timedelta:
    """Exponential delay after the n-th attempt, with a fixed per-message spread so retries do not bunch."""
    delay: dt.timedelta = min(BASE_DELAY * (2 ** max(attempts - 1, 0)), MAX_DELAY)
    spread = (zlib.crc32(key.encode()) % 1000) / 1000 * 0.25  # 0..25 %, same for the same message
    return delay + delay * spread


def _due_ids(session: Session, now: dt.datetime, lease: dt.timedelta) -> list[int]:
    """Pending rows whose time has come, and rows a crashed sender left 'sending'."""
    col = OutboxMessage.__table__.c  # type: ignore[attr-defined]
    stmt = (
        select(col.id)
        .where(
            or_(
                and_(
                    col.status == OutboxStatus.pending.value,
                    or_(col.next_attempt_at.is_(None), col.next_attempt_at <= now),
                ),
                and_(col.status == OutboxStatus.sending.value, col.claimed_at < now - lease),
            )
        )
        .order_by(col.id)
    )
    return [row[0] for row in session.execute(stmt)]


INTERRUPTED = "interrupted while sending"


def _claim(session: Session, row_id: int, now: dt.datetime, lease: dt.timedelta) -> str | None:
    """Take the row for this sender: 'fresh', 'stale' (crash recovery), 'gave-up', or None if not ours."""
    col = OutboxMessage.__table__.c  # type: ignore[attr-defined]
    table = OutboxMessage.__table__  # type: ignore[attr-defined]
    fresh = session.execute(
        update(table)
        .where(
            col.id == row_id,
            col.status == OutboxStatus.pending.value,
            or_(col.next_attempt_at.is_(None), col.next_attempt_at <= now),
        )
        .values(status=OutboxStatus.sending.value, claimed_at=now, attempts=col.attempts + 1)
    )
    if fresh.rowcount == 1:  # type: ignore[attr-defined]
        return "fresh"
    old = session.execute(select(col.claimed_at, col.status, col.last_error).where(col.id == row_id)).first()
    if old is None or old.status != OutboxStatus.sending.value or old.claimed_at is None:
        return None
    if old.claimed_at >= now - lease:
        return None
    # Matching the old claimed_at means only one of several recovering senders wins the row.
    match = and_(col.id == row_id, col.status == OutboxStatus.sending.value, col.claimed_at == old.claimed_at)
    when = f"{old.claimed_at:%Y-%m-%d %H:%M:%S} UTC"
    if (old.last_error or "").startswith(INTERRUPTED):
        # The resend after a crash was itself interrupted: stop, rather than risk a third copy.
        gave_up = session.execute(
            update(table)
            .where(match)
            .values(
                status=OutboxStatus.failed.value,
                claimed_at=None,
                last_error=f"{INTERRUPTED} twice (last claim {when}); not sent again to avoid duplicates",
            )
        )
        return "gave-up" if gave_up.rowcount == 1 else None  # type: ignore[attr-defined]
    # The interrupted message goes again once, raw bytes (and so the Message-ID) unchanged.
    stale = session.execute(
        update(table)
        .where(match)
        .values(
            claimed_at=now,
            attempts=col.attempts + 1,
            last_error=f"{INTERRUPTED} (claimed {when}); sending again with the same Message-ID",
        )
    )
    return "stale" if stale.rowcount == 1 else None  # type: ignore[attr-defined]


def _envelope_to(recipient: str) -> str:
    """The bare address of a stored recipient ('Name <a@b>' or 'a@b')."""
    return parseaddr(recipient)[1] or recipient


def deliver_pending(
    *,
    session_factory: SessionFactory,
    transport: MailTransport,
    now: dt.datetime,
    sender: str = "muistio@localhost",
    lease: dt.timedelta = DEFAULT_LEASE,
    max_attempts: int = MAX_ATTEMPTS,
    limit: int | None = None,
    only_ids: Iterable[int] | None = None,
) -> DeliveryReport:
    """Send what is due, one row at a time, committing the claim and the outcome of each before the next."""
    report = DeliveryReport()
    with session_factory() as session:
        ids = _due_ids(session, now, lease)
    if only_ids is not None:
        wanted = set(only_ids)
        ids = [i for i in ids if i in wanted]
    if limit is not None:
        ids = ids[:limit]
    for row_id in ids:
        with session_factory() as session:
            claim = _claim(session, row_id, now, lease)
        if claim is None:
            continue  # another sender has it, or it changed meanwhile
        stale = claim == "stale"
        with session_factory() as session:
            row = session.get(OutboxMessage, row_id)
            assert row is not None
            key, raw, recipient, attempts = row.key, bytes(row.raw), row.recipient, row.attempts
        if claim == "gave-up":
            report.failed.append(key)
            report.errors[key] = f"{INTERRUPTED} twice; not sent again"
            continue
        if stale:
            report.recovered.append(key)
        outcome: tuple[str, str | None]
        try:
            transport.send(raw, sender, [_envelope_to(recipient)])
            outcome = (OutboxStatus.sent.value, None)
        except PermanentFailure as exc:
            outcome = (OutboxStatus.failed.value, str(exc))
        except TemporaryFailure as exc:
            outcome = ("retry", str(exc))
        with session_factory() as session:
            row = session.get(OutboxMessage, row_id)
            assert row is not None
            status, error = outcome
            if status == OutboxStatus.sent.value:
                row.status = OutboxStatus.sent
                row.sent_at = now
                row.next_attempt_at = None
                report.sent.append(key)
            elif status == OutboxStatus.failed.value:
                row.status = OutboxStatus.failed
                row.last_error = error
                report.failed.append(key)
                report.errors[key] = error or ""
            elif attempts >= max_attempts:
                row.status = OutboxStatus.failed
                row.last_error = f"gave up after {attempts} attempts; last: {error}"
                report.failed.append(key)
                report.errors[key] = row.last_error
            else:
                row.status = OutboxStatus.pending
                row.last_error = error
                row.next_attempt_at = now + backoff(attempts, key)
                report.retrying.append(key)
                report.errors[key] = error or ""
            row.claimed_at = None
            session.add(row)
    return report


def deliver_where(
    condition: Any,
    *,
    session_factory: SessionFactory,
    transport: MailTransport,
    now: dt.datetime,
    sender: str,
) -> DeliveryReport:
    """Deliver only the due rows the SQL condition selects (one meeting's invites, one week's digests)."""
    with session_factory() as session:
        rows = session.execute(select(col(OutboxMessage.id)).where(condition)).scalars()
        only = [i for i in rows if i is not None]
    return deliver_pending(
        session_factory=session_factory, transport=transport, now=now, sender=sender, only_ids=only
    )


@dataclass
class OutboxRow:
    """One outbox message as the CLI shows it."""

    id: int
    key: str
    kind: str
    recipient: str
    subject: str
    message_id: str
    status: str
    attempts: int
    next_attempt_at: str | None
    last_error: str | None
    created_at: str
    sent_at: str | None


def list_outbox(session: Session, *, meeting_id: int | None = None) -> list[OutboxRow]:
    """Every outbox message, oldest first."""
    stmt = select(OutboxMessage).order_by(OutboxMessage.id)  # type: ignore[arg-type]
    if meeting_id is not None:
        stmt = stmt.where(OutboxMessage.meeting_id == meeting_id)  # type: ignore[arg-type]
    rows = session.execute(stmt).scalars().all()

    def iso(value: dt.datetime | None) -> str | None:
        return value.isoformat(timespec="seconds") if value else None

    return [
        OutboxRow(
            id=r.id or 0,
            key=r.key,
            kind=r.kind,
            recipient=r.recipient,
            subject=r.subject,
            message_id=r.message_id,
            status=str(r.status.value if isinstance(r.status, OutboxStatus) else r.status),
            attempts=r.attempts,
            next_attempt_at=iso(r.next_attempt_at),
            last_error=r.last_error,
            created_at=iso(r.created_at) or "",
            sent_at=iso(r.sent_at),
        )
        for r in rows
    ]
