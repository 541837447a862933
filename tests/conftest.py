"""Shared fixtures: a Prefect test harness (opt-in) and databases (SQLite file, PostgreSQL schema)."""

from __future__ import annotations

import importlib.util
import os
import secrets
from collections.abc import Callable, Iterator
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SCORER = SHARED / "tools" / "score-extraction"
PG_SERVER = os.environ.get("MUISTIO_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One temporary Prefect API for the whole run; only tests that ask for it pay its ~8 s start."""
    os.environ.setdefault("PREFECT_HOME", str(tmp_path_factory.mktemp("prefect-home")))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


def _pg_unavailable() -> str | None:
    """Why PostgreSQL cannot be used (None: it answers)."""
    try:
        import psycopg

        with psycopg.connect(PG_SERVER, connect_timeout=3):
            return None
    except Exception as exc:  # any failure to connect means: skip, saying why
        return f"PostgreSQL at {PG_SERVER} does not answer: {str(exc).splitlines()[0]}"


@pytest.fixture(scope="session")
def pg_reason() -> str | None:
    """Checked once per run."""
    return _pg_unavailable()


def _pg_schema_url(pg_reason: str | None) -> Iterator[str]:
    if pg_reason:
        # CI starts PostgreSQL itself (.ci/run), so there a missing server is a failure, not a skip.
        if os.environ.get("CI"):
            pytest.fail(pg_reason)
        pytest.skip(pg_reason)
    import psycopg

    schema = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        # search_path through libpq options: every pooled connection lands in the fresh schema.
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        from services.db import dispose_engines

        dispose_engines()
        with psycopg.connect(PG_SERVER, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_database_url(
    request: pytest.FixtureRequest, tmp_path: Path, pg_reason: str | None
) -> Iterator[str]:
    """An empty database, no tables: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'muistio.db'}"
        from services.db import dispose_engines

        dispose_engines()
    else:
        yield from _pg_schema_url(pg_reason)


@pytest.fixture
def row_counts() -> Callable[[str], dict[str, int]]:
    """A function giving the rows in every table of the models, by table name."""

    def count(url: str) -> dict[str, int]:
        from sqlalchemy import func, select
        from sqlmodel import SQLModel

        import models  # noqa: F401  (registers the tables)
        from services.db import engine_for

        with engine_for(url).connect() as conn:
            return {
                t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in SQLModel.metadata.sorted_tables
            }

    return count


@pytest.fixture
def database_url(empty_database_url: str) -> str:
    """A database migrated to head."""
    from services.db import upgrade_database

    upgrade_database(empty_database_url)
    return empty_database_url


@pytest.fixture
def engine(database_url: str) -> Engine:
    """The engine of the migrated test database."""
    from services.db import engine_for

    return engine_for(database_url)


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """The shared score-extraction script, imported as a module."""
    if not SCORER.exists():
        pytest.skip(f"shared scorer not found at {SCORER}")
    loader = SourceFileLoader("score_extraction", str(SCORER))
    spec = importlib.util.spec_from_loader("score_extraction", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module
