"""Helpers for the desk's tests: an app on a real database, users, rows, and a logged-in client."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from muistio.settings import Settings

PASSWORD = "correct horse battery staple"
SECRET = "test-secret-" + "x" * 32
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def settings_for(url: str, tmp_path: Path, **extra: Any) -> Settings:
    """Settings on the test database, mail to a Maildir under tmp_path."""
    return Settings(
        data_dir=tmp_path,
        database_url=url,
        secret_key=SECRET,
        maildir=tmp_path / "maildir",
        **extra,
    )


def make_app(settings: Settings, *, dev: bool = False) -> FastAPI:
    """The desk app on the settings' database."""
    from web.app import create_app

    return create_app(settings, dev=dev)


def sessions(settings: Settings) -> Any:
    """A transaction factory on the settings' database."""
    from services.db import session_factory

    return session_factory(settings.resolved_database_url)


def add_user(settings: Settings, name: str, *, role: str = "admin", bodies: tuple[str, ...] = ()) -> None:
    """A desk user with PASSWORD."""
    from services.accounts import add_user as add
    from services.bodies import existing_body

    with sessions(settings)() as db:
        found = [existing_body(db, b) for b in bodies]
        add(db, name, PASSWORD, role=role, email=None, bodies=found, now=NOW)


def make_item(
    settings: Settings,
    *,
    body: str = "Hallitus",
    text: str = "Laatii budjetin",
    owner: str = "Maija Meikäläinen",
    email: str | None = "maija@example.org",
    due: dt.date | None = dt.date(2026, 2, 1),
    meeting_day: dt.date = dt.date(2026, 1, 15),
    minutes: str | None = None,
) -> dict[str, int]:
    """A body, a person, a held meeting with its minutes text and one open action item; returns their ids."""
    from sqlmodel import select

    from models import (
        ActionItem,
        ActionItemEvent,
        ActionItemOwner,
        Body,
        Meeting,
        MeetingStatus,
        Person,
        SourceDocument,
    )

    quote = f"{owner} {text.lower()} {due.strftime('%d.%m.%Y') if due else ''}".strip()
    with sessions(settings)() as db:
        b = db.exec(select(Body).where(Body.name == body)).first()
        if b is None:
            b = Body(name=body, organizer_name="Sihteeri", organizer_email="sihteeri@example.org")
            db.add(b)
            db.flush()
        p = db.exec(select(Person).where(Person.name == owner, Person.body_id == b.id)).first()
        if p is None:
            p = Person(name=owner, email=email, body_id=b.id, language="fi")
            db.add(p)
            db.flush()
        m = db.exec(select(Meeting).where(Meeting.body_id == b.id, Meeting.date == meeting_day)).first()
        if m is None:
            m = Meeting(
                body_id=b.id or 0,
                date=meeting_day,
                status=MeetingStatus.held,
                calendar_uid=f"{body}-{meeting_day}@test",
            )
            db.add(m)
            db.flush()
            text_of_minutes = minutes or f"Pöytäkirja\n\n1. Talous\n\n{quote}.\n\nKokous päätettiin."
            db.add(
                SourceDocument(
                    sha256=f"{m.id}-{body}",
                    file_name="minutes.txt",
                    format="txt",
                    text=text_of_minutes,
                    ingested_at=NOW,
                    meeting_id=m.id,
                )
            )
        count = len(db.exec(select(ActionItem).where(ActionItem.meeting_id == m.id)).all())
        item = ActionItem(
            meeting_id=m.id or 0,
            key=f"k{count}",
            text=text,
            quote=quote,
            due_date=due,
            due_precision="day" if due else None,
            created_at=NOW,
            updated_at=NOW,
            confidence=0.9,
        )
        db.add(item)
        db.flush()
        db.add(ActionItemOwner(action_item_id=item.id or 0, person_id=p.id, name=p.name))
        db.add(ActionItemEvent(action_item_id=item.id or 0, at=NOW, actor="ingest", kind="created", new=text))
        return {"body": b.id or 0, "person": p.id or 0, "meeting": m.id or 0, "item": item.id or 0}


def csrf_of(html: str) -> str:
    """The CSRF token in a page's first form."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> Any:
    """Log the client in through the form; returns the POST's response."""
    page = client.get("/login")
    return client.post(
        "/login",
        data={"username": name, "password": password, "csrf": csrf_of(page.text), "next": "/"},
        follow_redirects=False,
    )


@contextmanager
def logged_in(app: FastAPI, name: str, **kw: Any) -> Iterator[tuple[TestClient, str]]:
    """A client with a session, and the session's CSRF token."""
    with TestClient(app, **kw) as client:
        answer = log_in(client, name)
        assert answer.status_code == 303, answer.text
        token = csrf_of(client.get("/upload").text)
        yield client, token
