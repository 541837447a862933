"""Mail composition (pure): iMIP invitations per RFC 6047 and plain notification mails, byte-stable."""

from __future__ import annotations

import binascii
import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass
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
    SV_WEEKDAYS,
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
from muistio.patterns import regex
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
LANGUAGES = ("fi", "sv", "en")
TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"

_SUBJECT_PREFIX: dict[tuple[str, str], str] = {
    ("fi", "invite"): "Kutsu",
    ("fi", "update"): "Päivitetty kutsu",
    ("fi", "cancel"): "Peruttu",
    ("en", "invite"): "Invitation",
    ("en", "update"): "Updated invitation",
    ("en", "cancel"): "Cancelled",
    ("sv", "invite"): "Kallelse",
    ("sv", "update"): "Uppdaterad kallelse",
    ("sv", "cancel"): "Inställt",
}
_MSGID_RE = regex(r"^<?([^<>\s@\"]+@[^<>\s@\"]+)>?$")


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
    """13 / 13.30 (fi and sv, short drops :00) or 13:00 (en)."""
    if language == "en":
        return f"{value.hour:02d}:{value.minute:02d}"
    if short and value.minute == 0:
        return f"{value.hour}"
    return f"{value.hour}.{value.minute:02d}"


def _day(day: date, language: str) -> str:
    """ke 20.6.2018 / ons 20 juni 2018 / Wed 20 June 2018."""
    names = {"en": EN_WEEKDAYS, "sv": SV_WEEKDAYS}.get(language, FI_WEEKDAYS)
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
    at = {"fi": "klo ", "sv": "kl. "}.get(lang, "")
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
    text_template, html_template = _templates(
        templates_dir.resolve() if templates_dir else TEMPLATES_DIR, template
    )
    return text_template.render(**context), html_template.render(**context)


@lru_cache(maxsize=64)
def _templates(templates_dir: Path, template: str) -> tuple[jinja2.Template, jinja2.Template]:
    """The compiled (text, html) pair, looked up once: a digest run renders thousands of mails."""
    text_env, html_env = _environments(templates_dir)
    try:
        return text_env.get_template(f"mail/{template}.txt"), html_env.get_template(f"mail/{template}.html")
    except jinja2.TemplateNotFound as exc:
        raise InviteError(f"mail template not found: {exc.name}") from exc


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


# ---------------------------------------------------------------- the fast path for notification mail


@dataclass(frozen=True)
class RawMail:
    """A notification mail already in wire form (CRLF), with what the outbox row needs."""

    recipient: str
    subject: str
    message_id: str
    raw: bytes


def _qp(text: str) -> bytes:
    """UTF-8 quoted-printable body lines with CRLF (binascii's C encoder, not the email package's loop)."""
    encoded = binascii.b2a_qp(text.replace("\r\n", "\n").encode("utf-8"), istext=True)
    return encoded.replace(b"\n", b"\r\n")


def _encoded_words(text: str) -> str:
    """RFC 2047 base64 words of at most 36 UTF-8 bytes (never a character split): lines stay under 78."""
    data = text.encode("utf-8")
    if len(data) <= 36:  # names and most subjects: one word, no character loop
        return f"=?utf-8?b?{binascii.b2a_base64(data, newline=False).decode('ascii')}?="
    words: list[str] = []
    chunk: list[str] = []
    size = 0
    for ch in text:
        n = len(ch.encode("utf-8"))
        if size + n > 36:
            words.append("".join(chunk))
            chunk, size = [], 0
        chunk.append(ch)
        size += n
    words.append("".join(chunk))
    encoded = (binascii.b2a_base64(w.encode("utf-8"), newline=False).decode("ascii") for w in words)
    return "\r\n ".join(f"=?utf-8?b?{e}?=" for e in encoded)


def _base64_lines(data: bytes) -> bytes:
    """Base64 in 76-character CRLF lines."""
    return b"".join(binascii.b2a_base64(data[i : i + 57]) for i in range(0, len(data), 57)).replace(
        b"\n", b"\r\n"
    )


@lru_cache(maxsize=65536)
def _checked(email: str) -> str:
    """check_email, remembered (a run addresses the same few thousand people; errors are not cached)."""
    return check_email(email)


@lru_cache(maxsize=256)
def _date_header(when: datetime) -> str:
    """The Date value; a run stamps every mail with the same instant."""
    return format_datetime(when.astimezone(UTC).replace(microsecond=0))


@lru_cache(maxsize=65536)
def _raw_address(name: str, email: str) -> str:
    """`Name <a@b>`: the display name cleaned, quoted if it needs it, RFC 2047 encoded if not ASCII."""
    addr = _checked(email)
    display = clean_header(name).replace('"', "'")
    if not display:
        return addr
    if display.isascii():
        # RFC 5322 specials (and our own quote stand-in) force a quoted string.
        if re.search(r'[()<>\[\]:;@\\,."]', display):
            display = '"' + display.replace("\\", "\\\\") + '"'
        return f"{display} <{addr}>"
    words = _encoded_words(display)
    last = words.rsplit("\n", 1)[-1]
    # Fold before the address when the line would pass 78 characters (RFC 5322 2.1.1).
    return f"{words}{' ' if len(last) + len(addr) < 70 else chr(13) + chr(10) + ' '}<{addr}>"


def _raw_text_header(name: str, value: str) -> str:
    """`Name: value` with the value cleaned to one line; non-ASCII as RFC 2047 encoded words."""
    clean = clean_header(value)
    if clean.isascii() and len(clean) + len(name) < 76:
        return f"{name}: {clean}"
    return f"{name}: " + _encoded_words(clean)


def raw_text_mail(
    to: tuple[str, str],
    subject: str,
    text: str,
    html: str,
    *,
    sender: tuple[str, str],
    message_id: str,
    date: datetime,
    reply_to: tuple[str, str] | None = None,
    headers: Sequence[tuple[str, str]] = (),
    calendar: bytes | None = None,
    method: Method = "REQUEST",
) -> RawMail:
    """A text+HTML notification in wire form, built without the header registry (~10x cheaper).

    With `calendar` it has the iMIP shape of an invitation (RFC 6047): mixed[alternative[plain,
    html, text/calendar; method=...], invite.ics], so a reminder can carry the event again.

    Same hygiene as compose_text_mail: every value goes through clean_header (one line, no `=?`,
    so CVE-2024-6923 cannot bite), addresses through check_email; encoded words are made here.
    """
    if date.tzinfo is None:
        raise InviteError("the Date header needs an aware datetime")
    mid = _msgid(message_id)
    rcpt = _checked(to[1])
    lines = [f"From: {_raw_address(*sender)}", f"To: {_raw_address(to[0], rcpt)}"]
    if reply_to is not None:
        lines.append(f"Reply-To: {_raw_address(*reply_to)}")
    lines += [
        _raw_text_header("Subject", subject),
        f"Date: {_date_header(date)}",
        f"Message-ID: {mid}",
        "MIME-Version: 1.0",
    ]
    for name, value in headers:
        hname = clean_line(name)
        if not re.fullmatch(r"[A-Za-z0-9-]+", hname) or hname.lower().startswith("content-"):
            raise InviteError(f"not an allowed extra header name: {hname[:40]!r}")
        lines.append(_raw_text_header(hname, value))
    if method not in ("REQUEST", "CANCEL"):
        raise InviteError(f"unknown iTIP method: {method!r} (use REQUEST or CANCEL)")
    boundary = _boundary(mid, "alt")
    alt_type = f'Content-Type: multipart/alternative;\r\n boundary="{boundary}"'
    if calendar is not None:
        mixed = _boundary(mid, "mixed")
        lines.append(f'Content-Type: multipart/mixed;\r\n boundary="{mixed}"')
    else:
        lines.append(alt_type)
    head = "\r\n".join(lines).encode("ascii")
    leaf = b'Content-Type: text/%s; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
    sep = f"--{boundary}\r\n".encode("ascii")
    parts = [sep, leaf % b"plain", _qp(clean_text(text)), b"\r\n", sep, leaf % b"html", _qp(html), b"\r\n"]
    if calendar is not None:
        ics = _base64_lines(calendar)
        parts += [
            sep,
            f'Content-Type: text/calendar; charset="UTF-8"; method={method}\r\n'.encode("ascii"),
            b"Content-Transfer-Encoding: base64\r\n\r\n",
            ics,
        ]
    parts.append(f"--{boundary}--\r\n".encode("ascii"))
    body = b"".join(parts)
    if calendar is not None:
        outer = f"--{mixed}\r\n".encode("ascii")
        body = b"".join(
            [
                outer, alt_type.encode("ascii"), b"\r\n\r\n", body,
                outer, b'Content-Type: application/ics; name="invite.ics"\r\n',
                b"Content-Transfer-Encoding: base64\r\n",
                b'Content-Disposition: attachment; filename="invite.ics"\r\n\r\n', ics,
                f"--{mixed}--\r\n".encode("ascii"),
            ]
        )  # fmt: skip
    return RawMail(
        recipient=rcpt, subject=clean_header(subject), message_id=mid, raw=head + b"\r\n\r\n" + body
    )
