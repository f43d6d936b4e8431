"""EMAIL_URL sends the platform's mail through a real SMTP server (here, one on loopback)."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[2]


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], str]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, inbox
    controller.stop()


def test_email_url_delivers_through_smtp(smtp_server):
    controller, inbox = smtp_server
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "EMAIL_URL": f"smtp://127.0.0.1:{controller.port}",
        "DEFAULT_FROM_EMAIL": "Practica <hello@practica.test>",
    }
    script = (
        "from django.core.mail import send_mail\n"
        "send_mail('Welcome', 'Hello from Practica', None, ['member@example.org'])\n"
    )
    subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
        env=env, cwd=ROOT, check=True,
    )  # fmt: skip
    assert len(inbox.messages) == 1
    sender, recipients, content = inbox.messages[0]
    assert sender == "hello@practica.test"
    assert recipients == ["member@example.org"]
    assert "Subject: Welcome" in content and "Hello from Practica" in content
