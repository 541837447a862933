"""Invitation mails: golden .eml files, MIME shape per RFC 6047, header hygiene, languages, threading."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import jinja2
import pytest
from icalendar import Calendar
from test_invite import SEEDS, START_UTC, check_golden, seed_cancel, seed_request, seed_update, utc

from muistio.invite import Attendee, InviteError, InviteEvent, build_calendar
from muistio.mail import (
    TEMPLATES_DIR,
    clean_header,
    compose_invite,
    compose_text_mail,
    format_when,
    invite_kind,
    invite_message_id,
    invite_subject,
    keyed_message_id,
    message_bytes,
)

SECRET = "test-secret"
DOMAIN = "muistio.example.org"
CHAIR, SANNA, JYRKI, ASA = seed_request().attendees
# Which attendee's mail is kept as the golden .eml for each version (covers fi and en).
GOLDEN_RECIPIENT = {"request": CHAIR, "update": JYRKI, "cancel": SANNA}


def first_id(recipient: Attendee) -> str:
    """The Message-ID of the first invitation this recipient got."""
    return invite_message_id(seed_request(), "invite", recipient.email, secret_key=SECRET, domain=DOMAIN)


def compose(kind: str, attendee: Attendee, event: InviteEvent | None = None, **kw: object) -> EmailMessage:
    make, method = SEEDS[kind]
    ev = event or make()
    return compose_invite(
        ev,
        method,  # type: ignore[arg-type]
        attendee,
        sender=ev.organizer,
        language="fi",
        message_id_domain=DOMAIN,
        secret_key=SECRET,
        first_message_id=None if kind == "request" else first_id(attendee),
        **kw,  # type: ignore[arg-type]
    )


def body(msg: EmailMessage, subtype: str) -> str:
    """The decoded text of the plain or html body, with LF line ends."""
    part = msg.get_body((subtype,))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


def ics_of(msg: EmailMessage) -> bytes:
    """The decoded bytes of the text/calendar part."""
    (part,) = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    data = part.get_payload(decode=True)
    assert isinstance(data, bytes)
    return data


def parse(data: bytes) -> EmailMessage:
    msg = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


@pytest.mark.parametrize("kind", list(SEEDS))
def test_golden_mail(kind: str) -> None:
    check_golden(f"diginyt-{kind}.eml", message_bytes(compose(kind, GOLDEN_RECIPIENT[kind])))


@pytest.mark.parametrize("kind", list(SEEDS))
def test_identical_input_gives_identical_mail_bytes(kind: str) -> None:
    assert message_bytes(compose(kind, SANNA)) == message_bytes(compose(kind, SANNA))


@pytest.mark.parametrize("kind", list(SEEDS))
def test_mime_tree_is_mixed_alternative_plus_ics_attachment(kind: str) -> None:
    msg = parse(message_bytes(compose(kind, SANNA)))
    method = SEEDS[kind][1]
    shape = [(part.get_content_type(), part.get("Content-Transfer-Encoding")) for part in msg.walk()]
    assert shape == [
        ("multipart/mixed", None),
        ("multipart/alternative", None),
        ("text/plain", "quoted-printable"),
        ("text/html", "quoted-printable"),
        ("text/calendar", "base64"),
        ("application/ics", "base64"),
    ]
    parts = list(msg.walk())
    cal_part, attachment = parts[4], parts[5]
    # Written bare, as Outlook and Google do (the parser re-quotes it when read back).
    raw = message_bytes(compose(kind, SANNA))
    assert f'Content-Type: text/calendar; charset="UTF-8"; method={method}\r\n'.encode() in raw
    assert cal_part.get_param("method") == method
    assert cal_part.get_content_disposition() is None
    assert attachment.get_content_disposition() == "attachment"
    assert attachment.get_filename() == "invite.ics"
    ics = cal_part.get_payload(decode=True)
    assert ics == attachment.get_payload(decode=True)
    assert ics == build_calendar(SEEDS[kind][0](), method, language="fi")  # type: ignore[arg-type]
    parsed = Calendar.from_ical(ics)
    assert str(parsed["METHOD"]) == method  # the MIME method= equals the object's METHOD
    assert utc(parsed.events[0].start) == START_UTC


def test_one_message_per_attendee_addressed_to_that_attendee_only() -> None:
    for att in seed_request().attendees:
        msg = parse(message_bytes(compose("request", att)))
        assert [a.addr_spec for a in msg["To"].addresses] == [att.email]
        assert msg["Cc"] is None and msg["Bcc"] is None


def test_headers_keep_finnish_names_via_rfc2047() -> None:
    data = message_bytes(compose("request", ASA))
    head = data.split(b"\r\n\r\n", 1)[0]
    head.decode("ascii")  # no raw 8-bit in headers without SMTPUTF8
    msg = parse(data)
    assert msg["To"].addresses[0].display_name == "Åsa Öhman-Kärkkäinen"
    assert msg["From"].addresses[0].display_name == "Aleksi Kopponen"
    assert msg["Subject"] == "Kutsu: DigiNYT-seurantaryhmä ke 20.6.2018 klo 13–15"
    assert msg["Date"] == "Fri, 01 Jun 2018 09:00:00 +0000"
    assert msg["MIME-Version"] == "1.0"


def test_subjects_in_both_languages() -> None:
    req, upd, can = seed_request(), seed_update(), seed_cancel()
    assert (
        invite_subject(req, "invite", "en")
        == "Invitation: DigiNYT-seurantaryhmä Wed 20 June 2018 13:00–15:00"
    )
    assert invite_subject(upd, "update", "fi").startswith("Päivitetty kutsu: DigiNYT-seurantaryhmä ke 20.6.")
    assert invite_subject(upd, "update", "en").startswith("Updated invitation: ")
    assert invite_subject(can, "cancel", "fi").startswith("Peruttu: ")
    assert invite_subject(can, "cancel", "en").startswith("Cancelled: ")
    assert invite_kind(req, "REQUEST") == "invite"
    assert invite_kind(upd, "REQUEST") == "update"
    assert invite_kind(can, "CANCEL") == "cancel"


def test_when_formats_minutes_dates_and_multi_day() -> None:
    req = seed_request()
    assert isinstance(req.start, datetime) and isinstance(req.end, datetime)
    half = replace(req, start=req.start.replace(minute=30), end=req.end.replace(hour=16, minute=15))
    assert format_when(half, "fi") == "ke 20.6.2018 klo 13.30–16.15"
    assert format_when(half, "en") == "Wed 20 June 2018 13:30–16:15"
    day = replace(req, start=datetime(2018, 6, 20).date(), end=None)
    assert format_when(day, "fi") == "ke 20.6.2018"
    assert format_when(day, "en") == "Wed 20 June 2018"
    two = replace(req, end=req.end.replace(day=21))
    assert format_when(two, "fi") == "ke 20.6.2018 klo 13 – to 21.6.2018 klo 15"


def test_language_follows_the_attendee_with_body_fallback() -> None:
    en = parse(message_bytes(compose("request", JYRKI)))
    fi = parse(message_bytes(compose("request", ASA)))  # no language of her own: the body's (fi)
    en_text = body(en, "plain")
    fi_text = body(fi, "plain")
    assert en["Subject"].startswith("Invitation: ") and "Hello Virtanen, Jyrki," in en_text
    assert (
        "Open action items carried over:" in en_text and "(owner: Sanna Mäkelä; due 15 June 2018)" in en_text
    )
    assert fi["Subject"].startswith("Kutsu: ") and "Hei Åsa Öhman-Kärkkäinen," in fi_text
    assert "Asialista:\n1. Kokouksen avaus" in fi_text
    assert "(vastuu: Sanna Mäkelä; määräaika 15.6.2018)" in fi_text
    # The calendar's DESCRIPTION is in the same language as the mail.
    en_ics = Calendar.from_ical(ics_of(en))
    assert "Agenda:" in str(en_ics.events[0]["DESCRIPTION"])
    chair = body(parse(message_bytes(compose("request", CHAIR))), "plain")
    assert "Olet kokouksen puheenjohtaja." in chair


def test_cancel_mail_says_cancelled_and_has_no_agenda() -> None:
    text = body(parse(message_bytes(compose("cancel", SANNA))), "plain")
    assert "Kokous on peruttu." in text and "Asialista" not in text


def test_message_ids_are_keyed_deterministic_and_threaded() -> None:
    first = parse(message_bytes(compose("request", SANNA)))
    update = parse(message_bytes(compose("update", SANNA)))
    cancel = parse(message_bytes(compose("cancel", SANNA)))
    ids = {first["Message-ID"], update["Message-ID"], cancel["Message-ID"]}
    assert len(ids) == 3 and all(i.endswith(f"@{DOMAIN}>") for i in ids)
    assert first["Message-ID"] == first_id(SANNA)
    assert first["In-Reply-To"] is None and first["References"] is None
    for later in (update, cancel):
        assert later["In-Reply-To"] == first["Message-ID"]
        assert later["References"] == first["Message-ID"]
    # Another recipient or another key gives another id; the id does not reveal the inputs.
    assert first_id(JYRKI) != first_id(SANNA)
    other_key = invite_message_id(seed_request(), "invite", SANNA.email, secret_key="other", domain=DOMAIN)
    assert other_key != first_id(SANNA)
    assert "sanna" not in first_id(SANNA) and seed_request().uid.split("@")[0] not in first_id(SANNA)


def test_boundaries_are_deterministic_and_absent_from_bodies() -> None:
    msg = compose("request", SANNA)
    data = message_bytes(msg)
    boundary = msg.get_boundary()
    assert boundary and boundary.startswith("=_muistio_mixed_")
    assert data.count(boundary.encode()) == 4  # header, two delimiters, closing


def test_reply_to_points_at_organizer_when_a_robot_sends() -> None:
    ev = seed_request()
    robot = replace(ev.organizer, name="muistio", email="muistio@example.org")
    msg = compose_invite(
        ev, "REQUEST", SANNA, sender=robot, language="fi", message_id_domain=DOMAIN, secret_key=SECRET
    )
    parsed = parse(message_bytes(msg))
    assert parsed["From"].addresses[0].addr_spec == "muistio@example.org"
    assert parsed["Reply-To"].addresses[0].addr_spec == "aleksi.kopponen@example.org"


# ---------------------------------------------------------------- header injection


INJECTIONS = [
    "Evil\r\nBcc: injected@example.com",
    "Evil\nBcc: injected@example.com",
    "Evil\rBcc: injected@example.com",
    "A=?UTF-8?Q?=0A?=Bcc: injected@example.com",  # CVE-2024-6923: encoded newline
    "A =?utf-8?b?Cg==?= Bcc: injected@example.com",
    "Evil\u2028Bcc: injected@example.com",
    "Evil\x00\x0bBcc: injected@example.com",
]
EXPECTED_HEADERS = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version"]


def _assert_clean(data: bytes) -> None:
    """Exactly the expected top-level headers, and no header line was smuggled in."""
    msg = parse(data)
    assert [k for k in msg if not k.startswith("Content-")] == EXPECTED_HEADERS
    head = data.split(b"\r\n\r\n", 1)[0]
    for line in head.split(b"\r\n"):
        assert not line.lower().startswith(b"bcc"), line
    for name in ("To", "Subject"):
        assert "\n" not in str(msg[name]) and "\r" not in str(msg[name])


@pytest.mark.parametrize("payload", INJECTIONS)
def test_attendee_name_cannot_inject_headers(payload: str) -> None:
    ev = seed_request()
    evil = Attendee(payload, "victim@example.org")
    ev = replace(ev, attendees=(*ev.attendees, evil))
    msg = compose_invite(
        ev, "REQUEST", evil, sender=ev.organizer, language="fi", message_id_domain=DOMAIN, secret_key=SECRET
    )
    _assert_clean(message_bytes(msg))


@pytest.mark.parametrize("payload", INJECTIONS)
def test_meeting_title_cannot_inject_headers(payload: str) -> None:
    ev = replace(seed_request(), summary=payload)
    msg = compose_invite(
        ev, "REQUEST", SANNA, sender=ev.organizer, language="fi", message_id_domain=DOMAIN, secret_key=SECRET
    )
    data = message_bytes(msg)
    _assert_clean(data)
    ics = Calendar.from_ical(ics_of(parse(data)))
    assert len(ics.events) == 1 and len(ics.events[0].attendees) == 4


@pytest.mark.parametrize("payload", INJECTIONS)
def test_text_mail_cannot_inject_headers(payload: str) -> None:
    msg = compose_text_mail(
        (payload, "victim@example.org"),
        payload,
        "body",
        sender=("muistio", "muistio@example.org"),
        message_id=keyed_message_id(SECRET, DOMAIN, "reminder", 1),
        date=datetime(2018, 6, 19, 6, 0, tzinfo=UTC),
    )
    _assert_clean(message_bytes(msg))


def test_clean_header_flattens_controls_and_encoded_words() -> None:
    assert clean_header("a\r\n b\tc\x00d") == "a b c d"
    assert "=?" not in clean_header("x=?utf-8?q?=0A?=y")


def test_bad_addresses_are_one_line_errors() -> None:
    ev = seed_request()
    bad = Attendee("X", "x@example.org\r\nBcc: y@example.org")
    with pytest.raises(InviteError) as info:
        compose_invite(
            replace(ev, attendees=(bad,)),
            "REQUEST",
            bad,
            sender=ev.organizer,
            language="fi",
            message_id_domain=DOMAIN,
            secret_key=SECRET,
        )
    assert "\n" not in str(info.value)
    with pytest.raises(InviteError, match="not an attendee"):
        compose_invite(
            ev,
            "REQUEST",
            Attendee("Z", "z@example.org"),
            sender=ev.organizer,
            language="fi",
            message_id_domain=DOMAIN,
            secret_key=SECRET,
        )


# ---------------------------------------------------------------- HTML escaping and templates


def test_html_part_escapes_minutes_text() -> None:
    script = "<script>alert(1)</script>\"'&"
    ev = replace(
        seed_request(),
        summary=script,
        location=script,
        description=script,
        agenda=(script,),
        attendees=(Attendee(script, "sanna.makela@example.org"),),
    )
    msg = parse(
        message_bytes(
            compose_invite(
                ev,
                "REQUEST",
                ev.attendees[0],
                sender=ev.organizer,
                language="en",
                message_id_domain=DOMAIN,
                secret_key=SECRET,
            )
        )
    )
    html = body(msg, "html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    text = body(msg, "plain")
    assert "<script>alert(1)</script>" in text  # plain text is not HTML-escaped


def test_every_mail_template_renders_in_both_formats_and_html_autoescapes() -> None:
    mail_dir = TEMPLATES_DIR / "mail"
    names = sorted(p.name for p in mail_dir.iterdir() if not p.name.startswith("_"))
    expected = sorted(
        f"{k}.{lang}.{ext}"
        for k in ("invite", "update", "cancel")
        for lang in ("fi", "sv", "en")
        for ext in ("txt", "html")
    )
    assert [n for n in names if n.split(".")[0] in ("invite", "update", "cancel")] == expected
    for path in mail_dir.glob("*.html"):
        assert jinja2.select_autoescape()(path.name)  # HTML templates end .html so autoescape applies
        assert "|safe" not in path.read_text().replace(" ", "")


def test_templates_dir_override(tmp_path: Path) -> None:
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    (mail_dir / "invite.fi.txt").write_text("OMA {{ summary }}\n")
    (mail_dir / "invite.fi.html").write_text("<p>OMA {{ summary }}</p>\n")
    msg = parse(message_bytes(compose("request", SANNA, templates_dir=tmp_path)))
    assert body(msg, "plain") == "OMA DigiNYT-seurantaryhmä\n"
    with pytest.raises(InviteError, match="template not found"):
        compose("update", SANNA, templates_dir=tmp_path)


# ---------------------------------------------------------------- generic text mail


def _reminder(html: str | None, headers: list[tuple[str, str]]) -> EmailMessage:
    """A reminder-like text mail threaded under a digest."""
    return compose_text_mail(
        ("Sanna Mäkelä", "sanna.makela@example.org"),
        "Muistutus: tehtävä",
        "Hei!\n",
        html,
        sender=("muistio", "muistio@example.org"),
        message_id=keyed_message_id(SECRET, DOMAIN, "reminder", "x", 1),
        date=datetime(2018, 6, 19, 6, 0, tzinfo=UTC),
        in_reply_to=keyed_message_id(SECRET, DOMAIN, "digest", "2018-06-01"),
        headers=headers,
    )


def test_compose_text_mail_alternative_and_threading() -> None:
    parent = keyed_message_id(SECRET, DOMAIN, "digest", "2018-06-01")
    auto = [("Auto-Submitted", "auto-generated")]
    data = message_bytes(_reminder("<p>Hei!</p>", auto))
    assert data == message_bytes(_reminder("<p>Hei!</p>", auto))
    parsed = parse(data)
    kinds = [p.get_content_type() for p in parsed.walk()]
    assert kinds == ["multipart/alternative", "text/plain", "text/html"]
    assert parsed["In-Reply-To"] == parent and parsed["References"] == parent
    assert parsed["Auto-Submitted"] == "auto-generated"
    assert parsed["Subject"] == "Muistutus: tehtävä"
    assert parse(message_bytes(_reminder(None, []))).get_content_type() == "text/plain"
    with pytest.raises(InviteError, match="extra header"):
        _reminder(None, [("Bcc\r\nX", "y")])


# ---------------------------------------------------------------- CVE-2024-6923 on every header

# An RFC 2047 encoded word that Python 3.11.7 would decode into a CRLF and a header of its own.
ENCODED_NEWLINE = "=?utf-8?q?a=0D=0AX-Injected=3A_1?="


def _header_lines(msg: EmailMessage) -> list[bytes]:
    return message_bytes(msg).split(b"\r\n\r\n", 1)[0].split(b"\r\n")


def test_an_encoded_word_in_an_address_is_refused() -> None:
    with pytest.raises(InviteError, match="not a usable e-mail address"):
        compose_text_mail(
            ("N", ENCODED_NEWLINE + "@example.org"), "s", "t",
            sender=("S", "s@example.org"), message_id="<m@example.org>",
            date=datetime(2025, 1, 1, tzinfo=UTC),
        )  # fmt: skip


@pytest.mark.parametrize("field", ["in_reply_to", "references", "message_id"])
def test_an_encoded_word_in_a_message_id_is_refused(field: str) -> None:
    value = f"<{ENCODED_NEWLINE}@example.org>"
    kw: dict[str, object] = {"message_id": "<m@example.org>"}
    kw[field] = [value] if field == "references" else value
    with pytest.raises(InviteError, match="not a Message-ID"):
        compose_text_mail(
            ("N", "n@example.org"), "s", "t", sender=("S", "s@example.org"),
            date=datetime(2025, 1, 1, tzinfo=UTC), **kw,  # type: ignore[arg-type]
        )  # fmt: skip


def test_encoded_words_in_names_and_subject_stay_on_their_line() -> None:
    msg = compose_text_mail(
        (ENCODED_NEWLINE, "n@example.org"), ENCODED_NEWLINE, "t",
        sender=(ENCODED_NEWLINE, "s@example.org"), message_id="<m@example.org>",
        date=datetime(2025, 1, 1, tzinfo=UTC), headers=[("X-Note", ENCODED_NEWLINE)],
    )  # fmt: skip
    assert not any(line.startswith(b"X-Injected") for line in _header_lines(msg))
