"""The served schedules keep Helsinki wall-clock time across both DST switches: none doubled or missing."""

from __future__ import annotations

import asyncio
import datetime as dt
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from deployments.serve import deployments

HEL = ZoneInfo("Europe/Helsinki")
# A week before each 2027 switch: clocks go forward on 28 March and back on 31 October.
STARTS = [dt.datetime(2027, 3, 21, tzinfo=HEL), dt.datetime(2027, 10, 24, tzinfo=HEL)]


def crons() -> dict[str, Any]:
    """Each served deployment's cron schedule, as the server evaluates it."""
    from prefect.server.schemas.schedules import CronSchedule

    found = {}
    for deployment in deployments():
        for schedule in deployment.schedules or []:  # type: ignore[attr-defined]
            client_side = schedule.schedule
            found[deployment.name] = CronSchedule(cron=client_side.cron, timezone=client_side.timezone)  # type: ignore[attr-defined]
    return found


def next_times(schedule: Any, start: dt.datetime, n: int = 60) -> list[dt.datetime]:
    """Plain datetimes in Helsinki time (not the library's own subclass)."""
    dates = asyncio.run(schedule.get_dates(n=n, start=start))
    return [dt.datetime.fromtimestamp(d.timestamp(), HEL) for d in dates]


def test_the_digest_is_monday_0800_helsinki_for_60_weeks_across_both_switches() -> None:
    times = next_times(crons()["monday-morning"], dt.datetime(2027, 1, 1, tzinfo=HEL))
    assert len(times) == 60 and len(set(times)) == 60
    assert {(t.weekday(), t.hour, t.minute) for t in times} == {(0, 8, 0)}
    days = [t.date() for t in times]
    assert all((b - a).days == 7 for a, b in pairwise(days))  # none missing
    assert {t.utcoffset() for t in times} == {dt.timedelta(hours=2), dt.timedelta(hours=3)}  # both sides


@pytest.mark.parametrize("start", STARTS, ids=["spring", "autumn"])
def test_daily_schedules_fire_once_a_day_at_the_same_local_time(start: dt.datetime) -> None:
    daily = {
        name: s for name, s in crons().items()
        if s.cron.split()[2:] == ["*", "*", "*"] and s.cron.split()[1].isdigit()
    }  # fmt: skip
    for name, schedule in daily.items():  # the reminders, 07:30 every day, once they are served here
        times = next_times(schedule, start)
        assert len({(t.hour, t.minute) for t in times}) == 1, name
        days = [t.date() for t in times]
        assert all((b - a).days == 1 for a, b in pairwise(days)), name


@pytest.mark.parametrize("start", STARTS, ids=["spring", "autumn"])
def test_frequent_schedules_never_fire_twice_for_one_local_time(start: dt.datetime) -> None:
    switch = start + dt.timedelta(days=7)
    for name in ("every-5-min", "every-minute"):
        schedule = crons()[name]
        step = 5 if name == "every-5-min" else 1
        times = next_times(schedule, switch.replace(hour=2, minute=30), n=60 if step == 1 else 24)
        instants = [t.astimezone(dt.UTC) for t in times]
        assert len(set(instants)) == len(instants), name  # nothing doubled in the repeated hour
        assert all(t.minute % step == 0 for t in times), name
        gaps = {b - a for a, b in pairwise(instants)}
        # every local time that exists fires; the only longer gap is the hour the clock repeats
        assert gaps <= {dt.timedelta(minutes=step), dt.timedelta(minutes=step + 60)}, (name, gaps)
