"""Desk latency under load: mark-done and the items list at 20 concurrent clients over 100,000 items.

Run: .venv/bin/python -m bench.web [--items N] [--clients N] [--requests N] [--backend sqlite|postgresql|both]
The desk runs as `muistio web` in its own process on loopback; the baseline is /api/health measured in
the same run (same login check, no query), so each figure is also shown as a ratio to it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("MUISTIO_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
TARGETS_MS = {"mark-done": 50.0, "items list": 100.0}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fill(url: str, n_items: int) -> tuple[str, list[int]]:
    """Migrate, then insert n_items open items (20 bodies, 100 per meeting) and an admin; returns a token."""
    from sqlalchemy import insert

    from models import ActionItem, ActionItemOwner, Body, Meeting, Person
    from services.accounts import add_user, new_api_token
    from services.db import engine_for, session_factory, upgrade_database

    upgrade_database(url)
    now = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    per_meeting, n_bodies = 100, 20
    n_meetings = max(1, n_items // per_meeting)
    engine = engine_for(url)
    with engine.begin() as conn:
        conn.execute(insert(Body), [{"name": f"Body {b}", "timezone": "Europe/Helsinki", "language": "fi",
                                     "require_approval": False} for b in range(n_bodies)])  # fmt: skip
        conn.execute(insert(Person), [{"name": f"Person {b}", "email": f"p{b}@example.org", "aliases": [],
                                       "body_id": b + 1} for b in range(n_bodies)])  # fmt: skip
        conn.execute(insert(Meeting), [
            {"body_id": m % n_bodies + 1, "date": dt.date(2020, 1, 1) + dt.timedelta(days=m // n_bodies),
             "status": "held", "calendar_uid": f"m{m}@bench", "sequence": 0, "agenda_preview": []}
            for m in range(n_meetings)
        ])  # fmt: skip
        rows = []
        for i in range(n_items):
            meeting = i // per_meeting + 1
            due = dt.date(2024, 1, 1) + dt.timedelta(days=i % 900) if i % 7 else None
            rows.append({"meeting_id": meeting, "key": f"k{i}", "text": f"Task number {i} to be done",
                         "quote": f"Person does task number {i}", "due_date": due, "status": "open",
                         "confidence": 0.8, "created_at": now, "updated_at": now})  # fmt: skip
        for start in range(0, n_items, 10_000):
            conn.execute(insert(ActionItem), rows[start : start + 10_000])
        owners = [{"action_item_id": i + 1, "person_id": (i // per_meeting) % n_bodies + 1,
                   "name": f"Person {(i // per_meeting) % n_bodies}"} for i in range(n_items)]  # fmt: skip
        for start in range(0, n_items, 10_000):
            conn.execute(insert(ActionItemOwner), owners[start : start + 10_000])
    with session_factory(url)() as db:
        user = add_user(db, "bench", "benchmark password", role="admin", email=None, bodies=[], now=now)
        token = new_api_token(db, user, now=now)
    return token, list(range(1, n_items + 1))


def load(clients: int, requests: int, call: Callable[[object, int], int]) -> list[float]:
    """Run `requests` calls on each of `clients` threads at once; latencies in ms (a non-2xx raises)."""
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def worker(n: int) -> None:
        with httpx.Client(timeout=30) as client:
            barrier.wait()
            for r in range(requests):
                t0 = time.perf_counter()
                status = call(client, n * requests + r)
                took = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies.append(took)
                    if status >= 300:
                        errors.append(str(status))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise SystemExit(f"{len(errors)} failed requests, e.g. HTTP {errors[0]}")
    return latencies


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=20)[18]


def run(backend: str, url: str, n_items: int, clients: int, requests: int) -> dict[str, float]:
    """Fill the database, start `muistio web`, measure; returns p95 per measurement."""
    t0 = time.perf_counter()
    token, ids = fill(url, n_items)
    print(f"[{backend}] {n_items} items stored in {time.perf_counter() - t0:.1f} s", flush=True)
    port = _free_port()
    env = {**os.environ, "MUISTIO_DATABASE_URL": url, "MUISTIO_SECRET_KEY": secrets.token_hex(32),
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "cli", "web", "--host", "127.0.0.1", "--port", str(port)], env=env, cwd=ROOT
    )
    base = f"http://127.0.0.1:{port}"
    auth = {"Authorization": f"Bearer {token}"}
    try:
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api/health", headers=auth).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        measured: dict[str, list[float]] = {}
        measured["baseline /api/health"] = load(
            clients,
            requests,
            lambda c, n: c.get(f"{base}/api/health", headers=auth).status_code,  # type: ignore[attr-defined]
        )
        measured["items list"] = load(
            clients, requests,
            lambda c, n: c.get(f"{base}/api/items?status=open&page={n % 200 + 1}", headers=auth).status_code,  # type: ignore[attr-defined]
        )  # fmt: skip
        step = max(1, len(ids) // (clients * requests + 1))
        measured["mark-done"] = load(
            clients, requests,
            lambda c, n: c.post(f"{base}/api/items/{ids[n * step]}/done", json={"note": "bench"},  # type: ignore[attr-defined]
                                headers=auth).status_code,
        )  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=20)
    base_p95 = p95(measured["baseline /api/health"])
    out = {}
    for name, values in measured.items():
        figure = p95(values)
        out[name] = figure
        target = TARGETS_MS.get(name)
        verdict = (
            "" if target is None else (" ok" if figure < target else f" OVER the {target:.0f} ms target")
        )
        print(f"[{backend}] {name:22} p50 {statistics.median(values):7.1f} ms  p95 {figure:7.1f} ms  "
              f"x{figure / base_p95:5.1f} of baseline{verdict}", flush=True)  # fmt: skip
    return out


def main() -> int:
    """Measure each backend; exit 1 when a p95 misses its target."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=25)
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = ap.parse_args()
    results: dict[str, dict[str, float]] = {}
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            results["sqlite"] = run(
                "sqlite", f"sqlite:///{tmp}/bench.db", args.items, args.clients, args.requests
            )
            from services.db import dispose_engines

            dispose_engines()
    if args.backend in ("postgresql", "both"):
        import psycopg

        schema = f"bench_{secrets.token_hex(4)}"
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        try:
            url = f"{PG}?options=-csearch_path%3D{schema}"
            results["postgresql"] = run("postgresql", url, args.items, args.clients, args.requests)
        finally:
            from services.db import dispose_engines

            dispose_engines()
            with psycopg.connect(PG, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")
    missed = [
        f"{backend} {name}" for backend, figures in results.items()
        for name, target in TARGETS_MS.items() if figures[name] >= target
    ]  # fmt: skip
    if missed:
        print("missed targets: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
