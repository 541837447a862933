"""A big body: writers are not locked out during its ingest; the cheap per-mail paths give the same bytes."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from email import policy as email_policy
from pathlib import Path

from sqlmodel import select

from models import Body, OutboxMessage, Person
from muistio.invite import Attendee, InviteEvent, Organizer, build_calendar, calendar_for_attendee
from muistio.mail import compose_invite, message_bytes
from muistio.settings import Settings
from services.clock import FixedClock, use_clock
from services.db import dispose_engines, session_factory, upgrade_database

HEL = dt.timezone(dt.timedelta(hours=3))
NOW = dt.datetime(2027, 5, 26, 6, 0, tzinfo=dt.UTC)
PEOPLE = [
    Attendee(name="Åsa Öhman-Kärkkäinen", email="asa@example.org", role="chair", language="fi"),
    Attendee(name="Jyrki Virtanen", email="jyrki@example.org", language="en"),
    Attendee(name='Dr. "Q" Smith, Jr.', email="q.smith@example.org", role="opt"),
    Attendee(name="Maija " + "Pitkänimi" * 12, email="maija@example.org"),
]


def event(attendees: tuple[Attendee, ...]) -> InviteEvent:
    return InviteEvent(
        uid="abc123@muistio.test", sequence=2, summary="Pihatoimikunta",
        start=dt.datetime(2027, 6, 21, 17, tzinfo=HEL), end=dt.datetime(2027, 6, 21, 18, 30, tzinfo=HEL),
        timezone="Europe/Helsinki", location="Kerhohuone", description="",
        status="CONFIRMED", organizer=Organizer(name="Olli Orava", email="olli@example.org"),
        attendees=attendees, stamp=NOW,
    )  # fmt: skip


def test_a_calendar_made_from_the_base_is_the_one_built_for_the_attendee() -> None:
    base_attendee = PEOPLE[0]
    for method in ("REQUEST", "CANCEL"):
        for language in ("fi", "en"):
            base = build_calendar(event((base_attendee,)), method, language=language)  # type: ignore[arg-type]
            for attendee in PEOPLE:
                own = build_calendar(event((attendee,)), method, language=language)  # type: ignore[arg-type]
                made = calendar_for_attendee(base, base_attendee, attendee, method)  # type: ignore[arg-type]
                assert made == own


def test_shared_headers_give_the_standard_bytes_whatever_was_composed_before() -> None:
    sender = Organizer(name="Muistio", email="muistio@example.org")

    def compose(attendee: Attendee) -> object:
        return compose_invite(
            event((attendee,)), "REQUEST", attendee, sender=sender, language="fi",
            message_id_domain="muistio.test", secret_key="s", ics_attachment=False,
        )  # fmt: skip

    first = compose(PEOPLE[0])
    first_bytes = message_bytes(first)  # type: ignore[arg-type]
    for attendee in PEOPLE[1:]:
        other = compose(attendee)
        assert message_bytes(other) == other.as_bytes(policy=email_policy.SMTP)  # type: ignore[attr-defined]
    again = compose(PEOPLE[0])
    assert message_bytes(again) == first_bytes == first.as_bytes(policy=email_policy.SMTP)  # type: ignore[attr-defined]
    own = compose(replace(PEOPLE[1], name="Jyrki Virtanen-Uusi"))
    assert b"Virtanen-Uusi" in message_bytes(own)  # type: ignore[arg-type]


MINUTES = """Pihatoimikunta

MUISTIO 2/2027

Aika        Ti 25.5.2027 klo 17-18.30
Paikka      Kerhohuone, Vaahterakuja 3

Osallistujat
Maija Mehiläinen, pj.
Olli Orava, siht.

1 Kevättalkoot

- Olli Orava tilaa lavan 1.6. mennessä.

2 Seuraava kokous

Seuraava kokous ma 21.6.2027 klo 17-18.30, Kerhohuone.
"""


def test_a_writer_succeeds_while_a_1000_member_body_is_ingested_on_sqlite(tmp_path: Path) -> None:
    from services.ingest import ingest_file
    from services.roster import add_person, make_entry

    url = f"sqlite:///{tmp_path / 'big.db'}"
    upgrade_database(url)
    with session_factory(url)() as session:
        body = Body(name="Pihatoimikunta")
        session.add(body)
        session.flush()
        session.add_all(
            Person(name=f"Jäsen {n:04d}", email=f"member{n}@example.org", body_id=body.id)
            for n in range(1000)
        )
    minutes = tmp_path / "muistio.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    settings = Settings(
        data_dir=tmp_path, database_url=url, mail_from="muistio@example.org",
        secret_key="test-secret", message_id_domain="muistio.test",
    )  # fmt: skip
    outcome: dict[str, object] = {}

    def ingest() -> None:
        try:
            outcome["result"] = ingest_file(str(minutes), settings=settings, deliver=False)
        except Exception as exc:  # reported below, with the writer's figures
            outcome["error"] = exc

    adds, failures, during = 0, [], 0
    with use_clock(FixedClock(NOW)):
        worker = threading.Thread(target=ingest)
        worker.start()
        while worker.is_alive() or adds == 0:
            entry = make_entry("people add", f"Kirjoittaja {adds}", f"w{adds}@example.org", None, None, None)
            running = worker.is_alive()
            try:
                with session_factory(url)() as session:
                    add_person(session, entry, body="Pihatoimikunta")
                adds += 1
                during += running
            except Exception as exc:  # "database is locked" must never reach a user
                failures.append(str(exc))
        worker.join()
    assert "error" not in outcome, outcome
    assert failures == []
    assert during >= 1  # at least one add overlapped the ingest
    result: dict[str, object] = outcome["result"]  # type: ignore[assignment]
    assert result["status"] == "stored"
    with session_factory(url)() as session:
        queued = len(session.exec(select(OutboxMessage.id)).all())
    assert queued >= 1000  # every member (and writers added before the mail was composed)
    dispose_engines()
