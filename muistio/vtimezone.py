"""RRULE-style VTIMEZONE components derived from zoneinfo's rules (no RDATE lists)."""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

# RRULE observances start here, as Outlook/Google/Thunderbird do; the rule itself carries the dates.
_RULE_EPOCH_YEAR = 1970
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Zulu", "Zulu", "GMT", "Etc/GMT", "Z"})


@dataclass(frozen=True)
class _Transition:
    """One offset change: the instant, the local wall time just before it, and the offsets."""

    at_utc: datetime
    wall_before: datetime
    offset_from: timedelta
    offset_to: timedelta
    name_to: str
    is_dst_to: bool


@dataclass(frozen=True)
class _Rule:
    """A yearly rule: month, nth weekday (negative = from the end) and the local wall time."""

    month: int
    nth: int
    weekday: int
    hour: int
    minute: int

    def wall_in(self, year: int) -> datetime:
        """The naive local wall time the rule gives for one year."""
        return datetime.combine(
            _nth_weekday(year, self.month, self.nth, self.weekday), datetime.min.time()
        ).replace(hour=self.hour, minute=self.minute)

    @property
    def byday(self) -> str:
        """The RRULE BYDAY value, e.g. -1SU."""
        return f"{self.nth}{_WEEKDAYS[self.weekday]}"


def is_utc_name(name: str) -> bool:
    """True when a zone name means plain UTC (times are then written with Z, no VTIMEZONE)."""
    return name in _UTC_NAMES


def load_zone(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name, or a one-line ValueError."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {name!r}") from exc


def _nth_weekday(year: int, month: int, nth: int, weekday: int) -> datetime:
    """The date of the nth (or -nth from the end) weekday of a month, as a datetime at midnight."""
    days_in_month = _cal.monthrange(year, month)[1]
    if nth > 0:
        first = datetime(year, month, 1)
        delta = (weekday - first.weekday()) % 7
        return first + timedelta(days=delta + 7 * (nth - 1))
    last = datetime(year, month, days_in_month)
    delta = (last.weekday() - weekday) % 7
    return last - timedelta(days=delta + 7 * (-nth - 1))


@lru_cache(maxsize=256)
def _transitions(name: str, year: int) -> tuple[_Transition, ...]:
    """All offset changes in one calendar year, found by hourly probing and bisection to the minute."""
    zone: tzinfo = load_zone(name)
    found: list[_Transition] = []
    t = datetime(year, 1, 1, tzinfo=UTC) - timedelta(hours=14)
    end = datetime(year + 1, 1, 1, tzinfo=UTC) + timedelta(hours=14)
    step = timedelta(hours=1)
    prev_off = t.astimezone(zone).utcoffset()
    while t < end:
        nxt = t + step
        off = nxt.astimezone(zone).utcoffset()
        if off != prev_off:
            lo, hi = 0, 60  # minutes after t; the change happens in (lo, hi]
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if (t + timedelta(minutes=mid)).astimezone(zone).utcoffset() == prev_off:
                    lo = mid
                else:
                    hi = mid
            at = t + timedelta(minutes=hi)
            local_after = at.astimezone(zone)
            assert prev_off is not None and off is not None
            wall_before = (at + prev_off).replace(tzinfo=None)
            if wall_before.year == year:
                found.append(
                    _Transition(
                        at_utc=at,
                        wall_before=wall_before,
                        offset_from=prev_off,
                        offset_to=off,
                        name_to=local_after.tzname() or "",
                        is_dst_to=bool(local_after.dst()),
                    )
                )
            prev_off = off
        t = nxt
    return tuple(found)


def _rule_candidates(wall: datetime) -> list[_Rule]:
    """Rules that would give this wall time: 'last weekday' first when it is the last one, then nth."""
    days_in_month = _cal.monthrange(wall.year, wall.month)[1]
    nth = (wall.day - 1) // 7 + 1
    rules = []
    if wall.day + 7 > days_in_month:
        rules.append(_Rule(wall.month, -1, wall.weekday(), wall.hour, wall.minute))
    if nth <= 4:
        rules.append(_Rule(wall.month, nth, wall.weekday(), wall.hour, wall.minute))
    return rules


def _fit_rule(name: str, year: int, index: int, wall: datetime) -> _Rule | None:
    """A rule that reproduces this transition in the neighbouring years too, or None."""
    years = [y for y in range(year - 2, year + 3) if y != year]
    for rule in _rule_candidates(wall):
        ok = True
        for other in years:
            trans = _transitions(name, other)
            if len(trans) != 2 or trans[index].wall_before != rule.wall_in(other):
                ok = False
                break
        if ok:
            return rule
    return None


def _fmt_offset(delta: timedelta) -> str:
    """An offset as used in TZNAME fallbacks, e.g. +0200."""
    total = int(delta.total_seconds()) // 60
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"{sign}{hours:02d}{minutes:02d}"


def _observance(
    kind: str, start: datetime, offset_from: timedelta, offset_to: timedelta, name: str, rule: _Rule | None
) -> TimezoneStandard | TimezoneDaylight:
    """One STANDARD or DAYLIGHT subcomponent; properties in a fixed order."""
    comp: TimezoneStandard | TimezoneDaylight
    comp = TimezoneDaylight() if kind == "DAYLIGHT" else TimezoneStandard()
    comp.add("dtstart", start)
    if rule is not None:
        comp.add("rrule", {"freq": "YEARLY", "bymonth": rule.month, "byday": rule.byday})
    comp.add("tzoffsetfrom", offset_from)
    comp.add("tzoffsetto", offset_to)
    comp.add("tzname", name or _fmt_offset(offset_to))
    return comp


def build_vtimezone(name: str, year: int) -> Timezone:
    """A VTIMEZONE for the zone's rules in force in `year`, as yearly RRULEs where they fit.

    Zones without DST get one STANDARD observance. Zones whose changes no BYDAY rule reproduces
    (e.g. moving religious-calendar dates) get one observance per change for year-1..year+1, each
    with a single DTSTART, which every parser reads right (unlike comma-separated RDATE lists).
    """
    zone = load_zone(name)
    vtz = Timezone()
    vtz.add("tzid", name)
    trans = _transitions(name, year)
    if not trans:
        probe = datetime(year, 7, 1, tzinfo=UTC).astimezone(zone)
        offset = probe.utcoffset() or timedelta(0)
        vtz.add_component(
            _observance(
                "STANDARD", datetime(_RULE_EPOCH_YEAR, 1, 1), offset, offset, probe.tzname() or "", None
            )
        )
        return vtz
    rules: list[_Rule | None] = []
    if len(trans) == 2 and trans[0].is_dst_to != trans[1].is_dst_to:
        rules = [_fit_rule(name, year, i, tr.wall_before) for i, tr in enumerate(trans)]
    if len(rules) == 2 and all(r is not None for r in rules):
        for tr, rule in sorted(zip(trans, rules, strict=True), key=lambda p: not p[0].is_dst_to):
            assert rule is not None
            start = rule.wall_in(_RULE_EPOCH_YEAR)
            kind = "DAYLIGHT" if tr.is_dst_to else "STANDARD"
            vtz.add_component(_observance(kind, start, tr.offset_from, tr.offset_to, tr.name_to, rule))
        return vtz
    # Irregular zone: list the concrete changes around the event, one onset per observance.
    for y in (year - 1, year, year + 1):
        for tr in _transitions(name, y):
            kind = "DAYLIGHT" if tr.is_dst_to else "STANDARD"
            vtz.add_component(
                _observance(kind, tr.wall_before, tr.offset_from, tr.offset_to, tr.name_to, None)
            )
    return vtz
