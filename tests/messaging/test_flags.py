"""A participant flags a message to staff with a reason; staff are told and see it on a
page of their own, which shows nobody else anything."""

import pytest

from practica.core.errors import ServiceError
from practica.messaging.models import Flag
from practica.messaging.services import conversation_start, flag_create, message_send
from practica.notifications.models import Notification


def test_a_participant_flags_a_message_and_staff_are_told(
    client, conversation, chair, member, staff, on_commit
):
    message = conversation.messages.get()
    client.force_login(chair)
    assert "Flag to staff" in client.get(conversation.get_absolute_url()).content.decode()
    with on_commit():
        response = client.post(f"/messages/flag/{message.pk}/", {"reason": "Rude and pushy"})
    assert response.status_code == 302
    flag = Flag.objects.get()
    assert flag.flagged_by == chair and flag.reason == "Rude and pushy"
    told = Notification.objects.get(recipient=staff)
    assert told.category == "duties" and told.url == "/messages/flagged/"
    assert not Notification.objects.filter(recipient=member, kind="message.flagged").exists()

    client.force_login(staff)
    page = client.get("/messages/flagged/").content.decode()
    assert "Rude and pushy" in page and "Hello <strong>chair</strong>" in page
    assert "Chris Chair" in page and "Mia Member" in page


def test_the_flagged_page_is_for_staff_alone(client, conversation, chair, member):
    flag_create(actor=chair, message=conversation.messages.get(), reason="Spam")
    for person in (chair, member):
        client.force_login(person)
        response = client.get("/messages/flagged/")
        assert response.status_code == 404
        assert "Spam" not in response.content.decode()


def test_flags_are_refused_when_they_make_no_sense(conversation, chair, member):
    message = conversation.messages.get()
    with pytest.raises(ServiceError, match="Say why"):
        flag_create(actor=chair, message=message, reason="  ")
    with pytest.raises(ServiceError, match="your own message"):
        flag_create(actor=member, message=message, reason="Oops")
    flag_create(actor=chair, message=message, reason="Spam")
    with pytest.raises(ServiceError, match="already flagged"):
        flag_create(actor=chair, message=message, reason="Spam again")
    reply = message_send(actor=chair, conversation=conversation, body="Hm")
    assert reply.pk


def test_the_flagged_page_runs_a_pinned_number_of_queries(
    client, member, community, staff, assert_page_queries
):
    from tests.factories import make_member

    def grow(n):
        for _ in range(n):
            other = make_member(community)
            started = conversation_start(actor=other, recipients=[member], body="Buy now")
            flag_create(actor=member, message=started.messages.get(), reason="Spam")

    grow(2)
    client.force_login(staff)
    client.get("/messages/flagged/")
    grow(6)
    client.get("/messages/flagged/")
    # user, notifications' count, count, page.
    with assert_page_queries(4):
        assert client.get("/messages/flagged/").status_code == 200


def test_after_flagging_the_flagger_sees_flagged_not_the_offer_again(
    client, conversation, chair, member
):
    message = conversation.messages.get()
    client.force_login(chair)
    client.post(f"/messages/flag/{message.pk}/", {"reason": "Rude"})
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "Flag to staff" not in page and "Flagged" in page
    for n in range(3):  # more messages, flagged or not: still one query for the flags
        message_send(actor=member, conversation=conversation, body=f"More {n}")
    client.get(conversation.get_absolute_url())
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        page = client.get(conversation.get_absolute_url()).content.decode()
    assert page.count("Flag to staff") == 3
    # No query of its own: the messages' query says which ones the reader flagged.
    assert sum("messaging_flag" in q["sql"] for q in queries.captured_queries) <= 1


def test_staff_mark_a_flag_handled_with_an_audit_row_and_it_moves_below(
    client, conversation, chair, member, staff
):
    from practica.core.models import AuditEvent

    older = flag_create(actor=chair, message=conversation.messages.get(), reason="First one")
    reply = message_send(actor=chair, conversation=conversation, body="Hm")
    flag_create(actor=member, message=reply, reason="Second one")
    client.force_login(staff)
    page = client.get("/messages/flagged/").content.decode()
    assert "Mark as handled" in page and 'href="/messages/flagged/"' in page  # staff menu
    response = client.post(f"/messages/flagged/{older.pk}/handled/")
    assert response.status_code == 302
    older.refresh_from_db()
    assert older.resolved_at is not None and older.resolved_by == staff
    event = AuditEvent.objects.get(action="message_flag.resolved")
    assert event.actor == staff and event.target_id == older.pk
    page = client.get("/messages/flagged/").content.decode()
    assert page.index("Second one") < page.index("Handled</h2>") < page.index("First one")
    assert page.count("Mark as handled") == 1


def test_only_staff_may_mark_a_flag_handled(client, conversation, chair, member):
    flag = flag_create(actor=chair, message=conversation.messages.get(), reason="Spam")
    for person in (chair, member):
        client.force_login(person)
        assert client.post(f"/messages/flagged/{flag.pk}/handled/").status_code == 404
    flag.refresh_from_db()
    assert flag.resolved_at is None
