"""What every route of the desk shares: the settings, sessions, templates, who is asking, and CSRF."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import jinja2
from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlmodel import Session

from models import WebUser
from muistio.settings import Settings
from services.accounts import csrf_matches, load_session, token_user
from services.clock import clock
from web.i18n import LANGUAGES, pick, translator

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "web"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Open without a session: the login page, and the mail links whose signed token is their own credential.
PUBLIC_PATHS = frozenset({"/login", "/l/{token}"})
LANG_COOKIE = "muistio_lang"
PRE_COOKIE = "muistio_pre"


@dataclass
class Desk:
    """The app's state: settings, a transaction factory and the templates."""

    settings: Settings
    sessions: Callable[[], AbstractContextManager[Session]]
    templates: Jinja2Templates
    dev: bool = False
    sessions_url: str = ""
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def writing(self) -> AbstractContextManager[Session]:
        """A transaction that changes rows; SQLite writers queue here, not in SQLite's busy backoff."""
        if not self.sessions_url.startswith("sqlite"):
            return self.sessions()
        return _locked(self.write_lock, self.sessions)

    def now(self) -> dt.datetime:
        """The current instant (the services' clock, so tests can move it)."""
        return clock().now()

    def today(self) -> dt.date:
        """Today in the configured time zone."""
        return self.now().astimezone(ZoneInfo(self.settings.timezone)).date()


@contextmanager
def _locked(
    lock: threading.Lock, sessions: Callable[[], AbstractContextManager[Session]]
) -> Iterator[Session]:
    with lock, sessions() as db:
        yield db


def make_templates() -> Jinja2Templates:
    """Templates from templates/web, always autoescaped (every value from minutes is shown as text)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["local_time"] = local_time
    return Jinja2Templates(env=env)


def local_time(value: dt.datetime | None, timezone: str) -> str:
    """HH:MM of an instant in the zone ('' for none)."""
    return value.astimezone(ZoneInfo(timezone)).strftime("%H:%M") if value else ""


def desk(request: Request) -> Desk:
    """The desk state of the app serving the request."""
    state: Desk = request.app.state.desk
    return state


@dataclass
class Auth:
    """Who is asking: the user, and the session's CSRF token (None when a script uses an API token)."""

    user: WebUser
    csrf: str | None
    cookie: str | None = None


class NeedLogin(Exception):
    """No valid session or token: pages redirect to /login, the API answers 401."""


class CsrfFailed(Exception):
    """A state-changing request without the session's CSRF token (or from a foreign origin)."""


def is_api(request: Request) -> bool:
    """Whether the request is for the JSON API (401, not a redirect)."""
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def secure_request(request: Request, settings: Settings) -> bool:
    """Behind TLS (directly, via a proxy uvicorn trusts, or a configured https public URL)."""
    return request.url.scheme == "https" or (settings.public_url or "").startswith("https://")


def cookie_name(secure: bool) -> str:
    """`__Host-` cookies must be Secure, so plain-HTTP development uses a plain name."""
    return "__Host-muistio" if secure else "muistio"


def session_cookie(request: Request) -> str | None:
    """The session cookie's value, whichever name it has."""
    return request.cookies.get("__Host-muistio") or request.cookies.get("muistio")


def authenticate(request: Request, db: Session, state: Desk) -> Auth | None:
    """The user behind the request's bearer token or session cookie, or None."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        user = token_user(db, header[7:].strip(), now=state.now())
        return Auth(user=user, csrf=None) if user else None
    cookie = session_cookie(request)
    if not cookie:
        return None
    found = load_session(db, cookie, now=state.now())
    return Auth(user=found.user, csrf=found.csrf_token, cookie=cookie) if found else None


def same_origin(request: Request) -> bool:
    """False when the browser says the request comes from another site (Origin or Sec-Fetch-Site)."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin != "null"
    return urlsplit(origin).netloc == request.headers.get("host", "")


async def submitted_csrf(request: Request) -> str | None:
    """The CSRF token from the X-CSRF-Token header or the `csrf` form field (the form is parsed once)."""
    header = request.headers.get("x-csrf-token")
    if header:
        return header
    kind = request.headers.get("content-type", "")
    if kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get("csrf")
        return value if isinstance(value, str) else None
    return None


async def guard(request: Request) -> None:
    """Run before every route: a session or token is required (except PUBLIC_PATHS); CSRF on changes."""
    route = request.scope.get("route")
    path = getattr(route, "path", request.url.path)
    if path in PUBLIC_PATHS:
        return
    state = desk(request)
    # The lookup is blocking database work: off the event loop, so other requests keep moving.
    auth = await run_in_threadpool(_authenticate_now, request, state)
    if auth is None:
        raise NeedLogin()
    request.state.auth = auth
    if request.method in SAFE_METHODS or auth.csrf is None:
        return  # bearer tokens come with no cookie, so no other site can make a browser send them
    if not same_origin(request) or not csrf_matches(auth.csrf, await submitted_csrf(request)):
        raise CsrfFailed()


def _authenticate_now(request: Request, state: Desk) -> Auth | None:
    with state.sessions() as db:
        return authenticate(request, db, state)


def auth_of(request: Request) -> Auth:
    """The Auth the guard found."""
    found: Auth = request.state.auth
    return found


# --- login CSRF: a pre-session cookie and its HMAC in the form ----------------------------------


def login_token(settings: Settings, pre: str) -> str:
    """The login form's CSRF token: bound to the browser's pre-session cookie."""
    mac = hmac.new(settings.secret_key.encode(), b"muistio.login|" + pre.encode(), hashlib.sha256)
    return mac.hexdigest()


def new_pre_cookie() -> str:
    """A random pre-session value."""
    return secrets.token_urlsafe(24)


# --- rendering ---------------------------------------------------------------------------------


def language_of(request: Request, user: WebUser | None) -> str:
    """The page's language: the user's choice, else the language cookie, else the browser's, else Finnish."""
    wanted = request.query_params.get("lang")
    if wanted in LANGUAGES:
        return wanted
    if user is not None:
        return pick(user.language)
    browser = request.headers.get("accept-language", "")
    return pick(request.cookies.get(LANG_COOKIE), browser.split(",")[0] if browser else None)


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    user: WebUser | None = None,
    csrf: str | None = None,
    lang: str | None = None,
) -> HTMLResponse:
    """A page from templates/web with the words, the user and the CSRF token in its context."""
    state = desk(request)
    auth = getattr(request.state, "auth", None)
    user = user or (auth.user if auth else None)
    csrf = csrf or (auth.csrf if auth else None)
    lang = lang if lang in LANGUAGES and "lang" not in request.query_params else language_of(request, user)
    full = {
        "request": request,
        "t": translator(lang),
        "lang": lang,
        "languages": LANGUAGES,
        "user": user,
        "csrf": csrf or "",
        "msg": request.query_params.get("msg", ""),
        "path": request.url.path,
        "dev": state.dev,
        **context,
    }
    response = state.templates.TemplateResponse(request, name, full, status_code=status_code)
    response.headers["Cache-Control"] = "no-store"
    return response


def redirect(url: str, msg: str | None = None) -> RedirectResponse:
    """303 See Other after a POST (POST-redirect-GET), with an optional message key."""
    if msg:
        path, hash_mark, fragment = url.partition("#")
        url = path + ("&" if "?" in path else "?") + "msg=" + quote(msg) + hash_mark + fragment
    return RedirectResponse(url, status_code=303)


def login_redirect(request: Request) -> Response:
    """To /login, remembering where the user wanted to go."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse("/login?next=" + quote(target, safe=""), status_code=303)


def json_error(status: int, detail: str) -> JSONResponse:
    """An API error: {"detail": ...}."""
    return JSONResponse({"detail": detail}, status_code=status)


def local_next(value: str | None, default: str = "/") -> str:
    """A redirect target only within this site (no //host or scheme)."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return default
