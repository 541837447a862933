"""Send N outbox messages to aiosmtpd on loopback: the outbox (one SMTP session per batch) against a bare
smtplib session and against connect-per-message, in the same run.

Run: .venv/bin/python -m bench.send [--n 10000] [--rounds 5] [--per-message-n 2000] [--database-url URL]
Targets (issue 11): the outbox within 1.5x of the bare session, and >= 5x faster than connect-per-message.
Connect-per-message is timed on --per-message-n messages and compared per message (it is slow by nature).
It is the outbox pipeline with a new connection per message and, as before this change, a TLS context
built for each one (`--per-message-tls-context no` leaves that out). Appends a dated line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import secrets
import smtplib
import socket
import ssl
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402

from models.session import make_engine, session_scope  # noqa: E402
from models.tables import OutboxMessage  # noqa: E402
from services.db import upgrade_database  # noqa: E402
from services.outbox import DeliveryPolicy, deliver_pending, enqueue  # noqa: E402
from services.transport import SMTPTransport  # noqa: E402

SENDER = "muistio@example.org"
NOW = dt.datetime.now(dt.UTC)


class Counter:
    """An SMTP handler that counts messages and connections (in shared memory), keeping nothing else."""

    def __init__(self, messages: Any, sessions: Any) -> None:
        self.messages, self.sessions = messages, sessions
        self.seen: set[int] = set()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.value += 1
        if id(session) not in self.seen:
            self.seen.add(id(session))
            self.sessions.value += 1
        return "250 2.0.0 OK"


def serve(port: int, messages: Any, sessions: Any, stop: Any) -> None:
    """aiosmtpd in a process of its own, so the server does not take the senders' interpreter lock."""
    controller = Controller(Counter(messages, sessions), hostname="127.0.0.1", port=port)
    controller.start()
    stop.wait()
    controller.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(port: int) -> None:
    """Until the server accepts connections."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the SMTP server did not start")


def raw_message(n: int) -> bytes:
    """A typical invitation-sized text message (~2 kB)."""
    body = "Hei,\r\n\r\n" + "Tämä on esityslistan rivi, jossa on tekstiä ja vähän lisää.\r\n" * 32
    return (
        f"From: Sihteeri <{SENDER}>\r\nTo: person{n}@example.org\r\nSubject: Kutsu {n}\r\n"
        f"Message-ID: <bench{n}@muistio.test>\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}"
    ).encode()


@contextmanager
def fresh_database(url: str | None, folder: str) -> Iterator[str]:
    """A database of the run's own: a SQLite file in `folder`, or a new database on the given
    PostgreSQL server (dropped afterwards), so rows and dead tuples of earlier runs weigh nothing."""
    if url is None or not url.startswith("postgresql"):
        yield url or f"sqlite:///{Path(folder) / 'bench.db'}"
        return
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"muistio_bench_{secrets.token_hex(4)}"
    server = make_url(url).set(drivername="postgresql")
    admin = server.render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def bare_session(port: int, n: int) -> float:
    """One smtplib connection, sendmail n times: the floor for any sender."""
    t0 = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        for i in range(n):
            smtp.sendmail(SENDER, [f"person{i}@example.org"], raw_message(i))
    return time.perf_counter() - t0


class PerMessageTLSContext(SMTPTransport):
    """The transport as it was: a TLS context built for every connection, even without TLS."""

    def _connect(self) -> smtplib.SMTP:
        ssl.create_default_context()
        return super()._connect()


def outbox_run(
    url: str, port: int, n: int, *, per_session: int, tls_context: bool = False
) -> tuple[float, int]:
    """Queue n rows in a fresh database, then time one delivery run; returns (seconds, connections)."""
    engine = make_engine(url)
    with session_scope(engine) as s:
        s.execute(OutboxMessage.__table__.delete())  # type: ignore[attr-defined]
    with session_scope(engine) as s:
        enqueue(
            (
                OutboxMessage(
                    key=f"bench|{i}",
                    kind="request",
                    recipient=f"person{i}@example.org",
                    subject=f"Kutsu {i}",
                    message_id=f"<bench{i}@muistio.test>",
                    raw=raw_message(i),
                    created_at=NOW,
                )
                for i in range(n)
            ),
            session=s,
        )
    kind = PerMessageTLSContext if tls_context else SMTPTransport
    transport = kind(host="127.0.0.1", port=port, security="none", timeout=30, per_session=per_session)
    t0 = time.perf_counter()
    report = deliver_pending(
        session_factory=lambda: session_scope(engine), transport=transport, now=dt.datetime.now(dt.UTC),
        sender=SENDER, policy=DeliveryPolicy(),
    )  # fmt: skip
    elapsed = time.perf_counter() - t0
    if len(report.sent) != n:
        raise SystemExit(f"only {len(report.sent)} of {n} sent: {report.summary()}")
    engine.dispose()
    return elapsed, transport.connections


def main() -> int:
    """Print the three timings and their ratios; append a dated line to bench/RESULTS.md."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--per-message-n", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5, help="bare and outbox runs, alternating (default 5)")
    ap.add_argument("--per-message-tls-context", choices=["yes", "no"], default="yes")
    ap.add_argument("--database-url", default=None, help="default: a SQLite file in a temporary folder")
    args = ap.parse_args()
    ctx = multiprocessing.get_context("spawn")
    messages, sessions, stop = ctx.Value("i", 0), ctx.Value("i", 0), ctx.Event()
    port = free_port()
    server = ctx.Process(target=serve, args=(port, messages, sessions, stop), daemon=True)
    server.start()
    _wait_for(port)
    try:
        with tempfile.TemporaryDirectory() as tmp, fresh_database(args.database_url, tmp) as url:
            upgrade_database(url)
            bare_session(port, 200)  # warm up both sides
            # Rounds that alternate which side goes first, so a machine that slows down or speeds up
            # during the run weighs on both sides alike; the ratio is the median of the rounds'.
            bare = batch = 0.0
            ratios: list[float] = []
            per_round = args.n // args.rounds
            for r in range(args.rounds):
                first_bare = r % 2 == 0
                b = bare_session(port, per_round) if first_bare else 0.0
                o, batch_conns = outbox_run(url, port, per_round, per_session=max(per_round, 500))
                b = b or bare_session(port, per_round)
                bare, batch = bare + b, batch + o
                ratios.append(o / b)
            tls = args.per_message_tls_context == "yes"
            single, single_conns = outbox_run(url, port, args.per_message_n, per_session=1, tls_context=tls)
    finally:
        stop.set()
        server.join(10)
    expected = 200 + per_round * args.rounds * 2 + args.per_message_n
    if messages.value != expected:
        raise SystemExit(f"the server counted {messages.value} messages, not {expected}")
    dialect = (args.database_url or "sqlite").split(":", 1)[0]
    sent = per_round * args.rounds
    per_bare = bare / sent * 1000
    per_batch = batch / sent * 1000
    per_single = single / args.per_message_n * 1000
    vs_bare = statistics.median(ratios)
    vs_single = per_single / per_batch
    print(f"bare smtplib session:   {sent} msgs in {bare:6.2f} s  ({per_bare:.3f} ms/msg)")
    print(
        f"outbox, one session:    {sent} msgs in {batch:6.2f} s  "
        f"({per_batch:.3f} ms/msg, {batch_conns} conn per round of {per_round})"
    )
    print(
        f"outbox, conn per msg:   {args.per_message_n} msgs in {single:6.2f} s  ({per_single:.3f} ms/msg, "
        f"{single_conns} conn, TLS context each: {args.per_message_tls_context})"
    )
    rounds = ", ".join(f"{x:.2f}" for x in ratios)
    print(
        f"outbox / bare session: {vs_bare:.2f}x, median of {args.rounds} rounds ({rounds}) (target <= 1.5x)"
    )
    print(f"connect-per-message / outbox: {vs_single:.1f}x faster (target >= 5x)")
    line = (
        f"{dt.date.today().isoformat()} send {dialect}: n={sent} in {args.rounds} rounds, "
        f"bare {per_bare:.3f} ms/msg, outbox {per_batch:.3f} ms/msg ({batch_conns} conn a round), "
        f"per-message {per_single:.3f} ms/msg; outbox/bare {vs_bare:.2f}x (median of rounds; <=1.5), "
        f"per-message/outbox {vs_single:.1f}x (>=5)\n"
    )
    results = ROOT / "bench" / "RESULTS.md"
    with results.open("a", encoding="utf-8") as f:
        if f.tell() == 0:
            f.write("# Bench results (one dated line per run)\n\n")
        f.write(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
