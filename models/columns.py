"""Column types shared by the tables."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC; SQLite keeps no zone, so it is put back on read."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        utc: datetime = value.astimezone(UTC)
        # SQLite compares the stored strings, so store them naive and uniform.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        stored: datetime = value
        if stored.tzinfo is None:
            return stored.replace(tzinfo=UTC)
        return stored.astimezone(UTC)


def name_key(name: str | None) -> str:
    """The case-blind key of a name: NFC, casefolded (Ä and Ö too, on every database), spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", name or "").casefold().split())


def name_key_default(context: Any) -> str:
    """Column default for inserts that do not give the key (Core bulk inserts, new ORM rows)."""
    return name_key(context.get_current_parameters().get("name"))
