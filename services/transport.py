"""Mail transports: SMTP (smtplib), a Maildir for the embedded default, and an in-memory twin for tests."""

from __future__ import annotations

import base64
import contextlib
import logging
import mailbox
import smtplib
import ssl
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from muistio.errors import MuistioError
from muistio.invite import clean_line

if TYPE_CHECKING:
    from muistio.settings import Settings


class DeliveryError(Exception):
    """A message could not be handed over."""


class TemporaryFailure(DeliveryError):
    """Try again later: a 4xx reply, a refused or lost connection, a timeout."""


class PermanentFailure(DeliveryError):
    """Do not try again: the server answered 5xx; `code` and `words` keep what it said."""

    def __init__(self, code: int, words: str) -> None:
        super().__init__(f"{code} {words}".strip())
        self.code = code
        self.words = words


class MailTransport(Protocol):
    """Hands one finished message (bytes) to whatever carries mail.

    A transport may also have `close()`, which the sender calls after a batch (an SMTP session ends).
    """

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        """Deliver or raise TemporaryFailure / PermanentFailure."""
        ...


def _words(reply: bytes | str) -> str:
    """A server reply as one line of text."""
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())


def _classify(code: int, reply: bytes | str, what: str) -> DeliveryError:
    """5xx is permanent, anything else (4xx, odd codes) is worth another try."""
    words = _words(reply)
    if 500 <= code < 600:
        return PermanentFailure(code, words)
    return TemporaryFailure(f"{what}: {code} {words}".strip())


class TransportSettingsError(MuistioError):
    """Mail settings muistio refuses to send with; the message is one line saying what to set."""


DEFAULT_SECRET_KEY = "change-me"
log = logging.getLogger("muistio.mail")


@dataclass
class SMTPTransport:
    """Sends through an SMTP server with smtplib: plain, STARTTLS or implicit TLS, optional login.

    One connection carries many messages (a batch): it is opened at the first send, kept open, and
    replaced after `per_session` messages or when the server has dropped it. `close()` ends it.
    """

    host: str
    port: int = 587
    security: str = "starttls"  # none | starttls | ssl
    user: str | None = None
    password: str | None = None
    timeout: float = 30.0
    ssl_context: ssl.SSLContext | None = None
    local_hostname: str | None = None
    per_session: int = 500
    allow_plain_login: bool = False
    connections: int = field(default=0, init=False)  # how many sessions this transport opened
    _smtp: smtplib.SMTP | None = field(default=None, init=False, repr=False)
    _in_session: int = field(default=0, init=False, repr=False)
    _warned: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.user and self.security == "none" and not self.allow_plain_login:
            raise TransportSettingsError(
                f"refusing to log in to {self.host}:{self.port} without TLS: set MUISTIO_SMTP_SECURITY="
                "starttls or ssl (or MUISTIO_SMTP_ALLOW_PLAIN_LOGIN=true to send the password in clear)"
            )

    def _tls_context(self) -> ssl.SSLContext:
        """The client TLS context, built once per transport and only when TLS is used."""
        if self.ssl_context is None:
            self.ssl_context = ssl.create_default_context()
        return self.ssl_context

    def _connect(self) -> smtplib.SMTP:
        smtp: smtplib.SMTP
        if self.security == "ssl":
            smtp = smtplib.SMTP_SSL(
                self.host,
                self.port,
                timeout=self.timeout,
                context=self._tls_context(),
                local_hostname=self.local_hostname,
            )
        else:
            smtp = smtplib.SMTP(
                self.host, self.port, timeout=self.timeout, local_hostname=self.local_hostname
            )
        try:
            smtp.ehlo()
            if self.security == "starttls":
                smtp.starttls(context=self._tls_context())
                smtp.ehlo()
            if self.user:
                if self.security == "none" and not self._warned:
                    self._warned = True
                    log.warning(
                        "muistio: SMTP login as %s to %s:%s without TLS; the password crosses the network "
                        "in clear (MUISTIO_SMTP_ALLOW_PLAIN_LOGIN is on)",
                        self.user, self.host, self.port,
                    )  # fmt: skip
                self._login(smtp)
        except BaseException:
            _close(smtp)
            raise
        return smtp

    def _login(self, smtp: smtplib.SMTP) -> None:
        password = self.password or ""
        if password.isascii() and self.user and self.user.isascii():
            smtp.login(self.user, password)
            return
        # smtplib.login() cannot encode non-ASCII credentials; AUTH PLAIN with UTF-8 bytes can.
        token = base64.b64encode(b"\0" + (self.user or "").encode() + b"\0" + password.encode()).decode()
        code, reply = smtp.docmd("AUTH", "PLAIN " + token)
        if code != 235:
            raise smtplib.SMTPAuthenticationError(code, reply)

    def _session(self) -> smtplib.SMTP:
        """The open connection, or a new one; failures to open are classified like any other."""
        if self._smtp is not None:
            return self._smtp
        try:
            smtp = self._connect()
        except smtplib.SMTPAuthenticationError as exc:
            # A login problem is the configuration's fault, not the message's: keep it for a later try.
            raise TemporaryFailure(f"login refused: {exc.smtp_code} {_words(exc.smtp_error)}") from exc
        except smtplib.SMTPResponseException as exc:
            raise _classify(exc.smtp_code, exc.smtp_error, "connect") from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporaryFailure(
                f"cannot reach {self.host}:{self.port}: {exc or type(exc).__name__}"
            ) from exc
        self._smtp, self._in_session = smtp, 0
        self.connections += 1
        return smtp

    def _discard(self) -> None:
        """Forget a connection that broke (closing it quietly)."""
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                smtp.close()

    def _reset(self) -> None:
        """RSET after a refused transaction so the connection can carry the next message."""
        if self._smtp is None:
            return
        try:
            code, _ = self._smtp.rset()
        except (OSError, smtplib.SMTPException):
            code = 0
        if code != 250:
            self._discard()

    def _envelope(
        self, smtp: smtplib.SMTP, sender: str, recipients: Sequence[str]
    ) -> dict[str, tuple[int, bytes]]:
        """MAIL FROM and RCPT TO; returns the refused recipients, raises if none is accepted."""
        code, reply = smtp.mail(sender)
        if code != 250:
            self._discard() if code == 421 else self._reset()
            raise _classify(code, reply, "sender refused")
        refused: dict[str, tuple[int, bytes]] = {}
        for rcpt in recipients:
            code, reply = smtp.rcpt(rcpt)
            if code not in (250, 251):
                refused[rcpt] = (code, reply)
                if code == 421:
                    self._discard()
                    raise _classify(code, reply, f"recipient {rcpt} refused")
        if len(refused) == len(recipients):
            self._reset()
            raise _worst(refused)
        return refused

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        """Send once; a reply of 250 to DATA counts as delivered even if closing fails afterwards."""
        reused = self._smtp is not None
        smtp = self._session()
        try:
            refused = self._envelope(smtp, sender, recipients)
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            self._discard()
            if not reused:
                raise TemporaryFailure(f"connection lost: {exc or type(exc).__name__}") from exc
            # A kept-open connection the server dropped meanwhile; no data went, so one fresh try is safe.
            smtp = self._session()
            try:
                refused = self._envelope(smtp, sender, recipients)
            except (OSError, smtplib.SMTPServerDisconnected) as again:
                self._discard()
                raise TemporaryFailure(f"connection lost: {again or type(again).__name__}") from again
        try:
            code, reply = smtp.data(raw)
        except smtplib.SMTPDataError as exc:  # DATA itself refused: nothing was handed over
            self._discard() if exc.smtp_code == 421 else self._reset()
            raise _classify(exc.smtp_code, exc.smtp_error, "server") from exc
        except (OSError, smtplib.SMTPException) as exc:
            # Lost while the message went or before its reply: possibly delivered (RFC 1047); the retry
            # carries the same bytes, so the same Message-ID.
            self._discard()
            raise TemporaryFailure(f"connection lost: {exc or type(exc).__name__}") from exc
        if code != 250:
            self._discard() if code == 421 else self._reset()
            raise _classify(code, reply, "server")
        self._in_session += 1
        if self._in_session >= self.per_session:
            self.close()
        if refused:
            # A partial refusal; with one recipient per message it cannot happen, but never hide it.
            raise _worst(refused)

    def close(self) -> None:
        """QUIT the open connection, if any; an error here changes nothing already sent."""
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            _close(smtp)


def _worst(refused: dict[str, tuple[int, bytes]]) -> DeliveryError:
    """The permanent refusal if any recipient got one, else a temporary one."""
    items = sorted(refused.items(), key=lambda kv: -kv[1][0])
    address, (code, reply) = items[0]
    error = _classify(code, reply, f"recipient {address} refused")
    return error


def _close(smtp: smtplib.SMTP) -> None:
    """QUIT politely; an error here changes nothing (the GitLab/Mastodon duplicate lesson)."""
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        with contextlib.suppress(OSError):
            smtp.close()


@dataclass
class MaildirTransport:
    """Writes each message into a Maildir, so a setup without SMTP still shows real mail."""

    path: Path

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        """Add the message to the Maildir's new/ folder, with the envelope in Return-Path/X-Original-To."""
        # Raw header lines: a CR or LF in a configured sender or a stored recipient must not start a new one.
        to = ", ".join(clean_line(r) for r in recipients)
        envelope = f"Return-Path: <{clean_line(sender)}>\r\nX-Original-To: {to}\r\n".encode()
        try:
            # Maildir(create=True) makes only the last directory; the data dir may not exist yet.
            self.path.parent.mkdir(parents=True, exist_ok=True)
            box = mailbox.Maildir(self.path, create=True)
            box.add(envelope + raw)
        except OSError as exc:
            raise TemporaryFailure(f"cannot write to Maildir {self.path}: {exc.strerror or exc}") from exc

    def close(self) -> None:
        """Nothing held open between messages."""


@dataclass
class Sent:
    """One message the memory transport accepted."""

    raw: bytes
    sender: str
    recipients: list[str]


@dataclass
class MemoryTransport:
    """Keeps messages in a list; `failures` are raised first, one per send, to script a bad server."""

    sent: list[Sent] = field(default_factory=list)
    failures: list[DeliveryError] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        """Record the message, or raise the next scripted failure."""
        with self._lock:
            if self.failures:
                raise self.failures.pop(0)
            self.sent.append(Sent(raw, sender, list(recipients)))

    def close(self) -> None:
        """Nothing held open."""


def check_secret_key(settings: Settings) -> None:
    """Refuse to send mail keyed by the published default secret (Message-IDs would be guessable)."""
    if settings.secret_key in ("", DEFAULT_SECRET_KEY):
        raise TransportSettingsError(
            "refusing to send mail with the default MUISTIO_SECRET_KEY; set a long random one, e.g. "
            "export MUISTIO_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )


def transport_from_settings(settings: Settings) -> MailTransport:
    """SMTP when a host is configured, else the Maildir under the data directory."""
    check_secret_key(settings)
    if settings.smtp_host:
        return SMTPTransport(
            host=settings.smtp_host,
            port=settings.smtp_port,
            security=settings.smtp_security,
            user=settings.smtp_user,
            password=settings.smtp_password,
            timeout=settings.smtp_timeout,
            per_session=settings.smtp_per_session,
            allow_plain_login=settings.smtp_allow_plain_login,
        )
    return MaildirTransport(Path(settings.resolved_maildir))


def describe_transport(transport: MailTransport) -> str:
    """A short human description: where mail goes."""
    if isinstance(transport, SMTPTransport):
        return f"SMTP {transport.host}:{transport.port} ({transport.security})"
    if isinstance(transport, MaildirTransport):
        return f"Maildir {transport.path}"
    return type(transport).__name__
