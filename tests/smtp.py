"""A real SMTP server on loopback (aiosmtpd) that the platform's mail goes through, for the
tests of notification emails, digests and the newsletter."""

import email
import os
import socket
from email.message import Message

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """What the server received; `refuse` makes it answer 451 for these recipients."""

    def __init__(self) -> None:
        self.raw: list[tuple[list[str], bytes]] = []
        self.refuse: set[str] = set()

    async def handle_DATA(self, server, session, envelope):
        if self.refuse & set(envelope.rcpt_tos):
            return "451 Try again later"
        self.raw.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"

    @property
    def messages(self) -> list[Message]:
        return [email.message_from_bytes(raw) for _to, raw in self.raw]

    def to(self, address: str) -> list[Message]:
        return [email.message_from_bytes(raw) for to, raw in self.raw if address in to]

    def recipients(self) -> list[str]:
        return sorted(address for to, _raw in self.raw for address in to)

    def clear(self) -> None:
        self.raw.clear()


def _port() -> int:
    """PRACTICA_TEST_SMTP_PORT pins the port (machines that hand out ports); else one the
    system says is free now (a fixed range runs out while closed connections wait)."""
    if wanted := os.environ.get("PRACTICA_TEST_SMTP_PORT"):
        return int(wanted)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp(settings):
    """Mail from the platform goes to an aiosmtpd server on loopback; its inbox."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()


def parts(message: Message) -> dict[str, str]:
    """The message's text parts by content type, decoded."""
    found: dict[str, str] = {}
    for part in message.walk():
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True)
            found[part.get_content_type()] = payload.decode(part.get_content_charset() or "utf-8")
    return found
