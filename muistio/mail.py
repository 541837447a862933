"""Mail composition (pure): iMIP invitations per RFC 6047 and plain notification mails, byte-stable."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage, MIMEPart
from email.policy import SMTP as _SMTP
from email.policy import EmailPolicy
from email.utils import format_datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast

import jinja2

from muistio.invite import (
    EN_WEEKDAYS,
    FI_WEEKDAYS,
    Attendee,
    InviteError,
    InviteEvent,
    Method,
    Organizer,
    build_calendar,
    carried_line,
    check_email,
    clean_line,
    clean_text,
    format_date,
)
from muistio.vtimezone import is_utc_name, load_zone


class _SharedHeaders(EmailPolicy):
    """The SMTP policy, but a header common to many mails is parsed and folded once per process.

    Parsed headers are immutable, so 1,000 invitations can share their From, Subject, Date and
    part headers: parsing and folding them was most of the time of composing a big body's mail.
    The bytes are the same as with email.policy.SMTP.
    """

    def header_store_parse(self, name: str, value: object) -> tuple[str, object]:  # type: ignore[override]
        """Parse `name: value` (common to many mails: once, then shared)."""
        if name.lower() in _PER_MESSAGE:
            return super().header_store_parse(name, value)
        if type(value) is str and "boundary=" not in value:
            key: tuple[object, ...] = (name, value)
        elif type(value) is Address:  # From and Reply-To: the same in every mail of a body
            key = (name, "address", value.display_name, value.username, value.domain)
        else:
            return super().header_store_parse(name, value)
        header = _PARSED.get((self, key))
        if header is None:
            if len(_PARSED) >= _LIMIT:  # bounded: a long-running server composes many kinds of mail
                _PARSED.clear()
                _SHARED.clear()
                _FOLDED.clear()
            header = _PARSED[(self, key)] = super().header_store_parse(name, value)[1]
            _SHARED[id(header)] = header
        return name, header

    def fold_binary(self, name: str, value: object) -> bytes:
        """Fold a header for the wire (a shared one: once)."""
        if _SHARED.get(id(value)) is not value:
            return super().fold_binary(name, value)  # type: ignore[arg-type]
        key = (self, name, id(value))
        folded = _FOLDED.get(key)
        if folded is None:
            folded = _FOLDED[key] = super().fold_binary(name, value)  # type: ignore[arg-type]
        return folded


_PER_MESSAGE = frozenset({"to", "message-id", "in-reply-to", "references"})
_LIMIT = 2048
_PARSED: dict[tuple[EmailPolicy, tuple[object, ...]], object] = {}
_SHARED: dict[int, object] = {}  # id -> shared header; held here, so the id is not reused meanwhile
_FOLDED: dict[tuple[EmailPolicy, str, int], bytes] = {}  # (policy, name, id of a shared header) -> wire form


SMTP = _SharedHeaders() + _SMTP  # the same settings as email.policy.SMTP (CRLF, utf8 off)

Kind = Literal["invite", "update", "cancel"]
LANGUAGES = ("fi", "en")
TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"

_SUBJECT_PREFIX: dict[tuple[str, str], str] = {
    ("fi", "invite"): "Kutsu",
    ("fi", "update"): "Päivitetty kutsu",
    ("fi", "cancel"): "Peruttu",
    ("en", "invite"): "Invitation",
    ("en", "update"): "Updated invitation",
    ("en", "cancel"): "Cancelled",
}
_MSGID_RE = re.compile(r"^<?([^<>\s@\"]+@[^<>\s@\"]+)>?$")


# ---------------------------------------------------------------- headers


def clean_header(value: str) -> str:
    """A header value safe on any Python: one line, no controls, no RFC 2047 encoded-word opener.

    Python 3.11.7's email package decodes `=?..?=` in assigned values and can then emit a raw
    newline (CVE-2024-6923), so `=?` is broken up before the header registry ever sees it.
    """
    line = clean_line(value)
    while "=?" in line:
        line = line.replace("=?", "= ?")
    return line


def make_address(name: str, email: str) -> Address:
    """A header address with a cleaned display name; a bad address is a one-line InviteError."""
    addr = check_email(email)
    local, _, domain = addr.rpartition("@")
    return Address(display_name=clean_header(name).replace('"', "'"), username=local, domain=domain)


def _msgid(value: str) -> str:
    """A Message-ID in angle brackets, or InviteError."""
    match = _MSGID_RE.match(clean_line(value))
    # "=?" would let Python 3.11.7 decode an encoded word into a raw newline (CVE-2024-6923).
    if not match or "=?" in match.group(1):
        raise InviteError(f"not a Message-ID: {clean_line(value)[:80]!r}")
    return f"<{match.group(1)}>"


def keyed_message_id(secret_key: str | bytes, domain: str, *parts: object) -> str:
    """A deterministic Message-ID (HMAC-SHA256 of the parts): retries reuse it, outsiders can't predict it."""
    key = secret_key.encode() if isinstance(secret_key, str) else secret_key
    digest = hmac.new(key, "|".join(str(p) for p in parts).encode(), hashlib.sha256).hexdigest()[:32]
    dom = clean_line(domain).lower()
    if not re.fullmatch(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?", dom):
        raise InviteError(f"not a usable Message-ID domain: {dom[:60]!r}")
    return f"<{digest}@{dom}>"


def invite_kind(event: InviteEvent, method: Method) -> Kind:
    """invite (first REQUEST), update (later REQUEST) or cancel."""
    if method == "CANCEL":
        return "cancel"
    return "invite" if event.sequence == 0 else "update"


def invite_message_id(
    event: InviteEvent, kind: Kind, recipient: str, *, secret_key: str | bytes, domain: str
) -> str:
    """The Message-ID of one invitation mail: HMAC(secret, uid|kind|sequence|recipient)@domain."""
    rcpt = check_email(recipient).lower()
    return keyed_message_id(secret_key, domain, event.uid, kind, event.sequence, rcpt)


def _boundary(message_id: str, role: str) -> str:
    """A MIME boundary derived from the Message-ID; '=_' never occurs in base64 or QP bodies."""
    return f"=_muistio_{role}_{hashlib.sha256((message_id + role).encode()).hexdigest()[:24]}"


def _headers(
    msg: EmailMessage,
    *,
    sender: Address,
    to: Address,
    subject: str,
    when: datetime,
    message_id: str,
    in_reply_to: str | None,
    references: Sequence[str],
    reply_to: Address | None,
) -> None:
    """The top-level headers in a fixed order; every value passed through clean_header first."""
    if when.tzinfo is None:
        raise InviteError("the Date header needs an aware datetime")
    msg["From"] = sender
    msg["To"] = to
    if reply_to is not None:
        msg["Reply-To"] = reply_to
    msg["Subject"] = clean_header(subject)
    msg["Date"] = format_datetime(when.astimezone(UTC).replace(microsecond=0))
    msg["Message-ID"] = message_id
    refs = [_msgid(r) for r in references]
    if in_reply_to:
        msg["In-Reply-To"] = _msgid(in_reply_to)
        if _msgid(in_reply_to) not in refs:
            refs.insert(0, _msgid(in_reply_to))
    if refs:
        msg["References"] = " ".join(refs)
    msg["MIME-Version"] = "1.0"


def _text_part(content: str, subtype: str) -> MIMEPart:
    """A UTF-8 quoted-printable text leaf (explicit CTE so as_bytes and as_string agree)."""
    part = MIMEPart(policy=SMTP)
    part.set_content(content, subtype=subtype, charset="utf-8", cte="quoted-printable")
    return part


def _multipart(subtype: str, parts: Sequence[MIMEPart], boundary: str) -> MIMEPart:
    """A multipart container with a fixed boundary."""
    box = MIMEPart(policy=SMTP)
    box["Content-Type"] = f"multipart/{subtype}"
    for part in parts:
        box.attach(cast(EmailMessage, part))  # typeshed narrows attach() to EmailMessage
    box.set_boundary(boundary)
    return box


def message_bytes(msg: EmailMessage) -> bytes:
    """The wire form (CRLF, RFC 2047 headers); identical input gives identical bytes."""
    return msg.as_bytes(policy=SMTP)


# ---------------------------------------------------------------- dates in subjects and bodies


def _clock(value: datetime, language: str, short: bool) -> str:
    """13 / 13.30 (fi, short drops :00) or 13:00 (en)."""
    if language == "en":
        return f"{value.hour:02d}:{value.minute:02d}"
    if short and value.minute == 0:
        return f"{value.hour}"
    return f"{value.hour}.{value.minute:02d}"


def _day(day: date, language: str) -> str:
    """ke 20.6.2018 / Wed 20 June 2018."""
    names = EN_WEEKDAYS if language == "en" else FI_WEEKDAYS
    return f"{names[day.weekday()]} {format_date(day, language)}"


def format_when(event: InviteEvent, language: str) -> str:
    """When, in the meeting's own zone: 'ke 20.6.2018 klo 13–15' / 'Wed 20 June 2018 13:00–15:00'."""
    lang = language if language in LANGUAGES else "fi"
    start, end = event.start, event.end
    if not isinstance(start, datetime):
        last = (end - timedelta(days=1)) if isinstance(end, date) and not isinstance(end, datetime) else start
        if last <= start:
            return _day(start, lang)
        return f"{_day(start, lang)} – {_day(last, lang)}"
    zone = UTC if is_utc_name(event.timezone) else load_zone(event.timezone)
    s = start.astimezone(zone)
    e = end.astimezone(zone) if isinstance(end, datetime) else None
    at = "klo " if lang == "fi" else ""
    if e is None:
        return f"{_day(s.date(), lang)} {at}{_clock(s, lang, True)}"
    if e.date() == s.date():
        return f"{_day(s.date(), lang)} {at}{_clock(s, lang, True)}–{_clock(e, lang, True)}"
    first = f"{_day(s.date(), lang)} {at}{_clock(s, lang, True)}"
    return f"{first} – {_day(e.date(), lang)} {at}{_clock(e, lang, True)}"


def invite_subject(event: InviteEvent, kind: Kind, language: str) -> str:
    """'Kutsu: DigiNYT-seurantaryhmä ke 20.6.2018 klo 13–15' and its update/cancel/English forms."""
    lang = language if language in LANGUAGES else "fi"
    return f"{_SUBJECT_PREFIX[(lang, kind)]}: {clean_line(event.summary)} {format_when(event, lang)}"


# ---------------------------------------------------------------- templates


@lru_cache(maxsize=8)
def _environments(templates_dir: Path) -> tuple[jinja2.Environment, jinja2.Environment]:
    """(text, html) Jinja environments; HTML always autoescapes, text never does."""
    loader = jinja2.FileSystemLoader(str(templates_dir))
    common: dict[str, object] = {
        "undefined": jinja2.StrictUndefined,
        "keep_trailing_newline": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
    }
    text_env = jinja2.Environment(loader=loader, autoescape=False, **common)  # type: ignore[arg-type]
    html_env = jinja2.Environment(loader=loader, autoescape=True, **common)  # type: ignore[arg-type]
    return text_env, html_env


def render_bodies(
    template: str, context: dict[str, object], templates_dir: Path | None = None
) -> tuple[str, str]:
    """Render mail/<template>.txt and mail/<template>.html; a missing template is a one-line InviteError."""
    text_env, html_env = _environments((templates_dir or TEMPLATES_DIR).resolve())
    try:
        text = text_env.get_template(f"mail/{template}.txt").render(**context)
        html = html_env.get_template(f"mail/{template}.html").render(**context)
    except jinja2.TemplateNotFound as exc:
        raise InviteError(f"mail template not found: {exc.name}") from exc
    return text, html


def pick_language(attendee: Attendee, fallback: str) -> str:
    """The attendee's language when we have texts for it, else the body's, else Finnish."""
    for lang in (attendee.language, fallback):
        if lang and lang.lower()[:2] in LANGUAGES:
            return lang.lower()[:2]
    return "fi"


def invite_context(event: InviteEvent, kind: Kind, attendee: Attendee, language: str) -> dict[str, object]:
    """What the invite/update/cancel templates may use; all strings already cleaned, none marked safe."""
    return {
        "kind": kind,
        "language": language,
        "name": clean_line(attendee.name),
        "is_chair": attendee.role == "chair",
        "summary": clean_line(event.summary),
        "when": format_when(event, language),
        "timezone": "" if event.all_day else event.timezone,
        "location": clean_line(event.location),
        "description": clean_text(event.description).strip(),
        "agenda": [clean_line(a) for a in event.agenda if clean_line(a)],
        "carried": [carried_line(c, language) for c in event.carried],
        "organizer_name": clean_line(event.organizer.name),
        "organizer_email": check_email(event.organizer.email),
    }


# ---------------------------------------------------------------- composition


def compose_invite(
    event: InviteEvent,
    method: Method,
    attendee: Attendee,
    *,
    sender: Organizer,
    language: str,
    message_id_domain: str,
    secret_key: str | bytes,
    first_message_id: str | None = None,
    templates_dir: Path | None = None,
    kind: Kind | None = None,
    ics_attachment: bool = True,
    calendar: bytes | None = None,
) -> EmailMessage:
    """One iMIP mail for one attendee (RFC 6047): mixed[alternative[plain, html, calendar], invite.ics].

    Without `ics_attachment` the calendar object is in the mail once: alternative[plain, html, calendar].
    `calendar`: the calendar object already built for this attendee and language (a big body's).
    """
    rcpt = check_email(attendee.email)
    if rcpt not in {check_email(a.email) for a in event.attendees}:
        raise InviteError(f"{rcpt} is not an attendee of this meeting")
    lang = pick_language(attendee, language)
    kind = kind or invite_kind(event, method)
    ics = calendar if calendar is not None else build_calendar(event, method, language=lang)
    message_id = invite_message_id(event, kind, rcpt, secret_key=secret_key, domain=message_id_domain)
    text, html = render_bodies(f"{kind}.{lang}", invite_context(event, kind, attendee, lang), templates_dir)

    calendar_part = MIMEPart(policy=SMTP)
    calendar_part.set_content(ics, maintype="text", subtype="calendar", cte="base64")
    # The header registry would quote method="REQUEST"; Outlook and Google send it bare, so store it raw.
    del calendar_part["Content-Type"]
    del calendar_part["Content-Transfer-Encoding"]
    calendar_part.set_raw("Content-Type", f'text/calendar; charset="UTF-8"; method={method}')
    calendar_part.set_raw("Content-Transfer-Encoding", "base64")

    body_parts = [_text_part(text, "plain"), _text_part(html, "html"), calendar_part]
    msg = EmailMessage(policy=SMTP)
    organizer = make_address(event.organizer.name, event.organizer.email)
    from_addr = make_address(sender.name, sender.email)
    _headers(
        msg,
        sender=from_addr,
        to=make_address(attendee.name, rcpt),
        subject=invite_subject(event, kind, lang),
        when=event.stamp,
        message_id=message_id,
        in_reply_to=first_message_id if first_message_id and _msgid(first_message_id) != message_id else None,
        references=(),
        # Replies (and iTIP REPLYs from some clients) belong to the organizer, not a robot sender.
        reply_to=organizer if organizer.addr_spec != from_addr.addr_spec else None,
    )
    if not ics_attachment:
        # Outlook's form: the calendar object once, read by iMIP clients from the alternative.
        msg["Content-Type"] = "multipart/alternative"
        for part in body_parts:
            msg.attach(cast(EmailMessage, part))
        msg.set_boundary(_boundary(message_id, "alt"))
        return msg
    attachment = MIMEPart(policy=SMTP)
    attachment.set_content(
        ics,
        maintype="application",
        subtype="ics",
        cte="base64",
        disposition="attachment",
        filename="invite.ics",
        params={"name": "invite.ics"},
    )
    msg["Content-Type"] = "multipart/mixed"
    msg.attach(cast(EmailMessage, _multipart("alternative", body_parts, _boundary(message_id, "alt"))))
    msg.attach(cast(EmailMessage, attachment))
    msg.set_boundary(_boundary(message_id, "mixed"))
    return msg


def compose_text_mail(
    to: Address | tuple[str, str],
    subject: str,
    text: str,
    html: str | None = None,
    *,
    sender: Address | tuple[str, str],
    message_id: str,
    date: datetime,
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    reply_to: Address | tuple[str, str] | None = None,
    headers: Sequence[tuple[str, str]] = (),
) -> EmailMessage:
    """A plain notification mail (text, or text+HTML alternative) with the same header hygiene."""

    def addr(value: Address | tuple[str, str]) -> Address:
        if isinstance(value, Address):
            return make_address(value.display_name, value.addr_spec)
        return make_address(value[0], value[1])

    mid = _msgid(message_id)
    msg = EmailMessage(policy=SMTP)
    _headers(
        msg,
        sender=addr(sender),
        to=addr(to),
        subject=subject,
        when=date,
        message_id=mid,
        in_reply_to=in_reply_to,
        references=references,
        reply_to=addr(reply_to) if reply_to is not None else None,
    )
    for name, value in headers:
        hname = clean_line(name)
        if not re.fullmatch(r"[A-Za-z0-9-]+", hname) or hname.lower().startswith("content-"):
            raise InviteError(f"not an allowed extra header name: {hname[:40]!r}")
        msg[hname] = clean_header(value)
    if html is None:
        msg.set_content(clean_text(text), subtype="plain", charset="utf-8", cte="quoted-printable")
        return msg
    msg["Content-Type"] = "multipart/alternative"
    msg.attach(cast(EmailMessage, _text_part(clean_text(text), "plain")))
    msg.attach(cast(EmailMessage, _text_part(html, "html")))
    msg.set_boundary(_boundary(mid, "alt"))
    return msg
