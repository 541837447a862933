"""Swedish mail (invitations, digests), the wire-form fast path's header hygiene, and signed done links."""

from __future__ import annotations

import datetime as dt
import email
from email.message import EmailMessage
from email.policy import default

import pytest
from icalendar import Calendar
from test_invite import check_golden, seed_request
from test_mail import ASA, body, compose, ics_of, parse

from muistio.digest import OverdueItem, Owner, compose_digest, group_digests
from muistio.invite import Attendee, InviteError
from muistio.mail import message_bytes, raw_text_mail
from muistio.settings import Settings

ASA_SV = Attendee(ASA.name, ASA.email, ASA.role, "sv")
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)


def test_golden_swedish_invitation() -> None:
    check_golden("diginyt-request.sv.eml", message_bytes(compose("request", ASA_SV)))


def test_swedish_invitation_update_and_cancellation_read_swedish() -> None:
    msg = parse(message_bytes(compose("request", ASA_SV)))
    assert msg["Subject"] == "Kallelse: DigiNYT-seurantaryhmä ons 20 juni 2018 kl. 13–15"
    text = body(msg, "plain")
    assert text.startswith("Hej Åsa Öhman-Kärkkäinen,\n\nDu kallas till ett möte.")
    assert "Tid: ons 20 juni 2018 kl. 13–15 (Europe/Helsinki)" in text and "Arrangör: Aleksi Kopponen" in text
    assert "Föredragningslista:\n1. Kokouksen avaus" in text
    assert "Kootaan palaute kokeiluista (ansvarig: Sanna Mäkelä; senast 15 juni 2018)" in text
    assert '<html lang="sv">' in body(msg, "html")
    description = str(Calendar.from_ical(ics_of(msg)).events[0]["DESCRIPTION"])
    assert "Föredragningslista:" in description and "Öppna uppgifter:" in description
    assert parse(message_bytes(compose("update", ASA_SV)))["Subject"].startswith("Uppdaterad kallelse: ")
    cancel = parse(message_bytes(compose("cancel", ASA_SV)))
    assert cancel["Subject"].startswith("Inställt: ") and "Mötet har ställts in." in body(cancel, "plain")
    # Without a language of her own, the body's language decides (Finnish here).
    assert parse(message_bytes(compose("request", ASA)))["Subject"].startswith("Kutsu: ")


def test_muistio_language_accepts_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUISTIO_LANGUAGE", "sv")
    assert Settings().language == "sv"


def _item(owner: Owner, body_language: str = "fi", done_url: str | None = None) -> OverdueItem:
    return OverdueItem(
        id=4, text="Boka lokalen", due=dt.date(2026, 2, 20), meeting_date=dt.date(2026, 2, 16),
        body="Styrelsen", organizer=Owner("Sekreterare", "sekr@example.org"), owners=(owner,),
        due_phrase="före mars", body_language=body_language, done_url=done_url,
    )  # fmt: skip


def _parts(msg: EmailMessage) -> tuple[str, str]:
    text, html = msg.get_body(("plain",)), msg.get_body(("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


def _digest(item: OverdueItem) -> EmailMessage:
    (digest,) = group_digests([item]).digests
    return compose_digest(
        digest, dt.date(2026, 3, 2), stamp=NOW, sender=("muistio", "muistio@example.org"),
        secret_key="k", message_id_domain="muistio.test",
    )  # fmt: skip


def test_swedish_digest_by_the_persons_or_the_bodys_language() -> None:
    msg = _digest(_item(Owner("Åsa Öhman", "asa@example.org", "sv")))
    assert msg["Subject"] == "Försenade uppgifter (1) – vecka 10"
    assert msg["To"] == "Åsa Öhman <asa@example.org>"
    text, html = _parts(msg)
    assert text.startswith("Hej Åsa Öhman,\n\ndu har försenade uppgifter (läget 2 mars 2026):")
    assert 'Senast: 20 februari 2026 ("före mars"), 10 dagar försenad' in text
    assert "Möte: Styrelsen 16 februari 2026" in text and "Markera som klar: muistio item done 4" in text
    assert '<html lang="sv">' in html
    by_body = _digest(_item(Owner("Utan Språk", "nolang@example.org"), body_language="sv"))
    assert by_body["Subject"] == "Försenade uppgifter (1) – vecka 10"


def test_a_signed_done_link_replaces_the_cli_command() -> None:
    url = "https://desk.example.org/done/4?sig=abc&x=<1>"
    text, html = _parts(_digest(_item(Owner("Sanna", "sanna@example.org", "fi"), done_url=url)))
    assert f"Merkitse tehdyksi: {url}" in text and "muistio item done" not in text
    assert '<a href="https://desk.example.org/done/4?sig=abc&amp;x=&lt;1&gt;">Merkitse tehdyksi</a>' in html


@pytest.mark.parametrize(
    "subject",
    [
        "Hei\r\nBcc: evil@example.org",
        "=?utf-8?q?=0D=0ABcc:_evil@example.org?= tehtävät",
        "x\u2028Bcc: evil@example.org",
        "Ä" * 200,  # long non-ASCII: many encoded words, folded, still one header
    ],
)
def test_the_fast_path_keeps_every_header_one_clean_line(subject: str) -> None:
    mail = raw_text_mail(
        ('Sanna "Q", Mäkelä\r\nBcc: x@example.org', "sanna@example.org"), subject, "teksti\r\n", "<p>x</p>",
        sender=("muistio", "muistio@example.org"), message_id="<abc@muistio.test>", date=NOW,
        headers=[("Auto-Submitted", "auto-generated\r\nBcc: y@example.org")],
    )  # fmt: skip
    msg = email.message_from_bytes(mail.raw, policy=default)
    assert list(msg.keys()) == [
        "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Auto-Submitted", "Content-Type",
    ]  # fmt: skip
    assert "\n" not in str(msg["Subject"]) and "Bcc" not in msg and msg["To"].addresses[0].username == "sanna"
    assert all(len(line) <= 78 for line in mail.raw.split(b"\r\n"))
    assert b"\n" not in mail.raw.replace(b"\r\n", b"")
    with pytest.raises(InviteError):
        raw_text_mail(
            ("x", "bad address"), "s", "t", "h", sender=("m", "m@example.org"), message_id="<a@b>", date=NOW
        )


def test_seed_event_is_unchanged_by_swedish_support() -> None:
    assert seed_request().language == "fi"
