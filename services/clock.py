"""The clock services read; the domain never reads one itself, so tests and demos can stop or move it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


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
