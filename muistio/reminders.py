"""Reminders (pure): a meeting N days ahead with the calendar object again, and items due within N days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from muistio.digest import day_text, done_command, pick_language
from muistio.invite import Attendee, InviteEvent, build_calendar, check_email, clean_line, clean_text
from muistio.mail import RawMail, format_when, keyed_message_id, raw_text_mail, render_bodies

_MEETING_SUBJECT = {"fi": "Muistutus", "sv": "Påminnelse", "en": "Reminder"}
_DUE_SUBJECT = {
    "fi": "Muistutus: {n} {noun} erääntyy pian",
    "sv": "Påminnelse: {n} {noun} förfaller snart",
    "en": "Reminder: {n} action {noun} due soon",
}
_DUE_NOUN = {"fi": ("tehtävä", "tehtävää"), "sv": ("uppgift", "uppgifter"), "en": ("item", "items")}


@dataclass(frozen=True)
class ReminderItem:
    """One open action item named in a reminder."""

    id: int
    text: str
    due: date | None
    meeting_date: date
    body: str
    due_phrase: str | None = None
    done_url: str | None = None  # a signed link, when the web desk can take it; else the CLI command


@dataclass(frozen=True, slots=True)
class ReminderItemView:
    """What the templates show of one item; strings cleaned to one line, none marked safe."""

    id: int
    text: str
    due: str
    due_phrase: str
    when: str  # 'tänään' / 'om 3 dagar' / 'in 3 days'
    meeting: str
    done: str
    done_url: str | None = None


def due_in_phrase(days: int, language: str) -> str:
    """'tänään' / 'huomenna' / '3 päivän päästä' and the sv, en forms."""
    if language == "en":
        return "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    if language == "sv":
        return "i dag" if days == 0 else "i morgon" if days == 1 else f"om {days} dagar"
    return "tänään" if days == 0 else "huomenna" if days == 1 else f"{days} päivän päästä"


def item_view(item: ReminderItem, as_of: date, language: str) -> ReminderItemView:
    """The template view of one item."""
    return ReminderItemView(
        id=item.id,
        text=clean_line(item.text),
        due=day_text(item.due, language) if item.due else "",
        due_phrase=clean_line(item.due_phrase or ""),
        when=due_in_phrase((item.due - as_of).days, language) if item.due and item.due >= as_of else "",
        meeting=f"{clean_line(item.body)} {day_text(item.meeting_date, language)}",
        done=done_command(item.id),
        done_url=item.done_url,
    )


def meeting_reminder_key(event: InviteEvent, day: date, recipient: str) -> str:
    """`reminder|meeting|<uid>|<date>|<recipient>`: once per meeting date and person, however often run."""
    return f"reminder|meeting|{event.uid}|{day.isoformat()}|{check_email(recipient).lower()}"


def due_reminder_key(as_of: date, recipient: str) -> str:
    """`reminder|due|<day>|<recipient>`: at most one due-date reminder a day per person."""
    return f"reminder|due|{as_of.isoformat()}|{check_email(recipient).lower()}"


def meeting_reminder(
    event: InviteEvent,
    attendee: Attendee,
    own_items: list[ReminderItem],
    *,
    as_of: date,
    meeting_day: date,
    language: str,
    sender: tuple[str, str],
    secret_key: str | bytes,
    message_id_domain: str,
) -> RawMail:
    """The meeting reminder: when, where, agenda, the recipient's open items, and the same REQUEST again.

    The calendar object is the invitation's (same UID and SEQUENCE, METHOD:REQUEST), so calendars
    update the event they have instead of adding a second one.
    """
    lang = pick_language(attendee.language, language)
    rcpt = check_email(attendee.email)
    ics = build_calendar(event, "REQUEST", language=lang)
    context: dict[str, object] = {
        "kind": "meeting",
        "language": lang,
        "name": clean_line(attendee.name),
        "summary": clean_line(event.summary),
        "when": format_when(event, lang),
        "days": (meeting_day - as_of).days,
        "timezone": "" if event.all_day else event.timezone,
        "location": clean_line(event.location),
        "description": clean_text(event.description).strip(),
        "agenda": [clean_line(a) for a in event.agenda if clean_line(a)],
        "items": [item_view(i, as_of, lang) for i in own_items],
        "organizer_name": clean_line(event.organizer.name),
        "organizer_email": check_email(event.organizer.email),
    }
    text, html = render_bodies("reminder", context)
    key = meeting_reminder_key(event, meeting_day, rcpt)
    organizer = (event.organizer.name, event.organizer.email)
    return raw_text_mail(
        (attendee.name, rcpt),
        f"{_MEETING_SUBJECT[lang]}: {clean_line(event.summary)} {format_when(event, lang)}",
        text,
        html,
        sender=sender,
        message_id=keyed_message_id(secret_key, message_id_domain, key),
        date=event.stamp,
        reply_to=organizer if check_email(organizer[1]) != check_email(sender[1]) else None,
        headers=[("Auto-Submitted", "auto-generated")],
        calendar=ics,
        method="REQUEST",
    )


def due_reminder(
    name: str,
    email: str,
    items: list[ReminderItem],
    *,
    as_of: date,
    language: str,
    stamp: datetime,
    sender: tuple[str, str],
    secret_key: str | bytes,
    message_id_domain: str,
    reply_to: tuple[str, str] | None = None,
) -> RawMail:
    """The reminder of one person's items due within the body's window, soonest first."""
    lang = pick_language(language)
    rcpt = check_email(email)
    ordered = sorted(items, key=lambda i: (i.due or date.max, i.id))
    context: dict[str, object] = {
        "kind": "due",
        "language": lang,
        "name": clean_line(name),
        "items": [item_view(i, as_of, lang) for i in ordered],
    }
    text, html = render_bodies("reminder", context)
    n = len(ordered)
    noun = _DUE_NOUN[lang][0 if n == 1 else 1]
    key = due_reminder_key(as_of, rcpt)
    return raw_text_mail(
        (name, rcpt),
        _DUE_SUBJECT[lang].format(n=n, noun=noun),
        text,
        html,
        sender=sender,
        message_id=keyed_message_id(secret_key, message_id_domain, key),
        date=stamp,
        reply_to=reply_to,
        headers=[("Auto-Submitted", "auto-generated")],
    )


def preview_name(key: str) -> str:
    """The .eml name of a reminder for --dry-run: reminder-meeting-2026-03-04-a@b.eml."""
    _, what, *middle, recipient = key.split("|")
    day = middle[-1]
    safe = "".join(c if c.isalnum() or c in "@._+-" else "_" for c in recipient)
    return f"reminder-{what}-{day}-{safe}.eml"
