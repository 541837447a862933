"""Uploading minutes on the desk: held for review; approve sends the invitations, discard takes back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from services.clock import FixedClock, use_clock
from tests.conftest import SHARED
from tests.web_support import add_user, logged_in, make_app, sessions, settings_for

SEED = SHARED / "minutes" / "diginyt-2018-05-22.txt"
DAY_AFTER = dt.datetime(2018, 5, 23, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def desk(database_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """An app on SQLite and PostgreSQL with one admin; the clock stands on the day after the seed meeting."""
    if not SEED.exists():
        pytest.skip(f"the seed minutes are not at {SEED}")
    settings = settings_for(database_url, tmp_path)
    app = make_app(settings)
    add_user(settings, "admin")
    with use_clock(FixedClock(DAY_AFTER)):
        yield app, settings


def _upload(client, token: str, name: str = "diginyt.txt", data: bytes | None = None):  # type: ignore[no-untyped-def]
    payload = SEED.read_bytes() if data is None else data
    return client.post(
        "/upload", data={"csrf": token, "body": ""}, files={"file": (name, payload, "text/plain")},
        follow_redirects=False,
    )  # fmt: skip


def test_discard_takes_back_everything_the_upload_stored(desk, row_counts) -> None:  # type: ignore[no-untyped-def]
    app, settings = desk
    before = row_counts(settings.resolved_database_url)
    with logged_in(app, "admin") as (client, token):
        answer = _upload(client, token, name="../../etc/passwd.txt")
        assert answer.status_code == 303 and answer.headers["location"].startswith("/uploads/")
        review = client.get(answer.headers["location"])
        assert review.status_code == 200 and "passwd.txt" in review.text and "../" not in review.text
        counts = row_counts(settings.resolved_database_url)
        assert counts["actionitem"] > 0 and counts["outboxmessage"] == 0  # invitations held for review
        upload_id = answer.headers["location"].rsplit("/", 1)[1]
        gone = client.post(f"/uploads/{upload_id}/discard", data={"csrf": token}, follow_redirects=False)
        assert gone.status_code == 303
    after = row_counts(settings.resolved_database_url)
    for table in ("actionitem", "actionitemevent", "actionitemowner", "meeting", "sourcedocument",
                  "participation", "agendaitem", "decision", "outboxmessage"):  # fmt: skip
        assert after[table] == before[table], table


def test_approve_queues_the_next_meetings_invitations(desk) -> None:  # type: ignore[no-untyped-def]
    app, settings = desk
    from sqlmodel import select

    from models import Body, OutboxMessage
    from services.roster import make_entry, upsert_people

    with logged_in(app, "admin") as (client, token):
        answer = _upload(client, token)
        upload_id = answer.headers["location"].rsplit("/", 1)[1]
        with sessions(settings)() as db:
            body = db.exec(select(Body)).one()
            upsert_people(db, body, [make_entry("t", "Testi Henkilö", "testi@example.org", None, None, "fi")])
        moved = client.post(
            f"/uploads/{upload_id}/next",
            data={"csrf": token, "date": "21.6.2018", "start": "10:00", "end": "11:30", "place": "Etäyhteys"},
            follow_redirects=False,
        )
        assert moved.status_code == 303
        with sessions(settings)() as db:
            assert db.exec(select(OutboxMessage)).all() == []
        approved = client.post(f"/uploads/{upload_id}/approve", data={"csrf": token}, follow_redirects=False)
        assert approved.status_code == 303
        with sessions(settings)() as db:
            mails = db.exec(select(OutboxMessage)).all()
        assert [m.recipient for m in mails] == ["testi@example.org"]
        import email
        from email import policy

        message = email.message_from_bytes(mails[0].raw, policy=policy.default)
        calendar = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
        ics = calendar.get_payload(decode=True).decode()
        assert "DTSTART;TZID=Europe/Helsinki:20180621T100000" in ics and "Etäyhteys" in ics
        again = client.post(f"/uploads/{upload_id}/approve", data={"csrf": token}, follow_redirects=False)
        assert again.status_code == 400 and "already approved" in again.text


def test_upload_refuses_what_is_not_minutes(desk) -> None:  # type: ignore[no-untyped-def]
    app, _settings = desk
    with logged_in(app, "admin") as (client, token):
        assert _upload(client, token, name="tool.exe", data=b"MZ\x90\x00").status_code == 400
        empty = _upload(client, token, name="empty.txt", data=b"   ")
        assert empty.status_code == 400 and "empty" in empty.text
        twice = _upload(client, token)
        assert twice.status_code == 303
        dup = _upload(client, token)
        assert dup.status_code == 303 and "msg=duplicate" in dup.headers["location"]
