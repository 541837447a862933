"""Time the weekly digest (the overdue query, and composing every mail as --dry-run does) at scale.

Run: .venv/bin/python bench/digest.py [--quick] [--sqlite-only] [--pg URL]
10k / 100k / 1M action items (--quick: 10k and 100k), 10,000 owners, ~30 % overdue, on SQLite
and PostgreSQL. Targets: 1M items under 20 s; 10x the items at most 12x the time. Prints each
figure and ratio and appends a dated line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AS_OF = dt.date(2026, 3, 2)
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
PG = os.environ.get("MUISTIO_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
TARGET_1M_S = 20.0
TARGET_RATIO = 12.0
LANGS = ("fi", "fi", "fi", "sv", "en")


def _sqlite_ts(value: dt.datetime) -> str:
    """How UTCDateTime stores an instant on SQLite (naive UTC, SQLAlchemy's string format)."""
    return value.astimezone(dt.UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def populate(engine: Any, *, items: int, owners: int, overdue_share: float = 0.3, bodies: int = 10) -> int:
    """Bulk-insert bodies, people, meetings, open items with one owner each; returns the overdue count.

    Raw executemany (SQLite) or COPY (PostgreSQL) into a migrated, empty database: a million rows
    in seconds, where the ORM would take minutes.
    """
    from sqlalchemy import insert

    from models.columns import name_key
    from models.tables import Body, Meeting, Person

    overdue_every = max(1, round(1 / overdue_share)) if overdue_share > 0 else 0
    with engine.begin() as conn:
        conn.execute(
            insert(Body),
            [
                {"id": b + 1, "name": f"Lautakunta {b + 1}", "name_key": name_key(f"Lautakunta {b + 1}"),
                 "timezone": "Europe/Helsinki", "language": LANGS[b % len(LANGS)],
                 "organizer_name": f"Sihteeri {b + 1}", "organizer_email": f"sihteeri{b + 1}@example.org",
                 "require_approval": False, "reminders": True, "meeting_reminder_days": 2,
                 "item_reminder_days": 3}
                for b in range(bodies)
            ],
        )  # fmt: skip
        conn.execute(
            insert(Person),
            [
                {"id": p + 1, "name": f"Henkilö {p + 1}", "name_key": name_key(f"Henkilö {p + 1}"),
                 "email": f"h{p + 1}@example.org", "aliases": [], "language": LANGS[p % len(LANGS)],
                 "body_id": p % bodies + 1}
                for p in range(owners)
            ],
        )  # fmt: skip
        conn.execute(
            insert(Meeting),
            [
                {"id": b + 1, "body_id": b + 1, "date": dt.date(2026, 1, 12), "status": "held",
                 "calendar_uid": f"bench-{b + 1}@bench", "sequence": 0, "agenda_preview": []}
                for b in range(bodies)
            ],
        )  # fmt: skip
    overdue = 0
    item_rows: list[tuple[Any, ...]] = []
    owner_rows: list[tuple[Any, ...]] = []
    pg = engine.dialect.name == "postgresql"
    stamp: Any = NOW if pg else _sqlite_ts(NOW)
    for i in range(1, items + 1):
        late = overdue_every and i % overdue_every == 0
        overdue += bool(late)
        due = AS_OF - dt.timedelta(days=1 + i % 40) if late else AS_OF + dt.timedelta(days=i % 60)
        # Spread each owner's items over the table; overdue items reach every owner whatever the count.
        person = ((i // overdue_every if late else i) * 7919) % owners + 1
        body = (person - 1) % bodies + 1
        text = f"Selvitä asia {i} ja raportoi lautakunnalle"
        item_rows.append(
            (
                i,
                body,
                f"k{i}",
                text,
                text,
                due if pg else due.isoformat(),
                "day",
                None,
                "open",
                0.9,
                stamp,
                stamp,
            )
        )
        owner_rows.append((i, i, person, f"Henkilö {person}"))
    item_cols = (
        "id, meeting_id, key, text, quote, due_date, due_precision, due_phrase, status, confidence, "
        "created_at, updated_at"
    )
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if pg:
            with cur.copy(f"COPY actionitem ({item_cols}) FROM STDIN") as copy:
                for row in item_rows:
                    copy.write_row(row)
            with cur.copy("COPY actionitemowner (id, action_item_id, person_id, name) FROM STDIN") as copy:
                for row in owner_rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * 12)
            cur.executemany(f"INSERT INTO actionitem ({item_cols}) VALUES ({marks})", item_rows)
            cur.executemany(
                "INSERT INTO actionitemowner (id, action_item_id, person_id, name) VALUES (?, ?, ?, ?)",
                owner_rows,
            )
        raw.commit()
        if pg:
            cur.execute("ANALYZE")
            raw.commit()
    finally:
        raw.close()
    return overdue


def measure(url: str, items: int, owners: int) -> dict[str, float]:
    """Populate a fresh database, then time the overdue query and the whole dry-run composition."""
    from models.session import session_scope
    from muistio.settings import Settings
    from services.db import engine_for, upgrade_database
    from services.digests import compose_digests, iter_overdue

    upgrade_database(url)
    engine = engine_for(url)
    t0 = time.perf_counter()
    overdue = populate(engine, items=items, owners=owners)
    load_s = time.perf_counter() - t0
    settings = Settings(secret_key="bench", mail_from="muistio@example.org")
    with session_scope(engine) as session:
        t0 = time.perf_counter()
        found = sum(1 for _ in iter_overdue(session, AS_OF, settings=settings))
        query_s = time.perf_counter() - t0
    assert found == overdue, (found, overdue)
    sent = 0

    def count(batch: list[Any]) -> None:
        nonlocal sent
        sent += len(batch)  # composed in wire form, then dropped: what --dry-run does minus the disk

    with session_scope(engine) as session:
        t0 = time.perf_counter()
        plan = compose_digests(session, AS_OF, settings=settings, now=NOW, sink=count, keep=False)
        digest_s = time.perf_counter() - t0
        session.rollback()
    assert plan.overdue == overdue and sent == len(plan.recipients)
    return {"items": items, "overdue": overdue, "mails": sent, "load_s": load_s, "query_s": query_s,
            "digest_s": digest_s}  # fmt: skip


def _databases(args: argparse.Namespace, tmp: Path) -> list[tuple[str, Any]]:
    """(name, context manager factory giving a fresh URL) per database to measure."""
    import contextlib

    @contextlib.contextmanager
    def sqlite(n: int) -> Any:
        path = tmp / f"bench-{n}.db"
        yield f"sqlite:///{path}"
        from services.db import dispose_engines

        dispose_engines()
        path.unlink(missing_ok=True)

    @contextlib.contextmanager
    def postgres(n: int) -> Any:
        import psycopg

        schema = f"bench_{secrets.token_hex(4)}"
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        try:
            yield f"{args.pg}?options=-csearch_path%3D{schema}"
        finally:
            from services.db import dispose_engines

            dispose_engines()
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")

    out = [("sqlite", sqlite)]
    if not args.sqlite_only:
        out.append(("postgresql", postgres))
    return out


def main() -> int:
    """Print one line per size and database, the ratios, and append a summary to bench/RESULTS.md."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10k and 100k items only")
    ap.add_argument("--sqlite-only", action="store_true")
    ap.add_argument("--pg", default=PG, help="PostgreSQL server URL (a schema is made and dropped)")
    ap.add_argument("--owners", type=int, default=10_000)
    args = ap.parse_args()
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    summary: list[str] = []
    misses = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, fresh in _databases(args, Path(tmp)):
            results = []
            for n in sizes:
                with fresh(n) as url:
                    r = measure(url, n, args.owners)
                results.append(r)
                print(
                    f"{name:10} {n:>9,} items  {r['overdue']:>7,} overdue  {r['mails']:>6,} mails  "
                    f"query {r['query_s']:6.2f} s  digest {r['digest_s']:6.2f} s  (load {r['load_s']:.1f} s)",
                    flush=True,
                )
            ratios = [b["digest_s"] / a["digest_s"] for a, b in itertools.pairwise(results)]
            for a, b, ratio in zip(results, results[1:], ratios, strict=False):
                ok = ratio <= TARGET_RATIO
                misses += not ok
                verdict = "" if ok else "  MISS"
                step = f"{a['items']:,} -> {b['items']:,}"
                print(f"{name:10} {step}: x{ratio:.1f} time (target <= {TARGET_RATIO:.0f}){verdict}")
            big = results[-1]
            if big["items"] == 1_000_000:
                ok = big["digest_s"] < TARGET_1M_S
                misses += not ok
                print(f"{name:10} 1M items: {big['digest_s']:.1f} s (target < {TARGET_1M_S:.0f} s)"
                      f"{'' if ok else '  MISS'}")  # fmt: skip
            figures = ", ".join(f"{r['items'] // 1000}k {r['digest_s']:.2f} s" for r in results)
            summary.append(f"{name}: {figures}; ratios {', '.join(f'x{q:.1f}' for q in ratios)}")
    line = f"- {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC digest ({args.owners:,} owners, ~30 % overdue): "
    line += "; ".join(summary) + (" — all targets met" if not misses else f" — {misses} target(s) missed")
    line += f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    results_md = ROOT / "bench" / "RESULTS.md"
    with results_md.open("a", encoding="utf-8") as fh:
        if results_md.stat().st_size == 0:
            fh.write("# Benchmark results\n\n")
        fh.write(line + "\n")
    print(line)
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())
