"""The outbox: idempotent enqueue, one claim per row, retries, permanent failures, crash recovery."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager

import pytest
from smtp_support import Recorder, SMTPServer, smtp_server
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from models.session import session_scope
from models.tables import OutboxMessage, OutboxStatus
from services.db import engine_for
from services.outbox import BASE_DELAY, DeliveryPolicy, DeliveryReport, backoff, deliver_pending, enqueue
from services.transport import MailTransport, MemoryTransport, SMTPTransport, TemporaryFailure

NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def make_row(n: int, recipient: str | None = None) -> OutboxMessage:
    """A finished mail with a fixed Message-ID, as invites.py would queue it."""
    rcpt = recipient or f"person{n}@example.org"
    mid = f"<m{n}@muistio.local>"
    raw = (
        f"From: muistio@example.org\r\nTo: {rcpt}\r\nSubject: Kutsu {n}\r\n"
        f"Message-ID: {mid}\r\n\r\nHei {n}\r\n"
    ).encode()
    return OutboxMessage(
        key=f"uid-1|request|0|{rcpt}",
        kind="request",
        recipient=rcpt,
        subject=f"Kutsu {n}",
        message_id=mid,
        raw=raw,
        created_at=NOW,
    )


def factory(engine: Engine) -> Callable[[], AbstractContextManager[Session]]:
    return lambda: session_scope(engine)


def rows(engine: Engine) -> list[OutboxMessage]:
    with session_scope(engine) as s:
        return list(s.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all())  # type: ignore[arg-type]


def queue(engine: Engine, n: int) -> None:
    with session_scope(engine) as s:
        enqueue([make_row(i) for i in range(n)], session=s)


def smtp(server: SMTPServer) -> SMTPTransport:
    return SMTPTransport(host="127.0.0.1", port=server.port, security="none", timeout=5)


def deliver(engine: Engine, transport: MailTransport, now: dt.datetime = NOW) -> DeliveryReport:
    return deliver_pending(
        session_factory=factory(engine), transport=transport, now=now, sender="muistio@example.org",
        policy=DeliveryPolicy(),
    )  # fmt: skip


# --- enqueue ---------------------------------------------------------------------------------


def test_enqueue_ignores_keys_already_present(engine: Engine) -> None:
    with session_scope(engine) as s:
        assert enqueue([make_row(1), make_row(2), make_row(2)], session=s) == 2
    with session_scope(engine) as s:
        assert enqueue([make_row(1), make_row(2), make_row(3)], session=s) == 1
    assert [r.recipient for r in rows(engine)] == [f"person{i}@example.org" for i in (1, 2, 3)]


def test_enqueue_rolls_back_with_the_change(engine: Engine) -> None:
    with pytest.raises(RuntimeError), session_scope(engine) as s:
        enqueue([make_row(1)], session=s)
        raise RuntimeError("the business change failed after the outbox insert")
    assert rows(engine) == []


# --- delivery through a real SMTP server ------------------------------------------------------


def test_each_message_once_and_a_second_run_sends_nothing(engine: Engine) -> None:
    queue(engine, 3)
    with smtp_server() as server:
        first = deliver(engine, smtp(server))
        second = deliver(engine, smtp(server), NOW + dt.timedelta(hours=1))
    assert len(first.sent) == 3 and second.sent == [] and second.failed == []
    assert sorted(e.rcpt_tos[0] for e in server.handler.envelopes) == [
        f"person{i}@example.org" for i in range(3)
    ]
    # Time in a run goes on from its start, so a leased row's clock moves even under a test clock.
    assert all(r.status == OutboxStatus.sent and r.attempts == 1 for r in rows(engine))
    assert all(r.sent_at and NOW <= r.sent_at < NOW + dt.timedelta(seconds=30) for r in rows(engine))


def test_the_envelope_carries_the_bare_address_of_a_named_or_plain_recipient(engine: Engine) -> None:
    with session_scope(engine) as s:
        enqueue([make_row(1, "Matti Meikäläinen <matti@example.org>"), make_row(2, "liisa.k+pj@example.org"),
                 make_row(3, '"Virtanen, Ville" <ville@example.org>')], session=s)  # fmt: skip
    with smtp_server() as server:
        assert len(deliver(engine, smtp(server)).sent) == 3
    assert sorted(e.rcpt_tos[0] for e in server.handler.envelopes) == [
        "liisa.k+pj@example.org",
        "matti@example.org",
        "ville@example.org",
    ]


def test_451_then_accept_delivers_once_after_backoff(engine: Engine) -> None:
    queue(engine, 1)
    handler = Recorder(data_replies=["451 4.3.0 Mailbox busy, try later"])
    with smtp_server(handler) as server:
        first = deliver(engine, smtp(server))
        [row] = rows(engine)
        assert first.retrying == [row.key] and row.status == OutboxStatus.pending
        assert "451 4.3.0 Mailbox busy" in (row.last_error or "")
        assert row.next_attempt_at is not None and row.next_attempt_at >= NOW + BASE_DELAY
        too_soon = deliver(engine, smtp(server), NOW + dt.timedelta(seconds=30))
        later = deliver(engine, smtp(server), row.next_attempt_at)
    assert too_soon.sent == [] and later.sent == [row.key]
    assert len(handler.envelopes) == 1
    [row] = rows(engine)
    assert row.status == OutboxStatus.sent and row.attempts == 2


def test_550_fails_with_the_server_words_and_no_retry(engine: Engine) -> None:
    queue(engine, 1)
    handler = Recorder(rcpt_replies={"person0@example.org": "550 5.1.1 Unknown user person0"})
    with smtp_server(handler) as server:
        report = deliver(engine, smtp(server))
        again = deliver(engine, smtp(server), NOW + dt.timedelta(days=1))
    [row] = rows(engine)
    assert report.failed == [row.key] and again.failed == [] and again.sent == []
    assert row.status == OutboxStatus.failed and row.attempts == 1
    assert row.last_error == "550 5.1.1 Unknown user person0"


def test_server_down_keeps_rows_pending_until_it_returns(engine: Engine) -> None:
    queue(engine, 2)
    server = SMTPServer()  # not started: the port refuses connections
    down = deliver(engine, smtp(server))
    assert len(down.retrying) == 2
    assert all(
        r.status == OutboxStatus.pending and "cannot reach" in (r.last_error or "") for r in rows(engine)
    )
    server.start()
    try:
        up = deliver(engine, smtp(server), NOW + dt.timedelta(minutes=5))
    finally:
        server.stop()
    assert len(up.sent) == 2 and len(server.handler.envelopes) == 2
    assert all(r.status == OutboxStatus.sent for r in rows(engine))


def test_gives_up_after_max_attempts(engine: Engine) -> None:
    queue(engine, 1)
    transport = MemoryTransport(failures=[TemporaryFailure("451 busy")] * 3)
    at = NOW
    for _ in range(3):
        deliver_pending(
            session_factory=factory(engine), transport=transport, now=at, max_attempts=3, sender="m@x.fi"
        )
        at += dt.timedelta(days=1)
    [row] = rows(engine)
    assert row.status == OutboxStatus.failed and row.last_error == "gave up after 3 attempts; last: 451 busy"


def test_backoff_doubles_and_is_capped() -> None:
    delays = [backoff(n, "k") for n in (1, 2, 3, 30)]
    assert delays[1] == 2 * delays[0] and delays[2] == 4 * delays[0]
    assert BASE_DELAY <= delays[0] <= BASE_DELAY * 1.25
    assert delays[3] <= dt.timedelta(hours=6) * 1.25


# --- crash recovery ---------------------------------------------------------------------------


def leave_sending(engine: Engine, lease_until: dt.datetime, interruptions: int = 0) -> OutboxMessage:
    """Make the row look like a sender claimed it and died (its lease ends at `lease_until`)."""
    with session_scope(engine) as s:
        row = s.exec(select(OutboxMessage)).one()
        row.status, row.claimed_by, row.attempts = OutboxStatus.sending, "dead-sender", 1 + interruptions
        row.claimed_at, row.lease_until = lease_until - dt.timedelta(seconds=45), lease_until
        row.interruptions = interruptions
        s.add(row)
    return row


def test_lapsed_lease_goes_again_with_the_same_message_id(engine: Engine) -> None:
    queue(engine, 1)
    leave_sending(engine, NOW - dt.timedelta(seconds=1))
    with smtp_server() as server:
        report = deliver(engine, smtp(server))
        again = deliver(engine, smtp(server), NOW + dt.timedelta(hours=2))
    [row] = rows(engine)
    assert report.recovered == [row.key] and report.sent == [row.key] and again.sent == []
    assert row.status == OutboxStatus.sent and row.attempts == 2 and row.interruptions == 1
    [msg] = server.handler.messages()
    assert msg["Message-ID"] == "<m0@muistio.local>" == row.message_id


def test_a_live_lease_is_left_alone(engine: Engine) -> None:
    queue(engine, 1)
    leave_sending(engine, NOW + dt.timedelta(seconds=40))  # renewed a moment ago (lease 45 s)
    transport = MemoryTransport()
    report = deliver(engine, transport)
    assert report.sent == [] and transport.sent == []
    assert rows(engine)[0].status == OutboxStatus.sending


def test_interrupted_twice_is_still_delivered(engine: Engine) -> None:
    # An interruption is a retry, not a failure: the third claim sends it.
    queue(engine, 1)
    leave_sending(engine, NOW - dt.timedelta(seconds=1), interruptions=1)
    transport = MemoryTransport()
    report = deliver(engine, transport)
    [row] = rows(engine)
    assert len(transport.sent) == 1 and report.sent == [row.key] and report.failed == []
    assert row.status == OutboxStatus.sent and row.interruptions == 2 and row.attempts == 3


class SlowTransport(MemoryTransport):
    """Takes a moment per message so concurrent senders overlap."""

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        time.sleep(0.01)
        super().send(raw, sender, recipients)


def test_concurrent_senders_send_each_message_once(engine: Engine) -> None:
    queue(engine, 20)
    transport = SlowTransport()
    reports: list[DeliveryReport] = []

    def run() -> None:
        reports.append(deliver(engine, transport))

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    recipients = [s.recipients[0] for s in transport.sent]
    assert len(recipients) == 20 and len(set(recipients)) == 20
    assert sum(len(r.sent) for r in reports) == 20
    assert all(r.status == OutboxStatus.sent and r.attempts == 1 for r in rows(engine))


# --- the CLI view -----------------------------------------------------------------------------


@pytest.fixture
def cli_env(database_url: str, tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("MUISTIO_DATABASE_URL", database_url)
    monkeypatch.setenv("MUISTIO_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MUISTIO_SECRET_KEY", "test-secret")
    yield database_url


def test_cli_outbox_shows_the_server_words(cli_env: str) -> None:
    from cli.main import app

    engine = engine_for(cli_env)
    queue(engine, 2)
    handler = Recorder(rcpt_replies={"person1@example.org": "550 5.1.1 Unknown user person1"})
    with smtp_server(handler) as server:
        deliver(engine, smtp(server))
    runner = CliRunner()
    text = runner.invoke(app, ["outbox"])
    assert text.exit_code == 0, text.output
    assert "550 5.1.1 Unknown user person1" in text.output
    assert "sent" in text.output and "failed" in text.output
    as_json = runner.invoke(app, ["outbox", "--json"])
    data = json.loads(as_json.output)
    by_rcpt = {d["recipient"]: d for d in data}
    assert by_rcpt["person1@example.org"]["status"] == "failed"
    assert by_rcpt["person1@example.org"]["last_error"] == "550 5.1.1 Unknown user person1"
    assert by_rcpt["person0@example.org"]["status"] == "sent"


def test_cli_send_delivers_pending_to_the_maildir(cli_env: str, tmp_path: object) -> None:
    from pathlib import Path

    from cli.main import app

    queue(engine_for(cli_env), 2)
    result = CliRunner().invoke(app, ["send"])
    assert result.exit_code == 0, result.output
    assert "2 sent" in result.output
    assert len(list((Path(str(tmp_path)) / "maildir" / "new").iterdir())) == 2


def test_a_claim_walks_the_status_index_in_order_after_a_bulk_enqueue(engine: Engine) -> None:
    """A thousand rows queued at once, statistics not yet caught up: the claim of twenty still reads the
    (status, id) index in order instead of sorting every pending row."""
    from services.outbox import _claim_statement, _QuickWrites

    with session_scope(engine) as s:
        enqueue([make_row(i, f"p{i}@example.org") for i in range(1000)], session=s)
    dialect = engine.dialect.name
    compiled = _claim_statement(dialect, False, None).compile(dialect=engine.dialect)
    params = compiled.construct_params(
        {"at": NOW, "lease_start": NOW, "lease_until": NOW, "token": "t", "size": 20}
    )
    with _QuickWrites(factory(engine)) as quick, quick.transaction() as conn:
        if dialect == "postgresql":
            plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + compiled.string, params))
            assert "ix_outboxmessage_status_id" in plan
            assert "Sort" not in plan and "Bitmap" not in plan, plan
        else:
            positional = tuple(params[name] for name in compiled.positiontup or ())
            found = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + compiled.string, positional).all()
            plan = "\n".join(str(r[-1]) for r in found)
            assert "ix_outboxmessage_status_id" in plan
            assert "TEMP B-TREE" not in plan, plan
    if dialect == "postgresql":
        # The pooled connection goes back with the server's defaults.
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW enable_sort").scalar() == "on"
            assert conn.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
