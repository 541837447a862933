"""One engine per database URL, sessions as transactions, and migrations to head."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, TypeVar

from muistio.errors import MuistioError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()  # task runners may ask from several threads at once


def engine_for(url: str) -> Engine:
    """One engine (and connection pool) per database URL for the life of the process."""
    from models.session import make_engine

    with _engines_lock:
        if url not in _engines:
            _engines[url] = make_engine(url)
        return _engines[url]


def dispose_engines() -> None:
    """Close every pooled connection and forget the engines (tests, before dropping a schema)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def session_factory(url: str) -> Callable[[], AbstractContextManager[Session]]:
    """Sessions on the URL's pooled engine, each one transaction (commit on success, else roll back)."""
    from models.session import session_scope

    engine = engine_for(url)
    return lambda: session_scope(engine)


def read_factory(url: str) -> Callable[[], AbstractContextManager[Session]]:
    """Read-only transactions on the URL's engine: on SQLite they never hold the write lock."""
    from models.session import read_scope

    engine = engine_for(url)
    return lambda: read_scope(engine)


T = TypeVar("T")
#: Waits between attempts of a write transaction that met a locked SQLite database (seconds).
BUSY_BACKOFF = (0.05, 0.2, 0.5, 1.0, 2.0)


def is_busy(exc: BaseException) -> bool:
    """Whether the error is SQLite's SQLITE_BUSY ('database is locked'), worth a retry."""
    from sqlalchemy.exc import OperationalError

    text = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, OperationalError) and ("locked" in text or "busy" in text)


def write_retrying(url: str, work: Callable[[Session], T]) -> T:
    """Run `work` in one write transaction; a SQLITE_BUSY retries it whole, with a bounded backoff."""
    sessions = session_factory(url)
    for pause in (*BUSY_BACKOFF, None):
        try:
            with sessions() as session:
                return work(session)
        except Exception as exc:
            if not is_busy(exc):
                raise
            if pause is None:
                raise DatabaseUnavailable(
                    "the database stayed locked by another writer; try again in a minute"
                ) from None
            time.sleep(pause * (1 + random.random() / 2))  # jitter: two retrying writers do not collide again
    raise AssertionError("unreachable")  # pragma: no cover


class DatabaseUnavailable(MuistioError):
    """The database cannot be opened or migrated; the message is one line without the password."""


def shown_url(url: str) -> str:
    """The URL without its password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def ready_database(url: str) -> str:
    """Migrate the database to head (a no-op of a few ms when it is there) and return its URL.

    Every command calls this, so a fresh data dir or a newer muistio just works; measured on SQLite
    at head: ~5 ms for the check, ~0.1 s to import Alembic.
    """
    upgrade_or_explain(url, "cannot open the database")
    return url


def upgrade_or_explain(url: str, what: str) -> str:
    """upgrade_database, with any failure as a one-line DatabaseUnavailable starting with `what`."""
    try:
        return upgrade_database(url)
    except Exception as exc:  # an unreachable server or a bad URL: one line, not a traceback
        first = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnavailable(f"{what} {shown_url(url)}: {first}") from None


def upgrade_database(url: str) -> str:
    """Run the Alembic migrations to head on the database; return the revision now in force."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    from models.migrations import alembic_config

    engine = engine_for(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(url, connection=connection), "head")
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() or ""


def database_revision(url: str) -> str | None:
    """The Alembic revision the database is at (None: never migrated)."""
    from alembic.runtime.migration import MigrationContext

    with engine_for(url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
