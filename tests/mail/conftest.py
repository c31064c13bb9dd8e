"""A real SMTP server (aiosmtpd) on a free loopback port, told how to answer by each test."""

import asyncio
import socket
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller


@dataclass
class SmtpServer:
    """Answers RCPT and DATA with `rcpt_reply` / `data_reply` (None: accept) and records what it saw."""

    rcpt_reply: str | None = None
    data_reply: str | None = None
    while_sending: object = None  # called (in a thread) while a message is being received
    connections: int = 0
    recipients_tried: list[str] = field(default_factory=list)
    accepted: list[bytes] = field(default_factory=list)
    seen_while_sending: list = field(default_factory=list)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.recipients_tried.append(address)
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.while_sending is not None:
            self.seen_while_sending.append(await asyncio.to_thread(self.while_sending))
        if self.data_reply:
            return self.data_reply
        self.accepted.append(envelope.content)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """The project's SMTP email backend pointed at a fresh aiosmtpd server."""
    handler = SmtpServer()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield handler
    controller.stop()
