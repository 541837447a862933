"""Names and task texts are shown as text: `<script>` from minutes never becomes markup in pages or mails."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path

from tests.web_support import NOW, add_user, logged_in, make_app, make_item, sessions, settings_for

EVIL = "<script>alert(1)</script>\"'&"


def test_script_in_names_and_tasks_is_text_everywhere(tmp_path: Path) -> None:
    settings = settings_for(f"sqlite:///{tmp_path / 'x.db'}", tmp_path, public_url="https://desk.example")
    app = make_app(settings)
    ids = make_item(
        settings,
        body=f"Hallitus {EVIL}",
        text=f"Tilaa {EVIL} kahvit",
        owner=f"Eve {EVIL}",
        email="eve@example.org",
        due=dt.date(2026, 2, 1),
    )
    add_user(settings, "admin")
    pages = ["/", "/items?status=all", f"/items/{ids['item']}", f"/meetings/{ids['meeting']}", "/meetings",
             "/people", "/bodies", f"/bodies/{ids['body']}", "/upload"]  # fmt: skip
    with logged_in(app, "admin", base_url="https://desk.example") as (client, token):
        owners = {"csrf": token, "owners": f"Eve {EVIL}, Mallory {EVIL}", "note": EVIL}
        assert client.post(f"/items/{ids['item']}/assign", data=owners).status_code == 200
        for page in pages:
            html = client.get(page).text
            assert "<script>alert" not in html, page
            assert "<script" not in html, page
        item_page = client.get(f"/items/{ids['item']}").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in item_page
    from services.digests import compose_digests
    from services.links import done_link

    with sessions(settings)() as db:
        plan = compose_digests(db, dt.date(2026, 3, 2), settings=settings, now=NOW)
    assert plan.mails
    for mail in plan.mails:
        parsed = email.message_from_bytes(bytes(mail.message), policy=policy.default)
        assert isinstance(parsed, email.message.EmailMessage)
        html_part = parsed.get_body(("html",))
        assert html_part is not None
        html = str(html_part.get_content())
        assert "<script" not in html and "&lt;script&gt;" in html
    from fastapi.testclient import TestClient

    link = done_link(ids["item"], ids["person"], settings=settings, now=NOW)
    assert link is not None
    from services.clock import FixedClock, use_clock

    with use_clock(FixedClock(NOW)), TestClient(app) as client:
        confirm = client.get(link.removeprefix("https://desk.example")).text
        assert "<script" not in confirm and "&lt;script&gt;" in confirm


def test_every_page_template_autoescapes() -> None:
    from web.deps import TEMPLATES, make_templates

    env = make_templates().env
    names = sorted(p.name for p in TEMPLATES.glob("*.html"))
    assert len(names) >= 12
    for name in names:
        assert env.autoescape is True or env.autoescape(name), name  # type: ignore[operator]
        assert "|safe" not in (TEMPLATES / name).read_text().replace(" ", ""), name


def test_the_user_chooses_finnish_swedish_or_english(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    settings = settings_for(f"sqlite:///{tmp_path / 'x.db'}", tmp_path)
    app = make_app(settings)
    add_user(settings, "admin")
    with TestClient(app) as client:
        assert "Kirjaudu" in client.get("/login", headers={"Accept-Language": "fi-FI"}).text
        assert "Logga in" in client.get("/login?lang=sv").text
        assert "Logga in" in client.get("/login").text  # the choice is remembered
        assert "Log in" in client.get("/login?lang=en").text
    with logged_in(app, "admin") as (client, token):
        assert "Yleiskuva" in client.get("/").text
        chosen = client.post("/language", data={"csrf": token, "language": "sv", "next": "/items"})
        assert chosen.url.path == "/items" and "Uppgifter" in chosen.text
        assert "Översikt" in client.get("/").text
        client.post("/language", data={"csrf": token, "language": "en", "next": "/"})
        assert "Overview" in client.get("/").text
