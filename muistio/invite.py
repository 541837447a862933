"""iCalendar (iTIP REQUEST/CANCEL) objects for one meeting, built from plain dataclasses."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from icalendar import Calendar, Event, vCalAddress

from muistio.patterns import regex
from muistio.vtimezone import build_vtimezone, is_utc_name, load_zone

PRODID = "-//muistio//muistio 0.1//EN"

Role = Literal["chair", "req", "opt"]
Method = Literal["REQUEST", "CANCEL"]
Status = Literal["CONFIRMED", "CANCELLED"]

_ROLE_TOKENS: dict[str, str] = {"chair": "CHAIR", "req": "REQ-PARTICIPANT", "opt": "OPT-PARTICIPANT"}
# A deliberately plain address check: one @, no spaces/controls/quotes; real validation is the MTA's job.
_EMAIL_RE = regex(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$")

FI_WEEKDAYS = ("ma", "ti", "ke", "to", "pe", "la", "su")
EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SV_WEEKDAYS = ("mån", "tis", "ons", "tors", "fre", "lör", "sön")
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
SV_MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
# Unicode category Cc is exactly these ranges; a regex is ~50x cheaper than a per-character category test.
_CC = regex("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKERS = regex("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class InviteError(ValueError):
    """Input that cannot become a valid invitation; the message is one line for the user."""


@dataclass(frozen=True)
class Organizer:
    """Who sends the invitation and receives the replies."""

    name: str
    email: str


@dataclass(frozen=True)
class Attendee:
    """One invitee; language 'fi' or 'en' picks the mail text (None: the body's language)."""

    name: str
    email: str
    role: Role = "req"
    language: str | None = None


@dataclass(frozen=True)
class CarriedItem:
    """An open action item carried over to the next meeting."""

    text: str
    owners: tuple[str, ...] = ()
    due: date | None = None


@dataclass(frozen=True)
class InviteEvent:
    """Everything the invitation says; start/end are aware datetimes, or dates when no time is known."""

    uid: str
    sequence: int
    summary: str
    start: datetime | date
    end: datetime | date | None
    timezone: str
    location: str
    description: str
    status: Status
    organizer: Organizer
    attendees: tuple[Attendee, ...]
    stamp: datetime
    agenda: tuple[str, ...] = ()
    carried: tuple[CarriedItem, ...] = ()
    language: str = "fi"

    @property
    def all_day(self) -> bool:
        """True for a date-only meeting (no time known)."""
        return not isinstance(self.start, datetime)


# ---------------------------------------------------------------- cleaning


def clean_text(value: str) -> str:
    """Text for a TEXT property: newlines kept as LF, other control characters dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _CC.sub("", value)


def clean_line(value: str) -> str:
    """One-line text (names, headers): every control or line-separator character becomes a space."""
    return " ".join(_LINE_BREAKERS.sub(" ", value).split())


def clean_name(value: str) -> str:
    """A display name for CN parameters: one line, no double quotes (RFC 6868 carets confuse clients)."""
    return clean_line(value.replace('"', "'"))


def check_email(value: str) -> str:
    """The address, lower-cased domain, or InviteError when it is not a plain single address."""
    addr = value.strip()
    if addr.lower().startswith("mailto:"):
        addr = addr[7:]
    if "@" in addr:
        local, _, domain = addr.rpartition("@")
        try:
            domain = domain.encode("idna").decode("ascii").lower()
        except UnicodeError:
            domain = "\x00"  # forces the error below
        addr = f"{local}@{domain}"
    # "=?" in a local part becomes an encoded word Python 3.11.7 decodes into a raw newline (CVE-2024-6923).
    if not _EMAIL_RE.match(addr) or ".." in addr or "=?" in addr:
        raise InviteError(f"not a usable e-mail address: {clean_line(value)[:80]!r}")
    return addr


# ---------------------------------------------------------------- formatting shared with mail


def format_date(day: date, language: str) -> str:
    """A date as people write it: 20.6.2018 (fi), 20 juni 2018 (sv) or 20 June 2018 (en)."""
    if language == "en":
        return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"
    if language == "sv":
        return f"{day.day} {SV_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day}.{day.month}.{day.year}"


_CARRIED_WORDS = {
    "fi": ("vastuu: ", "määräaika "),
    "sv": ("ansvarig: ", "senast "),
    "en": ("owner: ", "due "),
}
_DESCRIBE_HEADS = {
    "fi": ("Asialista:", "Avoimet tehtävät:"),
    "sv": ("Föredragningslista:", "Öppna uppgifter:"),
    "en": ("Agenda:", "Open action items:"),
}


def _owner_note(item: CarriedItem, language: str) -> str:
    """The '(owner: ..; due ..)' tail of one carried item, or ''."""
    bits = []
    owners = ", ".join(clean_line(o) for o in item.owners if clean_line(o))
    words = _CARRIED_WORDS.get(language, _CARRIED_WORDS["fi"])
    if owners:
        bits.append(words[0] + owners)
    if item.due is not None:
        bits.append(words[1] + format_date(item.due, language))
    return f" ({'; '.join(bits)})" if bits else ""


def carried_line(item: CarriedItem, language: str) -> str:
    """One carried action item as a line of text."""
    return clean_line(item.text) + _owner_note(item, language)


def describe(event: InviteEvent, language: str | None = None) -> str:
    """The DESCRIPTION text: the free text, the agenda and the open action items carried over."""
    lang = language or event.language
    parts = []
    if event.description.strip():
        parts.append(clean_text(event.description).strip())
    agenda = [clean_line(a) for a in event.agenda if clean_line(a)]
    if agenda:
        head = _DESCRIBE_HEADS.get(lang, _DESCRIBE_HEADS["fi"])[0]
        parts.append("\n".join([head, *(f"{i}. {a}" for i, a in enumerate(agenda, 1))]))
    if event.carried:
        head = _DESCRIBE_HEADS.get(lang, _DESCRIBE_HEADS["fi"])[1]
        parts.append("\n".join([head, *(f"- {carried_line(c, lang)}" for c in event.carried)]))
    return "\n\n".join(parts)


# ---------------------------------------------------------------- validation


def _end_of(event: InviteEvent) -> datetime | date:
    """The end, defaulting to one day for date-only and one hour for timed meetings."""
    if event.end is not None:
        return event.end
    if isinstance(event.start, datetime):
        return event.start + timedelta(hours=1)
    return event.start + timedelta(days=1)


def _validate(event: InviteEvent, method: str) -> None:
    """Raise InviteError for anything RFC 5546 or the receiving clients would not accept."""
    if method not in ("REQUEST", "CANCEL"):
        raise InviteError(f"unknown iTIP method: {method!r} (use REQUEST or CANCEL)")
    uid = event.uid.strip()
    if not uid or clean_line(uid) != uid or " " in uid:
        raise InviteError("the event UID must be one word without spaces or control characters")
    if event.sequence < 0:
        raise InviteError(f"SEQUENCE must not be negative (got {event.sequence})")
    if method == "CANCEL" and event.sequence < 1:
        raise InviteError("a CANCEL must raise SEQUENCE above the original invitation's (got 0)")
    if method == "REQUEST" and event.status == "CANCELLED":
        raise InviteError("a cancelled meeting must be sent with METHOD:CANCEL, not REQUEST")
    if event.status not in ("CONFIRMED", "CANCELLED"):
        raise InviteError(f"unknown STATUS: {event.status!r}")
    if event.stamp.tzinfo is None:
        raise InviteError("DTSTAMP must be an aware datetime (UTC)")
    if not clean_line(event.summary):
        raise InviteError("the meeting needs a title (SUMMARY)")
    end = _end_of(event)
    if isinstance(event.start, datetime):
        if event.start.tzinfo is None or not isinstance(end, datetime) or end.tzinfo is None:
            raise InviteError("meeting start and end must both be aware datetimes (or both dates)")
        if not is_utc_name(event.timezone):
            try:
                load_zone(event.timezone)
            except ValueError as exc:
                raise InviteError(str(exc)) from None
    elif isinstance(end, datetime):
        raise InviteError("a date-only meeting needs a date-only end")
    if end <= event.start:  # both datetime or both date, checked above
        raise InviteError("the meeting must end after it starts")
    if method == "REQUEST" and not event.attendees:
        raise InviteError("an invitation needs at least one attendee")
    for att in event.attendees:
        if att.role not in _ROLE_TOKENS:
            raise InviteError(f"unknown attendee role: {att.role!r} (use chair, req or opt)")
        check_email(att.email)
    check_email(event.organizer.email)


# ---------------------------------------------------------------- building


def _address(email: str, name: str) -> vCalAddress:
    """A mailto: calendar address with a cleaned CN."""
    addr = vCalAddress(f"mailto:{check_email(email)}")
    cn = clean_name(name)
    if cn:
        addr.params["CN"] = cn
    return addr


def _local(value: datetime, tzname: str) -> datetime:
    """The datetime in the meeting's zone (or UTC), so DTSTART carries TZID or Z."""
    if is_utc_name(tzname):
        return value.astimezone(UTC)
    return value.astimezone(load_zone(tzname))


def build_event(event: InviteEvent, method: Method, language: str | None = None) -> Event:
    """The VEVENT alone, properties in a fixed order (what a CalDAV store keeps)."""
    _validate(event, method)
    ev = Event()
    ev.add("uid", event.uid.strip())
    ev.add("sequence", event.sequence)
    ev.add("dtstamp", event.stamp.astimezone(UTC))
    end = _end_of(event)
    if isinstance(event.start, datetime):
        assert isinstance(end, datetime)
        ev.add("dtstart", _local(event.start, event.timezone))
        ev.add("dtend", _local(end, event.timezone))
    else:
        ev.add("dtstart", event.start)
        ev.add("dtend", end)
    ev.add("summary", clean_line(event.summary))
    if clean_line(event.location):
        ev.add("location", clean_line(event.location))
    text = describe(event, language)
    if text:
        ev.add("description", text)
    ev.add("organizer", _address(event.organizer.email, event.organizer.name))
    for att in event.attendees:
        ev.add("attendee", _attendee_address(att, method))
    ev.add("status", "CANCELLED" if method == "CANCEL" else event.status)
    # A date-only meeting has no known time: don't mark the whole day busy.
    ev.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return ev


def _attendee_address(att: Attendee, method: Method) -> vCalAddress:
    addr = _address(att.email, att.name)
    addr.params["CUTYPE"] = "INDIVIDUAL"
    addr.params["ROLE"] = _ROLE_TOKENS[att.role]
    addr.params["PARTSTAT"] = "NEEDS-ACTION"
    if method == "REQUEST":  # no reply is expected to a cancellation
        addr.params["RSVP"] = "TRUE"
    return addr


def _attendee_lines(att: Attendee, method: Method) -> bytes:
    """The ATTENDEE content line (folded, CRLF) exactly as build_calendar writes it."""
    ev = Event()
    ev.add("attendee", _attendee_address(att, method))
    raw = bytes(ev.to_ical(sorted=False))
    return raw.split(b"BEGIN:VEVENT\r\n", 1)[1].rsplit(b"END:VEVENT", 1)[0]


def calendar_for_attendee(base: bytes, base_attendee: Attendee, attendee: Attendee, method: Method) -> bytes:
    """`base` (built for `base_attendee` alone) for `attendee` alone: build_calendar's bytes, cheaply.

    A big body's invitations each list their addressee only; the rest of the calendar is the same,
    so it is built once and only the ATTENDEE line is made per mail.
    """
    if attendee.role not in _ROLE_TOKENS:
        raise InviteError(f"unknown attendee role: {attendee.role!r} (use chair, req or opt)")
    check_email(attendee.email)
    old = _attendee_lines(base_attendee, method)
    if base.count(old) != 1:
        raise InviteError("the base calendar does not hold its attendee line once")
    return base.replace(old, _attendee_lines(attendee, method))


def build_calendar(event: InviteEvent, method: Method, *, language: str | None = None) -> bytes:
    """The iMIP calendar object (METHOD, one VTIMEZONE, one VEVENT) as CRLF bytes, folded at 75 octets."""
    return _calendar(event, build_event(event, method, language), method)


def build_stored_object(event: InviteEvent) -> bytes:
    """The same event as a CalDAV resource: no METHOD (RFC 4791 §4.1), same VTIMEZONE and VEVENT."""
    vevent = build_event(event, "CANCEL" if event.status == "CANCELLED" else "REQUEST")
    return _calendar(event, vevent, None)


def _calendar(event: InviteEvent, vevent: Event, method: Method | None) -> bytes:
    """VCALENDAR around one VEVENT, with the VTIMEZONE of the meeting's year when it has a local time."""
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    if method is not None:
        cal.add("method", method)
    if isinstance(event.start, datetime) and not is_utc_name(event.timezone):
        cal.add_component(build_vtimezone(event.timezone, _local(event.start, event.timezone).year))
    cal.add_component(vevent)
    return bytes(cal.to_ical(sorted=False))


# ---------------------------------------------------------------- lifecycle helpers


def _when_key(event: InviteEvent) -> tuple[object, object]:
    """Start and end as comparable instants (dates stay dates)."""
    end = _end_of(event)
    start: object = event.start.astimezone(UTC) if isinstance(event.start, datetime) else event.start
    stop: object = end.astimezone(UTC) if isinstance(end, datetime) else end
    return (type(event.start).__name__, start), (type(end).__name__, stop)


def is_material_change(old: InviteEvent, new: InviteEvent) -> bool:
    """True when time, place or status changed, so SEQUENCE must rise (RFC 5546 §2.1.4)."""
    return (
        _when_key(old) != _when_key(new)
        or clean_line(old.location).casefold() != clean_line(new.location).casefold()
        or old.status != new.status
    )


def next_sequence(old: InviteEvent, new: InviteEvent) -> int:
    """The SEQUENCE the new version must carry: old+1 after a material change, else unchanged."""
    return old.sequence + 1 if is_material_change(old, new) else old.sequence


def stable_uid(body: str, meeting_key: str, domain: str) -> str:
    """A UID that stays the same for the meeting's whole life: uuid5 of body+key, @ our domain."""
    dom = domain.strip().lower()
    if not dom or not re.fullmatch(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?", dom):
        raise InviteError(f"not a usable UID domain: {clean_line(domain)[:60]!r}")
    name = f"muistio:{clean_line(body).casefold()}:{clean_line(meeting_key)}"
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, name)}@{dom}"


def attendees_of(
    names_emails: Sequence[tuple[str, str]], chair_email: str | None = None
) -> tuple[Attendee, ...]:
    """Attendees from (name, email) pairs, the chair marked by address; duplicates by address dropped."""
    seen: set[str] = set()
    out = []
    chair = check_email(chair_email) if chair_email else None
    for name, email in names_emails:
        addr = check_email(email)
        if addr in seen:
            continue
        seen.add(addr)
        out.append(Attendee(name=name, email=addr, role="chair" if addr == chair else "req"))
    return tuple(out)
