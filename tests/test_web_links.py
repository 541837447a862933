"""Signed mark-done links: GET confirms, POST marks done once; expired, reused, forged links do nothing."""

from __future__ import annotations

import datetime as dt
import email
import re
from email import policy
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from services.clock import FixedClock, use_clock
from tests.web_support import NOW, make_app, make_item, sessions, settings_for

PUBLIC = "https://desk.example.org"


@pytest.fixture
def linked(database_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """An app with a public URL (SQLite and PostgreSQL), one overdue item, and its owner's link."""
    from services.links import done_link

    settings = settings_for(database_url, tmp_path, public_url=PUBLIC)
    app = make_app(settings)
    ids = make_item(settings, due=dt.date(2026, 2, 1))
    url = done_link(ids["item"], ids["person"], settings=settings, now=NOW)
    assert url is not None and url.startswith(f"{PUBLIC}/l/")
    return app, settings, ids, url.removeprefix(PUBLIC)


def _status(settings, item_id: int) -> str:  # type: ignore[no-untyped-def]
    from models import ActionItem

    with sessions(settings)() as db:
        item = db.get(ActionItem, item_id)
        assert item is not None
        return item.status.value


def _history(settings, item_id: int):  # type: ignore[no-untyped-def]
    from services.store import item_history

    with sessions(settings)() as db:
        return [(e.actor, e.kind, e.new, e.note) for e in item_history(item_id, session=db)]


def test_get_confirms_post_marks_done_once(linked) -> None:  # type: ignore[no-untyped-def]
    app, settings, ids, path = linked
    with use_clock(FixedClock(NOW + dt.timedelta(days=1))), TestClient(app) as client:
        for _ in range(3):  # mail scanners follow links: nothing may change
            page = client.get(path)
            assert page.status_code == 200 and "Laatii budjetin" in page.text
            assert page.headers["referrer-policy"] == "no-referrer"
            assert page.headers["cache-control"] == "no-store"
            assert "<script" not in page.text
        assert _status(settings, ids["item"]) == "open"
        done = client.post(path, data={"note": "lähetetty"})
        assert done.status_code == 200 and 'id="link-outcome"' in done.text
        assert _status(settings, ids["item"]) == "done"
        before = _history(settings, ids["item"])
        assert before[-1] == ("Maija Meikäläinen from the mail", "status", "done", "lähetetty")
        again = client.post(path)
        assert again.status_code == 409 and "jo käytetty" in again.text
        assert client.get(path).status_code == 409
        assert _history(settings, ids["item"]) == before


def test_reused_link_after_reopen_changes_nothing(linked) -> None:  # type: ignore[no-untyped-def]
    app, settings, ids, path = linked
    from services.store import reopen_item

    with use_clock(FixedClock(NOW)), TestClient(app) as client:
        assert client.post(path).status_code == 200
        with sessions(settings)() as db:
            reopen_item(ids["item"], session=db, actor="Sihteeri", now=NOW)
        assert client.post(path).status_code == 409
        assert _status(settings, ids["item"]) == "open"


def test_expired_link_changes_nothing_and_says_so(linked) -> None:  # type: ignore[no-untyped-def]
    app, settings, ids, path = linked
    with use_clock(FixedClock(NOW + dt.timedelta(days=settings.link_days + 2))), TestClient(app) as client:
        page = client.get(path)
        assert page.status_code == 410 and "vanhentunut" in page.text and 'href="/login"' in page.text
        assert client.post(path).status_code == 410
    assert _status(settings, ids["item"]) == "open"


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-3] + ("aaa" if not t.endswith("aaa") else "bbb"),  # forged signature
        lambda t: re.sub(r"^/l/(\d+)-", lambda m: f"/l/{int(m.group(1)) + 1}-", t),  # another item
        lambda t: t.split(".")[0],  # no signature
        lambda t: "/l/%3Cscript%3E",
    ],
)
def test_forged_links_do_nothing(linked, mangle) -> None:  # type: ignore[no-untyped-def]
    app, settings, ids, path = linked
    with use_clock(FixedClock(NOW)), TestClient(app) as client:
        assert client.get(mangle(path)).status_code in (400, 404)
        assert client.post(mangle(path)).status_code in (400, 404)
    assert _status(settings, ids["item"]) == "open"


def test_no_public_url_no_link(tmp_path: Path) -> None:
    from services.links import done_link

    settings = settings_for(f"sqlite:///{tmp_path / 'x.db'}", tmp_path)
    assert done_link(1, 2, settings=settings, now=NOW) is None


def _digest_eml(settings, as_of: dt.date) -> email.message.EmailMessage:  # type: ignore[no-untyped-def]
    from services.digests import compose_digests

    with sessions(settings)() as db:
        plan = compose_digests(db, as_of, settings=settings, now=NOW)
    assert len(plan.mails) == 1
    parsed = email.message_from_bytes(bytes(plan.mails[0].message), policy=policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    return parsed


def _bodies(message: email.message.EmailMessage) -> tuple[str, str]:
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


def test_digest_carries_the_link_or_else_the_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'd.db'}"
    plain = settings_for(url, tmp_path)
    make_app(plain)
    ids = make_item(plain, due=dt.date(2026, 2, 1))
    text, html = _bodies(_digest_eml(plain, dt.date(2026, 3, 2)))
    assert f"muistio item done {ids['item']}" in text and "/l/" not in text
    linked = settings_for(url, tmp_path, public_url=PUBLIC)
    text, html = _bodies(_digest_eml(linked, dt.date(2026, 3, 2)))
    assert "muistio item done" not in text and "muistio item done" not in html
    link = re.search(rf"{re.escape(PUBLIC)}/l/\S+", text)
    assert link is not None and f'href="{link.group(0)}"' in html
    from services.links import read_token

    claim = read_token(link.group(0).rsplit("/", 1)[1], secret=linked.secret_key, now=NOW)
    assert (claim.item_id, claim.person_id) == (ids["item"], ids["person"])
    assert claim.expires - NOW >= dt.timedelta(days=14)
