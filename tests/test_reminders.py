"""Reminders: a meeting two days ahead (the invitation's event again), items due within three days, once."""

from __future__ import annotations

import datetime as dt
import email
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from smtp_support import mail_settings, smtp_server
from sqlalchemy.engine import Engine
from sqlmodel import select
from typer.testing import CliRunner

from models.session import session_scope
from models.tables import (
    ActionItem,
    ActionItemEvent,
    ActionItemOwner,
    ActionStatus,
    Body,
    Meeting,
    MeetingStatus,
    OutboxMessage,
    Person,
)
from muistio.settings import Settings
from services.invitations import compose_plan
from services.reminders import ReminderPlan, compose_reminders, deliver_reminders, enqueue_reminders
from services.transport import SMTPTransport

MONDAY = dt.date(2026, 3, 2)
NOW = dt.datetime(2026, 3, 2, 5, 30, tzinfo=dt.UTC)  # 07:30 in Helsinki
MEETING_DAY = MONDAY + dt.timedelta(days=2)  # Wednesday 4.3.2026
UID = "next-meeting@test"


def seed(engine: Engine, **body_settings: Any) -> dict[str, int]:
    """A body with four people and a meeting on Wednesday; items due at various distances."""
    with session_scope(engine) as s:
        body = Body(
            name="Ohjausryhmä",
            organizer_name="Pekka Järvinen",
            organizer_email="pekka@example.org",
            **body_settings,
        )
        s.add(body)
        s.flush()
        assert body.id is not None
        people = {
            "sanna": Person(name="Sanna Mäkelä", email="sanna@example.org", language="fi", body_id=body.id),
            "jyrki": Person(name="Jyrki Virtanen", email="jyrki@example.org", language="en", body_id=body.id),
            "asa": Person(name="Åsa Öhman", email="asa@example.org", language="sv", body_id=body.id),
            "nopsa": Person(name="Nopsa Niemi", email="nopsa@example.org", body_id=body.id),
        }
        s.add_all(people.values())
        held = Meeting(
            body_id=body.id, date=dt.date(2026, 2, 16), status=MeetingStatus.held, calendar_uid="h@test"
        )
        nxt = Meeting(
            body_id=body.id, date=MEETING_DAY, status=MeetingStatus.scheduled, calendar_uid=UID, sequence=1,
            starts_at=dt.datetime(2026, 3, 4, 8, 0, tzinfo=dt.UTC),
            ends_at=dt.datetime(2026, 3, 4, 10, 0, tzinfo=dt.UTC),
            place="Kaupungintalo, nh Aalto", agenda_preview=["Talousarvio", "Palautekysely"],
        )  # fmt: skip
        s.add_all([held, nxt])
        s.flush()
        ids: dict[str, int] = {"meeting": nxt.id or 0}

        def add(key: str, text: str, due: dt.date, owner: str, **kw: Any) -> None:
            row = ActionItem(
                meeting_id=held.id, key=key, text=text, quote=text, due_date=due,  # type: ignore[arg-type]
                created_at=NOW, updated_at=NOW, **kw,
            )  # fmt: skip
            s.add(row)
            s.flush()
            assert row.id is not None
            ids[key] = row.id
            person = people[owner]
            s.add(ActionItemOwner(action_item_id=row.id, person_id=person.id, name=person.name))

        add("due3", "Selvitä <b>käyttäjämäärät</b>", MONDAY + dt.timedelta(days=3), "sanna")
        add("due5", "Send the budget", MONDAY + dt.timedelta(days=5), "jyrki")
        add("late", "Boka lokalen", MONDAY - dt.timedelta(days=1), "asa")
        add("due1", "Skicka protokollet", MONDAY + dt.timedelta(days=1), "asa")
        add("done", "Jo tehty", MONDAY + dt.timedelta(days=2), "sanna", status=ActionStatus.done)
        return ids


def run(engine: Engine, cfg: Settings, day: dt.date, now: dt.datetime = NOW) -> ReminderPlan:
    with session_scope(engine) as s:
        return enqueue_reminders(s, day, settings=cfg, now=now)


def by(plan: ReminderPlan, what: str) -> dict[str, EmailMessage]:
    return {m.recipient: m.message for m in plan.mails if m.what == what}


def text_of(msg: EmailMessage) -> str:
    part = msg.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def html_of(msg: EmailMessage) -> str:
    part = msg.get_body(("html",))
    assert part is not None
    return str(part.get_content())


def calendar_of(msg: EmailMessage) -> Calendar:
    (part,) = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    data = part.get_payload(decode=True)
    assert isinstance(data, bytes)
    (attachment,) = [p for p in msg.walk() if p.get_content_type() == "application/ics"]
    assert attachment.get_filename() == "invite.ics" and attachment.get_payload(decode=True) == data
    return Calendar.from_ical(data)


def outbox(engine: Engine) -> list[OutboxMessage]:
    with session_scope(engine) as s:
        return list(s.exec(select(OutboxMessage).order_by(OutboxMessage.id)))  # type: ignore[arg-type]


def test_a_meeting_two_days_ahead_is_reminded_with_the_invitations_own_event(
    engine: Engine, tmp_path: Path
) -> None:
    ids = seed(engine)
    cfg = mail_settings(tmp_path)
    plan = run(engine, cfg, MONDAY)
    meeting = by(plan, "meeting")
    assert sorted(meeting) == [
        "asa@example.org",
        "jyrki@example.org",
        "nopsa@example.org",
        "sanna@example.org",
    ]
    sanna = meeting["sanna@example.org"]
    assert sanna["Subject"] == "Muistutus: Ohjausryhmä ke 4.3.2026 klo 10–12"
    assert sanna["Auto-Submitted"] == "auto-generated"
    assert sanna["Reply-To"] == "Pekka Järvinen <pekka@example.org>"
    text = text_of(sanna)
    assert "Paikka: Kaupungintalo, nh Aalto" in text
    assert "1. Talousarvio\n2. Palautekysely" in text
    # Her own open items, not other people's; the one she finished is gone.
    assert "Selvitä <b>käyttäjämäärät</b> (Määräaika 5.3.2026, 3 päivän päästä)" in text
    assert f"muistio item done {ids['due3']}" in text
    assert "Send the budget" not in text and "Jo tehty" not in text
    assert "&lt;b&gt;käyttäjämäärät&lt;/b&gt;" in html_of(sanna) and "<b>" not in html_of(sanna)
    # The event is the invitation's: same UID and SEQUENCE, METHOD:REQUEST, same attendees.
    with session_scope(engine) as s:
        found = s.get(Meeting, ids["meeting"])
        assert found is not None
        invitation = Calendar.from_ical(compose_plan(s, found, "REQUEST", settings=cfg, now=NOW).calendar)
    cal = calendar_of(sanna)
    assert str(cal["METHOD"]) == "REQUEST"
    (event,), (invited,) = cal.events, invitation.events
    assert str(event["UID"]) == UID and int(event["SEQUENCE"]) == 1
    assert sorted(map(str, event.get("ATTENDEE"))) == sorted(map(str, invited.get("ATTENDEE")))
    assert event.start == invited.start and event.end == invited.end
    assert all(
        r.kind == "reminder" and r.meeting_id == ids["meeting"]
        for r in outbox(engine)
        if "|meeting|" in r.key
    )
    # Åsa reads Swedish, Jyrki English.
    assert meeting["asa@example.org"]["Subject"] == "Påminnelse: Ohjausryhmä ons 4 mars 2026 kl. 10–12"
    assert "Plats: Kaupungintalo, nh Aalto" in text_of(meeting["asa@example.org"])
    assert meeting["jyrki@example.org"]["Subject"] == "Reminder: Ohjausryhmä Wed 4 March 2026 10:00–12:00"


def test_items_due_within_three_days_and_nothing_for_people_with_nothing_due(
    engine: Engine, tmp_path: Path
) -> None:
    ids = seed(engine)
    plan = run(engine, mail_settings(tmp_path), MONDAY)
    due = by(plan, "due")
    # Jyrki's item is five days away, Nopsa owns nothing, Åsa's late item is the digest's business.
    assert sorted(due) == ["asa@example.org", "sanna@example.org"]
    sanna = due["sanna@example.org"]
    assert sanna["Subject"] == "Muistutus: 1 tehtävä erääntyy pian"
    text = text_of(sanna)
    assert "Määräaika: 5.3.2026, 3 päivän päästä" in text and "Kokouksesta: Ohjausryhmä 16.2.2026" in text
    assert f"Merkitse tehdyksi: muistio item done {ids['due3']}" in text
    asa = due["asa@example.org"]
    assert asa["Subject"] == "Påminnelse: 1 uppgift förfaller snart"
    asa_text = text_of(asa)
    assert "tidsfristen för dessa uppgifter närmar sig" in asa_text
    assert "Senast: 3 mars 2026, i morgon" in asa_text and "Boka lokalen" not in asa_text
    assert f"Markera som klar: muistio item done {ids['due1']}" in asa_text
    assert '<html lang="sv">' in html_of(asa)
    assert not [p for p in asa.walk() if p.get_content_type() == "text/calendar"]


def test_nothing_is_sent_twice(engine: Engine, tmp_path: Path) -> None:
    ids = seed(engine)
    cfg = mail_settings(tmp_path)
    first = run(engine, cfg, MONDAY)
    assert first.enqueued == len(first.mails) == 6
    again = run(engine, cfg, MONDAY, NOW + dt.timedelta(hours=3))
    assert again.enqueued == 0 and by(again, "due") == {}
    # Tuesday: the meeting is a day away (already reminded), Sanna's item two days (already reminded).
    tuesday = run(engine, cfg, MONDAY + dt.timedelta(days=1), NOW + dt.timedelta(days=1))
    assert tuesday.enqueued == 0 and by(tuesday, "due") == {}
    # Wednesday: Jyrki's item comes within three days, and only that is new.
    wednesday = run(engine, cfg, MONDAY + dt.timedelta(days=2), NOW + dt.timedelta(days=2))
    assert wednesday.enqueued == 1 and sorted(by(wednesday, "due")) == ["jyrki@example.org"]
    assert f"muistio item done {ids['due5']}" in text_of(by(wednesday, "due")["jyrki@example.org"])
    assert len(outbox(engine)) == 7
    with session_scope(engine) as s:
        events = s.exec(select(ActionItemEvent).where(ActionItemEvent.kind == "reminded")).all()
    assert sorted((e.action_item_id, e.new, e.note) for e in events) == sorted(
        [
            (ids["due3"], "sanna@example.org", "2026-03-05"),
            (ids["due1"], "asa@example.org", "2026-03-03"),
            (ids["due5"], "jyrki@example.org", "2026-03-07"),
        ]
    )
    # A new due date is a new promise: reminded again.
    with session_scope(engine) as s:
        item = s.get(ActionItem, ids["due3"])
        assert item is not None
        item.due_date = MONDAY + dt.timedelta(days=4)
        s.add(item)
    thursday = run(engine, cfg, MONDAY + dt.timedelta(days=3), NOW + dt.timedelta(days=3))
    assert sorted(by(thursday, "due")) == ["sanna@example.org"]


def test_per_body_settings(engine: Engine, tmp_path: Path) -> None:
    seed(engine, reminders=False)
    cfg = mail_settings(tmp_path)
    off = run(engine, cfg, MONDAY)
    assert off.mails == [] and off.skipped_bodies == ["Ohjausryhmä"]
    with session_scope(engine) as s:
        body = s.exec(select(Body)).one()
        body.reminders, body.meeting_reminder_days, body.item_reminder_days = True, 1, 5
        s.add(body)
    plan = run(engine, cfg, MONDAY)
    assert by(plan, "meeting") == {}  # two days ahead, the body wants one
    assert sorted(by(plan, "due")) == ["asa@example.org", "jyrki@example.org", "sanna@example.org"]
    tuesday = run(engine, cfg, MONDAY + dt.timedelta(days=1), NOW + dt.timedelta(days=1))
    assert len(by(tuesday, "meeting")) == 4


def test_delivered_through_a_real_smtp_server(engine: Engine, tmp_path: Path) -> None:
    seed(engine)
    cfg = mail_settings(tmp_path)
    with smtp_server() as server:
        transport = SMTPTransport(host="127.0.0.1", port=server.port, security="none", timeout=5)
        run(engine, cfg, MONDAY)
        report = deliver_reminders(lambda: session_scope(engine), transport, settings=cfg, now=NOW)
        again = deliver_reminders(lambda: session_scope(engine), transport, settings=cfg, now=NOW)
    assert len(report.sent) == 6 and report.failed == [] and again.sent == []
    got = [
        email.message_from_bytes(e.original_content or e.content, policy=default)
        for e in server.handler.envelopes
    ]
    assert sorted(e.rcpt_tos[0] for e in server.handler.envelopes) == sorted(
        ["asa@example.org"] * 2 + ["jyrki@example.org", "nopsa@example.org"] + ["sanna@example.org"] * 2
    )
    assert sum(1 for m in got if any(p.get_content_type() == "text/calendar" for p in m.walk())) == 4


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("MUISTIO_DATABASE_URL", database_url)
    monkeypatch.setenv("MUISTIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MUISTIO_SECRET_KEY", "test-secret")
    monkeypatch.delenv("MUISTIO_SMTP_HOST", raising=False)
    yield CliRunner()


def test_cli_dry_run_writes_only_eml_files_then_a_real_run_sends_once(
    cli: CliRunner, engine: Engine, tmp_path: Path
) -> None:
    from cli.main import app

    seed(engine)
    out = tmp_path / "preview"
    dry = cli.invoke(app, ["reminders", "--as-of", "2026-03-02", "--dry-run", "--out", str(out)])
    assert dry.exit_code == 0, dry.output
    assert "reminders 2026-03-02: 4 meeting reminders, 2 due-date reminders; wrote 6 .eml files" in dry.output
    assert sorted(p.name for p in out.iterdir()) == [
        "reminder-due-2026-03-02-asa@example.org.eml",
        "reminder-due-2026-03-02-sanna@example.org.eml",
        "reminder-meeting-2026-03-04-asa@example.org.eml",
        "reminder-meeting-2026-03-04-jyrki@example.org.eml",
        "reminder-meeting-2026-03-04-nopsa@example.org.eml",
        "reminder-meeting-2026-03-04-sanna@example.org.eml",
    ]  # fmt: skip
    preview = email.message_from_bytes(
        (out / "reminder-due-2026-03-02-asa@example.org.eml").read_bytes(), policy=default
    )
    assert preview["Subject"] == "Påminnelse: 1 uppgift förfaller snart"
    with session_scope(engine) as s:
        assert s.exec(select(ActionItemEvent)).all() == []
    assert outbox(engine) == [] and not (tmp_path / "data" / "maildir").exists()
    sent = cli.invoke(app, ["reminders", "--as-of", "2026-03-02"])
    assert sent.exit_code == 0, sent.output
    assert "6 newly queued" in sent.output and "6 sent" in sent.output
    repeat = cli.invoke(app, ["reminders", "--as-of", "2026-03-02"])
    assert "0 newly queued" in repeat.output and "0 sent" in repeat.output
    assert len(list((tmp_path / "data" / "maildir" / "new").iterdir())) == 6
    bad = cli.invoke(app, ["reminders", "--as-of", "2.3.2026"])
    assert bad.exit_code == 1 and bad.stderr.strip() == "muistio: --as-of '2.3.2026' is not a date YYYY-MM-DD"


def test_compose_reads_only(engine: Engine, tmp_path: Path) -> None:
    seed(engine)
    with session_scope(engine) as s:
        plan = compose_reminders(s, MONDAY, settings=mail_settings(tmp_path), now=NOW)
    assert len(plan.mails) == 6 and outbox(engine) == []


@pytest.mark.parametrize("start", [dt.datetime(2026, 3, 1), dt.datetime(2026, 10, 1)])
def test_the_daily_schedule_is_0730_helsinki_across_dst(start: dt.datetime) -> None:
    import asyncio
    from zoneinfo import ZoneInfo

    from prefect.server.schemas.schedules import CronSchedule

    from deployments.serve import deployments

    (served,) = [d for d in deployments() if d.entrypoint == "flows.reminders.reminders"]  # type: ignore[attr-defined]
    (schedule,) = [s.schedule for s in served.schedules]  # type: ignore[attr-defined]
    server = CronSchedule(cron=schedule.cron, timezone=schedule.timezone)
    dates = asyncio.run(server.get_dates(n=60, start=start))
    local = [d.astimezone(ZoneInfo("Europe/Helsinki")) for d in dates]
    assert [(t.hour, t.minute) for t in local] == [(7, 30)] * 60
    days = [t.date() for t in local]
    assert days == [start.date() + dt.timedelta(days=n) for n in range(60)]  # none doubled, none missing


@pytest.mark.prefect
def test_reminders_flow_names_its_run_and_tells_who_got_what(
    prefect_harness: None, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prefect.client.orchestration import get_client
    from smtp_support import point_at_smtp

    from flows.reminders import reminders
    from services.clock import FixedClock, use_clock
    from services.db import engine_for

    seed(engine_for(database_url))
    with smtp_server() as server:
        point_at_smtp(monkeypatch, database_url=database_url, data_dir=tmp_path, port=server.port)
        with use_clock(FixedClock(NOW)):
            state = reminders("2026-03-02", return_state=True)  # type: ignore[call-overload]
            again = reminders("2026-03-02")
    result = state.result()
    assert len(result["plan"]["meeting"]) == 4 and len(result["plan"]["due"]) == 2
    assert len(result["delivery"]["sent"]) == 6 and again["plan"]["enqueued"] == 0
    assert len(server.handler.envelopes) == 6
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(state.state_details.flow_run_id)
        artifacts = client.read_artifacts()
    assert run.name == "reminders 2026-03-02"
    (artifact,) = [a for a in artifacts if a.key == "reminders-2026-03-02" and a.flow_run_id == run.id]
    assert "asa@example.org" in str(artifact.data) and "Meeting reminders (4)" in str(artifact.data)


def test_body_set_changes_the_reminder_settings(cli: CliRunner, engine: Engine) -> None:
    from cli.main import app

    seed(engine)
    ok = cli.invoke(
        app, ["body", "set", "OHJAUSRYHMÄ", "--meeting-reminder-days", "1", "--item-reminder-days", "5"]
    )
    assert ok.exit_code == 0, ok.output
    assert "reminders 1 d before meetings, 5 d before dues" in ok.output
    with session_scope(engine) as s:
        body = s.exec(select(Body)).one()  # the upper-case name found the same body
    assert (body.reminders, body.meeting_reminder_days, body.item_reminder_days) == (True, 1, 5)
    off = cli.invoke(app, ["body", "set", "Ohjausryhmä", "--no-reminders"])
    assert off.exit_code == 0 and "no reminders" in off.output
    bad = cli.invoke(app, ["body", "set", "Ohjausryhmä", "--item-reminder-days", "-1"])
    assert bad.exit_code == 1 and "between 0 and 60" in bad.stderr
