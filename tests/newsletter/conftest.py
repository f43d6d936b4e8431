"""A real SMTP server on loopback (aiosmtpd) that the site sends the newsletter through."""

import email
import os
import socket
from email.message import Message

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """What the server received; `refuse` makes it answer 451 for these recipients."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []
        self.refuse: set[str] = set()

    async def handle_DATA(self, server, session, envelope):
        if self.refuse & set(envelope.rcpt_tos):
            return "451 Try again later"
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content)))
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [m for rcpt, m in self.messages if address in rcpt]

    def recipients(self) -> list[str]:
        return sorted(r for rcpt, _m in self.messages for r in rcpt)

    def clear(self) -> None:
        self.messages.clear()


def _port() -> int:
    # PRACTICA_TEST_SMTP_PORT pins the port (machines that hand out ports); else any free one.
    if wanted := os.environ.get("PRACTICA_TEST_SMTP_PORT"):
        return int(wanted)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def inbox(settings):
    box = Inbox()
    controller = Controller(box, hostname="127.0.0.1", port=_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield box
    controller.stop()


def part(message: Message, content_type: str) -> str:
    for piece in message.walk():
        if piece.get_content_type() == content_type:
            return piece.get_payload(decode=True).decode()
    raise AssertionError(f"no {content_type} part")
