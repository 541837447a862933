"""The transactional outbox: enqueue with the change, claim rows with a lease each, send, record the outcome.

Delivery is at least once. Each claimed row carries a lease (`lease_until`, by default 45 s) that a thread
of its sender renews every third of the lease while the sender lives, so overlapping runs of any length
never take each other's rows, and a killed sender's rows are taken again once the lease lapses. The one
window in which a message can go twice: after the server's 250 to DATA and before the commit that marks
the row sent (a crash, a kill or a lost database there). The row then goes again with the same bytes, so
the same Message-ID, which lets mail clients fold the copies (RFC 1047's synchronisation gap).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from email.utils import parseaddr
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from models.tables import OutboxMessage, OutboxStatus
from muistio.errors import MuistioError
from muistio.mail import message_bytes
from services.transport import MailTransport, PermanentFailure, TemporaryFailure

if TYPE_CHECKING:
    from muistio.settings import Settings

SessionFactory = Callable[[], AbstractContextManager[Session]]

#: How long a claim holds unless renewed; the sender renews it every third of this while a row is in hand.
DEFAULT_LEASE = dt.timedelta(seconds=45)
#: How long temporary failures are retried, counted from the first one (as mail servers queue for days).
DEFAULT_HORIZON = dt.timedelta(days=4)
#: First retry after this long, doubling each time up to MAX_DELAY.
BASE_DELAY = dt.timedelta(minutes=1)
MAX_DELAY = dt.timedelta(hours=6)
#: Rows claimed per statement; a crash leaves at most these leased (they go again after the lease).
CLAIM_CHUNK = 20
#: The kind of the organiser's daily notice of what could not be delivered.
NOTICE_KIND = "failure-notice"
log = logging.getLogger("muistio.outbox")


class OutboxError(MuistioError):
    """A request about the outbox that cannot be done (an unknown id, a row that is not failed)."""


@dataclass(frozen=True)
class DeliveryPolicy:
    """How a sender claims and retries: lease length, retry horizon, optional cap on attempts."""

    lease: dt.timedelta = DEFAULT_LEASE
    horizon: dt.timedelta = DEFAULT_HORIZON
    max_attempts: int | None = None
    chunk: int = CLAIM_CHUNK
    #: When the queue is drained, wait (up to two leases) for rows of a sender that stopped renewing.
    linger: bool = False

    @classmethod
    def from_settings(cls, settings: Settings, *, linger: bool = False) -> DeliveryPolicy:
        """The policy the MUISTIO_* settings ask for."""
        return cls(
            lease=dt.timedelta(seconds=settings.outbox_lease), horizon=settings.retry_horizon, linger=linger
        )


def policy_in_force() -> DeliveryPolicy:
    """The policy of the MUISTIO_* environment (so every caller of deliver_pending honours it)."""
    from services.config import load_settings

    return DeliveryPolicy.from_settings(load_settings())


@dataclass
class DeliveryReport:
    """What one delivery run did."""

    sent: list[str] = field(default_factory=list)  # keys
    retrying: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)  # stale claims taken over after a crash
    errors: dict[str, str] = field(default_factory=dict)  # key -> what went wrong
    notices: list[str] = field(default_factory=list)  # keys of organisers' failure notices sent

    def summary(self) -> str:
        """One line for logs and the CLI."""
        parts = [f"{len(self.sent)} sent", f"{len(self.retrying)} to retry", f"{len(self.failed)} failed"]
        if self.recovered:
            parts.append(f"{len(self.recovered)} resumed after an interrupted send")
        if self.notices:
            parts.append(f"{len(self.notices)} failure notices to organisers")
        return ", ".join(parts)

    def merge(self, other: DeliveryReport) -> None:
        """Add another run's outcomes to this one."""
        self.sent += other.sent
        self.retrying += other.retrying
        self.failed += other.failed
        self.recovered += other.recovered
        self.errors.update(other.errors)
        self.notices += other.notices


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


INTERRUPTED = "interrupted while sending"
_T = OutboxMessage.__table__  # type: ignore[attr-defined]
_C = _T.c


@dataclass(frozen=True)
class _Claimed:
    """A row this sender holds, with what it needs to send it."""

    id: int
    key: str
    raw: bytes
    recipient: str
    attempts: int
    first_failure_at: dt.datetime | None
    recovered: bool


_AT = bindparam("at", type_=_C.lease_until.type)
_LEASE_START = bindparam("lease_start", type_=_C.claimed_at.type)


def _due() -> Any:
    """Pending rows whose time (the parameter `at`) has come."""
    return and_(
        _C.status == OutboxStatus.pending.value,
        or_(_C.next_attempt_at.is_(None), _C.next_attempt_at <= _AT),
    )


def _lapsed() -> Any:
    """Rows left 'sending' whose lease ran out: their sender died (or lost its database)."""
    return and_(
        _C.status == OutboxStatus.sending.value,
        or_(
            _C.lease_until < _AT,
            # Claims made before leases were per row carry only claimed_at.
            and_(
                _C.lease_until.is_(None),
                or_(_C.claimed_at.is_(None), _C.claimed_at < _LEASE_START),
            ),
        ),
    )


def _claim_statement(dialect: str, lapsed: bool, where: Any) -> Any:
    """The UPDATE that takes up to `size` rows (lapsed claims, or due rows) for the sender `token`."""
    condition = _lapsed() if lapsed else _due()
    pick = select(_C.id).where(condition).order_by(_C.id).limit(bindparam("size"))
    if where is not None:
        pick = pick.where(where)
    chosen: Any = pick.scalar_subquery()
    if dialect == "postgresql":
        # Concurrent senders pass over each other's rows instead of queueing behind their locks; a
        # materialised CTE runs the pick once (as a subquery PostgreSQL may rerun it per row).
        cte = pick.with_for_update(skip_locked=True).cte("picked").prefix_with("MATERIALIZED")
        chosen = select(cte.c.id).scalar_subquery()
    values: dict[str, Any] = {
        "status": OutboxStatus.sending.value,
        "claimed_by": bindparam("token"),
        "claimed_at": _AT,
        "lease_until": bindparam("lease_until", type_=_C.lease_until.type),
        "attempts": _C.attempts + 1,
    }
    if lapsed:
        values["interruptions"] = _C.interruptions + 1
        values["first_failure_at"] = func.coalesce(_C.first_failure_at, _AT)
        values["last_error"] = f"{INTERRUPTED} (its sender stopped); sent again with the same Message-ID"
    # The condition is repeated in the UPDATE: a row another sender took meanwhile is not ours.
    return (
        update(_T)
        .where(_C.id.in_(chosen), condition)
        .values(**values)
        .returning(_C.id, _C.key, _C.raw, _C.recipient, _C.attempts, _C.first_failure_at)
    )


# Built once per dialect for the common run over the whole outbox: building and keying the statement
# cost more than running it.
_CLAIMS: dict[tuple[str, bool], Any] = {}


def _claim(
    session: Connection, token: str, at: dt.datetime, policy: DeliveryPolicy, where: Any, size: int
) -> list[_Claimed]:
    """Take up to `size` rows for this sender, lapsed claims first; each lease starts now."""
    dialect = session.dialect.name
    claimed: list[_Claimed] = []
    params = {"at": at, "lease_start": at - policy.lease, "lease_until": at + policy.lease, "token": token}
    for lapsed in (True, False):
        if len(claimed) >= size:
            break
        if where is None:
            stmt = _CLAIMS.get((dialect, lapsed))
            if stmt is None:
                stmt = _CLAIMS[(dialect, lapsed)] = _claim_statement(dialect, lapsed, None)
        else:
            stmt = _claim_statement(dialect, lapsed, where)
        for row in session.execute(stmt, {**params, "size": size - len(claimed)}).all():
            claimed.append(_Claimed(row[0], row[1], bytes(row[2]), row[3], row[4], row[5], lapsed))
    claimed.sort(key=lambda c: c.id)
    return claimed


class _LeaseKeeper:
    """Renews the leases of every row this sender holds, from a thread, while messages are sent."""

    def __init__(
        self, session_factory: SessionFactory, token: str, lease: dt.timedelta, now: Clockish
    ) -> None:
        self.session_factory, self.token, self.lease, self.now = session_factory, token, lease, now
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"outbox-lease-{token[:8]}", daemon=True)

    def __enter__(self) -> _LeaseKeeper:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def _run(self) -> None:
        interval = max(self.lease.total_seconds() / 3, 0.05)
        while not self.stop.wait(interval):
            try:
                with self.session_factory() as session:
                    session.execute(
                        update(_T)
                        .where(_C.claimed_by == self.token, _C.status == OutboxStatus.sending.value)
                        .values(lease_until=self.now() + self.lease)
                    )
            except Exception:  # a busy database: the next renewal tries again, well inside the lease
                log.warning("muistio: could not renew the outbox lease", exc_info=True)


def _words(delay: dt.timedelta) -> str:
    """A duration for people: '4 days', '36 hours', '90 minutes'."""
    seconds = int(delay.total_seconds())
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size and seconds % size == 0:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{seconds} seconds"


# Built once: the statement every delivered message runs (delivered is delivered, whoever holds the row).
_MARK_SENT = (
    update(_T)
    .where(_C.id == bindparam("row_id"))
    .values(
        status=OutboxStatus.sent.value,
        sent_at=bindparam("at", type_=_C.sent_at.type),
        next_attempt_at=None,
        claimed_by=None,
        lease_until=None,
        claimed_at=None,
    )
)


def _record(
    session: Connection, row: _Claimed, token: str, at: dt.datetime, policy: DeliveryPolicy,
    outcome: str, error: str | None, report: DeliveryReport,
) -> None:  # fmt: skip
    """Write one message's outcome (its own transaction, committed before the next message goes)."""
    if outcome == "sent":
        session.execute(_MARK_SENT, {"row_id": row.id, "at": at})
        report.sent.append(row.key)
        return
    mine = and_(_C.id == row.id, _C.claimed_by == token, _C.status == OutboxStatus.sending.value)
    release = {"claimed_by": None, "lease_until": None, "claimed_at": None}
    report.errors[row.key] = error or ""
    first = row.first_failure_at or at
    if outcome == "failed":
        status, note = OutboxStatus.failed.value, error
    elif policy.max_attempts is not None and row.attempts >= policy.max_attempts:
        status, note = OutboxStatus.failed.value, f"gave up after {row.attempts} attempts; last: {error}"
    elif at >= first + policy.horizon:
        status = OutboxStatus.failed.value
        note = (
            f"gave up after {_words(policy.horizon)} of temporary failures "
            f"({row.attempts} attempts); last: {error}"
        )
    else:
        retry_at = min(at + backoff(row.attempts, row.key), first + policy.horizon)
        session.execute(
            update(_T)
            .where(mine)
            .values(
                status=OutboxStatus.pending.value,
                last_error=error,
                next_attempt_at=retry_at,
                first_failure_at=first,
                **release,
            )
        )
        report.retrying.append(row.key)
        return
    session.execute(update(_T).where(mine).values(status=status, last_error=note, failed_at=at, **release))
    report.failed.append(row.key)
    report.errors[row.key] = note or ""


Clockish = Callable[[], dt.datetime]


_BARE_ADDRESS = re.compile(r"[^\s<>()\[\]\\,;:\"@]+@[^\s<>()\[\]\\,;:\"@]+")


def _envelope_to(recipient: str) -> str:
    """The bare address of a stored recipient ('Name <a@b>' or 'a@b')."""
    if _BARE_ADDRESS.fullmatch(recipient):
        return recipient  # most rows: parsing them costs more than the SMTP command that carries them
    return parseaddr(recipient)[1] or recipient


def deliver_pending(
    *,
    session_factory: SessionFactory,
    transport: MailTransport,
    now: dt.datetime,
    sender: str = "muistio@localhost",
    lease: dt.timedelta | None = None,
    max_attempts: int | None = None,
    limit: int | None = None,
    only_ids: Iterable[int] | None = None,
    where: Any = None,
    policy: DeliveryPolicy | None = None,
) -> DeliveryReport:
    """Send what is due, claiming rows with a lease each and committing every outcome before the next.

    `now` is the run's start; time within the run goes on from it (so a test clock can be moved).
    """
    policy = policy or policy_in_force()
    if lease is not None:
        policy = replace(policy, lease=lease)
    if max_attempts is not None:
        policy = replace(policy, max_attempts=max_attempts)
    if only_ids is not None:
        ids = sorted(set(only_ids))
        if not ids:
            return DeliveryReport()
        chosen = _C.id.in_(ids)
        where = chosen if where is None else and_(where, chosen)
    started = time.monotonic()
    quick = _QuickWrites(session_factory)

    def current() -> dt.datetime:
        return now + dt.timedelta(seconds=time.monotonic() - started)

    token = uuid.uuid4().hex
    report = DeliveryReport()
    left = limit
    lingered, observed, alive = 0.0, dict[str, dt.datetime](), set[str]()
    try:
        with _LeaseKeeper(session_factory, token, policy.lease, current), quick:
            while left is None or left > 0:
                size = policy.chunk if left is None else min(policy.chunk, left)
                with quick.transaction() as conn:
                    batch = _claim(conn, token, current(), policy, where, size)
                if not batch:
                    if not policy.linger:
                        break
                    # Rows another sender holds: if it was killed, they go in this run, not the next.
                    found = _foreign_lease(quick, token, current(), where, alive)
                    while found is not None and found[0] in observed and found[1] != observed[found[0]]:
                        alive.add(found[0])  # its lease moved while we watched: it is at work
                        found = _foreign_lease(quick, token, current(), where, alive)
                    if found is None:
                        break
                    other, ends, wait = found
                    if other not in observed:  # watch one renewal period before waiting it all out
                        wait = min(wait, policy.lease.total_seconds() / 3 + 0.1)
                    if lingered + wait > 2 * policy.lease.total_seconds():
                        break
                    observed[other] = ends
                    lingered += wait
                    time.sleep(wait)
                    continue
                if left is not None:
                    left -= len(batch)
                for row in batch:
                    _send_one(row, quick, transport, sender, token, current, policy, report)
    finally:
        _release(session_factory, token)
        close = getattr(transport, "close", None)
        if close is not None:
            close()
    return report


def _send_one(
    row: _Claimed, quick: _QuickWrites, transport: MailTransport, sender: str, token: str,
    current: Clockish, policy: DeliveryPolicy, report: DeliveryReport,
) -> None:  # fmt: skip
    """Hand one claimed message to the transport and record what happened."""
    if row.recovered:
        report.recovered.append(row.key)
    outcome: tuple[str, str | None]
    try:
        transport.send(row.raw, sender, [_envelope_to(row.recipient)])
        outcome = ("sent", None)
    except PermanentFailure as exc:
        outcome = ("failed", str(exc))
    except TemporaryFailure as exc:
        outcome = ("retry", str(exc))
    # The duplicate window: between the server's 250 above and this commit. A crash here leaves the
    # row 'sending'; its lease lapses and another sender sends the same bytes (same Message-ID) again.
    with quick.transaction() as conn:
        _record(conn, row, token, current(), policy, outcome[0], outcome[1], report)


def _foreign_lease(
    quick: _QuickWrites, token: str, at: dt.datetime, where: Any, alive: set[str]
) -> tuple[str, dt.datetime, float] | None:
    """Another sender's (not known to be alive) claim that ends first: its token, end, seconds until then."""
    stmt = (
        select(_C.claimed_by, func.min(_C.lease_until))
        .where(_C.status == OutboxStatus.sending.value, _C.claimed_by != token, _C.lease_until.is_not(None))
        .group_by(_C.claimed_by)
        .order_by(func.min(_C.lease_until))
    )
    if alive:
        stmt = stmt.where(_C.claimed_by.not_in(sorted(alive)))
    if where is not None:
        stmt = stmt.where(where)
    with quick.engine.connect() as conn:
        found = conn.execute(stmt).first()
    if found is None or found[0] is None or found[1] is None:
        return None
    ends: dt.datetime = found[1]
    if ends.tzinfo is None:
        ends = ends.replace(tzinfo=dt.UTC)
    return str(found[0]), ends, float(max((ends - at).total_seconds(), 0.0)) + 0.05


# The sender's connection on PostgreSQL: commits that need not wait for the disk (see _QuickWrites),
# and claims read in the order of the (status, id) index. Statistics lag a bulk enqueue (a thousand
# invitations at once look like a dozen), and the planner then sorts every pending row for each claim
# of twenty; with bitmap scans and sorts off it walks the index and stops at twenty.
_SENDER_SETTINGS = ("synchronous_commit", "enable_bitmapscan", "enable_sort")


class _QuickWrites:
    """The sender's own connection: each claim and outcome one statement, committed at once.

    Every write here is a single statement, so autocommit keeps it atomic and costs one round trip.
    Commits do not wait for the disk's flush (SQLite in WAL with synchronous=NORMAL, PostgreSQL with
    synchronous_commit off): a killed process keeps them (the write is with the OS or the server); only
    a crash of the machine or the database server can forget the newest ones, and what a forgotten
    commit costs is a message sent again with the same Message-ID, never one lost (enqueueing stays
    fully durable, on the callers' own connections).
    """

    def __init__(self, session_factory: SessionFactory) -> None:
        with session_factory() as session:
            bind = session.get_bind()
            self.engine: Engine = bind if isinstance(bind, Engine) else bind.engine
            self.dialect = self.engine.dialect.name
        self.conn: Connection | None = None

    def __enter__(self) -> _QuickWrites:
        # SQLite runs every connection in WAL with synchronous=NORMAL (models/session.py), so only
        # PostgreSQL needs telling that these commits need not wait for the disk.
        conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        if self.dialect == "postgresql":
            for setting in _SENDER_SETTINGS:
                conn.exec_driver_sql(f"SET {setting} TO off")
        self.conn = conn
        return self

    def __exit__(self, *exc: object) -> None:
        conn, self.conn = self.conn, None
        if conn is None:
            return
        # Put the pooled connection back as it was; if it broke, the pool discards it anyway.
        with contextlib.suppress(Exception):
            if self.dialect == "postgresql":
                for setting in _SENDER_SETTINGS:
                    conn.exec_driver_sql(f"RESET {setting}")
        conn.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """The connection, for one statement (or a few, each atomic on its own)."""
        if self.conn is None:
            raise RuntimeError("the sender's connection is not open")
        yield self.conn


def _release(session_factory: SessionFactory, token: str) -> None:
    """Give back rows claimed but not sent (the run stopped early), so they need not wait for the lease."""
    try:
        with session_factory() as session:
            session.execute(
                update(_T)
                .where(_C.claimed_by == token, _C.status == OutboxStatus.sending.value)
                .values(status=OutboxStatus.pending.value, claimed_by=None, lease_until=None, claimed_at=None)
            )
    except Exception:  # the database went away: the lease lapses and another sender takes them
        log.warning("muistio: could not release claimed outbox rows", exc_info=True)


def deliver_where(
    condition: Any,
    *,
    session_factory: SessionFactory,
    transport: MailTransport,
    now: dt.datetime,
    sender: str,
    policy: DeliveryPolicy | None = None,
) -> DeliveryReport:
    """Deliver only the due rows the SQL condition selects (one meeting's invites, one week's digests)."""
    return deliver_pending(
        session_factory=session_factory, transport=transport, now=now, sender=sender, where=condition,
        policy=policy,
    )  # fmt: skip


# --- retry on request, and the organiser's daily notice ---------------------------------------


def retry_failed(
    session: Session,
    *,
    ids: Sequence[int] = (),
    all_failed: bool = False,
    since: dt.datetime | None = None,
    now: dt.datetime,
) -> list[int]:
    """Put failed rows back in the queue, due now, with a fresh retry horizon; returns their ids."""
    if ids:
        found = {r[0]: r[1] for r in session.execute(select(_C.id, _C.status).where(_C.id.in_(list(ids))))}
        for row_id in ids:
            if row_id not in found:
                raise OutboxError(f"no outbox message {row_id}; nothing changed")
            if str(found[row_id]) != OutboxStatus.failed.value:
                raise OutboxError(f"outbox message {row_id} is {found[row_id]}, not failed; nothing changed")
        chosen: Any = _C.id.in_(list(ids))
    elif all_failed:
        chosen = _C.status == OutboxStatus.failed.value
        if since is not None:
            chosen = and_(chosen, or_(_C.failed_at.is_(None), _C.failed_at >= since))
    else:
        raise OutboxError("say which messages: outbox retry ID... or outbox retry --failed")
    stmt = (
        update(_T)
        .where(chosen, _C.status == OutboxStatus.failed.value)
        .values(
            status=OutboxStatus.pending.value,
            next_attempt_at=now,
            first_failure_at=None,
            failed_at=None,
            failure_noticed_at=None,
            claimed_by=None,
            lease_until=None,
            claimed_at=None,
        )
        .returning(_C.id)
    )
    return sorted(r[0] for r in session.execute(stmt))


_NOTICE_TEXT = {
    "fi": (
        "muistio: {n} viestiä ei voitu toimittaa",
        "Näitä viestejä ei voitu toimittaa. Kun syy on korjattu, lähetä ne uudelleen:\n"
        "  muistio outbox retry {ids}\n\n",
        "Vastaanottaja: {recipient}\nAihe: {subject}\nPalvelin vastasi: {error}\nTunnus: {id}\n",
    ),
    "en": (
        "muistio: {n} messages could not be delivered",
        "These messages could not be delivered. Once the cause is fixed, send them again with:\n"
        "  muistio outbox retry {ids}\n\n",
        "Recipient: {recipient}\nSubject: {subject}\nThe server said: {error}\nId: {id}\n",
    ),
}


def notify_failures(session: Session, *, settings: Settings, now: dt.datetime) -> list[str]:
    """Queue the organiser's notice of failed mail, one per body per day; returns the keys queued."""
    from email.message import EmailMessage
    from email.utils import format_datetime, formataddr
    from zoneinfo import ZoneInfo

    from models.tables import Body, Meeting
    from muistio.mail import keyed_message_id

    day = now.astimezone(ZoneInfo(settings.timezone)).date().isoformat()
    rows = session.execute(
        select(_C.id, _C.recipient, _C.subject, _C.last_error, Body.id, Body.organizer_name,  # type: ignore[call-overload]
               Body.organizer_email, Body.language)
        .select_from(_T)
        .outerjoin(Meeting, Meeting.id == _C.meeting_id)
        .outerjoin(Body, Body.id == Meeting.body_id)
        .where(_C.status == OutboxStatus.failed.value, _C.failure_noticed_at.is_(None))
        .where(_C.kind != NOTICE_KIND)
        .order_by(_C.id)
    ).all()  # fmt: skip
    groups: dict[int, list[Any]] = {}
    for row in rows:
        groups.setdefault(row[4] or 0, []).append(row)
    queued: list[str] = []
    for body_id, failed in groups.items():
        key = f"{NOTICE_KIND}|{body_id}|{day}"
        if session.execute(select(_C.id).where(_C.key == key)).first():
            continue  # told today already; these wait for tomorrow's notice
        first = failed[0]
        email_to = first[6] or settings.organizer_email
        name = first[5] or settings.organizer_name
        language = first[7] if first[7] in _NOTICE_TEXT else settings.language
        subject, intro, item = _NOTICE_TEXT[language]
        ids = " ".join(str(r[0]) for r in failed)
        text = intro.format(ids=ids) + "\n".join(
            item.format(recipient=r[1], subject=r[2], error=r[3] or "?", id=r[0]) for r in failed
        )
        message = EmailMessage()
        message["From"] = formataddr(("muistio", settings.mail_from))
        message["To"] = formataddr((name, email_to))
        message["Subject"] = subject.format(n=len(failed))
        message["Date"] = format_datetime(now)
        message["Message-ID"] = keyed_message_id(
            settings.secret_key, settings.message_id_domain, NOTICE_KIND, body_id, day
        )
        message.set_content(text, cte="quoted-printable")
        notice = outbox_message(
            message, key=key, kind=NOTICE_KIND, recipient=email_to, meeting_id=None, now=now
        )
        if enqueue([notice], session=session):
            queued.append(key)
        session.execute(update(_T).where(_C.id.in_([r[0] for r in failed])).values(failure_noticed_at=now))
    return queued


def send_due(
    session_factory: SessionFactory,
    transport: MailTransport,
    *,
    settings: Settings,
    now: dt.datetime,
    limit: int | None = None,
) -> DeliveryReport:
    """The scheduled sender and `muistio send`: deliver what is due, then tell organisers what failed."""
    # The scheduled sender lingers for a killed sender's rows, so they go within a lease, not a schedule.
    policy = DeliveryPolicy.from_settings(settings, linger=True)
    report = deliver_pending(
        session_factory=session_factory, transport=transport, now=now, sender=settings.mail_from,
        limit=limit, policy=policy,
    )  # fmt: skip
    with session_factory() as session:
        notices = notify_failures(session, settings=settings, now=now)
    if notices:
        told = deliver_where(
            _C.key.in_(notices), session_factory=session_factory, transport=transport, now=now,
            sender=settings.mail_from, policy=policy,
        )  # fmt: skip
        told.notices, told.sent = told.sent, []
        report.merge(told)
    return report


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
    failed_at: str | None = None
    interruptions: int = 0


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
            failed_at=iso(r.failed_at),
            interruptions=r.interruptions,
        )
        for r in rows
    ]
