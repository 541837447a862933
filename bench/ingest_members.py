"""Ingest invented minutes for a body of N members: time, peak memory, bytes queued; and a writer alongside.

Run: .venv/bin/python bench/ingest_members.py [--members 1000] [--legacy] [--no-append]
Each scenario runs in a fresh child process (its own peak RSS) on a fresh SQLite file. The baseline,
measured in the same run, is the same ingest for a 10-member body; `--legacy` also measures the
layout before issue 10 (every attendee listed in every mail, the calendar attached twice).
While the big ingest runs, another process adds people in a loop: every add must succeed.
Figures are appended to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BODY = "Pihatoimikunta"
MINUTES = """Pihatoimikunta

MUISTIO 2/2027

Aika        Ti 25.5.2027 klo 17-18.30
Paikka      Kerhohuone, Vaahterakuja 3

Osallistujat
Maija Mehiläinen, pj.
Kalle Kärsämö
Liisa Lahti
Olli Orava, siht.

1 Kevättalkoot

- Kalle Kärsämö tilaa lavan ja multasäkit 1.6. mennessä.
- Liisa Lahti laatii talkookutsun ilmoitustauluille.

2 Seuraava kokous

Seuraava kokous ma 21.6.2027 klo 17-18.30, Kerhohuone.
"""
NOW = dt.datetime(2027, 5, 26, 6, 0, tzinfo=dt.UTC)


def setup(url: str, members: int) -> None:
    """The body and its members (each with an address), migrated database."""
    from models import Body, Person
    from services.db import session_factory, upgrade_database

    upgrade_database(url)
    with session_factory(url)() as session:
        body = Body(name=BODY)
        session.add(body)
        session.flush()
        names = ["Maija Mehiläinen", "Kalle Kärsämö", "Liisa Lahti", "Olli Orava"]
        names += [f"Jäsen {n:04d}" for n in range(max(members - len(names), 0))]
        for n, name in enumerate(names[:members]):
            session.add(Person(name=name, email=f"member{n}@example.org", body_id=body.id))


def child_ingest(url: str, folder: str, legacy: bool) -> dict[str, object]:
    """Ingest once (no delivery); time, peak RSS and what was queued."""
    from sqlalchemy import func
    from sqlmodel import select

    import services.invitations as invitations
    from models import OutboxMessage
    from muistio.settings import Settings
    from services.clock import FixedClock, use_clock
    from services.db import session_factory
    from services.ingest import ingest_file

    if legacy:
        invitations.LIST_ALL_ATTENDEES = 10**9
        invitations.ICS_ATTACHMENT = True
    path = Path(folder) / "muistio.txt"
    path.write_text(MINUTES, encoding="utf-8")
    settings = Settings(
        data_dir=Path(folder), database_url=url, mail_from="muistio@example.org",
        secret_key="bench-secret", message_id_domain="muistio.test",
    )  # fmt: skip
    from muistio.extraction import extract  # noqa: F401  (imports are not what is measured)

    t0 = time.perf_counter()
    with use_clock(FixedClock(NOW)):
        result = ingest_file(str(path), settings=settings, deliver=False)
    seconds = time.perf_counter() - t0
    with session_factory(url)() as session:
        rows, size = session.exec(select(func.count(), func.sum(func.length(OutboxMessage.raw)))).one()
    return {
        "status": result["status"],
        "seconds": round(seconds, 2),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "queued": rows,
        "kb_per_mail": round((size or 0) / max(rows, 1) / 1024, 1),
    }


def child_writer(url: str, stop_file: str) -> dict[str, object]:
    """Add a person again and again until the stop file appears; count successes and failures."""
    from services.db import session_factory
    from services.roster import add_person, make_entry

    ok, failed, errors = 0, 0, []
    worst = 0.0
    while not Path(stop_file).exists() or ok == 0:
        entry = make_entry("people add", f"Kirjoittaja {ok + failed}", f"w{ok + failed}@example.org",
                           None, None, None)  # fmt: skip
        t0 = time.perf_counter()
        try:
            with session_factory(url)() as session:
                add_person(session, entry, body=BODY)
            ok += 1
        except Exception as exc:  # what a user would see: counted, not raised
            failed += 1
            errors.append(str(exc).splitlines()[0])
        worst = max(worst, time.perf_counter() - t0)
        time.sleep(0.05)
    return {"adds": ok, "failed": failed, "worst_wait_s": round(worst, 2), "errors": errors[:3]}


def run_child(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True, env=env
    )


def result_of(proc: subprocess.Popen[str]) -> dict[str, object]:
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({proc.returncode})")
    data: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return data


def scenario(members: int, *, legacy: bool = False, writer: bool = False) -> dict[str, object]:
    """One ingest in a child process on a fresh database, optionally with a writer alongside."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        setup(url, members)
        stop = f"{folder}/stop"
        other = run_child("writer", url, stop) if writer else None
        if other is not None:
            time.sleep(2.0)  # the writer is up (imports done) before the ingest starts
        ingest = run_child("ingest", url, folder, "1" if legacy else "0")
        found = result_of(ingest)
        Path(stop).touch()
        if other is not None:
            found["writer"] = result_of(other)
    found["members"] = members
    found["layout"] = "legacy" if legacy else "now"
    return found


def main() -> int:
    """Print the figures; append them to bench/RESULTS.md."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--members", type=int, default=1000)
    ap.add_argument("--legacy", action="store_true", help="also measure the layout before issue 10")
    ap.add_argument("--no-append", action="store_true")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "ingest":
            print(json.dumps(child_ingest(rest[0], rest[1], rest[2] == "1")))
        else:
            print(json.dumps(child_writer(rest[0], rest[1])))
        return 0
    base = scenario(10)
    big = scenario(args.members, writer=True)
    rows = [base, big]
    if args.legacy:
        rows.append(scenario(args.members, legacy=True))
    head = ("layout", "members", "seconds", "x base", "peak MB", "queued", "KB/mail")
    lines = [" ".join(f"{h:>8}" for h in head)]
    for r in rows:
        ratio = float(r["seconds"]) / max(float(base["seconds"]), 0.01)  # type: ignore[arg-type]
        cells = (r["layout"], r["members"], r["seconds"], f"{ratio:.1f}", r["peak_mb"], r["queued"])
        lines.append(" ".join(f"{c:>8}" for c in (*cells, r["kb_per_mail"])))
    w: dict[str, object] = big["writer"]  # type: ignore[assignment]
    lines.append(
        f"writer alongside the {args.members}-member ingest: {w['adds']} adds, {w['failed']} failed, "
        f"longest wait {w['worst_wait_s']} s" + (f"; errors: {w['errors']}" if w["failed"] else "")
    )
    print("\n".join(lines))
    if not args.no_append:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        title = f"\n## ingest_members — {stamp}, {platform.python_version()}, {os.cpu_count()} cores\n\n"
        with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as out:
            out.write(title + "```\n" + "\n".join(lines) + "\n```\n")
    return 1 if w["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
