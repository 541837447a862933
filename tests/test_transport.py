"""Mail transports against a real SMTP server on loopback, a Maildir, and the in-memory twin."""

from __future__ import annotations

import mailbox
import ssl
import subprocess
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from smtp_support import Recorder, SMTPServer, free_port, smtp_server

from muistio.settings import Settings
from services.transport import (
    MaildirTransport,
    MemoryTransport,
    PermanentFailure,
    SMTPTransport,
    TemporaryFailure,
    TransportSettingsError,
    transport_from_settings,
)

RAW = (
    b"From: Sihteeri <muistio@example.org>\r\nTo: a@example.org\r\nSubject: Hei\r\n"
    b"Message-ID: <abc@muistio.local>\r\n\r\nRivi yksi.\r\n.Piste alussa.\r\n"
)


def plain(server: SMTPServer, **kw: object) -> SMTPTransport:
    return SMTPTransport(host="127.0.0.1", port=server.port, security="none", timeout=5, **kw)  # type: ignore[arg-type]


def test_smtp_delivers_envelope_and_bytes() -> None:
    with smtp_server() as server:
        plain(server).send(RAW, "muistio@example.org", ["a@example.org"])
    [env] = server.handler.envelopes
    assert env.mail_from == "muistio@example.org"
    assert env.rcpt_tos == ["a@example.org"]
    msg = server.handler.messages()[0]
    assert msg["Message-ID"] == "<abc@muistio.local>"
    assert ".Piste alussa." in msg.get_content()  # dot-stuffing round trip


def test_550_on_recipient_is_permanent_with_server_words() -> None:
    handler = Recorder(rcpt_replies={"ghost@example.org": "550 5.1.1 No such user here"})
    with smtp_server(handler) as server, pytest.raises(PermanentFailure) as info:
        plain(server).send(RAW, "muistio@example.org", ["ghost@example.org"])
    assert info.value.code == 550
    assert "5.1.1 No such user here" in str(info.value)
    assert handler.envelopes == []


def test_451_on_data_is_temporary() -> None:
    handler = Recorder(data_replies=["451 4.3.0 Try again later"])
    with (
        smtp_server(handler) as server,
        pytest.raises(TemporaryFailure, match=r"451 4\.3\.0 Try again later"),
    ):
        plain(server).send(RAW, "muistio@example.org", ["a@example.org"])


def test_554_on_data_is_permanent() -> None:
    handler = Recorder(data_replies=["554 5.7.1 Message rejected as spam"])
    with smtp_server(handler) as server, pytest.raises(PermanentFailure) as info:
        plain(server).send(RAW, "muistio@example.org", ["a@example.org"])
    assert info.value.code == 554 and "spam" in info.value.words


def test_refused_connection_is_temporary() -> None:
    port = free_port()  # nobody listens there
    transport = SMTPTransport(host="127.0.0.1", port=port, security="none", timeout=3)
    with pytest.raises(TemporaryFailure, match=r"cannot reach 127\.0\.0\.1"):
        transport.send(RAW, "muistio@example.org", ["a@example.org"])


def test_timeout_waiting_for_reply_is_temporary() -> None:
    handler = Recorder(data_delay=2.0)
    with smtp_server(handler) as server:
        transport = SMTPTransport(host="127.0.0.1", port=server.port, security="none", timeout=0.5)
        with pytest.raises(TemporaryFailure, match="connection lost"):
            transport.send(RAW, "muistio@example.org", ["a@example.org"])


def test_drop_after_accept_counts_as_delivered() -> None:
    # GitLab 410336 / Mastodon 23727: an error on QUIT after the 250 must not cause a resend.
    handler = Recorder(drop_on_quit=True)
    with smtp_server(handler) as server:
        plain(server).send(RAW, "muistio@example.org", ["a@example.org"])
    assert len(handler.envelopes) == 1


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    done = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        capture_output=True,
        check=False,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip("openssl cannot make a test certificate")
    return cert, key


def test_starttls_and_login(tls_files: tuple[Path, Path]) -> None:
    cert, key = tls_files
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    logins: list[tuple[bytes, bytes]] = []

    def authenticator(
        server: object, session: object, envelope: object, mech: str, data: object
    ) -> AuthResult:
        login, password = data.login, data.password  # type: ignore[attr-defined]
        logins.append((login, password))
        return AuthResult(success=password == "sälasana".encode(), handled=False)

    handler = Recorder()
    port = free_port()
    ctl = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        tls_context=server_ctx,
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=True,
    )
    ctl.start()
    try:
        client_ctx = ssl.create_default_context(cafile=str(cert))
        good = SMTPTransport(
            host="127.0.0.1", port=port, security="starttls", user="sihteeri", password="sälasana",
            timeout=5, ssl_context=client_ctx,
        )  # fmt: skip
        good.send(RAW, "muistio@example.org", ["a@example.org"])
        bad = SMTPTransport(
            host="127.0.0.1", port=port, security="starttls", user="sihteeri", password="wrong",
            timeout=5, ssl_context=client_ctx,
        )  # fmt: skip
        with pytest.raises(TemporaryFailure, match="login refused: 535"):
            bad.send(RAW, "muistio@example.org", ["a@example.org"])
        no_tls = SMTPTransport(host="127.0.0.1", port=port, security="none", timeout=5)
        with pytest.raises(PermanentFailure) as info:
            no_tls.send(RAW, "muistio@example.org", ["a@example.org"])
        assert info.value.code == 530
    finally:
        ctl.stop()
    assert len(handler.envelopes) == 1
    assert logins[0] == (b"sihteeri", "sälasana".encode())


def test_maildir_writes_one_file_per_message(tmp_path: Path) -> None:
    transport = MaildirTransport(tmp_path / "maildir")
    transport.send(RAW, "muistio@example.org", ["a@example.org"])
    transport.send(RAW.replace(b"abc@", b"def@"), "muistio@example.org", ["b@example.org"])
    files = sorted((tmp_path / "maildir" / "new").iterdir())
    assert len(files) == 2
    box = mailbox.Maildir(tmp_path / "maildir", create=False)
    ids = sorted(str(m["Message-ID"]) for m in box)
    assert ids == ["<abc@muistio.local>", "<def@muistio.local>"]
    assert {str(m["X-Original-To"]) for m in box} == {"a@example.org", "b@example.org"}


def test_maildir_unwritable_is_temporary(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(TemporaryFailure, match="cannot write to Maildir"):
        MaildirTransport(blocker / "maildir").send(RAW, "a@b.fi", ["c@d.fi"])


def test_memory_transport_scripts_failures() -> None:
    transport = MemoryTransport(failures=[TemporaryFailure("451 busy")])
    with pytest.raises(TemporaryFailure):
        transport.send(RAW, "a@b.fi", ["c@d.fi"])
    transport.send(RAW, "a@b.fi", ["c@d.fi"])
    assert [s.recipients for s in transport.sent] == [["c@d.fi"]]


def test_transport_from_settings(tmp_path: Path) -> None:
    embedded = transport_from_settings(Settings(data_dir=tmp_path, secret_key="k"))
    assert isinstance(embedded, MaildirTransport) and embedded.path == tmp_path / "maildir"
    smtp = transport_from_settings(
        Settings(
            data_dir=tmp_path, smtp_host="mail.example.org", smtp_port=465, smtp_security="ssl",
            secret_key="k", smtp_per_session=7,
        )
    )  # fmt: skip
    assert isinstance(smtp, SMTPTransport)
    assert (smtp.host, smtp.port, smtp.security, smtp.per_session) == ("mail.example.org", 465, "ssl", 7)


def test_the_default_secret_key_is_refused_with_how_to_set_one(tmp_path: Path) -> None:
    with pytest.raises(TransportSettingsError) as info:
        transport_from_settings(Settings(data_dir=tmp_path))
    message = str(info.value)
    assert "\n" not in message and "MUISTIO_SECRET_KEY" in message and "export" in message


def test_plain_login_is_refused_unless_allowed_then_warned(caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(TransportSettingsError, match="without TLS"):
        SMTPTransport(host="127.0.0.1", port=25, security="none", user="u", password="p")
    logins: list[bytes] = []

    def authenticator(*args: object) -> AuthResult:
        logins.append(args[-1].login)  # type: ignore[attr-defined]
        return AuthResult(success=True)

    handler = Recorder()
    port = free_port()
    ctl = Controller(
        handler, hostname="127.0.0.1", port=port, authenticator=authenticator, auth_require_tls=False
    )
    ctl.start()
    try:
        allowed = SMTPTransport(
            host="127.0.0.1", port=port, security="none", user="u", password="p", allow_plain_login=True,
            timeout=5, per_session=1,
        )  # fmt: skip
        with caplog.at_level("WARNING", logger="muistio.mail"):
            allowed.send(RAW, "muistio@example.org", ["a@example.org"])
            allowed.send(RAW, "muistio@example.org", ["b@example.org"])
    finally:
        ctl.stop()
    warnings = [r.getMessage() for r in caplog.records if r.name == "muistio.mail"]
    assert len(warnings) == 1 and "without TLS" in warnings[0]  # one line, before the first login
    assert logins == [b"u", b"u"] and len(handler.envelopes) == 2


def test_one_session_carries_many_messages_without_tls_context() -> None:
    with smtp_server() as server:
        transport = plain(server, per_session=4)
        for n in range(10):
            transport.send(RAW, "muistio@example.org", [f"r{n}@example.org"])
        transport.close()
    assert len(server.handler.envelopes) == 10
    assert transport.connections == 3 == len(server.handler.sessions)  # 4 + 4 + 2
    assert transport.ssl_context is None  # no TLS, so no context was ever built


def test_a_connection_dropped_between_messages_is_reopened_at_once() -> None:
    handler = Recorder(drop_at_mail=[2])
    with smtp_server(handler) as server:
        transport = plain(server)
        for n in range(4):
            transport.send(RAW, "muistio@example.org", [f"r{n}@example.org"])
        transport.close()
    assert [e.rcpt_tos[0] for e in handler.envelopes] == [f"r{n}@example.org" for n in range(4)]
    assert transport.connections == 2


def test_a_refused_message_leaves_the_session_usable() -> None:
    handler = Recorder(rcpt_replies={"ghost@example.org": "550 5.1.1 No such user"})
    with smtp_server(handler) as server:
        transport = plain(server)
        transport.send(RAW, "muistio@example.org", ["a@example.org"])
        with pytest.raises(PermanentFailure):
            transport.send(RAW, "muistio@example.org", ["ghost@example.org"])
        transport.send(RAW, "muistio@example.org", ["b@example.org"])
        transport.close()
    assert [e.rcpt_tos for e in handler.envelopes] == [["a@example.org"], ["b@example.org"]]
    assert transport.connections == 1
