"""The weekly digest of overdue action items (pure): group items per recipient, compose one mail each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.message import EmailMessage
from pathlib import Path

from muistio.invite import InviteError, check_email, clean_line, format_date
from muistio.mail import LANGUAGES, compose_text_mail, keyed_message_id, render_bodies

_SUBJECT = {
    "fi": "Myöhässä olevat tehtävät ({n}) – viikko {week}",
    "en": "Overdue action items ({n}) – week {week}",
}


@dataclass(frozen=True)
class Owner:
    """Someone who owns an item (or organises a body): a name, maybe an address, maybe a language."""

    name: str
    email: str | None = None
    language: str | None = None
    person_id: int | None = None  # the Person row, when known: mark-done links are bound to it


@dataclass(frozen=True)
class OverdueItem:
    """One open action item past its due date, with its meeting, body, organiser and owners."""

    id: int
    text: str
    due: date
    meeting_date: date
    body: str
    organizer: Owner
    owners: tuple[Owner, ...] = ()
    due_phrase: str | None = None
    body_language: str = "fi"


@dataclass
class Digest:
    """One recipient's digest: the items they own, and (secretaries) the items nobody can be mailed about."""

    name: str
    email: str
    language: str
    own: list[OverdueItem] = field(default_factory=list)
    unreachable: list[OverdueItem] = field(default_factory=list)
    person_id: int | None = None

    @property
    def count(self) -> int:
        """How many distinct items the mail lists."""
        return len({i.id for i in self.own} | {i.id for i in self.unreachable})


@dataclass
class Grouping:
    """Digests by recipient, and items no one at all can be told about (not even the organiser)."""

    digests: list[Digest] = field(default_factory=list)
    undeliverable: list[OverdueItem] = field(default_factory=list)


def iso_week(day: date) -> str:
    """The ISO year-week of a day: '2026-W10' (the year is the ISO year, so 29.12.2025 is 2026-W01)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def pick_language(*candidates: str | None) -> str:
    """The first candidate we have texts for ('fi', 'en'), else Finnish."""
    for lang in candidates:
        if lang and lang.lower()[:2] in LANGUAGES:
            return lang.lower()[:2]
    return "fi"


def usable_address(owner: Owner) -> str | None:
    """The owner's checked address, or None when there is none or it is unusable."""
    if not owner.email:
        return None
    try:
        return check_email(owner.email)
    except InviteError:
        return None


def unreachable_owners(item: OverdueItem) -> list[str]:
    """Names of the item's owners who cannot be mailed."""
    return [o.name for o in item.owners if usable_address(o) is None]


def group_digests(items: list[OverdueItem]) -> Grouping:
    """One digest per address: each owner gets their items; the organiser gets items whose owners can't be."""
    by_address: dict[str, Digest] = {}
    grouping = Grouping()

    def digest_for(address: str, who: Owner, body_language: str) -> Digest:
        key = address.lower()
        if key not in by_address:
            by_address[key] = Digest(
                name=clean_line(who.name),
                email=address,
                language=pick_language(who.language, body_language),
                person_id=who.person_id,
            )
        return by_address[key]

    for item in sorted(items, key=_order):
        for owner in item.owners:
            address = usable_address(owner)
            if address is not None:
                digest = digest_for(address, owner, item.body_language)
                if item not in digest.own:  # two owner rows, one person: list it once
                    digest.own.append(item)
        if item.owners and not unreachable_owners(item):
            continue
        # Someone (or no one) is responsible and cannot be mailed: the secretary hears of it, by name.
        organizer = usable_address(item.organizer)
        if organizer is None:
            grouping.undeliverable.append(item)
            continue
        digest = digest_for(organizer, item.organizer, item.body_language)
        if item not in digest.unreachable:
            digest.unreachable.append(item)
    grouping.digests = sorted(by_address.values(), key=lambda d: d.email.lower())
    return grouping


def _order(item: OverdueItem) -> tuple[date, date, int]:
    return (item.due, item.meeting_date, item.id)


def days_late(item: OverdueItem, as_of: date) -> int:
    """Whole days between the due date and the digest's day."""
    return (as_of - item.due).days


def late_phrase(days: int, language: str) -> str:
    """'myöhässä 3 päivää' / '3 days overdue'."""
    if language == "en":
        return f"{days} day{'' if days == 1 else 's'} overdue"
    return f"myöhässä {days} {'päivä' if days == 1 else 'päivää'}"


def digest_subject(count: int, as_of: date, language: str) -> str:
    """'Myöhässä olevat tehtävät (3) – viikko 48' / 'Overdue action items (3) – week 48'."""
    return _SUBJECT[pick_language(language)].format(n=count, week=as_of.isocalendar()[1])


def _item_context(
    item: OverdueItem, as_of: date, language: str, me: str | None, done_url: str | None = None
) -> dict[str, object]:
    """What the template shows of one item; every string cleaned to one line, none marked safe."""
    others = [clean_line(o.name) for o in item.owners if (usable_address(o) or "").lower() != me]
    return {
        "id": item.id,
        "text": clean_line(item.text),
        "due": format_date(item.due, language),
        "due_phrase": clean_line(item.due_phrase or ""),
        "late": late_phrase(days_late(item, as_of), language),
        "meeting": f"{clean_line(item.body)} {format_date(item.meeting_date, language)}",
        "others": others,
        "unreachable": [clean_line(n) for n in unreachable_owners(item)],
        "done": f"muistio item done {item.id}",
        "done_url": done_url,  # a signed link when the desk has a public address; else the command above
    }


def digest_context(digest: Digest, as_of: date, links: Mapping[int, str] | None = None) -> dict[str, object]:
    """The template context of one digest; `links` gives an item's mark-done URL for this recipient."""
    lang = pick_language(digest.language)
    me = digest.email.lower()
    links = links or {}
    return {
        "language": lang,
        "name": clean_line(digest.name),
        "count": digest.count,
        "as_of": format_date(as_of, lang),
        "week": as_of.isocalendar()[1],
        "own": [_item_context(i, as_of, lang, me, links.get(i.id)) for i in digest.own],
        "unreachable": [_item_context(i, as_of, lang, None, links.get(i.id)) for i in digest.unreachable],
    }


def digest_message_id(digest: Digest, as_of: date, *, secret_key: str | bytes, domain: str) -> str:
    """HMAC(secret, digest|week|recipient)@domain: a re-run of the week carries the same Message-ID."""
    return keyed_message_id(secret_key, domain, "digest", iso_week(as_of), check_email(digest.email).lower())


def outbox_key(digest: Digest, as_of: date) -> str:
    """`digest|<ISO year-week>|<recipient>`: one digest per address per week, however often the flow runs."""
    return f"digest|{iso_week(as_of)}|{check_email(digest.email).lower()}"


def compose_digest(
    digest: Digest,
    as_of: date,
    *,
    stamp: datetime,
    sender: tuple[str, str],
    secret_key: str | bytes,
    message_id_domain: str,
    reply_to: tuple[str, str] | None = None,
    templates_dir: Path | None = None,
    links: Mapping[int, str] | None = None,
) -> EmailMessage:
    """The digest mail (text + HTML); the same input and stamp give the same bytes."""
    if not digest.own and not digest.unreachable:
        raise InviteError(f"an empty digest for {digest.email} is not sent")
    lang = pick_language(digest.language)
    text, html = render_bodies("digest", digest_context(digest, as_of, links), templates_dir)
    return compose_text_mail(
        (digest.name, digest.email),
        digest_subject(digest.count, as_of, lang),
        text,
        html,
        sender=sender,
        message_id=digest_message_id(digest, as_of, secret_key=secret_key, domain=message_id_domain),
        date=stamp,
        reply_to=reply_to,
        # Vacation responders and list servers should not answer a robot's weekly mail.
        headers=[("Auto-Submitted", "auto-generated")],
    )
