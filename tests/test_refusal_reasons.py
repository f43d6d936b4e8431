"""A refused page says why it was refused: the reason the permission layer found, not one
sentence for every case. And it says nothing the person may not know."""

import html
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.communities.models import Membership
from practica.discussions.services import comment_create, post_create
from practica.events.models import Event
from practica.events.services import event_create, registration_create
from practica.library.services import resource_create
from tests.factories import CommunityFactory, UserFactory, make_member

OLD_SENTENCE = "This page is only for members or leaders"


@pytest.fixture
def place(community, chair, member):
    other = make_member(community, display_name="Olga Other")
    post = post_create(actor=other, community=community, kind="discussion", title="Olga's post",
                       body="Text")  # fmt: skip
    comment = comment_create(actor=other, post=post, body="Olga's comment")
    own_comment = comment_create(actor=member, post=post, body="Mia's comment")
    day = (timezone.now() + timedelta(days=5)).date()
    start = datetime(day.year, day.month, day.day, 10, 0)

    def make_event(title):
        return event_create(actor=chair, community=community, title=title, kind="webinar",
                            description="d", local_start=start,
                            local_end=start + timedelta(hours=1), time_zone="Europe/Paris",
                            audience="members", is_online=True,
                            meeting_url="https://meet.example.org/x")[0]  # fmt: skip

    upcoming, past = make_event("Soon"), make_event("Over")
    registration_create(actor=member, event=upcoming)
    registration_create(actor=member, event=past)
    Event.objects.filter(pk=past.pk).update(
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=1),
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    from practica.demo.files import make_pdf

    resource = resource_create(
        actor=other, community=community, title="Olga's guide", kind="guide", summary="s",
        language="English", licence="cc_by", licence_confirmed=True,
        current_as_of=timezone.localdate(),
        upload=SimpleUploadedFile("g.pdf", make_pdf("g"), "application/pdf"),
    )  # fmt: skip
    private = CommunityFactory(visibility="members", name="Judges Roundtable", slug="judges")
    judge = make_member(private, display_name="Justice Private")
    secret = post_create(actor=judge, community=private, kind="discussion",
                         title="Sealed matter", body="Text")  # fmt: skip
    return {
        "post": post,
        "comment": comment,
        "own_comment": own_comment,
        "upcoming": upcoming,
        "past": past,
        "resource": resource,
        "private": private,
        "secret": secret,
        "other": other,
    }


def _refused(client, user, method, url, data=None):
    client.force_login(user)
    response = getattr(client, method)(url, data or {})
    assert response.status_code == 403
    page = html.unescape(response.content.decode())
    assert OLD_SENTENCE not in page
    return page


@pytest.mark.parametrize(
    "who, method, url, reason",
    [
        ("member", "get", lambda p: reverse("post_edit", args=[p["post"].pk]),
         "Only the author and the community's leaders can edit this post."),
        ("member", "get", lambda p: reverse("post_history", args=[p["post"].pk]),
         "Only the author and the community's leaders can see the history of this post."),
        ("member", "get", lambda p: reverse("post_move", args=[p["post"].pk]),
         "Only the community's leaders and the host staff look after threads."),
        ("member", "get", lambda p: reverse("comment_edit", args=[p["comment"].pk]),
         "Only its author can edit a comment."),
        ("member", "get", lambda p: reverse("comment_delete", args=[p["comment"].pk]),
         "Only its author and the community's leaders can remove a comment."),
        ("member", "post", lambda p: reverse("comment_react", args=[p["own_comment"].pk]),
         "You cannot react to your own comment."),
        ("member", "get", lambda p: reverse("event_certificate", args=[p["past"].pk]),
         "A certificate of attendance is for people the organisers marked as present."),
        ("member", "get", lambda p: reverse("event_certificate", args=[p["upcoming"].pk]),
         "Certificates of attendance are given after the event."),
        ("member", "get", lambda p: reverse("event_edit", args=[p["upcoming"].pk]),
         "Only the community's leaders and the host staff run its events."),
        ("member", "get", lambda p: reverse("event_create_platform"),
         "Only the host staff run platform-wide events."),
        ("member", "get", lambda p: reverse("resource_edit", args=[p["resource"].pk]),
         "Only the resource's authors and the community's leaders can edit it."),
        ("member", "get", lambda p: reverse("version_add", args=[p["resource"].pk]),
         "Only the resource's authors and the community's leaders add new versions."),
        ("member", "get", lambda p: reverse("community_settings", args=[p["post"].community.slug]),
         "Only the community's chair and the host staff change its settings."),
        ("member", "get", lambda p: reverse("community_requests", args=[p["post"].community.slug]),
         "Only the community's leaders and the host staff can do this."),
        ("member", "get", lambda p: reverse("proposal_queue"),
         "Only the host staff review proposals for new communities."),
        ("chair", "post", lambda p: reverse("community_leave", args=[p["post"].community.slug]),
         "The chair cannot leave: make someone else chair first."),
        ("member", "get", lambda p: reverse("community_posts", args=["judges"]),
         "This community shares its content with its members only."),
        ("member", "get", lambda p: reverse("community_members", args=["judges"]),
         "Only the community's members can see who belongs to it."),
        ("member", "get", lambda p: reverse("post_create", args=["judges"]),
         "Only the community's members can start posts here."),
    ],
)  # fmt: skip
def test_a_refused_page_says_the_actual_reason(client, place, member, chair, who, method, url,
                                               reason):  # fmt: skip
    user = {"member": member, "chair": chair}[who]
    page = _refused(client, user, method, url(place), {"kind": "helpful"})
    assert reason in page
    # Nothing private comes with the reason.
    assert "Sealed matter" not in page and "Justice Private" not in page


def test_a_secretary_removing_another_leader_is_told_only_the_chair_may(client, community, place):
    secretary = make_member(community, role="secretary")
    treasurer = make_member(community, role="vice_chair")
    url = reverse("member_remove", args=[community.slug, treasurer.pk])
    page = _refused(client, secretary, "post", url, {"reason": "Gone"})
    assert "Only the chair and the host staff remove a member of the leadership group." in page
    assert Membership.objects.filter(user=treasurer, community=community).exists()


def test_an_outsider_refused_an_invitation_only_community_is_told_how_to_get_in(client, db):
    closed = CommunityFactory(join_policy="invitation", name="Leadership Circle", slug="circle")
    page = _refused(client, UserFactory(), "get", reverse("community_join", args=[closed.slug]))
    assert "This community takes new members by invitation only: ask one of its leaders." in page


def test_a_hidden_community_still_answers_not_found_without_a_reason(client, member):
    hidden = CommunityFactory(visibility="hidden", slug="hidden-circle", name="Hidden Circle")
    client.force_login(member)
    for name in ("community_posts", "community_members", "community_join", "post_create"):
        response = client.get(reverse(name, args=[hidden.slug]))
        assert response.status_code == 404
        assert b"Hidden Circle" not in response.content
