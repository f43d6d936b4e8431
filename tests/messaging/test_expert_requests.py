"""Ask an expert and mentoring: a member asks from a profile with context; the person
asked accepts (a private conversation opens with the context) or declines; both are told."""

import pytest

from practica.core.errors import ServiceError
from practica.messaging.expert import expert_request_create, expert_request_decide
from practica.messaging.models import ExpertRequest, Message, RequestStatus
from practica.notifications.models import Notification


def _ask(client, member, expert, kind="question", on_commit=None):
    client.force_login(member)
    return client.post(
        f"/messages/ask/{expert.pk}/{kind}/",
        {"topic": "Bail in drug courts", "context": "We start a drug court; how do you do bail?"},
    )


def test_a_question_accepted_opens_a_conversation_with_the_context(
    client, member, expert, smtp, on_commit
):
    with on_commit():
        response = _ask(client, member, expert)
    sent = ExpertRequest.objects.get()
    assert response.status_code == 302 and response.url == f"/messages/requests/{sent.pk}/"
    told = Notification.objects.get(recipient=expert)
    assert told.category == "messages" and "asks you a question" in told.title
    assert "how do you do bail" in told.body
    [email] = smtp.to(expert.email)
    assert "Bail in drug courts" in email["Subject"]

    client.force_login(expert)
    assert "Bail in drug courts" in client.get("/messages/requests/").content.decode()
    page = client.get(sent.get_absolute_url()).content.decode()
    assert "Accept" in page and "how do you do bail" in page
    with on_commit():
        response = client.post(
            sent.get_absolute_url(), {"action": "accept", "note": "Happy to help."}
        )
    sent.refresh_from_db()
    assert sent.status == RequestStatus.ACCEPTED and sent.conversation is not None
    assert response.url == sent.conversation.get_absolute_url()
    bodies = list(
        Message.objects.filter(conversation=sent.conversation).values_list("body", "sender")
    )
    assert bodies == [
        ("We start a drug court; how do you do bail?", member.pk),
        ("Happy to help.", expert.pk),
    ]
    told = Notification.objects.filter(recipient=member, kind="expert_request.accepted").get()
    assert "Eva Expert accepted your request" in told.title
    client.force_login(member)
    page = client.get(sent.conversation.get_absolute_url()).content.decode()
    assert "Happy to help." in page


def test_mentoring_declined_with_a_note(client, member, expert, on_commit):
    _ask(client, member, expert, kind="mentoring")
    sent = ExpertRequest.objects.get()
    assert sent.kind == "mentoring"
    client.force_login(expert)
    with on_commit():
        client.post(sent.get_absolute_url(), {"action": "decline", "note": "Too busy this year."})
    sent.refresh_from_db()
    assert sent.status == RequestStatus.DECLINED and sent.conversation is None
    told = Notification.objects.get(recipient=member, kind="expert_request.declined")
    assert told.body == "Too busy this year."
    client.force_login(member)
    page = client.get(sent.get_absolute_url()).content.decode()
    assert "Too busy this year." in page and 'value="accept"' not in page


def test_only_the_person_asked_answers_and_others_see_nothing(
    client, member, expert, chair, on_commit
):
    _ask(client, member, expert)
    sent = ExpertRequest.objects.get()
    client.force_login(chair)
    assert client.get(sent.get_absolute_url()).status_code == 404
    assert client.post(sent.get_absolute_url(), {"action": "accept"}).status_code == 404
    assert "Bail in drug courts" not in client.get("/messages/requests/").content.decode()
    client.force_login(member)
    client.post(sent.get_absolute_url(), {"action": "accept"})
    sent.refresh_from_db()
    assert sent.status == RequestStatus.PENDING
    with pytest.raises(ServiceError, match="Only the person asked"):
        expert_request_decide(actor=member, request=sent, accept=True)


def test_asking_needs_a_welcome_and_no_second_request_waiting(client, member, chair, expert):
    client.force_login(member)
    response = client.get(f"/messages/ask/{chair.pk}/question/")
    assert response.status_code == 403
    assert "does not take questions" in response.content.decode()
    assert client.get(f"/messages/ask/{expert.pk}/other/").status_code == 404
    expert_request_create(actor=member, person=expert, kind="question", topic="A", context="B")
    with pytest.raises(ServiceError, match="already have a request waiting"):
        expert_request_create(actor=member, person=expert, kind="question", topic="A", context="B")


def test_the_requests_page_runs_a_pinned_number_of_queries(
    client, member, community, assert_page_queries
):
    from tests.factories import UserFactory

    def grow(n):
        for _ in range(n):
            person = UserFactory(welcomes_questions=True)
            expert_request_create(
                actor=member, person=person, kind="question", topic="T", context="C"
            )
            ExpertRequest.objects.filter(sender=member).update(status="declined")

    grow(2)
    client.force_login(member)
    client.get("/messages/requests/")
    grow(6)
    # user, notifications' count, received, sent.
    with assert_page_queries(4):
        assert client.get("/messages/requests/").status_code == 200


def test_the_asker_withdraws_a_request_not_yet_answered(client, member, expert):
    _ask(client, member, expert)
    sent = ExpertRequest.objects.get()
    page = client.get(sent.get_absolute_url()).content.decode()
    assert 'value="withdraw"' in page
    response = client.post(sent.get_absolute_url(), {"action": "withdraw"})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == RequestStatus.WITHDRAWN
    client.force_login(expert)
    page = client.get(sent.get_absolute_url()).content.decode()
    assert 'value="accept"' not in page and "Withdrawn" in page
    with pytest.raises(ServiceError, match="already been answered"):
        expert_request_decide(actor=expert, request=sent, accept=True)


def test_no_conversation_opens_with_someone_who_blocked_you_meanwhile(client, member, expert):
    from practica.messaging.services import block_set

    _ask(client, member, expert)
    sent = ExpertRequest.objects.get()
    block_set(actor=member, person=expert, blocked=True)
    with pytest.raises(ServiceError, match="You cannot write to this person"):
        expert_request_decide(actor=expert, request=sent, accept=True)
    sent.refresh_from_db()
    assert sent.status == RequestStatus.PENDING and sent.conversation is None


def test_new_accounts_ask_no_expert_yet(settings, expert, community):
    from django.utils import timezone

    from tests.factories import make_member

    newcomer = make_member(community, date_joined=timezone.now())
    with pytest.raises(ServiceError, match="New accounts can start private conversations"):
        expert_request_create(
            actor=newcomer, person=expert, kind="mentoring", topic="A", context="B"
        )
    assert not ExpertRequest.objects.filter(sender=newcomer).exists()
