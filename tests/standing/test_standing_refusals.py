"""A suspended member reads but writes nothing where they are suspended (everywhere for a
platform-wide suspension), and is told where, until when and why; elsewhere they write."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from practica.communities.services.standing import member_suspend
from practica.core.errors import ServiceError
from practica.discussions.models import Comment, Post
from practica.discussions.services import comment_create, post_create, reaction_toggle
from practica.events.services import event_create, registration_create
from practica.knowledge.services import request_save
from practica.library.services import comment_add, resource_create
from practica.messaging.services import conversation_start, message_send
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db

REFUSED = (ServiceError, PermissionDenied)
WHY = "You are suspended from writing in"


@pytest.fixture
def thread(community, chair):
    return post_create(
        actor=chair, community=community, kind="question", title="Bail reviews", body="How?"
    )


@pytest.fixture
def suspended(community, chair, member):
    member_suspend(
        actor=chair, member=member, community=community, days=7, reason="Personal attacks"
    )
    return type(member).objects.get(pk=member.pk)  # as the next request reads them


def _event(community, chair, **extra):
    day = (timezone.now() + timedelta(days=10)).date()
    start = datetime(day.year, day.month, day.day, 14, 0)
    return event_create(
        actor=chair, community=community, title="Webinar", kind="webinar", description="d",
        local_start=start, local_end=start + timedelta(hours=1), time_zone="UTC",
        audience="members", **extra,
    )[0]  # fmt: skip


def _resource(actor, community):
    return resource_create(
        actor=actor, community=community, title="Bench card", kind="guide", summary="s",
        language="English", licence="cc_by", licence_confirmed=True,
        current_as_of=timezone.localdate(), link_url="https://example.org/card",
    )  # fmt: skip


def test_reads_but_cannot_comment_on_the_site(client, community, thread, suspended):
    client.force_login(suspended)
    page = client.get(thread.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "Bail reviews" in text  # they read
    assert WHY in text and "Personal attacks" in text  # and are told why there is no form
    assert 'name="body"' not in text
    response = client.post(reverse("comment_create", args=[thread.pk]), {"body": "Still here"})
    assert not Comment.objects.filter(author=suspended).exists()
    assert response.status_code == 400
    refused = response.content.decode()
    assert WHY in refused and "Still here" in refused  # why, and their text kept


def test_cannot_start_a_post_on_the_site(client, community, suspended):
    client.force_login(suspended)
    response = client.get(reverse("post_create", args=[community.slug]))
    assert response.status_code == 403
    assert WHY in response.content.decode()
    posts = client.get(reverse("community_posts", args=[community.slug])).content.decode()
    assert reverse("post_create", args=[community.slug]) not in posts


def test_every_write_is_refused_in_that_community(community, chair, thread, suspended):
    chair_comment = comment_create(actor=chair, post=thread, body="An answer")
    with pytest.raises(REFUSED, match=WHY):
        post_create(actor=suspended, community=community, kind="discussion", title="T", body="B")
    with pytest.raises(REFUSED, match=WHY):
        comment_create(actor=suspended, post=thread, body="A comment")
    with pytest.raises(REFUSED, match=WHY):
        reaction_toggle(actor=suspended, comment=chair_comment, kind="helpful")
    event = _event(community, chair)
    with pytest.raises(REFUSED, match=WHY):
        registration_create(actor=suspended, event=event)
    with pytest.raises(REFUSED, match=WHY):
        _resource(suspended, community)
    resource = _resource(chair, community)
    with pytest.raises(REFUSED, match=WHY):
        comment_add(actor=suspended, resource=resource, body="Outdated")
    assert not Post.objects.filter(author=suspended).exists()


def test_their_own_earlier_writing_cannot_be_edited_or_made_a_request(community, chair, member):
    question = post_create(
        actor=member, community=community, kind="question", title="Forms?", body="Which?"
    )
    comment = comment_create(actor=member, post=question, body="More context")
    member_suspend(actor=chair, member=member, community=community, days=3, reason="Spam")
    member = type(member).objects.get(pk=member.pk)
    from practica.discussions.services import comment_edit, post_edit

    with pytest.raises(REFUSED, match=WHY):
        post_edit(actor=member, post=question, title="Forms?", body="Edited", tags="")
    with pytest.raises(REFUSED, match=WHY):
        comment_edit(actor=member, comment=comment, body="Edited")
    with pytest.raises(REFUSED, match=WHY):
        request_save(
            actor=member, post=question, jurisdictions="Ohio",
            deadline=timezone.localdate() + timedelta(days=9), answer_kind="experience",
        )  # fmt: skip


def test_elsewhere_they_still_write(community, chair, suspended):
    other = CommunityFactory()
    make_member(other, "chair")
    from practica.communities.models import Membership

    Membership.objects.create(user=suspended, community=other)
    suspended = type(suspended).objects.get(pk=suspended.pk)
    post = post_create(
        actor=suspended, community=other, kind="discussion", title="Hello", body="From here"
    )
    assert post.author == suspended


def test_pages_offer_the_suspended_no_forms_and_say_why(client, community, chair, suspended):
    resource = _resource(chair, community)
    event = _event(community, chair)
    client.force_login(suspended)
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "Bench card" in page  # they read it
    assert reverse("resource_comment", args=[resource.pk]) not in page
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Webinar" in page and WHY in page
    library = client.get(reverse("community_library", args=[community.slug])).content.decode()
    assert reverse("resource_create", args=[community.slug]) not in library


def test_platform_wide_suspension_stops_messages_and_everything(
    client, community, chair, member, staff
):
    conversation = conversation_start(actor=chair, recipients=[member], body="Hello")
    member_suspend(actor=staff, member=member, community=None, days=2, reason="Spam")
    member = type(member).objects.get(pk=member.pk)
    with pytest.raises(ServiceError, match="anywhere on the platform"):
        message_send(actor=member, conversation=conversation, body="Buy now")
    with pytest.raises(ServiceError, match="anywhere on the platform"):
        conversation_start(actor=member, recipients=[chair], body="Buy now")
    with pytest.raises(ServiceError, match="anywhere on the platform"):
        post_create(actor=member, community=community, kind="discussion", title="T", body="B")
    # On the site, the write gate sends them to their standing page, which says why.
    client.force_login(member)
    response = client.get(reverse("post_create", args=[community.slug]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("my_standing"))
    page = client.get(reverse("my_standing")).content.decode()
    assert "anywhere on the platform" in page and "Spam" in page
    # The profile shows them no button to write.
    profile = client.get(reverse("person_detail", args=[chair.pk])).content.decode()
    assert reverse("message_new", args=[chair.pk]) not in profile


def test_suspensions_end_by_themselves(community, chair, member, thread, settings):
    from practica.communities.models import Suspension

    member_suspend(actor=chair, member=member, community=community, days=1, reason="Cool off")
    fresh = type(member).objects.get(pk=member.pk)
    with pytest.raises(REFUSED):
        comment_create(actor=fresh, post=thread, body="Too soon")
    # A day later (the end set in the past, as time passing would), they write again,
    # with no task run.
    past = timezone.now() - timedelta(seconds=1)
    Suspension.objects.update(ends_at=past)
    from practica.communities.models import Membership

    Membership.objects.filter(user=member).update(suspended_until=past)
    fresh = type(member).objects.get(pk=member.pk)
    comment = comment_create(actor=fresh, post=thread, body="Back, calmer")
    assert comment.author == member


def test_the_member_is_told_when_it_has_ended(on_commit, community, chair, member):
    from practica.communities.models import Membership, Suspension
    from practica.communities.services import suspensions_tell_ended
    from practica.notifications.models import Notification

    member_suspend(actor=chair, member=member, community=community, days=1, reason="Cool off")
    assert suspensions_tell_ended() == 0  # not over yet
    Suspension.objects.update(ends_at=timezone.now() - timedelta(seconds=1))
    with on_commit():
        assert suspensions_tell_ended() == 1
    assert suspensions_tell_ended() == 0  # once
    assert Notification.objects.filter(recipient=member, kind="member.suspension_ended").exists()
    assert Membership.objects.get(user=member, community=community).suspended_until is None


def test_leaving_and_rejoining_keeps_the_suspension(community, chair, member):
    from practica.communities.models import Membership
    from practica.communities.services import membership_leave

    member_suspend(actor=chair, member=member, community=community, days=7, reason="Spam")
    membership_leave(actor=member, community=community)
    Membership.objects.create(user=member, community=community)
    fresh = type(member).objects.get(pk=member.pk)
    with pytest.raises(REFUSED, match=WHY):
        post_create(actor=fresh, community=community, kind="discussion", title="T", body="B")


def test_a_suspended_leader_organises_nothing(community, chair, staff):
    member_suspend(actor=staff, member=chair, community=community, days=2, reason="Review")
    chair = type(chair).objects.get(pk=chair.pk)
    with pytest.raises(REFUSED, match=WHY):
        _event(community, chair)


def test_new_accounts_and_the_suspended_cannot_flag(community, chair, member):
    from practica.communities.permissions import can_flag

    newcomer = make_member(community, date_joined=timezone.now())
    assert not can_flag(newcomer, community)
    assert can_flag(member, community)
    member_suspend(actor=chair, member=member, community=community, days=2, reason="Spam")
    assert not can_flag(type(member).objects.get(pk=member.pk), community)


def test_a_stranger_sees_no_standing(client):
    client.force_login(UserFactory())
    assert "not suspended" in client.get(reverse("my_standing")).content.decode()


def test_a_week_later_the_suspension_has_ended_by_itself(community, chair, member, thread):
    """Time moved on (timezone.now fixed 7 days and a minute ahead), nothing else changed."""
    from unittest import mock

    member_suspend(actor=chair, member=member, community=community, days=7, reason="Cool off")
    later = timezone.now() + timedelta(days=7, minutes=1)
    fresh = type(member).objects.get(pk=member.pk)
    with pytest.raises(REFUSED, match=WHY):
        comment_create(actor=fresh, post=thread, body="Day one")
    with mock.patch("django.utils.timezone.now", return_value=later):
        fresh = type(member).objects.get(pk=member.pk)
        comment = comment_create(actor=fresh, post=thread, body="A week on")
    assert comment.author == member


def test_a_leader_suspended_here_moderates_nothing_here(community, chair, member, staff, thread):
    from practica.communities.services import membership_remove
    from practica.discussions.services import post_moderate

    vice = make_member(community, "vice_chair")
    member_suspend(actor=staff, member=vice, community=community, days=2, reason="Review")
    vice = type(vice).objects.get(pk=vice.pk)
    with pytest.raises(REFUSED, match=WHY):
        post_moderate(actor=vice, post=thread, action="pin")
    membership = member.memberships.get(community=community)
    with pytest.raises(REFUSED, match=WHY):
        membership_remove(actor=vice, membership=membership, reason="No")
    thread.refresh_from_db()
    assert not thread.pinned


def test_the_community_pages_say_so_to_the_suspended(client, community, chair, suspended):
    client.force_login(suspended)
    for name in ("community_detail", "community_posts"):
        page = client.get(reverse(name, args=[community.slug])).content.decode()
        assert "You are suspended from writing here until" in page
    client.force_login(chair)
    page = client.get(reverse("community_detail", args=[community.slug])).content.decode()
    assert "You are suspended" not in page
