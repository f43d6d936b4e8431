"""Inbound email, sent the way mail servers send it: over SMTP to the real listener on
loopback, and through `manage.py mail_inbound`'s standard input."""

import io
import smtplib
import socket
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from django.core import mail
from django.core.management import call_command

from practica.discussions.services import comment_create, post_create
from practica.mailin.listener import listener
from practica.mailin.tokens import reply_address

DOMAIN = "mail.practica.test"


@pytest.fixture(autouse=True)
def _inbound(settings):
    settings.EMAIL_INBOUND_DOMAIN = DOMAIN
    settings.SITE_URL = "https://practica.test"


def _free_port() -> int:
    """A port the system says is free now (a fixed range can be taken by another run)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp_listener(transactional_db, _inbound):
    controller = listener("127.0.0.1", _free_port())
    controller.start()
    yield controller
    controller.stop()


def smtp_send(controller, raw: bytes, *, to: list[str], sender: str = "x@example.org"):
    """Send `raw` to the listener as a mail server would; the server's refusals raise."""
    raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")  # lines end in CRLF on the wire
    with smtplib.SMTP(controller.hostname, controller.port, timeout=30) as client:
        return client.sendmail(sender, to, raw)


def stdin_send(raw: bytes, *, to: list[str], sender: str | None = None) -> int:
    """Pipe `raw` to `manage.py mail_inbound`; its exit code."""
    args = [f"--recipient={address}" for address in to]
    if sender is not None:
        args.append(f"--sender={sender}")
    try:
        call_command("mail_inbound", *args, stdin=io.BytesIO(raw))
    except SystemExit as stop:
        return int(stop.code or 0)
    return 0


@pytest.fixture(params=["smtp", "stdin"])
def deliver(request, transactional_db):
    """Hand a message in through each inbound path in turn."""
    if request.param == "smtp":
        controller = request.getfixturevalue("smtp_listener")

        def send(raw, *, to, sender="someone@example.org"):
            smtp_send(controller, raw, to=to, sender=sender)

    else:

        def send(raw, *, to, sender="someone@example.org"):
            assert stdin_send(raw, to=to, sender=sender) == 0

    send.path = request.param
    return send


def message(
    *,
    sender: str,
    to: str,
    subject: str = "Re: A thread",
    text: str = "I agree, and here is why.",
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain="example.org")
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(text)
    return msg


QUOTED_NOTIFICATION = (
    "\n\nOn Mon, 23 Nov 2026 at 10:00, Practica <practica@localhost> wrote:\n"
    "> Chris Chair commented on “A thread”\n> https://practica.test/posts/1/\n"
)


@pytest.fixture
def thread(community, chair):
    return post_create(
        actor=chair, community=community, kind="discussion", title="A thread", body="Opening"
    )


@pytest.fixture
def chair_comment(thread, chair):
    return comment_create(actor=chair, post=thread, body="The chair's comment")


def address_for(user, post, comment=None) -> str:
    return reply_address(user_id=user.pk, post_id=post.pk, comment_id=comment and comment.pk)


class Answers:
    """The answers sent back to senders (the outbound mail, kept in memory in tests): the
    automatic replies among the site's other emails (notifications of the new comment…)."""

    def _list(self) -> list:
        return [m for m in mail.outbox if m.extra_headers.get("Auto-Submitted") == "auto-replied"]

    def __getitem__(self, index):
        return self._list()[index]

    def __len__(self) -> int:
        return len(self._list())

    def __iter__(self):
        return iter(self._list())

    def __eq__(self, other) -> bool:
        return self._list() == other

    def __repr__(self) -> str:
        return repr([m.subject for m in self._list()])


@pytest.fixture
def answers():
    mail.outbox.clear()
    return Answers()
