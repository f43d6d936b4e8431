"""A conversation is seen by its participants alone: anyone else gets 404, and the inbox,
unread counts and notifications reveal nothing of it to others."""

from datetime import timedelta

import pytest
from django.utils import timezone

from practica.core.errors import ServiceError
from practica.messaging.models import Conversation, Message
from practica.messaging.selectors import unread_conversations
from practica.messaging.services import (
    conversation_start,
    message_send,
)
from practica.notifications.models import Notification
from tests.factories import UserFactory, make_member


def test_participants_read_it_and_the_markdown_is_rendered_safely(client, member, chair):
    conversation = conversation_start(
        actor=member,
        recipients=[chair],
        subject="Bail forms",
        body="Hello **chair** <script>alert(1)</script>",
    )
    client.force_login(chair)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "<strong>chair</strong>" in page
    assert "<script>alert(1)" not in page
    assert "Bail forms" in page and "Mia Member" in page


def test_anyone_else_gets_404_and_sees_nothing_of_it(client, conversation, community, staff):
    outsider = make_member(community)
    for person in (outsider, staff):
        client.force_login(person)
        assert client.get(conversation.get_absolute_url()).status_code == 404
        assert client.post(conversation.get_absolute_url(), {"body": "x"}).status_code == 404
        assert client.post(f"/messages/{conversation.pk}/leave/").status_code == 404
        message = conversation.messages.get()
        assert client.get(f"/messages/flag/{message.pk}/").status_code == 404
        inbox = client.get("/messages/").content.decode()
        assert "Bail forms" not in inbox and "No messages yet" in inbox
        assert unread_conversations(user_id=person.pk) == 0
        assert not Notification.objects.filter(recipient=person).exists()
    client.logout()
    assert client.get(conversation.get_absolute_url()).status_code == 302


def test_the_inbox_shows_unread_conversations_newest_first(client, member, chair, community):
    other = make_member(community, display_name="Olga Other")
    first = conversation_start(actor=chair, recipients=[member], subject="First", body="One")
    second = conversation_start(actor=other, recipients=[member], subject="Second", body="Two")
    client.force_login(member)
    page = client.get("/messages/").content.decode()
    assert page.index("Second") < page.index("First")
    assert page.count('class="tag new"') == 2
    assert unread_conversations(user_id=member.pk) == 2
    # The header counts them too.
    assert '<span class="badge">2<span class="visually-hidden"> unread' in page
    client.get(first.get_absolute_url())
    assert unread_conversations(user_id=member.pk) == 1
    page = client.get("/messages/").content.decode()
    assert '<span class="badge">1<span class="visually-hidden"> unread' in page
    message_send(actor=member, conversation=first, body="Answer")
    page = client.get("/messages/").content.decode()
    assert page.index("First") < page.index("Second")  # the newest message first
    assert "You: Answer" in page
    assert second.pk


def test_a_reply_through_the_page(client, conversation, chair):
    client.force_login(chair)
    response = client.post(conversation.get_absolute_url(), {"body": "Thanks, *gladly*"})
    assert response.status_code == 302
    assert Message.objects.filter(conversation=conversation, sender=chair).exists()
    response = client.post(conversation.get_absolute_url(), {"body": "   "})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()


def test_leaving_takes_it_away_and_stops_replies(client, conversation, member, chair):
    client.force_login(chair)
    response = client.post(f"/messages/{conversation.pk}/leave/")
    assert response.status_code == 302 and response.url == "/messages/"
    assert client.get(conversation.get_absolute_url()).status_code == 404
    assert "Bail forms" not in client.get("/messages/").content.decode()
    with pytest.raises(ServiceError, match="no longer in this conversation"):
        message_send(actor=chair, conversation=conversation, body="Back?")
    with pytest.raises(ServiceError, match="Nobody else is left"):
        message_send(actor=member, conversation=conversation, body="Anyone?")


def test_a_block_stops_replies_in_a_conversation(client, conversation, member, chair):
    client.force_login(chair)
    client.post(f"/messages/block/{member.pk}/", {"action": "block"})
    with pytest.raises(ServiceError, match=r"You cannot write to this person\."):
        message_send(actor=member, conversation=conversation, body="Still there?")


def test_new_accounts_are_limited_with_a_clear_message(client, settings, chair, community):
    """New accounts (the lowest trust level) start no conversation, and answer those who
    write to them a few times at first."""
    settings.PRACTICA_MESSAGING_NEW_ACCOUNT_LIMITS = {"messages": 2}
    newcomer = make_member(community, date_joined=timezone.now() - timedelta(hours=1))
    client.force_login(newcomer)
    response = client.get(f"/messages/new/{chair.pk}/")  # the form is not offered
    assert response.status_code == 403
    assert "New accounts can start private conversations" in response.content.decode()
    with pytest.raises(ServiceError, match="New accounts can start private conversations"):
        conversation_start(actor=newcomer, recipients=[chair], body="Hello")
    assert not Conversation.objects.filter(created_by=newcomer).exists()
    first = conversation_start(actor=chair, recipients=[newcomer], body="Welcome")
    message_send(actor=newcomer, conversation=first, body="One")
    message_send(actor=newcomer, conversation=first, body="Two")
    response = client.post(first.get_absolute_url(), {"body": "Three"})
    assert "New accounts may send 2 private messages on their first day" in (
        response.content.decode()
    )
    # An established member meets no limit.
    for n in range(3):
        message_send(actor=chair, conversation=first, body=f"Reply {n}")


def test_the_inbox_runs_a_pinned_number_of_queries(client, member, community, assert_page_queries):
    def grow(n):
        for _ in range(n):
            other = make_member(community)
            conversation_start(actor=other, recipients=[member, make_member(community)], body="Hi")

    grow(2)
    client.force_login(member)
    client.get("/messages/")
    grow(8)
    client.get("/messages/")  # the header's count, read once after it changed
    # user, notifications' count, count, page, people (the messages' count is cached).
    with assert_page_queries(5):
        assert client.get("/messages/").status_code == 200


def test_a_conversation_page_runs_a_pinned_number_of_queries(
    client, conversation, member, chair, assert_page_queries
):
    client.force_login(chair)
    client.get(conversation.get_absolute_url())
    for n in range(20):
        message_send(actor=member if n % 2 else chair, conversation=conversation, body=f"M{n}")
    client.get(conversation.get_absolute_url())
    # user, participation, count, messages, people, block, notifications' count; nothing
    # written when all was read before.
    with assert_page_queries(7):
        assert client.get(conversation.get_absolute_url()).status_code == 200


def test_a_closed_account_leaves_no_trace_but_its_messages(client, conversation, member):
    member.is_active = False
    member.save()
    assert Conversation.objects.filter(pk=conversation.pk).exists()
    assert UserFactory()  # nothing else to do: the chair still reads the conversation
