"""The newsletter's mail goes through a real SMTP server on loopback (tests/smtp.py)."""

from email.message import Message

import pytest


@pytest.fixture
def inbox(smtp):
    return smtp


def part(message: Message, content_type: str) -> str:
    for piece in message.walk():
        if piece.get_content_type() == content_type:
            return piece.get_payload(decode=True).decode()
    raise AssertionError(f"no {content_type} part")
