"""Delivery you can trust: per-row leases under overlap and kill -9, retries to a horizon, retry on request,
the organiser's daily notice, and one SMTP session per batch (aiosmtpd on loopback, SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from smtp_support import Recorder, SMTPServer, point_at_smtp, smtp_server
from sqlalchemy.engine import Engine
from sqlmodel import select
from typer.testing import CliRunner

from models.session import make_engine, session_scope
from models.tables import Body, Meeting, OutboxMessage, OutboxStatus
from muistio.settings import Settings
from services.clock import FixedClock, use_clock
from services.db import engine_for
from services.outbox import DeliveryPolicy, DeliveryReport, deliver_pending, enqueue, notify_failures
from services.transport import SMTPTransport

NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
SENDER = "muistio@example.org"


def make_row(n: int, *, meeting_id: int | None = None, at: dt.datetime = NOW) -> OutboxMessage:
    """A finished mail with its own Message-ID."""
    rcpt = f"person{n}@example.org"
    raw = (
        f"From: {SENDER}\r\nTo: {rcpt}\r\nSubject: Kutsu {n}\r\n"
        f"Message-ID: <m{n}@muistio.test>\r\n\r\nHei {n}\r\n"
    ).encode()
    return OutboxMessage(
        key=f"uid-1|request|0|{rcpt}", kind="request", recipient=rcpt, subject=f"Kutsu {n}",
        message_id=f"<m{n}@muistio.test>", raw=raw, created_at=at, meeting_id=meeting_id,
    )  # fmt: skip


def queue(engine: Engine, n: int, **kw: object) -> None:
    with session_scope(engine) as s:
        enqueue([make_row(i, **kw) for i in range(n)], session=s)  # type: ignore[arg-type]


def rows(engine: Engine) -> list[OutboxMessage]:
    with session_scope(engine) as s:
        return list(s.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all())  # type: ignore[arg-type]


def smtp(server: SMTPServer, **kw: object) -> SMTPTransport:
    return SMTPTransport(host="127.0.0.1", port=server.port, security="none", timeout=10, **kw)  # type: ignore[arg-type]


def deliver(
    engine: Engine, server: SMTPServer, now: dt.datetime = NOW, policy: DeliveryPolicy | None = None
) -> DeliveryReport:
    return deliver_pending(
        session_factory=lambda: session_scope(engine), transport=smtp(server), now=now, sender=SENDER,
        policy=policy or DeliveryPolicy(),
    )  # fmt: skip


def copies(server: SMTPServer) -> Counter[str]:
    """How many times the server accepted each Message-ID."""
    return Counter(str(m["Message-ID"]) for m in server.handler.messages())


# --- leases ------------------------------------------------------------------------------------


def test_overlapping_senders_with_a_slow_server_send_nothing_twice(engine: Engine) -> None:
    # Each message takes 2 s at the server, twice the lease: only renewal keeps the other sender off.
    queue(engine, 4)
    policy = DeliveryPolicy(lease=dt.timedelta(seconds=1), chunk=1)
    reports: list[DeliveryReport] = []
    with smtp_server(Recorder(data_delay=2.0)) as server:

        def run(delay: float) -> None:
            time.sleep(delay)
            reports.append(
                deliver_pending(
                    session_factory=lambda: session_scope(engine),
                    transport=smtp(server),
                    now=dt.datetime.now(dt.UTC),
                    sender=SENDER,
                    policy=policy,
                )
            )

        threads = [threading.Thread(target=run, args=(d,)) for d in (0.0, 1.5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert sorted(copies(server).values()) == [1, 1, 1, 1]
    assert sum(len(r.sent) for r in reports) == 4 and all(r.recovered == [] for r in reports)
    assert all(
        r.status == OutboxStatus.sent and r.attempts == 1 and r.interruptions == 0 for r in rows(engine)
    )


def _sender_process(url: str, port: int, lease: float) -> None:
    """A sender in its own process (forked), with its own engine; the test kills it with SIGKILL."""
    engine = make_engine(url)
    deliver_pending(
        session_factory=lambda: session_scope(engine),
        transport=SMTPTransport(host="127.0.0.1", port=port, security="none", timeout=10),
        now=dt.datetime.now(dt.UTC), sender=SENDER,
        policy=DeliveryPolicy(lease=dt.timedelta(seconds=lease)),
    )  # fmt: skip


def test_twenty_kill_9_over_a_thousand_rows_lose_nothing(database_url: str) -> None:
    lease = 2.0
    engine = engine_for(database_url)
    queue(engine, 1000)
    fork = multiprocessing.get_context("fork")
    rng = random.Random(10)
    kills = 0
    # 5 ms a message: each sender lives long enough to be killed mid-run, on a fast machine as on a slow one.
    with smtp_server(Recorder(data_delay=0.005)) as server:
        handler = server.handler
        attempts = 0
        # Twenty kills mid-run: a sender that found nothing to do (all claimed) ends before its kill.
        while kills < 20 and attempts < 60 and len(handler.envelopes) < 1000:
            attempts += 1
            before = len(handler.envelopes)
            proc = fork.Process(target=_sender_process, args=(database_url, server.port, lease))
            proc.start()
            deadline = time.monotonic() + 10
            while len(handler.envelopes) == before and time.monotonic() < deadline and proc.is_alive():
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.15))
            if proc.is_alive():
                proc.kill()  # SIGKILL: no finally, no release, no QUIT
                kills += 1
            proc.join()
        restart = time.monotonic()
        # Senders keep running as the schedule would, until every row is out.
        while time.monotonic() - restart < 60:
            _sender_process(database_url, server.port, lease)
            if all(r.status == OutboxStatus.sent for r in rows(engine)):
                break
            time.sleep(lease / 2)
        done = time.monotonic() - restart
    final = rows(engine)
    counted = copies(server)
    assert kills >= 15  # the senders were killed mid-run, not after finishing
    assert all(r.status == OutboxStatus.sent for r in final)  # 0 lost
    assert set(counted) == {r.message_id for r in final}
    duplicates = sum(counted.values()) - len(final)
    assert duplicates <= kills  # at most one duplicate per kill, each with the same Message-ID
    # Every row is out within 2 minutes of the restart (the bound; here a lease is 2 s).
    assert done < 120, f"last row delivered {done:.1f} s after the restart"


def test_a_restarted_sender_takes_the_killed_senders_rows_within_a_lease(database_url: str) -> None:
    lease = 2.0
    engine = engine_for(database_url)
    queue(engine, 30)
    fork = multiprocessing.get_context("fork")
    with smtp_server(Recorder(data_delay=0.2)) as server:
        proc = fork.Process(target=_sender_process, args=(database_url, server.port, lease))
        proc.start()
        while len(server.handler.envelopes) < 3:
            time.sleep(0.01)
        proc.kill()
        proc.join()
        restart = time.monotonic()
        report = deliver(
            engine, server, dt.datetime.now(dt.UTC), DeliveryPolicy(lease=dt.timedelta(seconds=lease))
        )
        took = time.monotonic() - restart
    final = rows(engine)
    assert all(r.status == OutboxStatus.sent for r in final)  # one run, no need to wait for the next one
    assert report.recovered and sum(r.interruptions for r in final) >= 1
    assert took < 60  # within a lease or two, not the ten minutes a run-long claim used to hold
    assert sum(copies(server).values()) - len(final) <= 1


def test_interrupted_twice_then_delivered_once_more(engine: Engine) -> None:
    queue(engine, 1)
    with session_scope(engine) as s:
        row = s.exec(select(OutboxMessage)).one()
        row.status, row.claimed_by, row.lease_until = OutboxStatus.sending, "x", NOW - dt.timedelta(seconds=1)
        row.interruptions, row.attempts = 1, 2
        s.add(row)
    with smtp_server() as server:
        report = deliver(engine, server)
    [row] = rows(engine)
    assert report.sent == [row.key] and row.status == OutboxStatus.sent and row.interruptions == 2
    assert copies(server) == {"<m0@muistio.test>": 1}


# --- temporary and permanent failures ----------------------------------------------------------


def test_an_outage_longer_than_a_day_is_delivered_after(engine: Engine) -> None:
    queue(engine, 2)
    server = SMTPServer()  # not started: connections are refused
    clock = FixedClock(NOW)
    with use_clock(clock):
        for _ in range(60):  # 30 hours of runs every half hour
            deliver(engine, server, clock.now())
            clock.advance(dt.timedelta(minutes=30))
        assert all(r.status == OutboxStatus.pending for r in rows(engine))
        assert all("cannot reach" in (r.last_error or "") for r in rows(engine))
        server.start()
        try:
            clock.advance(dt.timedelta(hours=6))  # the longest backoff
            report = deliver(engine, server, clock.now())
        finally:
            server.stop()
    assert len(report.sent) == 2 and sorted(copies(server).values()) == [1, 1]
    assert all(r.status == OutboxStatus.sent and r.attempts > 10 for r in rows(engine))


def test_past_the_horizon_it_fails_with_the_reason(engine: Engine) -> None:
    queue(engine, 1)
    server = SMTPServer()
    policy = DeliveryPolicy(horizon=dt.timedelta(days=1))
    at = NOW
    for _ in range(40):
        deliver(engine, server, at, policy)
        [row] = rows(engine)
        if row.status != OutboxStatus.pending:
            break
        # Retries never go past the horizon (counted from the first failure, a moment after NOW).
        assert row.next_attempt_at is not None
        assert row.next_attempt_at <= NOW + policy.horizon + dt.timedelta(seconds=5)
        at = row.next_attempt_at
    assert row.status == OutboxStatus.failed
    assert row.last_error and row.last_error.startswith("gave up after 1 day of temporary failures")
    assert "cannot reach 127.0.0.1" in row.last_error
    assert row.failed_at is not None and row.failed_at >= NOW + policy.horizon


def test_550_then_fixed_and_outbox_retry_delivers_once(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cli.main import app

    engine = engine_for(database_url)
    queue(engine, 2)
    handler = Recorder(rcpt_replies={"person1@example.org": "550 5.1.1 Unknown user person1"})
    runner = CliRunner()
    with smtp_server(handler) as server:
        point_at_smtp(monkeypatch, database_url=database_url, data_dir=tmp_path, port=server.port)
        first = runner.invoke(app, ["send"])
        assert first.exit_code == 0, first.output
        assert "1 sent" in first.output and "1 failed" in first.output
        failed = [r for r in rows(engine) if r.kind == "request" and r.status == OutboxStatus.failed]
        assert [r.last_error for r in failed] == ["550 5.1.1 Unknown user person1"]
        again = runner.invoke(app, ["send"])  # a plain send does not resend a permanent failure
        assert "0 sent" in again.output
        handler.rcpt_replies.clear()  # the mailbox exists now
        bad = runner.invoke(app, ["outbox", "retry", "999999"])
        assert bad.exit_code == 1 and bad.output.count("\n") == 1 and "no outbox message 999999" in bad.output
        sent_row = next(r for r in rows(engine) if r.status == OutboxStatus.sent)
        not_failed = runner.invoke(app, ["outbox", "retry", str(sent_row.id)])
        assert not_failed.exit_code == 1 and "is sent, not failed" in not_failed.output
        retried = runner.invoke(app, ["outbox", "retry", str(failed[0].id)])
        assert retried.exit_code == 0, retried.output
        assert "1 failed messages queued again" in retried.output and "1 sent" in retried.output
        runner.invoke(app, ["outbox", "retry", "--failed"])
    requests = [m for m in handler.messages() if m["Message-ID"] != "" and "Kutsu" in str(m["Subject"])]
    assert Counter(str(m["To"]) for m in requests) == {"person0@example.org": 1, "person1@example.org": 1}
    assert all(r.status == OutboxStatus.sent for r in rows(engine) if r.kind == "request")


def test_retry_failed_since_a_date(engine: Engine) -> None:
    from services.outbox import retry_failed

    queue(engine, 3)
    with session_scope(engine) as s:
        for n, row in enumerate(s.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()):  # type: ignore[arg-type]
            row.status, row.failed_at = OutboxStatus.failed, NOW + dt.timedelta(days=n)
            s.add(row)
    with session_scope(engine) as s:
        chosen = retry_failed(s, all_failed=True, since=NOW + dt.timedelta(days=1), now=NOW)
    assert len(chosen) == 2
    assert [r.status for r in rows(engine)] == [
        OutboxStatus.failed,
        OutboxStatus.pending,
        OutboxStatus.pending,
    ]


def test_the_organiser_is_told_once_a_day_of_what_failed(engine: Engine, tmp_path: Path) -> None:
    with session_scope(engine) as s:
        body = Body(name="Hallitus", organizer_name="Sanna Sihteeri", organizer_email="sanna@example.org")
        s.add(body)
        s.flush()
        meeting = Meeting(body_id=body.id, date=dt.date(2026, 3, 10), calendar_uid="uid-1")  # type: ignore[arg-type]
        s.add(meeting)
        s.flush()
        meeting_id = meeting.id
    queue(engine, 3, meeting_id=meeting_id)
    settings = Settings(data_dir=tmp_path, secret_key="k", mail_from=SENDER, message_id_domain="muistio.test")
    handler = Recorder(rcpt_replies={f"person{n}@example.org": f"550 5.1.1 No user {n}" for n in (0, 2)})
    with smtp_server(handler) as server:
        deliver(engine, server)
        with session_scope(engine) as s:
            first = notify_failures(s, settings=settings, now=NOW)
        with session_scope(engine) as s:
            same_day = notify_failures(s, settings=settings, now=NOW + dt.timedelta(hours=3))
        deliver(engine, server, NOW + dt.timedelta(minutes=1))
        handler.rcpt_replies["person1@example.org"] = "550 5.1.1 No user 1"
        with session_scope(engine) as s:  # a new failure the same day waits for tomorrow's notice
            row = s.exec(select(OutboxMessage).where(OutboxMessage.recipient == "person1@example.org")).one()
            row.status, row.last_error = OutboxStatus.failed, "550 5.1.1 No user 1"
            s.add(row)
        with session_scope(engine) as s:
            later_today = notify_failures(s, settings=settings, now=NOW + dt.timedelta(hours=5))
        with session_scope(engine) as s:
            tomorrow = notify_failures(s, settings=settings, now=NOW + dt.timedelta(days=1))
    assert len(first) == 1 and same_day == [] and later_today == [] and len(tomorrow) == 1
    notices = [m for m in handler.messages() if m["To"] and "sanna@example.org" in str(m["To"])]
    assert len(notices) == 1
    text = notices[0].get_content()
    assert "550 5.1.1 No user 0" in text and "550 5.1.1 No user 2" in text and "No user 1" not in text
    assert "muistio outbox retry" in text
    assert notices[0]["Subject"] == "muistio: 2 viestiä ei voitu toimittaa"


# --- one SMTP session per batch ----------------------------------------------------------------


def test_five_hundred_messages_use_one_connection(engine: Engine) -> None:
    queue(engine, 500)
    with smtp_server() as server:
        report = deliver(engine, server)
    assert len(report.sent) == 500 and len(copies(server)) == 500
    assert len(server.handler.sessions) == 1


def test_a_dropped_connection_mid_batch_loses_nothing(engine: Engine) -> None:
    queue(engine, 60)
    # One drop between two messages (reconnect at once), one while a message's reply was awaited.
    handler = Recorder(drop_at_mail=[20], drop_in_data=[40])
    with smtp_server(handler) as server:
        first = deliver(engine, server)
        assert len(first.sent) == 59 and len(first.retrying) == 1
        assert "connection lost" in first.errors[first.retrying[0]]
        later = deliver(engine, server, NOW + dt.timedelta(minutes=5))
    assert len(later.sent) == 1
    assert sorted(copies(server).values()) == [1] * 60
    assert len(handler.sessions) == 4  # first, after the drop at MAIL, after the drop in DATA, the retry
    assert all(r.status == OutboxStatus.sent for r in rows(engine))


# --- settings and safe defaults -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hours"), [("P4D", 96), ("345600", 96), ("36h", 36), ("2d", 48), ("90m", 1.5), ("P1DT2H", 26)]
)
def test_retry_horizon_accepts_common_forms(text: str, hours: float, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUISTIO_RETRY_HORIZON", text)
    assert Settings().retry_horizon == dt.timedelta(hours=hours)


def test_send_refuses_the_default_secret_key_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cli.main import app

    monkeypatch.setenv("MUISTIO_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MUISTIO_SECRET_KEY", raising=False)
    monkeypatch.delenv("MUISTIO_DATABASE_URL", raising=False)
    result = CliRunner().invoke(app, ["send"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "MUISTIO_SECRET_KEY" in result.output
    assert not (tmp_path / "maildir").exists()
