"""The desk's safety: every route needs a login, CSRF on every change, cookies, login limits, scoping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Route

from tests.web_support import (
    PASSWORD,
    add_user,
    csrf_of,
    log_in,
    logged_in,
    make_app,
    make_item,
    settings_for,
)

OPEN_PATHS = {"/login", "/l/{token}"}  # the mail links' signed token is their own credential


@pytest.fixture
def desk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """An app on a fresh SQLite file with one admin, one secretary of Hallitus, and two bodies' items."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    settings = settings_for(url, tmp_path)
    app = make_app(settings)
    ids = make_item(settings, body="Hallitus")
    other = make_item(settings, body="Kerho", text="Siivoaa kerhohuoneen", owner="Ville Virtanen")
    add_user(settings, "admin", role="admin")
    add_user(settings, "sari", role="secretary", bodies=("Hallitus",))
    yield app, settings, ids, other
    from services.db import dispose_engines

    dispose_engines()


def _flat(routes, prefix: str = ""):  # type: ignore[no-untyped-def]
    """Every route, included routers opened (FastAPI keeps them as lazy branches)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            yield from _flat(inner.routes, prefix + (getattr(context, "prefix", "") or ""))
        elif isinstance(route, APIRoute | Route):
            yield prefix + route.path, route


def _routes(app):  # type: ignore[no-untyped-def]
    for path, route in _flat(app.routes):
        if not path.startswith("/static"):
            for method in sorted(route.methods or ()):
                if method != "HEAD":
                    yield method, path


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_every_route_but_login_needs_a_session(desk) -> None:  # type: ignore[no-untyped-def]
    app, *_ = desk
    seen = 0
    with TestClient(app) as client:
        for method, path in _routes(app):
            if path in OPEN_PATHS:
                continue
            seen += 1
            answer = client.request(method, _concrete(path), follow_redirects=False)
            if path.startswith("/api/") or path == "/openapi.json":
                assert answer.status_code == 401, (method, path, answer.status_code)
            else:
                assert answer.status_code == 303, (method, path, answer.status_code)
                assert answer.headers["location"].startswith("/login?next="), (method, path)
    assert seen >= 25  # the enumeration really covered the app
    with TestClient(app) as client:
        assert client.get("/static/style.css").status_code == 200
        assert client.get("/login").status_code == 200


def test_every_change_needs_the_csrf_token(desk) -> None:  # type: ignore[no-untyped-def]
    app, _settings, ids, _ = desk
    posts = [p for m, p in _routes(app) if m == "POST" and p not in OPEN_PATHS]
    assert len(posts) >= 15
    with logged_in(app, "admin") as (client, token):
        for path in posts:
            concrete = _concrete(path).replace("/items/1", f"/items/{ids['item']}")
            missing = client.post(concrete, data={"note": "x"}, follow_redirects=False)
            assert missing.status_code == 403, (path, missing.status_code)
            wrong = client.post(concrete, data={"csrf": token[:-2] + "xx"}, follow_redirects=False)
            assert wrong.status_code == 403, (path, wrong.status_code)
            foreign = client.post(
                concrete,
                data={"csrf": token},
                headers={"Origin": "https://evil.example"},
                follow_redirects=False,
            )
            assert foreign.status_code == 403, (path, foreign.status_code)
        # nothing of that changed the item
        assert client.get(f"/api/items/{ids['item']}").json()["status"] == "open"
        ok = client.post(
            f"/items/{ids['item']}/done", data={"csrf": token, "note": "ok"}, follow_redirects=False
        )
        assert ok.status_code == 303
        api = client.post(f"/api/items/{ids['item']}/reopen", json={}, headers={"X-CSRF-Token": token})
        assert api.status_code == 200 and api.json()["status"] == "open"
        assert client.post(f"/api/items/{ids['item']}/done", json={}).status_code == 403


def test_login_form_needs_its_csrf_cookie(desk) -> None:  # type: ignore[no-untyped-def]
    app, *_ = desk
    with TestClient(app) as client:
        answer = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf": "x"})
        assert answer.status_code == 403


def test_cookie_flags_new_id_at_login_and_revoked_at_logout(desk) -> None:  # type: ignore[no-untyped-def]
    app, *_ = desk
    with TestClient(app, base_url="https://desk.example") as client:
        first = log_in(client, "admin")
        cookie = first.headers["set-cookie"]
        assert cookie.startswith("__Host-muistio=")
        for flag in ("HttpOnly", "Path=/", "Secure", "SameSite=lax"):
            assert flag.lower() in cookie.lower(), flag
        old = client.cookies.get("__Host-muistio")
        second = log_in(client, "admin")
        new = client.cookies.get("__Host-muistio")
        assert second.status_code == 303 and new and new != old
        csrf = csrf_of(client.get("/").text)
        assert client.post("/logout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    with TestClient(app, base_url="https://desk.example") as replay:
        replay.cookies.set("__Host-muistio", new or "")
        assert replay.get("/api/me").status_code == 401
        replay.cookies.set("__Host-muistio", old or "")
        assert replay.get("/api/me").status_code == 401


def test_login_attempts_are_limited_and_say_nothing_about_names(desk) -> None:  # type: ignore[no-untyped-def]
    app, *_ = desk
    with TestClient(app) as client:
        unknown = log_in(client, "nobody", "wrong password!")
        wrong = log_in(client, "admin", "wrong password!")
        assert unknown.status_code == wrong.status_code == 401
        strip = lambda html: re.sub(r'value="[^"]*"', "", html)  # noqa: E731
        assert strip(unknown.text) == strip(wrong.text).replace('"admin"', '"nobody"') or (
            "Väärä käyttäjätunnus" in unknown.text and "Väärä käyttäjätunnus" in wrong.text
        )
        for _ in range(9):
            log_in(client, "admin", "wrong password!")
        blocked = log_in(client, "admin", PASSWORD)
        assert blocked.status_code == 429
        assert log_in(client, "sari").status_code == 303  # another account is not locked out


def test_password_hash_is_argon2id(desk) -> None:  # type: ignore[no-untyped-def]
    _app, settings, *_ = desk
    from sqlmodel import select

    from models import WebUser
    from tests.web_support import sessions

    with sessions(settings)() as db:
        stored = db.exec(select(WebUser.password_hash).where(WebUser.name == "admin")).one()
    assert stored.startswith("$argon2id$")
    memory, time = (int(x) for x in re.findall(r"m=(\d+),t=(\d+)", stored)[0])
    assert memory >= 19456 and time >= 2
    assert PASSWORD not in stored


def test_a_secretary_sees_only_her_bodies(desk) -> None:  # type: ignore[no-untyped-def]
    app, _settings, _ids, other = desk
    with logged_in(app, "sari") as (client, token):
        listed = client.get("/api/items?status=all").json()
        assert {i["body"] for i in listed["items"]} == {"Hallitus"}
        assert client.get(f"/api/items/{other['item']}").status_code == 404
        assert client.get(f"/items/{other['item']}").status_code == 404
        assert client.get(f"/meetings/{other['meeting']}").status_code == 404
        changed = client.post(f"/items/{other['item']}/done", data={"csrf": token}, follow_redirects=False)
        assert changed.status_code == 404
        assert "Kerho" not in client.get("/").text
    with logged_in(app, "admin") as (client, _token):
        assert client.get(f"/api/items/{other['item']}").json()["status"] == "open"


def test_the_default_secret_is_refused_outside_dev(tmp_path: Path) -> None:
    from muistio.settings import Settings
    from web.app import DeskConfigError, create_app

    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(DeskConfigError, match="MUISTIO_SECRET_KEY"):
        create_app(settings)
    assert create_app(settings, dev=True) is not None


def test_api_token_works_without_cookies_or_csrf(desk) -> None:  # type: ignore[no-untyped-def]
    app, settings, ids, _ = desk
    from services.accounts import find_user, new_api_token
    from tests.web_support import NOW, sessions

    with sessions(settings)() as db:
        user = find_user(db, "sari")
        assert user is not None
        token = new_api_token(db, user, now=NOW)
    with TestClient(app) as client:
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/me", headers=auth).json()["bodies"] == ["Hallitus"]
        done = client.post(f"/api/items/{ids['item']}/done", json={"note": "by script"}, headers=auth)
        assert done.status_code == 200 and done.json()["new"] == "done"
        history = client.get(f"/api/items/{ids['item']}", headers=auth).json()["history"]
        assert history[-1]["actor"] == "sari" and history[-1]["note"] == "by script"
        assert client.get("/api/me", headers={"Authorization": "Bearer nope"}).status_code == 401
