"""Who may write to whom: members who share a community, or who welcome questions; never
to someone who blocked you (and the refusal does not say so), a closed account, or a
profile you may not see. The profile's buttons and the pages give the same answer."""

import pytest

from practica.core.errors import ServiceError
from practica.messaging.models import Conversation
from practica.messaging.permissions import contact_refusal
from practica.messaging.services import block_set, conversation_start
from tests.factories import UserFactory

CANNOT = "You cannot write to this person."


def _profile(client, viewer, person) -> str:
    client.force_login(viewer)
    response = client.get(f"/people/{person.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_may_write_to_someone_in_their_community(client, member, chair):
    page = _profile(client, member, chair)
    assert f"/messages/new/{chair.pk}/" in page
    assert "Ask a question" not in page  # the chair does not welcome questions
    response = client.post(
        f"/messages/new/{chair.pk}/", {"subject": "Hi", "others": "", "body": "Hello there"}
    )
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response.url == conversation.get_absolute_url()


def test_someone_who_welcomes_questions_may_be_written_to_by_anyone(client, member, expert):
    page = _profile(client, member, expert)
    assert f"/messages/new/{expert.pk}/" in page
    assert f"/messages/ask/{expert.pk}/question/" in page
    assert f"/messages/ask/{expert.pk}/mentoring/" in page
    assert client.get(f"/messages/new/{expert.pk}/").status_code == 200


def test_no_shared_community_and_no_welcome_means_no_message(client, member, stranger):
    page = _profile(client, member, stranger)
    assert f"/messages/new/{stranger.pk}/" not in page
    response = client.get(f"/messages/new/{stranger.pk}/")
    assert response.status_code == 403
    assert "share a community with you" in response.content.decode()
    with pytest.raises(ServiceError):
        conversation_start(actor=member, recipients=[stranger], body="Hi")


def test_a_block_refuses_without_saying_so(client, member, chair):
    block_set(actor=chair, person=member, blocked=True)
    page = _profile(client, member, chair)
    assert f"/messages/new/{chair.pk}/" not in page
    response = client.get(f"/messages/new/{chair.pk}/")
    body = response.content.decode()
    assert response.status_code == 403 and CANNOT in body
    assert "block" not in body.lower()
    with pytest.raises(ServiceError, match=CANNOT):
        conversation_start(actor=member, recipients=[chair], body="Hi")


def test_the_same_refusal_for_a_block_and_a_closed_account(member, chair):
    closed = UserFactory(is_active=False, welcomes_questions=True)
    block_set(actor=chair, person=member, blocked=True)
    assert contact_refusal(member, chair) == contact_refusal(member, closed) == CANNOT


def test_the_one_who_blocked_is_told_to_unblock_first(client, member, chair):
    block_set(actor=member, person=chair, blocked=True)
    page = _profile(client, member, chair)
    assert "Unblock" in page
    assert "unblock them first" in contact_refusal(member, chair)
    client.post(f"/messages/block/{chair.pk}/", {"action": "unblock"})
    assert contact_refusal(member, chair) is None


def test_a_closed_account_cannot_be_written_to(client, member):
    closed = UserFactory(is_active=False, welcomes_questions=True)
    client.force_login(member)
    assert client.get(f"/messages/new/{closed.pk}/").status_code == 404
    with pytest.raises(ServiceError, match=CANNOT):
        conversation_start(actor=member, recipients=[closed], body="Hi")


def test_a_profile_one_may_not_see_cannot_be_written_to(client, member, hidden_person):
    client.force_login(member)
    assert client.get(f"/messages/new/{hidden_person.pk}/").status_code == 404
    assert client.get(f"/messages/ask/{hidden_person.pk}/question/").status_code == 404
    with pytest.raises(ServiceError, match=CANNOT):
        conversation_start(actor=member, recipients=[hidden_person], body="Hi")


def test_no_buttons_on_ones_own_profile_and_none_for_the_anonymous(client, member, expert):
    page = _profile(client, member, member)
    assert "/messages/new/" not in page
    client.logout()
    assert client.get(f"/messages/new/{expert.pk}/").status_code == 302


def test_a_small_group_is_capped(member, community):
    from tests.factories import make_member

    others = [make_member(community) for _ in range(10)]
    with pytest.raises(ServiceError, match="at most 10 people"):
        conversation_start(actor=member, recipients=others, body="Hi all")
    group = conversation_start(actor=member, recipients=others[:9], body="Hi all")
    assert group.participants.count() == 10


def test_a_group_names_who_may_not_be_written_to(member, chair, stranger):
    with pytest.raises(ServiceError, match="Sol Stranger"):
        conversation_start(actor=member, recipients=[chair, stranger], body="Hi")
    assert not Conversation.objects.exists()


def test_a_group_message_from_a_profile_adds_others_by_handle(client, member, chair, community):
    from tests.factories import make_member

    third = make_member(community, handle="third-person")
    client.force_login(member)
    client.post(
        f"/messages/new/{chair.pk}/",
        {"subject": "", "others": "@third-person", "body": "Hello both"},
    )
    conversation = Conversation.objects.get()
    people = set(conversation.participants.values_list("user_id", flat=True))
    assert people == {member.pk, chair.pk, third.pk}
    response = client.post(f"/messages/new/{chair.pk}/", {"others": "nobody-here", "body": "Hello"})
    assert "No member has these handles: nobody-here" in response.content.decode()


def test_blocking_by_id_tells_nothing_of_someone_one_may_not_see(client, member, hidden_person):
    client.force_login(member)
    response = client.post(f"/messages/block/{hidden_person.pk}/", {"action": "block"})
    assert response.status_code == 404
    assert "Hana Hidden" not in response.content.decode()


def test_a_hidden_profiles_handle_in_also_to_answers_like_an_unknown_one(
    client, member, chair, hidden_person
):
    # "Also to" must not confirm that a handle exists, nor show the name, when the writer
    # may not see that person's profile: the same answer as for a handle nobody has.
    client.force_login(member)
    hidden_person.handle = "hana"
    hidden_person.save(update_fields=["handle"])
    for handle in ("hana", "nobody-has-this"):
        response = client.post(
            f"/messages/new/{chair.pk}/", {"others": f"@{handle}", "body": "Hello both"}
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert f"No member has these handles: {handle}" in page
        assert "Hana Hidden" not in page
