"""The weekly digest of overdue action items: composition, grouping, once per ISO week, real delivery."""

from __future__ import annotations

import datetime as dt
import email
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from smtp_support import mail_settings, point_at_smtp, smtp_server
from sqlalchemy.engine import Engine
from sqlmodel import select
from typer.testing import CliRunner

from models.session import session_scope
from models.tables import (
    ActionItem,
    ActionItemOwner,
    ActionStatus,
    Body,
    Meeting,
    MeetingStatus,
    OutboxMessage,
    Person,
)
from muistio.digest import (
    OverdueItem,
    Owner,
    compose_digest,
    digest_subject,
    group_digests,
    iso_week,
    late_phrase,
    parse_mail,
)
from muistio.mail import message_bytes
from muistio.settings import Settings
from services.db import engine_for
from services.digests import deliver_digests, enqueue_digests, load_overdue
from services.transport import SMTPTransport

MONDAY = dt.date(2026, 3, 2)  # ISO week 2026-W10
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)  # 08:00 in Helsinki
SCRIPT = "Korjata <script>alert(1)</script> & tarkistaa"
ORG = Owner("Pekka Järvinen", "pekka@example.org")
SANNA = Owner("Sanna Mäkelä", "sanna@example.org", "fi")
JYRKI = Owner("Jyrki Virtanen", "jyrki@example.org", "en")
ASA = Owner("Åsa Öhman")


def item(n: int, due: dt.date, *owners: Owner, text: str = "Tehtävä", organizer: Owner = ORG) -> OverdueItem:
    return OverdueItem(
        id=n, text=text, due=due, meeting_date=dt.date(2026, 2, 16), body="Ohjausryhmä",
        organizer=organizer, owners=owners, due_phrase="helmikuun loppuun",
    )  # fmt: skip


def compose(digest: Any, as_of: dt.date = MONDAY) -> EmailMessage:
    return compose_digest(
        digest, as_of, stamp=NOW, sender=("muistio", "muistio@example.org"),
        secret_key="test-secret", message_id_domain="muistio.test",
    )  # fmt: skip


def parts(msg: EmailMessage) -> tuple[str, str]:
    """(plain text, HTML) of a digest after checking its MIME shape."""
    assert msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


# --- composition (pure) ------------------------------------------------------------------------


def test_finnish_digest_lists_items_with_lateness_meeting_and_done_command() -> None:
    grouping = group_digests(
        [item(7, dt.date(2026, 2, 27), SANNA, text=SCRIPT), item(9, dt.date(2026, 3, 1), SANNA)]
    )
    (digest,) = grouping.digests
    msg = compose(digest)
    assert msg["Subject"] == "Myöhässä olevat tehtävät (2) – viikko 10"
    assert msg["To"] == "Sanna Mäkelä <sanna@example.org>"
    assert msg["Auto-Submitted"] == "auto-generated"
    text, html = parts(msg)
    assert "1. " + SCRIPT in text  # plain text is not escaped
    assert 'Määräaika: 27.2.2026 ("helmikuun loppuun"), myöhässä 3 päivää' in text
    assert "myöhässä 1 päivä\n" in text
    assert "Kokous: Ohjausryhmä 16.2.2026" in text
    assert "Merkitse tehdyksi: muistio item done 7" in text and "muistio item done 9" in text
    assert "<script>" not in html
    assert "Korjata &lt;script&gt;alert(1)&lt;/script&gt; &amp; tarkistaa" in html
    assert '<html lang="fi">' in html and "<code>muistio item done 7</code>" in html


def test_english_by_the_persons_language_else_the_bodys() -> None:
    grouping = group_digests([item(1, dt.date(2026, 2, 20), JYRKI), item(2, dt.date(2026, 2, 20), SANNA)])
    by_mail = {d.email: compose(d) for d in grouping.digests}
    assert by_mail["jyrki@example.org"]["Subject"] == "Overdue action items (1) – week 10"
    text, _ = parts(by_mail["jyrki@example.org"])
    assert 'Due: 20 February 2026 ("helmikuun loppuun"), 10 days overdue' in text
    assert "Meeting: Ohjausryhmä 16 February 2026" in text and "Mark it done: muistio item done 1" in text
    english_body = OverdueItem(
        id=3, text="x", due=dt.date(2026, 2, 1), meeting_date=dt.date(2026, 1, 5), body="Board",
        organizer=ORG, owners=(Owner("No Lang", "nolang@example.org"),), body_language="en",
    )  # fmt: skip
    (digest,) = group_digests([english_body]).digests
    assert compose(digest)["Subject"] == "Overdue action items (1) – week 10"
    assert digest_subject(3, dt.date(2026, 11, 23), "fi") == "Myöhässä olevat tehtävät (3) – viikko 48"
    assert late_phrase(1, "en") == "1 day overdue" and late_phrase(2, "fi") == "myöhässä 2 päivää"


def test_same_input_same_bytes_and_a_week_keyed_message_id() -> None:
    (digest,) = group_digests([item(1, dt.date(2026, 2, 20), SANNA)]).digests
    first, again = compose(digest), compose(digest)
    assert message_bytes(first) == message_bytes(again)
    later_same_week = compose(digest, dt.date(2026, 3, 5))
    next_week = compose(digest, dt.date(2026, 3, 9))
    assert later_same_week["Message-ID"] == first["Message-ID"]
    assert next_week["Message-ID"] != first["Message-ID"]
    assert iso_week(dt.date(2025, 12, 29)) == "2026-W01"  # the ISO year, not the calendar year


def test_grouping_two_owners_both_get_it_unreachable_owners_go_to_the_organizer() -> None:
    shared = item(1, dt.date(2026, 2, 20), SANNA, JYRKI)
    half = item(2, dt.date(2026, 2, 21), SANNA, ASA)
    office = item(3, dt.date(2026, 2, 22), Owner("Kaupungin tekninen toimi"))
    nobody = item(4, dt.date(2026, 2, 23))
    bad = item(5, dt.date(2026, 2, 24), Owner("Typo", "not-an-address"))
    grouping = group_digests([office, half, shared, nobody, bad])
    by_mail = {d.email: d for d in grouping.digests}
    assert sorted(by_mail) == ["jyrki@example.org", "pekka@example.org", "sanna@example.org"]
    assert [i.id for i in by_mail["sanna@example.org"].own] == [1, 2]
    assert [i.id for i in by_mail["jyrki@example.org"].own] == [1]
    pekka = by_mail["pekka@example.org"]
    assert pekka.own == [] and [i.id for i in pekka.unreachable] == [2, 3, 4, 5]
    text, _ = parts(compose(pekka))
    assert "Vastuuhenkilöt: Åsa Öhman (ei sähköpostiosoitetta)" in text
    assert "Vastuuhenkilöt: Kaupungin tekninen toimi (ei sähköpostiosoitetta)" in text
    assert "Vastuuhenkilöt: ei vastuuhenkilöä" in text and "Vastuuhenkilöt: Typo" in text
    sanna_text, _ = parts(compose(by_mail["sanna@example.org"]))
    assert "Myös vastuussa: Jyrki Virtanen" in sanna_text and "Myös vastuussa: Åsa Öhman" in sanna_text
    assert grouping.undeliverable == []


def test_an_item_nobody_can_be_told_about_is_reported_not_dropped() -> None:
    lost = item(1, dt.date(2026, 2, 20), ASA, organizer=Owner("Sihteeri", None))
    grouping = group_digests([lost])
    assert grouping.digests == [] and [i.id for i in grouping.undeliverable] == [1]


# --- the database: selection, one transaction, once per ISO week ------------------------------


def seed(engine: Engine) -> dict[str, int]:
    """A body with three people (one without address), overdue, done, future and undated items."""
    with session_scope(engine) as s:
        body = Body(name="Ohjausryhmä", organizer_name="Pekka Järvinen", organizer_email="pekka@example.org")
        s.add(body)
        s.flush()
        assert body.id is not None
        sanna = Person(name="Sanna Mäkelä", email="sanna@example.org", language="fi", body_id=body.id)
        jyrki = Person(name="Jyrki Virtanen", email="jyrki@example.org", language="en", body_id=body.id)
        asa = Person(name="Åsa Öhman", email=None, body_id=body.id)
        s.add_all([sanna, jyrki, asa])
        meeting = Meeting(
            body_id=body.id, date=dt.date(2026, 2, 16), status=MeetingStatus.held, calendar_uid="held@test"
        )
        s.add(meeting)
        s.flush()
        assert meeting.id is not None
        ids: dict[str, int] = {}

        def add(key: str, text: str, due: dt.date | None, owners: list[Any], **kw: Any) -> None:
            row = ActionItem(
                meeting_id=meeting.id, key=key, text=text, quote=text, due_date=due,  # type: ignore[arg-type]
                created_at=NOW, updated_at=NOW, **kw,
            )  # fmt: skip
            s.add(row)
            s.flush()
            assert row.id is not None
            ids[key] = row.id
            for owner in owners:
                if isinstance(owner, str):
                    s.add(ActionItemOwner(action_item_id=row.id, name=owner))
                else:
                    s.add(ActionItemOwner(action_item_id=row.id, person_id=owner.id, name=owner.name))

        add("shared", SCRIPT, dt.date(2026, 2, 27), [sanna, jyrki])
        add("budget", "Send the budget", dt.date(2026, 3, 1), [jyrki])
        add("office", "Korjata valaistus", dt.date(2026, 2, 20), ["Kaupungin tekninen toimi"])
        add("asa", "Tilata kahvit", dt.date(2026, 2, 25), [asa])
        add("done", "Jo tehty", dt.date(2026, 2, 1), [sanna], status=ActionStatus.done)
        add("future", "Ei vielä", dt.date(2026, 3, 10), [sanna])
        add("undated", "Joskus", None, [sanna])
        add("today", "Tänään", MONDAY, [sanna])  # due today is not overdue yet
        return ids


def outbox(engine: Engine) -> list[OutboxMessage]:
    with session_scope(engine) as s:
        return list(s.exec(select(OutboxMessage).order_by(OutboxMessage.id)))  # type: ignore[arg-type]


def queue(engine: Engine, cfg: Settings, as_of: dt.date, now: dt.datetime = NOW) -> Any:
    with session_scope(engine) as s:
        return enqueue_digests(s, as_of, settings=cfg, now=now)


def test_overdue_selection_and_one_digest_per_recipient_per_week(engine: Engine, tmp_path: Path) -> None:
    ids = seed(engine)
    cfg = mail_settings(tmp_path)
    with session_scope(engine) as s:
        found = load_overdue(s, MONDAY, settings=cfg)
    assert sorted(i.id for i in found) == sorted(ids[k] for k in ("shared", "budget", "office", "asa"))
    plan = queue(engine, cfg, MONDAY)
    assert plan.enqueued == 3 and plan.overdue == 4 and plan.undeliverable == []
    rows = outbox(engine)
    assert sorted(r.key for r in rows) == [
        "digest|2026-W10|jyrki@example.org", "digest|2026-W10|pekka@example.org",
        "digest|2026-W10|sanna@example.org",
    ]  # fmt: skip
    assert {r.kind for r in rows} == {"digest"} and all(r.meeting_id is None for r in rows)
    # A late or repeated run in the same ISO week (Thursday, hours later) queues nothing new.
    again = queue(engine, cfg, dt.date(2026, 3, 5), NOW + dt.timedelta(days=3))
    assert again.enqueued == 0 and len(again.keys) == 3 and len(outbox(engine)) == 3
    # Next week the still-overdue items come again, the one due last Monday joins, a done item drops out.
    with session_scope(engine) as s:
        shared = s.get(ActionItem, ids["shared"])
        assert shared is not None
        shared.status = ActionStatus.done
        s.add(shared)
    nxt = queue(engine, cfg, dt.date(2026, 3, 9), NOW + dt.timedelta(days=7))
    assert nxt.enqueued == 3 and nxt.week == "2026-W11"
    assert sorted(i.id for i in load_overdue_at(engine, cfg, dt.date(2026, 3, 9))) == sorted(
        ids[k] for k in ("budget", "office", "asa", "today")
    )
    week11 = {r.recipient: parse_mail(r.raw) for r in outbox(engine) if "2026-W11" in r.key}
    sanna_text, _ = parts(week11["sanna@example.org"])
    assert f"muistio item done {ids['today']}" in sanna_text and "Korjata" not in sanna_text
    assert week11["jyrki@example.org"]["Subject"] == "Overdue action items (1) – week 11"
    assert len(outbox(engine)) == 6


def load_overdue_at(engine: Engine, cfg: Settings, as_of: dt.date) -> list[OverdueItem]:
    with session_scope(engine) as s:
        return load_overdue(s, as_of, settings=cfg)


def test_enqueue_is_one_transaction(engine: Engine, tmp_path: Path) -> None:
    seed(engine)
    with pytest.raises(RuntimeError), session_scope(engine) as s:
        enqueue_digests(s, MONDAY, settings=mail_settings(tmp_path), now=NOW)
        raise RuntimeError("the run dies before commit")
    assert outbox(engine) == []


def received(server: Any) -> dict[str, EmailMessage]:
    out = {}
    for envelope in server.handler.envelopes:
        msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=default)
        out[envelope.rcpt_tos[0]] = msg
    return out


def test_delivered_through_a_real_smtp_server_once_per_week(engine: Engine, tmp_path: Path) -> None:
    seed(engine)
    cfg = mail_settings(tmp_path)
    with smtp_server() as server:
        transport = SMTPTransport(host="127.0.0.1", port=server.port, security="none", timeout=5)
        plan = queue(engine, cfg, MONDAY)
        report = deliver_digests(
            lambda: session_scope(engine), transport, settings=cfg, now=NOW, keys=plan.keys
        )
        assert len(report.sent) == 3 and report.failed == []
        again = queue(engine, cfg, MONDAY, NOW + dt.timedelta(hours=5))
        repeat = deliver_digests(
            lambda: session_scope(engine), transport, settings=cfg, now=NOW, keys=again.keys
        )
        assert repeat.sent == [] and again.enqueued == 0
    mails = received(server)
    assert sorted(mails) == ["jyrki@example.org", "pekka@example.org", "sanna@example.org"]
    assert all(e.mail_from == "muistio@example.org" for e in server.handler.envelopes)
    assert mails["sanna@example.org"]["Subject"] == "Myöhässä olevat tehtävät (1) – viikko 10"
    assert mails["jyrki@example.org"]["Subject"] == "Overdue action items (2) – week 10"
    assert mails["jyrki@example.org"]["Reply-To"] == "Pekka Järvinen <pekka@example.org>"
    pekka_text, _ = parts(mails["pekka@example.org"])
    assert "Kaupungin tekninen toimi (ei sähköpostiosoitetta)" in pekka_text
    assert "Åsa Öhman (ei sähköpostiosoitetta)" in pekka_text
    _, sanna_html = parts(mails["sanna@example.org"])
    assert "&lt;script&gt;" in sanna_html and "<script>" not in sanna_html
    assert all(r.status == "sent" for r in outbox(engine))


# --- CLI and the Prefect flow --------------------------------------------------------------------


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("MUISTIO_DATABASE_URL", database_url)
    monkeypatch.setenv("MUISTIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MUISTIO_SECRET_KEY", "test-secret")
    monkeypatch.delenv("MUISTIO_SMTP_HOST", raising=False)
    yield CliRunner()


def test_cli_dry_run_writes_eml_and_records_nothing_then_a_real_run_sends_once(
    cli: CliRunner, engine: Engine, tmp_path: Path
) -> None:
    from cli.main import app

    seed(engine)
    out = tmp_path / "preview"
    dry = cli.invoke(app, ["digest", "--as-of", "2026-03-02", "--dry-run", "--out", str(out)])
    assert dry.exit_code == 0, dry.output
    assert "digest 2026-W10 (as of 2026-03-02): 4 overdue items, 3 recipients" in dry.output
    assert sorted(p.name for p in out.iterdir()) == [
        "digest-2026-W10-jyrki@example.org.eml", "digest-2026-W10-pekka@example.org.eml",
        "digest-2026-W10-sanna@example.org.eml",
    ]  # fmt: skip
    preview = email.message_from_bytes(
        (out / "digest-2026-W10-pekka@example.org.eml").read_bytes(), policy=default
    )
    assert preview["Subject"] == "Myöhässä olevat tehtävät (2) – viikko 10"
    assert outbox(engine) == [] and not (tmp_path / "data" / "maildir").exists()
    sent = cli.invoke(app, ["digest", "--as-of", "2026-03-02"])
    assert sent.exit_code == 0, sent.output
    assert "3 newly queued" in sent.output and "3 sent" in sent.output
    repeat = cli.invoke(app, ["digest", "--as-of", "2026-03-04"])
    assert "0 newly queued" in repeat.output and "0 sent" in repeat.output
    assert len(list((tmp_path / "data" / "maildir" / "new").iterdir())) == 3
    bad = cli.invoke(app, ["digest", "--as-of", "maanantaina"])
    assert (
        bad.exit_code == 1 and bad.stderr.strip() == "muistio: --as-of 'maanantaina' is not a date YYYY-MM-DD"
    )


@pytest.mark.prefect
def test_weekly_digest_flow(
    prefect_harness: None, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.digest import weekly_digest
    from services.clock import FixedClock, use_clock

    engine = engine_for(database_url)
    seed(engine)
    with smtp_server() as server:
        point_at_smtp(monkeypatch, database_url=database_url, data_dir=tmp_path, port=server.port)
        with use_clock(FixedClock(NOW)):
            first = weekly_digest()  # as_of: today in Helsinki, Monday 2.3.2026
            late = weekly_digest("2026-03-06")  # a late run in the same week
    assert first["plan"]["week"] == "2026-W10" and first["plan"]["enqueued"] == 3
    assert len(first["delivery"]["sent"]) == 3
    assert late["plan"]["enqueued"] == 0 and late["delivery"]["sent"] == []
    assert len(server.handler.envelopes) == 3
