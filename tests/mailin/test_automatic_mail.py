"""Auto-replies and delivery reports are never posted and never answered; hard bounces
stop email to an address after EMAIL_HARD_BOUNCE_LIMIT, and its member is told on the site."""

from email.utils import make_msgid

import pytest

from practica.discussions.models import Comment
from practica.notifications.models import EmailSettings, Notification
from practica.notifications.tasks import notification_email_send

from .conftest import address_for, message

AUTOMATIC = [
    {"Auto-Submitted": "auto-replied"},
    {"Auto-Submitted": "auto-generated"},
    {"Precedence": "bulk"},
    {"Precedence": "junk"},
    {"Precedence": "list"},
    {"X-Autoreply": "yes"},
    {"Return-Path": "<>"},
]


@pytest.mark.parametrize("headers", AUTOMATIC, ids=lambda h: "-".join(next(iter(h.items()))))
def test_auto_replies_are_neither_posted_nor_answered(deliver, thread, member, answers, headers):
    to = address_for(member, thread)
    raw = message(
        sender=member.email, to=to, text="I am out of the office until Monday.", headers=headers
    ).as_bytes()
    deliver(raw, to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    assert answers == []


def test_auto_submitted_no_is_a_person_writing(deliver, thread, member):
    to = address_for(member, thread)
    deliver(
        message(sender=member.email, to=to, headers={"Auto-Submitted": "no"}).as_bytes(), to=[to]
    )

    assert Comment.objects.filter(post=thread, author=member).exists()


def test_an_empty_envelope_sender_is_a_bounce_and_never_answered(deliver, thread, answers):
    to = address_for(thread.author, thread)
    deliver(message(sender="stranger@example.net", to=to).as_bytes(), to=[to], sender="")

    assert answers == []


def dsn(address: str, status: str) -> bytes:
    """A delivery status notification (RFC 3464), as mail servers send them."""
    return f"""From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
To: practica@mail.practica.test
Subject: Undelivered Mail Returned to Sender
Message-ID: {make_msgid(domain="mx.example.org")}
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain

This is the mail system. Your message could not be delivered.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; {address}
Action: failed
Status: {status}
Diagnostic-Code: smtp; 550 {status} User unknown

--b1--
""".encode()


def test_hard_bounces_stop_email_after_the_limit_and_the_member_is_told(
    deliver, member, settings, answers
):
    settings.EMAIL_HARD_BOUNCE_LIMIT = 3
    to = ["bounces@mail.practica.test"]
    for _ in range(2):
        deliver(dsn(member.email, "5.1.1"), to=to, sender="")
    assert EmailSettings.objects.get(user=member).stopped_at is None

    deliver(dsn(member.email.upper(), "5.1.1"), to=to, sender="")

    email = EmailSettings.objects.get(user=member)
    assert email.hard_bounces == 3 and email.stopped_at is not None
    told = Notification.objects.get(recipient=member, kind="email.stopped")
    assert "We stopped emailing you" in told.title
    assert answers == []  # reports are never answered
    # …and nothing more is emailed to the address.
    later = Notification.objects.create(recipient=member, kind="x", title="Later news")
    notification_email_send(later.pk)
    assert answers == []


def test_soft_bounces_count_for_nothing(deliver, member):
    deliver(dsn(member.email, "4.2.2"), to=["bounces@mail.practica.test"], sender="")

    assert not EmailSettings.objects.filter(user=member, hard_bounces__gt=0).exists()
