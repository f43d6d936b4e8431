"""The demo: the member and the chair in a conversation, the chair's last answer unread,
and a mentoring request waiting for the chair; seeding again adds nothing."""

import pytest
from django.core.management import call_command

from practica.accounts.models import User
from practica.messaging.models import Conversation, ExpertRequest, Message
from tests.demo.test_demo_notifications import _migrations_data

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_has_a_conversation_and_a_mentoring_request(client, capsys):
    _migrations_data()
    call_command("seed_demo")
    call_command("seed_demo")
    capsys.readouterr()
    member = User.objects.get(email="member@example.org")
    chair = User.objects.get(email="chair@example.org")
    assert chair.welcomes_questions and chair.open_to_mentoring
    conversation = Conversation.objects.get()
    assert Message.objects.filter(conversation=conversation).count() == 4
    waiting = ExpertRequest.objects.get()
    assert (waiting.sender, waiting.recipient, waiting.kind, waiting.status) == (
        member, chair, "mentoring", "pending",
    )  # fmt: skip

    client.force_login(member)
    inbox = client.get("/messages/").content.decode()
    assert "Judge Ruth Okonkwo" in inbox and 'class="tag new"' in inbox
    client.force_login(chair)
    page = client.get(waiting.get_absolute_url()).content.decode()
    assert "Mentoring as we set up a youth treatment court" in page and 'value="accept"' in page
