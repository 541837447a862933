"""What the flows share at run time: settings, one engine per URL, migrations, Prefect's env and the clock."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from muistio.settings import Settings


class Clock(Protocol):
    """Where flows get the time; the domain never reads a clock itself."""

    def now(self) -> dt.datetime:
        """The current instant, aware (UTC)."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> dt.datetime:
        """The current instant in UTC."""
        return dt.datetime.now(dt.UTC)


class FixedClock:
    """A clock for tests: stands still unless moved."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.at = at

    def now(self) -> dt.datetime:
        """The instant it was set to."""
        return self.at

    def advance(self, delta: dt.timedelta) -> None:
        """Move the clock forward."""
        self.at += delta


_clock: Clock = SystemClock()


def clock() -> Clock:
    """The clock flows use."""
    return _clock


@contextmanager
def use_clock(replacement: Clock) -> Iterator[Clock]:
    """Swap the clock for the duration of a block (tests, demos)."""
    global _clock
    previous, _clock = _clock, replacement
    try:
        yield replacement
    finally:
        _clock = previous


class SettingsError(ValueError):
    """A MUISTIO_* variable with a value muistio cannot use; the message is one line."""


def load_settings() -> Settings:
    """Settings from the MUISTIO_* environment, read afresh so tests can change it."""
    from pydantic import ValidationError

    from muistio.settings import Settings

    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "MUISTIO_" + "_".join(str(part) for part in first["loc"]).upper()
        raise SettingsError(f"{name}: {first['msg']}") from None


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


class DatabaseUnavailable(RuntimeError):
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


def prepare_prefect(settings: Settings) -> None:
    """Keep Prefect local and quiet; call before prefect is first imported."""
    # setdefault: an operator's own PREFECT_* settings (a real server, a home) win.
    os.environ.setdefault("PREFECT_HOME", str((settings.data_dir / "prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")


class PrefectWarmUp:
    """Boots Prefect's temporary API server in the background while the caller does its own start-up."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def start(self) -> PrefectWarmUp:
        """Start booting, unless an operator's server (PREFECT_API_URL) or no ephemeral mode is configured."""
        from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

        if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
            return self
        self._thread = threading.Thread(target=self._boot, name="prefect-warm-up", daemon=True)
        self._thread.start()
        return self

    def _boot(self) -> None:
        try:
            from prefect.server.api.server import SubprocessASGIServer

            # The same singleton the Prefect client starts on first use, so it finds it running.
            SubprocessASGIServer().start()
        except BaseException as exc:  # the flow's own start reports it properly
            self._error = exc

    def wait(self) -> None:
        """Block until the server answers (the first flow run would otherwise race its start)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
