"""Desk accounts: users and the bodies they serve, Argon2id passwords, sessions, login limits, API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from models import ApiToken, Body, LoginAttempt, Role, UserBody, WebSession, WebUser
from muistio.errors import MuistioError

if TYPE_CHECKING:
    from pwdlib import PasswordHash

LANGUAGES = ("fi", "sv", "en")
# NIST SP 800-63B wants a limit well under 100 failures; a short block slows guessing without
# letting anyone lock a secretary out for long.
FAILURES_PER_ACCOUNT = 10
FAILURES_PER_ADDRESS = 50
WINDOW = dt.timedelta(minutes=15)
SESSION_IDLE = dt.timedelta(hours=12)
SESSION_MAX = dt.timedelta(days=7)
MIN_PASSWORD = 10


class AccountError(MuistioError):
    """A user request that cannot be carried out; the message is one line."""


class TooManyAttempts(AccountError):
    """Too many failed logins for this account or address; try again later."""


@lru_cache(maxsize=1)
def hasher() -> PasswordHash:
    """Argon2id for new hashes (pwdlib's defaults meet OWASP's m=19 MiB, t=2), bcrypt still verified."""
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    return PasswordHash((Argon2Hasher(),))


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to verify against when the user is unknown, so both answers take as long."""
    return hasher().hash(secrets.token_urlsafe(16))


def digest(token: str) -> str:
    """The stored form of a secret token (session cookie, API token, mail link)."""
    return hashlib.sha256(token.encode()).hexdigest()


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


# --- users ------------------------------------------------------------------------------------


def check_password(password: str) -> str:
    """A password long enough to keep; AccountError otherwise."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    return password


def find_user(session: Session, name: str) -> WebUser | None:
    """The user with this login name (case and spacing ignored)."""
    return session.exec(select(WebUser).where(func.lower(WebUser.name) == _fold(name))).first()


def add_user(
    session: Session,
    name: str,
    password: str,
    *,
    role: str,
    email: str | None,
    bodies: list[Body],
    language: str = "fi",
    now: dt.datetime,
) -> WebUser:
    """Create a user (or reset one's password, role and bodies): secretaries serve the bodies given."""
    clean = " ".join(name.split())
    if not clean or any(c in name for c in "\r\n\x00"):
        raise AccountError("the user name is empty or has a line break")
    try:
        role_value = Role(role)
    except ValueError:
        raise AccountError(f"role {role!r} is not secretary or admin") from None
    if language not in LANGUAGES:
        raise AccountError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    if role_value == Role.secretary and not bodies:
        raise AccountError("a secretary serves at least one body: give --body NAME")
    check_password(password)
    user = find_user(session, clean)
    if user is None:
        user = WebUser(name=clean, password_hash="", created_at=now)
    user.email, user.role, user.language, user.active = email, role_value, language, True
    user.password_hash = hasher().hash(password)
    session.add(user)
    session.flush()
    assert user.id is not None
    session.execute(delete(UserBody).where(col(UserBody.user_id) == user.id))
    for body in bodies:
        assert body.id is not None
        session.add(UserBody(user_id=user.id, body_id=body.id))
    session.flush()
    return user


def body_ids(session: Session, user: WebUser) -> set[int] | None:
    """The bodies the user may see: None means all (admins)."""
    if user.role == Role.admin:
        return None
    return set(session.exec(select(UserBody.body_id).where(UserBody.user_id == user.id)))


def may_see(session: Session, user: WebUser, body_id: int) -> bool:
    """Whether the user serves this body."""
    allowed = body_ids(session, user)
    return allowed is None or body_id in allowed


def visible_bodies(session: Session, user: WebUser) -> list[Body]:
    """The bodies the user serves (every body for admins), by name."""
    query = select(Body).order_by(col(Body.name))
    allowed = body_ids(session, user)
    if allowed is not None:
        query = query.where(col(Body.id).in_(allowed or {-1}))
    return list(session.exec(query))


# --- logging in -------------------------------------------------------------------------------


def _recent_failures(session: Session, column: str, value: str, since: dt.datetime) -> int:
    field = col(LoginAttempt.username) if column == "username" else col(LoginAttempt.ip)
    last_success = session.exec(
        select(func.max(LoginAttempt.at)).where(field == value, LoginAttempt.success == True)  # noqa: E712
    ).one()
    start = max(since, last_success) if last_success else since
    return session.exec(
        select(func.count())
        .select_from(LoginAttempt)
        .where(field == value, LoginAttempt.success == False, col(LoginAttempt.at) > start)  # noqa: E712
    ).one()


def authenticate(session: Session, name: str, password: str, *, ip: str, now: dt.datetime) -> WebUser | None:
    """The user if the password is right; None otherwise; TooManyAttempts while blocked.

    Unknown users and wrong passwords give the same answer after the same work (a dummy verify),
    so the login form tells nobody which names exist.
    """
    wanted = _fold(name)[:200]
    since = now - WINDOW
    if (
        _recent_failures(session, "username", wanted, since) >= FAILURES_PER_ACCOUNT
        or _recent_failures(session, "ip", ip, since) >= FAILURES_PER_ADDRESS
    ):
        raise TooManyAttempts("too many failed logins; wait 15 minutes")
    user = find_user(session, wanted) if wanted else None
    if user is None or not user.active:
        hasher().verify(password, _dummy_hash())
        ok, new_hash = False, None
    else:
        ok, new_hash = hasher().verify_and_update(password, user.password_hash)
    session.add(LoginAttempt(at=now, username=wanted, ip=ip[:100], success=ok))
    if not ok or user is None:
        return None
    if new_hash:  # an older hash (or weaker parameters) upgraded at login
        user.password_hash = new_hash
        session.add(user)
    return user


# --- sessions ---------------------------------------------------------------------------------


@dataclass
class SessionInfo:
    """A logged-in browser: the user and the session's CSRF token."""

    user: WebUser
    session_id: int
    csrf_token: str


def start_session(session: Session, user: WebUser, *, now: dt.datetime) -> str:
    """A new session for the user; returns the cookie value (only its hash is stored)."""
    assert user.id is not None
    token = secrets.token_urlsafe(32)
    session.add(
        WebSession(
            token_hash=digest(token),
            user_id=user.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
        )
    )
    session.flush()
    return token


def load_session(session: Session, token: str, *, now: dt.datetime) -> SessionInfo | None:
    """The session behind a cookie value, if it exists, is not idle or too old, and its user is active."""
    if not token or len(token) > 200:
        return None
    row = session.exec(select(WebSession).where(WebSession.token_hash == digest(token))).first()
    if row is None or row.id is None:
        return None
    if now - row.last_seen_at > SESSION_IDLE or now - row.created_at > SESSION_MAX:
        session.delete(row)
        return None
    user = session.get(WebUser, row.user_id)
    if user is None or not user.active:
        return None
    if now - row.last_seen_at > dt.timedelta(minutes=1):  # one write a minute at most, not one per request
        row.last_seen_at = now
        session.add(row)
    return SessionInfo(user=user, session_id=row.id, csrf_token=row.csrf_token)


def end_session(session: Session, token: str) -> None:
    """Revoke the session behind a cookie value (logout): the cookie is worthless afterwards."""
    session.execute(delete(WebSession).where(col(WebSession.token_hash) == digest(token)))


def csrf_matches(expected: str, given: str | None) -> bool:
    """Constant-time comparison of a submitted CSRF token."""
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())


# --- API tokens -------------------------------------------------------------------------------


def new_api_token(session: Session, user: WebUser, *, now: dt.datetime) -> str:
    """A new token for scripts; shown once, only its hash is kept."""
    assert user.id is not None
    token = "mst_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=digest(token), created_at=now))
    session.flush()
    return token


def token_user(session: Session, token: str, *, now: dt.datetime) -> WebUser | None:
    """The active user an API token belongs to."""
    if not token or len(token) > 200:
        return None
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == digest(token))).first()
    if row is None:
        return None
    user = session.get(WebUser, row.user_id)
    return user if user is not None and user.active else None
