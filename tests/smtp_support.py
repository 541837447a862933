"""Test support: a real aiosmtpd server on loopback that can refuse, defer, stall or record."""

from __future__ import annotations

import asyncio
import email
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from muistio.settings import Settings


def free_port() -> int:
    """A loopback port nobody listens on (aiosmtpd cannot take port 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Recorder:
    """An SMTP handler: scripted replies for DATA and RCPT, every accepted envelope kept."""

    envelopes: list[Any] = field(default_factory=list)
    data_replies: list[str] = field(default_factory=list)  # used first, one per DATA
    rcpt_replies: dict[str, str] = field(default_factory=dict)  # address -> reply
    data_delay: float = 0.0
    drop_on_quit: bool = False
    sessions: list[Any] = field(default_factory=list)  # one entry per SMTP connection that sent MAIL
    drop_at_mail: list[int] = field(default_factory=list)  # drop the connection at MAIL after n accepted
    drop_in_data: list[int] = field(default_factory=list)  # drop it during DATA after n accepted

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if self.drop_at_mail and len(self.envelopes) >= self.drop_at_mail[0]:
            self.drop_at_mail.pop(0)
            server.transport.close()  # the server goes away between two messages
            return "421 4.3.0 Closing"
        if not any(s is session for s in self.sessions):
            self.sessions.append(session)
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        reply = self.rcpt_replies.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        if self.drop_in_data and len(self.envelopes) >= self.drop_in_data[0]:
            self.drop_in_data.pop(0)
            server.transport.close()  # lost before the reply: the client cannot know (RFC 1047)
            return "451 4.3.0 Lost"
        if self.data_replies:
            reply = self.data_replies.pop(0)
            if not reply.startswith("250"):
                return reply
        self.envelopes.append(envelope)
        return "250 2.0.0 OK"

    async def handle_QUIT(self, server: Any, session: Any, envelope: Any) -> str:
        if self.drop_on_quit:
            server.transport.close()  # the connection dies after the message was accepted
        return "221 Bye"

    def messages(self) -> list[EmailMessage]:
        """Every accepted message, parsed."""
        return [
            email.message_from_bytes(e.original_content or e.content, policy=default) for e in self.envelopes
        ]


class SMTPServer:
    """An aiosmtpd Controller on 127.0.0.1 that can be stopped and started again on the same port."""

    def __init__(self, handler: Recorder | None = None) -> None:
        self.handler = handler or Recorder()
        self.port = free_port()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@contextmanager
def smtp_server(handler: Recorder | None = None) -> Iterator[SMTPServer]:
    """A started server, stopped afterwards."""
    server = SMTPServer(handler)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def mail_settings(tmp_path: Path, **kw: object) -> Settings:
    """Settings for mail tests: fixed sender, key and Message-ID domain, data under tmp_path."""
    return Settings(
        data_dir=tmp_path, mail_from="muistio@example.org", secret_key="test-secret",
        message_id_domain="muistio.test", **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def point_at_smtp(monkeypatch: pytest.MonkeyPatch, *, database_url: str, data_dir: Path, port: int) -> None:
    """The MUISTIO_* environment a flow reads: this database, this data dir, the loopback SMTP server."""
    for key, value in {
        "MUISTIO_DATABASE_URL": database_url, "MUISTIO_DATA_DIR": str(data_dir),
        "MUISTIO_SMTP_HOST": "127.0.0.1", "MUISTIO_SMTP_PORT": str(port),
        "MUISTIO_SMTP_SECURITY": "none", "MUISTIO_MAIL_FROM": "muistio@example.org",
        "MUISTIO_SECRET_KEY": "test-secret",
    }.items():  # fmt: skip
        monkeypatch.setenv(key, value)
