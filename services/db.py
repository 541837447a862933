"""One engine per database URL, sessions as transactions, and migrations to head."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

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
