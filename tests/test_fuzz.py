"""Properties under random input: the date grammar, normalisation and the ICS and mail builders.

A short run in `make test` (profile `ci`); `make fuzz` runs the same properties far longer (`long`).
"""

from __future__ import annotations

import email
import os
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from email import policy
from email.message import EmailMessage

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from test_invite import seed_request

from muistio.dates import resolve, scan
from muistio.invite import Attendee, CarriedItem, InviteError, build_calendar
from muistio.mail import compose_invite, message_bytes
from muistio.normalise import normalise

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Text shaped like minutes: digits, dots, colons, dashes, Finnish/Swedish letters, line breaks, odd spaces.
MINUTES_ALPHABET = st.sampled_from(
    [
        *"0123456789.:-–/ ,;()\n\t\u00a0\u00adklotisäöåÄÖÅ",
        *"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghjmnpqruvwxyz",
        *["klo ", "kl. ", "ti ", "ma ", "den ", "mennessä", "juhannus", "syksyllä ", "viikolla "],
        *["Q3 ", "by "],
    ]
)
minutes_text = st.lists(MINUTES_ALPHABET, max_size=120).map("".join)
# An explicit alphabet: text()'s default (a UTF-8 codec filter) makes hypothesis scan every code point.
any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
REF = datetime(2024, 5, 14, 12, 0)


def day_of(value: date | datetime) -> date:
    """The calendar day of a date or a datetime (they do not compare with each other)."""
    return value.date() if isinstance(value, datetime) else value


@given(phrase=st.one_of(minutes_text, any_text), lang=st.sampled_from([None, "fi", "en", "sv"]))
def test_date_grammar_never_raises_and_gives_real_dates(phrase: str, lang: str | None) -> None:
    found = resolve(phrase, REF, lang)
    if found is not None and found.start is not None and found.end is not None:
        assert day_of(found.start) <= day_of(found.end)  # a period never ends before it starts
    for hit in scan(phrase, REF, lang):
        assert 0 <= hit.start <= hit.end <= len(phrase)


@given(text=st.one_of(minutes_text, any_text))
def test_normalise_is_idempotent_and_maps_every_character(text: str) -> None:
    once, offsets = normalise(text)
    twice, _ = normalise(once)
    assert twice == once
    assert len(offsets) in (0, len(once))
    assert all(0 <= o < max(len(text), 1) for o in offsets)


header_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=60).filter(
    lambda s: s.strip() != ""
)


@given(
    name=header_text,
    place=st.text(max_size=80),
    summary=header_text,
    agenda=st.lists(st.text(max_size=40), max_size=4),
    task=st.text(max_size=60),
    local=st.from_regex(r"[a-z0-9._%+-]{1,20}", fullmatch=True),
    hours=st.integers(min_value=0, max_value=24 * 400),
)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_ics_and_mail_builders_give_valid_calendars_and_clean_headers(
    name: str, place: str, summary: str, agenda: list[str], task: str, local: str, hours: int
) -> None:
    base = seed_request()
    start = base.start + timedelta(hours=hours)  # crosses both DST switches over the range
    assert isinstance(start, datetime)
    who = Attendee(name, f"{local}@example.org", "req", "fi")
    event = replace(
        base,
        summary=summary,
        location=place,
        start=start,
        end=start + timedelta(hours=2),
        attendees=(*base.attendees, who),
        agenda=tuple(agenda),
        carried=(CarriedItem(task, (name,), None),),
    )
    try:
        ics = build_calendar(event, "REQUEST")
    except InviteError:
        return  # refused with a reason: fine, as long as nothing malformed comes out
    parsed = Calendar.from_ical(ics)
    (vevent,) = parsed.walk("VEVENT")
    assert vevent.decoded("dtstart").astimezone(UTC) == start.astimezone(UTC)
    msg = compose_invite(
        event,
        "REQUEST",
        who,
        sender=event.organizer,
        language="fi",
        message_id_domain="muistio.example.org",
        secret_key="fuzz-secret",
        first_message_id=None,
    )
    raw = message_bytes(msg)
    head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
    for line in head.splitlines():
        assert line[:1] in (b" ", b"\t") or b":" in line, line  # every header line is a header or a fold
    back = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(back, EmailMessage)
    for key, value in back.items():
        assert "\r" not in str(value) and "\n" not in str(value), key
    assert back["To"] is not None and f"{local}@example.org" in str(back["To"])
