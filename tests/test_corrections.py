"""Corrections with consent and held invitations, end to end through the services and `muistio` itself.

Invented minutes of an invented housing committee (no shared minutes copied); SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from smtp_support import point_at_smtp, smtp_server
from sqlmodel import select
from typer.testing import CliRunner

from models import (
    ActionItem,
    Meeting,
    MeetingStatus,
    OutboxMessage,
    PendingChange,
    PendingStatus,
    session_scope,
)
from muistio.contract import NextMeeting
from services.clock import FixedClock, use_clock
from services.db import engine_for

NOW = dt.datetime(2027, 5, 26, 6, 0, tzinfo=dt.UTC)  # the morning after the meeting
BODY = "Pihatoimikunta"
ROSTER = (
    "name,email\nMaija Mehiläinen,maija@example.org\nKalle Kärsämö,kalle@example.org\n"
    "Liisa Lahti,liisa@example.org\nOlli Orava,olli@example.org\n"
)
MINUTES = """Pihatoimikunta

MUISTIO 2/2027

Aika        Ti 25.5.2027 klo 17-18.30
Paikka      Kerhohuone, Vaahterakuja 3

Osallistujat
Maija Mehiläinen, pj.
Kalle Kärsämö
Liisa Lahti
Olli Orava, siht.

1 Kokouksen avaus

Puheenjohtaja avasi kokouksen ja totesi sen päätösvaltaiseksi.

2 Kevättalkoot

Keskusteltiin kevättalkoiden järjestelyistä ja pihan istutuksista.

- Kalle Kärsämö tilaa lavan ja multasäkit 1.6. mennessä.
- {liisa}
{olli}
3 Seuraava kokous

Seuraava kokous {next} klo 17-18.30, Kerhohuone.
"""
LIISA = "Liisa Lahti laatii talkookutsun ilmoitustauluille."
OLLI = "- Olli Orava selvittää keinulle uuden turva-alustan hinnan.\n"


def minutes(*, liisa: str = LIISA, olli: str = OLLI, next_meeting: str = "ma 21.6.2027") -> str:
    """The invented minutes, with the parts a correction changes."""
    return MINUTES.format(liisa=liisa, olli=olli, next=next_meeting)


@pytest.fixture
def env(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """The committee's roster in the database, a loopback SMTP server, the clock the morning after."""
    from services.roster import import_people

    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    with session_scope(engine_for(database_url)) as session:
        import_people(session, roster, body=BODY)
    with smtp_server() as server:
        point_at_smtp(monkeypatch, database_url=database_url, data_dir=tmp_path, port=server.port)
        with use_clock(FixedClock(NOW)):
            yield {"url": database_url, "dir": tmp_path, "server": server}


def write(env: dict[str, Any], name: str, text: str) -> str:
    path = env["dir"] / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def ingest(env: dict[str, Any], name: str, text: str) -> dict[str, Any]:
    from services.config import load_settings
    from services.ingest import ingest_file

    return ingest_file(write(env, name, text), settings=load_settings())


def outbox(url: str) -> list[tuple[str, str]]:
    """(kind, recipient) of every queued mail, in order."""
    with session_scope(engine_for(url)) as session:
        return [(m.kind, m.recipient) for m in session.exec(select(OutboxMessage).order_by(OutboxMessage.id))]  # type: ignore[arg-type]


def items(url: str, meeting_id: int) -> dict[int, tuple[str, str]]:
    """id -> (status, text) of the meeting's action items."""
    with session_scope(engine_for(url)) as session:
        rows = session.exec(select(ActionItem).where(ActionItem.meeting_id == meeting_id))
        return {i.id or 0: (i.status.value, i.text) for i in rows}


def meetings(url: str) -> dict[str, tuple[str, int]]:
    """date -> (status, sequence) of every meeting."""
    with session_scope(engine_for(url)) as session:
        return {m.date.isoformat(): (m.status.value, m.sequence) for m in session.exec(select(Meeting))}


def mark_done(url: str, meeting_id: int, starts: str) -> int:
    """The secretary ticks off the item whose text starts so; returns its id."""
    from services.store import mark_done as done

    [item_id] = [i for i, (_, text) in items(url, meeting_id).items() if text.startswith(starts)]
    with session_scope(engine_for(url)) as session:
        done(item_id, session=session, actor="Olli Orava", now=NOW)
    return item_id


def test_a_correction_editing_text_keeps_a_done_item_and_needs_no_approval(env: dict[str, Any]) -> None:
    first = ingest(env, "muistio.txt", minutes())
    assert first["status"] == "stored" and len(outbox(env["url"])) == 4
    liisa = mark_done(env["url"], first["meeting_id"], "Liisa")

    edited = LIISA.replace("ilmoitustauluille.", "ilmoitustauluille ja taloyhtiön kotisivuille.")
    second = ingest(env, "muistio-korjattu.txt", minutes(liisa=edited))

    assert second["status"] == "updated", second
    assert (second["created"], second["cancelled"]) == (0, 0)
    now = items(env["url"], first["meeting_id"])
    assert len(now) == 3
    assert now[liisa][0] == "done" and "kotisivuille" in now[liisa][1]  # same id, still done
    assert len(outbox(env["url"])) == 4  # nothing new to send


def test_a_correction_that_cancels_and_moves_is_held_then_approved(env: dict[str, Any]) -> None:
    from services.config import load_settings
    from services.corrections import approve, list_pending_changes
    from services.invitations import deliver_invitations

    first = ingest(env, "muistio.txt", minutes())
    held_id = first["meeting_id"]
    assert len(env["server"].handler.envelopes) == 4  # the first invitations went out
    liisa = mark_done(env["url"], held_id, "Liisa")
    before_items, before_meetings = items(env["url"], held_id), meetings(env["url"])

    edited = LIISA.replace("laatii", "kirjoittaa").replace(".", " ja jakaa sen.")
    text = minutes(liisa=edited, olli="", next_meeting="ma 28.6.2027")
    held = ingest(env, "muistio-korjattu.txt", text)

    assert held["status"] == "pending" and held["meeting_id"] == held_id, held
    assert held["reason"] == "the correction cancels 1 action item and cancels or moves the next meeting"
    # Nothing changed and nothing was queued before the secretary's word.
    assert items(env["url"], held_id) == before_items and meetings(env["url"]) == before_meetings
    assert len(outbox(env["url"])) == 4
    with session_scope(engine_for(env["url"])) as session:
        [view] = list_pending_changes(session)
    assert view.kind == "correction" and view.meeting_id == held_id
    lines = "\n".join(c["line"] for c in view.changes)
    assert f"item {liisa} stays done" in lines
    assert "cancelled: 'Olli Orava selvittää" in lines
    assert "next meeting 2027-06-21" in lines and "4 invited get a CANCEL" in lines
    # The same file again is still the one held change, not a second one.
    assert ingest(env, "muistio-korjattu.txt", text)["status"] == "pending"

    cfg = load_settings()
    outcome = approve(str(held_id), settings=cfg, actor="Olli Orava")
    deliver_invitations(outcome["meeting_ids"], settings=cfg)

    assert outcome["what"] == "correction" and outcome["result"]["cancelled"] == 1
    after = items(env["url"], held_id)
    assert after[liisa][0] == "done" and after[liisa][1].startswith("Liisa Lahti kirjoittaa")
    assert sorted(s for s, _ in after.values()) == ["cancelled", "done", "open"]
    assert meetings(env["url"])["2027-06-21"] == ("cancelled", 1)
    assert meetings(env["url"])["2027-06-28"] == ("scheduled", 0)
    kinds = [k for k, _ in outbox(env["url"])]
    assert kinds == ["request"] * 4 + ["cancel"] * 4 + ["request"] * 4
    assert len(env["server"].handler.envelopes) == 12
    with session_scope(engine_for(env["url"])) as session:
        assert list_pending_changes(session) == []
        [change] = session.exec(select(PendingChange)).all()
        assert change.status == PendingStatus.approved and change.decided_by == "Olli Orava"


def test_a_document_sharing_only_body_and_date_cancels_nothing_and_discarding_keeps_all(
    env: dict[str, Any],
) -> None:
    from services.config import load_settings
    from services.corrections import discard

    first = ingest(env, "muistio.txt", minutes())
    before_items, before_meetings = items(env["url"], first["meeting_id"]), meetings(env["url"])
    sent = len(env["server"].handler.envelopes)
    other = (
        "Pihatoimikunta\n\nTiedote 25.5.2027\n\nPihan grillikatos on suljettu remontin ajaksi. "
        "Avaimet saa isännöitsijältä.\n"
    )
    held = ingest(env, "tiedote.txt", other)

    assert held["status"] == "pending", held
    assert held["reason"].startswith("not recognisably the minutes stored for 2027-05-25 (muistio.txt)")
    discarded = discard(str(first["meeting_id"]), settings=load_settings(), actor="Olli Orava")

    assert discarded["file_name"] == "tiedote.txt"
    assert items(env["url"], first["meeting_id"]) == before_items
    assert meetings(env["url"]) == before_meetings
    assert len(outbox(env["url"])) == 4 and len(env["server"].handler.envelopes) == sent
    with session_scope(engine_for(env["url"])) as session:
        [change] = session.exec(select(PendingChange)).all()
        assert change.status == PendingStatus.discarded


def test_a_low_confidence_next_meeting_holds_invitations_whatever_the_body_says(
    env: dict[str, Any],
) -> None:
    from services.config import load_settings
    from services.ingest import store_minutes
    from services.parsing import parse_minutes

    class Unsure(NextMeeting):
        confidence: float = 0.6

    cfg = load_settings()
    document, extraction = parse_minutes(write(env, "muistio.txt", minutes()), settings=cfg)
    assert extraction.next_meeting is not None
    extraction.next_meeting = Unsure(**extraction.next_meeting.model_dump())
    result = store_minutes(extraction, document, settings=cfg)

    [plan] = result["invitations"]
    assert plan["hold_reason"] == "next-meeting confidence 0.6 < 0.8" and plan["enqueued"] == 0
    assert outbox(env["url"]) == []


def cli(*args: str) -> Any:
    from cli.main import app

    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_cli_ingest_holds_invitations_to_a_doubtful_date_until_approved(env: dict[str, Any]) -> None:
    path = write(env, "muistio.txt", minutes(next_meeting="ke 21.6.2027"))  # 21.6.2027 is a Monday

    stored = cli("ingest", path)

    assert stored.exit_code == 0, stored.output
    with session_scope(engine_for(env["url"])) as session:
        nxt = session.exec(select(Meeting).where(Meeting.status == MeetingStatus.scheduled)).one()
    line = (
        "  invitations for 2027-06-21 held: next meeting: weekday 'ke' does not match 2027-06-21, "
        f"a Monday; the date is kept; `muistio approve {nxt.id}`"
    )
    assert line in stored.stdout.splitlines()
    assert outbox(env["url"]) == [] and env["server"].handler.envelopes == []
    assert cli("invite", str(nxt.id)).exit_code == 1  # not by the back door either
    assert "  invitations for 2027-06-21 held: next meeting: weekday" in cli("show", "2027-05-25").stdout

    waiting = cli("changes")
    assert waiting.exit_code == 0
    assert f"meeting {nxt.id} (Pihatoimikunta 2027-06-21): invitations held" in waiting.stdout

    approved = cli("approve", str(nxt.id), "--by", "Olli Orava")

    assert approved.exit_code == 0, approved.output
    assert "approved: 4 recipients, 4 newly queued" in approved.stdout
    assert len(env["server"].handler.envelopes) == 4
    assert cli("changes").stdout.strip() == "nothing waits for approval"


def test_cli_changes_approve_and_discard_a_held_correction(env: dict[str, Any]) -> None:
    first = cli("ingest", write(env, "muistio.txt", minutes()))
    assert first.exit_code == 0, first.output
    mid = "1"
    held = cli("ingest", write(env, "korjattu.txt", minutes(olli="")))
    assert held.exit_code == 0, held.output
    assert (
        "held as a correction of Pihatoimikunta 2027-05-25 (meeting 1): the correction cancels 1"
        in held.stdout
    )

    detail = cli("show", mid)
    assert "  correction from korjattu.txt held: the correction cancels 1 action item;" in detail.stdout

    shown = cli("changes", mid)
    assert shown.exit_code == 0
    assert "correction from korjattu.txt held" in shown.stdout
    assert "  ! item 3 (open) cancelled: 'Olli Orava selvittää" in shown.stdout

    dropped = cli("discard", mid, "--by", "Olli Orava")
    assert dropped.exit_code == 0 and "nothing changed, nothing sent" in dropped.stdout
    assert cli("discard", mid).exit_code == 1  # nothing left to discard: one line
    assert items(env["url"], 1)[3][0] == "open"
    assert [k for k, _ in outbox(env["url"])] == ["request"] * 4


def test_the_mail_of_an_interrupted_store_is_queued_by_a_later_run(env: dict[str, Any]) -> None:
    from services.config import load_settings
    from services.ingest import queue_unqueued
    from services.parsing import parse_minutes
    from services.store import store_extraction

    cfg = load_settings()
    document, extraction = parse_minutes(write(env, "muistio.txt", minutes()), settings=cfg)
    with session_scope(engine_for(env["url"])) as session:  # the run stops right after its store
        store_extraction(extraction, document, session=session, now=NOW, uid_domain="muistio.test")
    assert outbox(env["url"]) == []
    assert queue_unqueued(settings=cfg) == []  # a moment later it may still be composing

    with use_clock(FixedClock(NOW + dt.timedelta(minutes=11))):
        [plan] = queue_unqueued(settings=cfg)
        assert queue_unqueued(settings=cfg) == []  # once
    assert plan["enqueued"] == 4 and [k for k, _ in outbox(env["url"])] == ["request"] * 4
