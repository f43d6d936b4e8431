"""Private messages are flagged like everything else (messaging's own flags were folded
into moderation): a participant flags, staff alone review, the sender never learns who."""

import pytest

from practica.core.errors import ServiceError
from practica.core.models import AuditEvent
from practica.messaging.services import conversation_start, message_send
from practica.moderation.models import Case, Flag
from practica.moderation.services import flag_create
from practica.notifications.models import Notification


@pytest.fixture
def conversation(member, chair):
    return conversation_start(
        actor=member, recipients=[chair], subject="Bail forms", body="Hello **chair**"
    )


def test_a_participant_flags_a_message_and_staff_alone_review_it(
    client, conversation, chair, member, staff, on_commit
):
    message = conversation.messages.get()
    client.force_login(chair)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert f"/moderation/flag/message/{message.pk}/" in page
    # The old address leads to the one flag form.
    assert client.get(f"/messages/flag/{message.pk}/")["Location"] == (
        f"/moderation/flag/message/{message.pk}/"
    )
    with on_commit():
        response = client.post(
            f"/moderation/flag/message/{message.pk}/", {"rule": "other", "note": "Rude, pushy"}
        )
    assert response["Location"] == conversation.get_absolute_url()
    case = Case.objects.get()
    assert case.kind == "message" and case.to_staff and case.author == member
    told = Notification.objects.get(recipient=staff)
    assert told.category == "duties" and told.url == f"/moderation/cases/{case.pk}/"
    assert not Notification.objects.filter(recipient=member).exclude(kind="message.sent").exists()

    client.force_login(staff)
    assert client.get("/messages/flagged/")["Location"] == "/moderation/?kind=message"
    queue = client.get("/moderation/?kind=message").content.decode()
    assert f"/moderation/cases/{case.pk}/" in queue
    page = client.get(f"/moderation/cases/{case.pk}/").content.decode()
    assert "Rude, pushy" in page and "Hello <strong>chair</strong>" in page
    assert "Chris Chair" in page  # staff see who flagged, to deal with abuse of flags
    for person in (chair, member):
        client.force_login(person)
        assert client.get(f"/moderation/cases/{case.pk}/").status_code == 404
        assert client.get("/moderation/").status_code == 404


def test_message_flags_are_refused_when_they_make_no_sense(conversation, chair, member, staff):
    message = conversation.messages.get()
    with pytest.raises(ServiceError, match="Say what is wrong"):
        flag_create(actor=chair, kind="message", object_id=message.pk, rule="other", note=" ")
    with pytest.raises(ServiceError, match="wrote yourself"):
        flag_create(actor=member, kind="message", object_id=message.pk, rule="spam")
    # Someone outside the conversation cannot reach it, staff included.
    with pytest.raises(ServiceError, match="no longer there"):
        flag_create(actor=staff, kind="message", object_id=message.pk, rule="spam")
    flag_create(actor=chair, kind="message", object_id=message.pk, rule="spam")
    with pytest.raises(ServiceError, match="already flagged"):
        flag_create(actor=chair, kind="message", object_id=message.pk, rule="spam")
    assert message_send(actor=chair, conversation=conversation, body="Hm").pk


def test_staff_dismiss_a_message_flag_with_an_audit_row(client, conversation, chair, staff):
    message = conversation.messages.get()
    flag = flag_create(actor=chair, kind="message", object_id=message.pk, rule="spam")
    client.force_login(staff)
    response = client.post(
        f"/moderation/cases/{flag.case_id}/", {"action": "dismiss", "reason": "Not spam."}
    )
    assert response.status_code == 302
    assert Flag.objects.get().outcome == "dismissed"
    event = AuditEvent.objects.get(action="moderation.dismiss")
    assert event.actor == staff and event.target_id == flag.case_id
