"""Replies by email meet the same refusal as the site: a suspended member's reply to a
thread, or (suspended everywhere) to a private conversation, is answered with the reason
and their words, and nothing is posted."""

import pytest
from django.core import mail

from practica.communities.services.standing import member_suspend
from practica.discussions.models import Comment
from practica.discussions.services import post_create
from practica.mailin.tokens import reply_address
from practica.messaging.models import Message
from practica.messaging.notify import REPLY_KIND
from practica.messaging.services import conversation_start
from tests.mailin.conftest import DOMAIN, address_for, message, stdin_send

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _inbound(settings):
    settings.EMAIL_INBOUND_DOMAIN = DOMAIN
    settings.SITE_URL = "https://practica.test"


def _answer_to(person) -> str:
    answers = [
        m
        for m in mail.outbox
        if m.extra_headers.get("Auto-Submitted") == "auto-replied" and m.to == [person.email]
    ]
    assert len(answers) == 1, [m.subject for m in mail.outbox]
    return answers[0].body


def test_a_reply_to_a_thread_by_a_suspended_member_is_refused(community, chair, member):
    thread = post_create(
        actor=chair, community=community, kind="discussion", title="A thread", body="Opening"
    )
    member_suspend(actor=chair, member=member, community=community, days=7, reason="Insults")
    mail.outbox.clear()
    to = address_for(member, thread)
    raw = message(sender=member.email, to=to, text="Let me say this anyway").as_bytes()
    assert stdin_send(raw, to=[to], sender=member.email) == 0
    assert not Comment.objects.filter(post=thread).exists()
    body = _answer_to(member)
    assert "You are suspended from writing in" in body and "Insults" in body
    assert "> Let me say this anyway" in body  # nothing they wrote is lost


def test_a_reply_to_a_conversation_by_someone_suspended_everywhere_is_refused(
    community, chair, member, staff
):
    conversation = conversation_start(actor=chair, recipients=[member], body="Hello")
    member_suspend(actor=staff, member=member, community=None, days=3, reason="Spam")
    mail.outbox.clear()
    to = reply_address(user_id=member.pk, post_id=conversation.pk, comment_id=None, kind=REPLY_KIND)
    raw = message(sender=member.email, to=to, text="Cheap watches").as_bytes()
    assert stdin_send(raw, to=[to], sender=member.email) == 0
    assert not Message.objects.filter(sender=member).exists()
    body = _answer_to(member)
    assert "anywhere on the platform" in body and "Spam" in body
