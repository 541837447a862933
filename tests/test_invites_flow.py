"""Invitations end to end: compose, queue, deliver through a real SMTP server, update, cancel, approve."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from smtp_support import Recorder, SMTPServer, mail_settings, point_at_smtp, smtp_server
from sqlalchemy.engine import Engine
from sqlmodel import select
from typer.testing import CliRunner

from models.session import session_scope
from models.tables import (
    ActionItem,
    ActionItemOwner,
    Body,
    Meeting,
    MeetingStatus,
    OutboxMessage,
    OutboxStatus,
    Participation,
    Person,
)
from muistio.settings import Settings
from services.db import engine_for
from services.invitations import (
    InviteFlowError,
    after_ingest,
    approve_meeting,
    cancel_meeting,
    deliver_meeting,
    enqueue_invites,
    find_meeting,
    reschedule_meeting,
)
from services.outbox import deliver_pending
from services.transport import SMTPTransport

NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
HEL = dt.timezone(dt.timedelta(hours=2))  # Helsinki in March (EET)


def seed(engine: Engine, *, require_approval: bool = False) -> int:
    """A body: four members (one without address), a guest, a held meeting with an open item, the next."""
    with session_scope(engine) as s:
        body = Body(
            name="Ohjausryhmä", organizer_name="Pekka Järvinen", organizer_email="pekka@example.org",
            require_approval=require_approval,
        )  # fmt: skip
        s.add(body)
        s.flush()
        assert body.id is not None
        members = [
            Person(name="Sanna Mäkelä", email="sanna@example.org", body_id=body.id, language="fi"),
            Person(name="Jyrki Virtanen", email="jyrki@example.org", body_id=body.id, language="en"),
            Person(name="Pekka Järvinen", email="pekka@example.org", body_id=body.id),
            Person(name="Åsa Öhman", email=None, body_id=body.id),
            Person(name="Vieras Asiantuntija", email="vieras@example.org", body_id=body.id),
        ]
        s.add_all(members)
        held = Meeting(
            body_id=body.id, date=dt.date(2026, 2, 16), status=MeetingStatus.held,
            calendar_uid="held-uid@test", starts_at=dt.datetime(2026, 2, 16, 13, tzinfo=HEL),
            ends_at=dt.datetime(2026, 2, 16, 15, tzinfo=HEL),
        )  # fmt: skip
        s.add(held)
        s.flush()
        assert held.id is not None
        roles_of = [["member"], ["member"], ["chair"], ["member"], ["guest"]]
        for person, roles in zip(members, roles_of, strict=True):
            assert person.id is not None
            s.add(Participation(meeting_id=held.id, person_id=person.id, roles=roles))
        item = ActionItem(
            meeting_id=held.id, key="k1", text="Selvittää tilavaraukset", quote="Sanna selvittää tilat.",
            due_date=dt.date(2026, 3, 13), created_at=NOW, updated_at=NOW,
        )  # fmt: skip
        s.add(item)
        s.flush()
        assert item.id is not None
        s.add(ActionItemOwner(action_item_id=item.id, person_id=members[0].id, name="Sanna Mäkelä"))
        nxt = Meeting(
            body_id=body.id, date=dt.date(2026, 3, 16), status=MeetingStatus.scheduled,
            calendar_uid="next-uid@muistio.test", previous_meeting_id=held.id,
            place="Kaupungintalo, nh 3", starts_at=dt.datetime(2026, 3, 16, 13, tzinfo=HEL),
            ends_at=dt.datetime(2026, 3, 16, 15, tzinfo=HEL),
            agenda_preview=["Kokouksen avaus", "Tilannekatsaus"],
        )  # fmt: skip
        s.add(nxt)
        s.flush()
        assert nxt.id is not None
        return nxt.id


def queue_invites(engine: Engine, cfg: Settings, meeting_id: int) -> object:
    with session_scope(engine) as s:
        return enqueue_invites(s, s.get(Meeting, meeting_id), settings=cfg, now=NOW)  # type: ignore[arg-type]


def smtp(server: SMTPServer) -> SMTPTransport:
    return SMTPTransport(host="127.0.0.1", port=server.port, security="none", timeout=5)


def send(engine: Engine, server: SMTPServer, cfg: Settings, now: dt.datetime = NOW) -> object:
    return deliver_meeting(lambda: session_scope(engine), smtp(server), settings=cfg, now=now)


def calendar_of(msg: EmailMessage) -> tuple[str, Any, bytes]:
    """(method parameter, parsed calendar, calendar bytes) after checking the MIME tree.

    One calendar object per mail: alternative[plain, html, calendar], no second copy attached.
    """
    assert msg.get_content_type() == "multipart/alternative"
    kinds = [p.get_content_type() for p in msg.walk()]
    assert kinds == ["multipart/alternative", "text/plain", "text/html", "text/calendar"]
    cal_part: Any = msg.get_payload()[2]
    ics = cal_part.get_payload(decode=True)
    return str(cal_part.get_param("method")), Calendar.from_ical(ics), ics


def outbox(engine: Engine) -> list[OutboxMessage]:
    with session_scope(engine) as s:
        return list(s.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all())  # type: ignore[arg-type]


def test_each_attendee_gets_exactly_one_invitation(engine: Engine, tmp_path: Path) -> None:
    cfg = mail_settings(tmp_path)
    meeting_id = seed(engine)
    plan = queue_invites(engine, cfg, meeting_id)
    assert plan.missing_line() == "1 participant has no address: Åsa Öhman"  # type: ignore[attr-defined]
    with smtp_server() as server:
        first = send(engine, server, cfg)
        again = queue_invites(engine, cfg, meeting_id)
        second = send(engine, server, cfg, NOW + dt.timedelta(hours=1))
    assert len(first.sent) == 3 and second.sent == [] and again.enqueued == 0  # type: ignore[attr-defined]
    rcpts = sorted(e.rcpt_tos[0] for e in server.handler.envelopes)
    assert rcpts == ["jyrki@example.org", "pekka@example.org", "sanna@example.org"]  # not the guest
    by_rcpt = {str(m["To"]).split("<")[-1].rstrip(">"): m for m in server.handler.messages()}
    method, cal, _ = calendar_of(by_rcpt["sanna@example.org"])
    assert method == "REQUEST" and cal["METHOD"] == "REQUEST"
    event: Any = cal.walk("VEVENT")[0]
    assert str(event["UID"]) == "next-uid@muistio.test" and int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == dt.datetime(2026, 3, 16, 13, tzinfo=HEL)
    assert str(event["LOCATION"]) == "Kaupungintalo, nh 3"
    description = str(event["DESCRIPTION"])
    assert "Tilannekatsaus" in description
    assert "Selvittää tilavaraukset (vastuu: Sanna Mäkelä; määräaika 13.3.2026)" in description
    attendees = {str(a): a.params.get("ROLE") for a in event["ATTENDEE"]}
    assert attendees["mailto:pekka@example.org"] == "CHAIR"
    assert by_rcpt["jyrki@example.org"]["Subject"].startswith("Invitation: Ohjausryhmä")  # his language
    assert by_rcpt["sanna@example.org"]["Subject"].startswith("Kutsu: Ohjausryhmä")
    assert all(r.status == OutboxStatus.sent for r in outbox(engine))


def test_reschedule_sends_updates_threaded_and_cancel_sends_cancel(engine: Engine, tmp_path: Path) -> None:
    cfg = mail_settings(tmp_path)
    meeting_id = seed(engine)
    queue_invites(engine, cfg, meeting_id)
    with smtp_server() as server:
        send(engine, server, cfg)
        pairs = zip(server.handler.envelopes, server.handler.messages(), strict=True)
        first_ids = {e.rcpt_tos[0]: m["Message-ID"] for e, m in pairs}
        with session_scope(engine) as s:
            m = s.get(Meeting, meeting_id)
            assert m is not None
            changed, none_plan = reschedule_meeting(s, m, settings=cfg, now=NOW, place="Kaupungintalo, nh 3")
            assert (changed, none_plan) == (False, None)  # nothing material
            changed, plan = reschedule_meeting(s, m, settings=cfg, now=NOW, start="14:00", end="16:00")
            assert changed and plan is not None and plan.enqueued == 3 and m.sequence == 1
        send(engine, server, cfg)
        with session_scope(engine) as s:
            m = s.get(Meeting, meeting_id)
            assert m is not None
            cancel = cancel_meeting(s, m, settings=cfg, now=NOW)
            assert cancel.enqueued == 3 and m.sequence == 2 and m.status == MeetingStatus.cancelled
            with pytest.raises(InviteFlowError, match="already cancelled"):
                cancel_meeting(s, m, settings=cfg, now=NOW)
        send(engine, server, cfg)
    messages = server.handler.messages()
    assert len(messages) == 9
    update = next(m for m in messages[3:6] if "sanna@" in str(m["To"]))
    method, cal, _ = calendar_of(update)
    event: Any = cal.walk("VEVENT")[0]
    assert method == "REQUEST" and int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == dt.datetime(2026, 3, 16, 14, tzinfo=HEL)
    assert update["In-Reply-To"] == first_ids["sanna@example.org"]
    assert update["Subject"].startswith("Päivitetty kutsu")
    cancelled = next(m for m in messages[6:] if "sanna@" in str(m["To"]))
    method, cal, _ = calendar_of(cancelled)
    event = cal.walk("VEVENT")[0]
    assert method == "CANCEL" and cal["METHOD"] == "CANCEL" and int(event["SEQUENCE"]) == 2
    assert str(event["STATUS"]) == "CANCELLED"
    assert len({m["Message-ID"] for m in messages}) == 9


def test_reschedule_before_anyone_is_invited_sends_nothing(engine: Engine, tmp_path: Path) -> None:
    cfg = mail_settings(tmp_path)
    meeting_id = seed(engine)
    with session_scope(engine) as s:
        m = s.get(Meeting, meeting_id)
        assert m is not None
        changed, plan = reschedule_meeting(s, m, settings=cfg, now=NOW, date="2026-03-17")
        assert changed and plan is None and m.sequence == 1
        assert m.starts_at == dt.datetime(2026, 3, 17, 13, tzinfo=HEL)  # the local time is kept
        with pytest.raises(InviteFlowError, match="already has a meeting on 2026-02-16"):
            reschedule_meeting(s, m, settings=cfg, now=NOW, date="2026-02-16")
        with pytest.raises(InviteFlowError, match="is not a time HH:MM"):
            reschedule_meeting(s, m, settings=cfg, now=NOW, start="25:00")
    assert outbox(engine) == []


def test_approval_holds_invitations_until_approved(engine: Engine, tmp_path: Path) -> None:
    cfg = mail_settings(tmp_path)
    meeting_id = seed(engine, require_approval=True)
    with session_scope(engine) as s:
        held = s.exec(select(Meeting).where(Meeting.status == MeetingStatus.held)).one()
        [plan] = after_ingest(s, held.id or 0, settings=cfg, now=NOW)
        assert plan.held_for_approval and plan.mails == []
        with pytest.raises(InviteFlowError, match="requires approval"):
            enqueue_invites(s, s.get(Meeting, meeting_id), settings=cfg, now=NOW)  # type: ignore[arg-type]
    assert outbox(engine) == []
    with session_scope(engine) as s:
        m = find_meeting(s, "2026-03-16")
        assert approve_meeting(s, m, now=NOW) is True
        assert approve_meeting(s, m, now=NOW) is False
        plan = enqueue_invites(s, m, settings=cfg, now=NOW)
    assert plan.enqueued == 3 and len(outbox(engine)) == 3


def test_after_ingest_invites_and_cancels_a_moved_meeting(engine: Engine, tmp_path: Path) -> None:
    cfg = mail_settings(tmp_path)
    meeting_id = seed(engine)
    with session_scope(engine) as s:
        held = s.exec(select(Meeting).where(Meeting.status == MeetingStatus.held)).one()
        [plan] = after_ingest(s, held.id or 0, settings=cfg, now=NOW)
        assert plan.enqueued == 3
        # corrected minutes moved the meeting: the store cancels the old date and raises its sequence
        m = s.get(Meeting, meeting_id)
        assert m is not None
        m.status, m.sequence = MeetingStatus.cancelled, m.sequence + 1
        s.add(m)
        s.flush()
        [cancel] = after_ingest(s, held.id or 0, settings=cfg, now=NOW)
        assert cancel.method == "CANCEL" and cancel.enqueued == 3
        assert after_ingest(s, held.id or 0, settings=cfg, now=NOW)[0].enqueued == 0  # idempotent
    assert sorted(r.kind for r in outbox(engine)) == ["cancel"] * 3 + ["request"] * 3


def test_temporary_failure_then_delivery_once(engine: Engine, tmp_path: Path) -> None:
    cfg = mail_settings(tmp_path)
    seed_id = seed(engine)
    queue_invites(engine, cfg, seed_id)
    handler = Recorder(data_replies=["451 4.7.1 Greylisted, try again"])
    with smtp_server(handler) as server:
        first = send(engine, server, cfg)
        later = deliver_pending(
            session_factory=lambda: session_scope(engine), transport=smtp(server),
            now=NOW + dt.timedelta(hours=1), sender=cfg.mail_from,
        )  # fmt: skip
    assert len(first.retrying) == 1 and len(first.sent) == 2 and len(later.sent) == 1  # type: ignore[attr-defined]
    assert sorted(e.rcpt_tos[0] for e in handler.envelopes) == [
        "jyrki@example.org", "pekka@example.org", "sanna@example.org",
    ]  # fmt: skip


# --- CLI ---------------------------------------------------------------------------------------


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("MUISTIO_DATABASE_URL", database_url)
    monkeypatch.setenv("MUISTIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MUISTIO_SECRET_KEY", "test-secret")
    yield CliRunner()


def test_cli_dry_run_writes_files_and_records_nothing(cli: CliRunner, engine: Engine, tmp_path: Path) -> None:
    from cli.main import app

    seed(engine)
    out = tmp_path / "preview"
    result = cli.invoke(app, ["invite", "2026-03-16", "--dry-run", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 participant has no address: Åsa Öhman" in result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["invite.ics", "jyrki@example.org.eml", "pekka@example.org.eml", "sanna@example.org.eml"]
    cal: Any = Calendar.from_ical((out / "invite.ics").read_bytes())
    assert cal["METHOD"] == "REQUEST" and len(cal.walk("VEVENT")[0]["ATTENDEE"]) == 3
    assert outbox(engine) == []
    assert not (tmp_path / "data" / "maildir").exists()


def test_cli_approve_cancel_and_reschedule(cli: CliRunner, engine: Engine, tmp_path: Path) -> None:
    from cli.main import app

    meeting_id = seed(engine, require_approval=True)
    approved = cli.invoke(app, ["approve", str(meeting_id), "--by", "Pertti Aho"])
    assert approved.exit_code == 0, approved.output
    assert "3 sent" in approved.output
    moved = cli.invoke(app, ["meeting", "reschedule", "2026-03-16", "--start", "12:00", "--end", "14:00"])
    assert moved.exit_code == 0 and "newly queued (sequence 1)" in moved.output
    cancelled = cli.invoke(app, ["meeting", "cancel", str(meeting_id)])
    assert cancelled.exit_code == 0 and "3 sent" in cancelled.output
    assert len(list((tmp_path / "data" / "maildir" / "new").iterdir())) == 9
    bad = cli.invoke(app, ["meeting", "cancel", "2031-01-01"])
    assert bad.exit_code == 1 and bad.stderr.strip() == "muistio: no meeting on 2031-01-01"


@pytest.mark.prefect
def test_distribute_invites_flow(
    prefect_harness: None, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.invites import distribute_invites
    from services.clock import FixedClock, use_clock

    engine = engine_for(database_url)
    meeting_id = seed(engine)
    with smtp_server() as server:
        point_at_smtp(monkeypatch, database_url=database_url, data_dir=tmp_path, port=server.port)
        with use_clock(FixedClock(NOW)):
            first = distribute_invites(str(meeting_id))
            second = distribute_invites("2026-03-16")
    assert first["plan"]["missing_line"] == "1 participant has no address: Åsa Öhman"
    assert len(first["delivery"]["sent"]) == 3
    assert second["plan"]["enqueued"] == 0 and second["delivery"]["sent"] == []
    assert len(server.handler.envelopes) == 3
    assert all(e.mail_from == "muistio@example.org" for e in server.handler.envelopes)


# --- invitations from the ingest flow, through a real SMTP server ------------------------------

MINUTES = """Kirjaston kehittämisryhmä

MUISTIO 3/2026

Aika        Ti 3.3.2026 klo 14-16
Paikka      Pääkirjasto, nh Lukupiiri

Osallistujat
Aino Laine, pj.
Mikko Salo
Leena Koski
Pertti Aho, siht.

1 Kokouksen avaus

Puheenjohtaja avasi kokouksen.

2 Lainausautomaatit

- Mikko Salo selvittää automaattien huoltosopimuksen 20.3. mennessä.

3 Seuraava kokous

Seuraava kokous ti {next} klo {time}, Pääkirjasto, nh Lukupiiri.
"""
ROSTER = (
    "name,email\nAino Laine,aino@example.org\nMikko Salo,mikko@example.org\nLeena Koski,leena@example.org\n"
)


@pytest.mark.prefect
def test_ingest_invites_once_and_corrections_update_or_cancel(
    prefect_harness: None, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from flows.ingest import ingest_minutes
    from services.clock import FixedClock, use_clock
    from services.config import load_settings
    from services.corrections import approve
    from services.invitations import deliver_invitations
    from services.roster import import_people

    engine = engine_for(database_url)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    with session_scope(engine) as s:
        import_people(s, roster, body="Kirjaston kehittämisryhmä")
    paths = []
    for name, nxt, time in [("a", "17.3.", "14-16"), ("b", "17.3.", "15-17"), ("c", "24.3.", "15-17")]:
        path = tmp_path / f"muistio-{name}.txt"
        path.write_text(MINUTES.format(next=nxt, time=time), encoding="utf-8")
        paths.append(str(path))
    with smtp_server() as server:
        point_at_smtp(monkeypatch, database_url=database_url, data_dir=tmp_path, port=server.port)
        with use_clock(FixedClock(NOW)):
            first = asyncio.run(ingest_minutes([paths[0]]))[0]
            after_first = len(server.handler.envelopes)
            again = asyncio.run(ingest_minutes([paths[0]]))[0]
            after_again = len(server.handler.envelopes)
            # A correction that moves the next meeting is held: no update goes before approval.
            moved_time = asyncio.run(ingest_minutes([paths[1]]))[0]
            held_time = len(server.handler.envelopes)
            cfg = load_settings()
            approved = approve(str(moved_time["meeting_id"]), settings=cfg, actor="Pertti Aho")
            deliver_invitations(approved["meeting_ids"], settings=cfg)
            after_time = len(server.handler.envelopes)
            moved_date = asyncio.run(ingest_minutes([paths[2]]))[0]
            held_date = len(server.handler.envelopes)
            second = approve(str(moved_date["meeting_id"]), settings=cfg, actor="Pertti Aho")
            deliver_invitations(second["meeting_ids"], settings=cfg)
    assert first["status"] == "stored", first
    assert first["invitations"][0]["missing_line"] == "1 participant has no address: Pertti Aho"
    assert len(first["delivery"]["sent"]) == 3 and after_first == 3
    assert again["status"] == "duplicate" and after_again == 3
    assert moved_time["status"] == "pending" and held_time == 3, moved_time
    assert "time or place" in moved_time["reason"]
    assert approved["what"] == "correction" and approved["result"]["status"] == "updated"
    assert after_time == 6
    assert moved_date["status"] == "pending" and held_date == 6
    assert len(second["meeting_ids"]) == 2  # the CANCEL of the old date, the REQUEST of the new
    messages = server.handler.messages()
    cals = [calendar_of(m) for m in messages]
    events: list[Any] = [cal.walk("VEVENT")[0] for _, cal, _ in cals]
    assert sorted(e.rcpt_tos[0] for e in server.handler.envelopes[:3]) == [
        "aino@example.org", "leena@example.org", "mikko@example.org",
    ]  # fmt: skip
    assert {m for m, _, _ in cals[:6]} == {"REQUEST"}
    assert len({str(e["UID"]) for e in events[:6]}) == 1
    assert [int(e["SEQUENCE"]) for e in events[:6]] == [0, 0, 0, 1, 1, 1]
    assert events[3].decoded("DTSTART") == dt.datetime(2026, 3, 17, 15, tzinfo=HEL)
    assert all(str(m["Subject"]).startswith("Päivitetty kutsu") for m in messages[3:6])
    # Moving the date: the old meeting is cancelled for everyone invited, the new one invited.
    kinds = sorted((m, int(e["SEQUENCE"]), str(e["UID"]) == str(events[0]["UID"])) for (m, _, _), e in
                   zip(cals[6:], events[6:], strict=True))  # fmt: skip
    assert len(messages) == 12
    assert kinds == [("CANCEL", 2, True)] * 3 + [("REQUEST", 0, False)] * 3
