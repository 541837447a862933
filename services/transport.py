"""Mail transports: SMTP (smtplib), a Maildir for the embedded default, and an in-memory twin for tests."""

from __future__ import annotations

import base64
import contextlib
import mailbox
import smtplib
import ssl
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

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
    """Hands one finished message (bytes) to whatever carries mail."""

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


@dataclass
class SMTPTransport:
    """Sends through an SMTP server with smtplib: plain, STARTTLS or implicit TLS, optional login."""

    host: str
    port: int = 587
    security: str = "starttls"  # none | starttls | ssl
    user: str | None = None
    password: str | None = None
    timeout: float = 30.0
    ssl_context: ssl.SSLContext | None = None
    local_hostname: str | None = None

    def _connect(self) -> smtplib.SMTP:
        context = self.ssl_context or ssl.create_default_context()
        smtp: smtplib.SMTP
        if self.security == "ssl":
            smtp = smtplib.SMTP_SSL(
                self.host,
                self.port,
                timeout=self.timeout,
                context=context,
                local_hostname=self.local_hostname,
            )
        else:
            smtp = smtplib.SMTP(
                self.host, self.port, timeout=self.timeout, local_hostname=self.local_hostname
            )
        try:
            smtp.ehlo()
            if self.security == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
            if self.user:
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

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        """Send once; a reply of 250 to DATA counts as delivered even if closing fails afterwards."""
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
        try:
            refused = smtp.sendmail(sender, list(recipients), raw)
        except smtplib.SMTPRecipientsRefused as exc:
            _close(smtp)
            raise _worst(exc.recipients) from exc
        except smtplib.SMTPResponseException as exc:
            _close(smtp)
            raise _classify(exc.smtp_code, exc.smtp_error, "server") from exc
        except (OSError, smtplib.SMTPException) as exc:
            # Lost while talking: possibly delivered (RFC 1047); the retry carries the same Message-ID.
            _close(smtp)
            raise TemporaryFailure(f"connection lost: {exc or type(exc).__name__}") from exc
        _close(smtp)
        if refused:
            # A partial refusal raises nothing in smtplib; with one recipient per message it is the message.
            raise _worst(refused)


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


def transport_from_settings(settings: Settings) -> MailTransport:
    """SMTP when a host is configured, else the Maildir under the data directory."""
    if settings.smtp_host:
        return SMTPTransport(
            host=settings.smtp_host,
            port=settings.smtp_port,
            security=settings.smtp_security,
            user=settings.smtp_user,
            password=settings.smtp_password,
            timeout=settings.smtp_timeout,
        )
    return MaildirTransport(Path(settings.resolved_maildir))


def describe_transport(transport: MailTransport) -> str:
    """A short human description: where mail goes."""
    if isinstance(transport, SMTPTransport):
        return f"SMTP {transport.host}:{transport.port} ({transport.security})"
    if isinstance(transport, MaildirTransport):
        return f"Maildir {transport.path}"
    return type(transport).__name__
