"""The database engine and sessions: SQLite file by default (WAL, busy timeout), PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, create_engine

#: How long a SQLite writer waits for another one's lock before SQLITE_BUSY (ms).
BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for the URL; SQLite gets WAL, foreign keys, a busy timeout and BEGIN IMMEDIATE writes."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    connect_args: dict[str, Any] = {"timeout": BUSY_TIMEOUT_MS / 1000} if url.startswith("sqlite") else {}
    engine = create_engine(url, echo=echo, connect_args=connect_args)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            # We emit BEGIN ourselves: pysqlite's own is deferred and comes only at the first write.
            dbapi_connection.isolation_level = None
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL keeps the database consistent through any crash and skips an fsync per
            # commit (a batch ingest commits once per file); only a power cut can lose the last commits.
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            # A deferred transaction that reads and then writes gets SQLITE_BUSY at once, whatever the
            # timeout, when another writer committed in between; IMMEDIATE takes the lock first, waiting.
            options = connection.get_execution_options()
            if options.get("isolation_level") == "AUTOCOMMIT":
                return  # each statement commits on its own
            mode = options.get("sqlite_begin", "IMMEDIATE")
            connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def read_scope(engine: Engine) -> Iterator[Session]:
    """A read-only transaction that never takes SQLite's write lock (composing mail runs here)."""
    reader = engine.execution_options(sqlite_begin="DEFERRED")
    with Session(reader, expire_on_commit=False) as session:
        try:
            yield session
        finally:
            session.rollback()
