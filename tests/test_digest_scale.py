"""The digest and `items --overdue` over 100k items: a few queries, never a bind parameter per item."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from models.session import session_scope
from muistio.settings import Settings
from services.db import engine_for
from services.digests import enqueue_digests
from services.store import list_items

BENCH = Path(__file__).resolve().parents[1] / "bench" / "digest.py"
ITEMS, OWNERS = 100_000, 300


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """bench/digest.py, whose bulk loader fills a database in seconds (executemany / COPY)."""
    spec = importlib.util.spec_from_file_location("bench_digest", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Statements:
    """Every statement the engine sends, with the number of bind parameters of each execution."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.seen: list[tuple[str, int]] = []

    def __call__(
        self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, many: bool
    ) -> None:
        for params in parameters if many else [parameters]:
            self.seen.append((statement, len(params or ())))

    def __enter__(self) -> Statements:
        event.listen(self.engine, "before_cursor_execute", self)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self)

    def ours(self) -> list[tuple[str, int]]:
        """Statements on muistio's tables (not SQLite's PRAGMA / ANALYZE upkeep or transaction control)."""
        upkeep = ("PRAGMA", "ANALYZE", "BEGIN")
        return [
            (s, n) for s, n in self.seen if not s.lstrip().upper().startswith(upkeep) and "sqlite_" not in s
        ]

    def selects(self) -> list[str]:
        return [s for s, _ in self.ours() if s.lstrip().upper().startswith("SELECT")]


@pytest.fixture
def loaded(database_url: str, bench: ModuleType) -> Iterator[tuple[Engine, int]]:
    engine = engine_for(database_url)
    yield engine, bench.populate(engine, items=ITEMS, owners=OWNERS)


def test_digest_over_100k_items_uses_no_parameter_per_item(
    loaded: tuple[Engine, int], bench: ModuleType, tmp_path: Path
) -> None:
    engine, overdue = loaded
    assert overdue >= 30_000
    settings = Settings(secret_key="k", mail_from="muistio@example.org", data_dir=tmp_path)
    with Statements(engine) as seen, session_scope(engine) as session:
        plan = enqueue_digests(session, bench.AS_OF, settings=settings, now=bench.NOW)
    assert plan.overdue == overdue and len(plan.recipients) == OWNERS and plan.enqueued == OWNERS
    assert plan.mails == []  # queued in batches, not held
    # One query for the items with owners, one for the organisers' languages; then one insert per mail.
    assert len(seen.selects()) <= 2
    assert len(seen.ours()) <= OWNERS + 5 and len(seen.seen) <= OWNERS + 10
    assert max(n for _, n in seen.seen) <= 16
    with Statements(engine) as again, session_scope(engine) as session:
        rows = list_items(session=session, overdue_as_of=bench.AS_OF)
    assert len(rows) == overdue and all(len(r.owners) == 1 for r in rows)
    assert len(again.ours()) == 1 and again.ours()[0][1] <= 4
