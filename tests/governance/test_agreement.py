"""The agreement: drafting, the comment period, publishing versions, accepting (as the code
of conduct is accepted), endorsing, and who may see and do what."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from practica.communities.models import JoinRequest, Membership
from practica.core.errors import ServiceError
from practica.core.models import AuditEvent
from practica.discussions.models import Comment, Post
from practica.discussions.services import post_create
from practica.governance import services
from practica.governance.models import Agreement, AgreementVersion, DraftComment
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def test_a_leader_drafts_the_agreement_through_the_editor(client, community, chair):
    client.force_login(chair)
    url = reverse("agreement_edit", args=[community.slug])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"action": "save", "body": "Respect one another.", "summary_of_changes": "First"}
    )
    assert response.status_code == 302
    draft = Agreement.objects.get(community=community)
    assert draft.draft == "Respect one another."
    assert list(draft.authors.all()) == [chair]


def test_an_empty_draft_is_refused_and_the_summary_typed_is_kept(client, community, chair):
    client.force_login(chair)
    response = client.post(
        reverse("agreement_edit", args=[community.slug]),
        {"action": "save", "body": "   ", "summary_of_changes": "Kept line"},
    )
    assert response.status_code == 200
    assert "Kept line" in response.content.decode()
    assert not Agreement.objects.filter(community=community).exclude(draft="").exists()


def test_members_are_refused_the_editor_and_publishing(client, community, chair, member):
    client.force_login(member)
    assert client.get(reverse("agreement_edit", args=[community.slug])).status_code == 403
    assert client.post(reverse("agreement_publish", args=[community.slug])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.agreement_draft_save(actor=member, community=community, body="Mine")
    assert not AgreementVersion.objects.exists()


def test_a_leader_of_another_community_is_refused(client, community, chair):
    elsewhere = make_member(CommunityFactory(), role="chair")
    client.force_login(elsewhere)
    assert client.get(reverse("agreement_edit", args=[community.slug])).status_code == 403


def test_members_comment_on_the_draft_only_while_it_is_open(client, community, chair, member):
    services.agreement_draft_save(actor=chair, community=community, body="Draft text")
    client.force_login(member)
    draft_url = reverse("agreement_draft", args=[community.slug])
    # Not open: the draft is the leaders' own.
    assert client.get(draft_url).status_code == 403
    services.agreement_comments_open(actor=chair, community=community, days=7)
    page = client.get(draft_url)
    assert page.status_code == 200 and "Draft text" in page.content.decode()
    response = client.post(draft_url, {"body": "Add a line on confidentiality."})
    assert response.status_code == 302
    comment = DraftComment.objects.get()
    assert comment.author == member and comment.agreement_number == 1
    assert "Add a line on confidentiality." in client.get(draft_url).content.decode()
    # The period ends: no more comments, and the page no longer shows the form.
    Agreement.objects.update(comments_until=timezone.now() - timedelta(minutes=1))
    with pytest.raises(PermissionDenied):
        services.draft_comment_add(actor=member, community=community, body="Late")
    client.force_login(chair)
    page = client.get(draft_url).content.decode()
    assert "The draft is not open for comments." in page
    assert client.post(draft_url, {"body": "Late too"}).status_code == 403
    assert DraftComment.objects.count() == 1


def test_a_comment_refused_for_being_empty_keeps_the_page(client, community, chair, member):
    services.agreement_draft_save(actor=chair, community=community, body="Draft text")
    services.agreement_comments_open(actor=chair, community=community, days=3)
    client.force_login(member)
    response = client.post(reverse("agreement_draft", args=[community.slug]), {"body": ""})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_outsiders_cannot_comment_on_an_open_draft(client, community, chair):
    services.agreement_draft_save(actor=chair, community=community, body="Draft text")
    services.agreement_comments_open(actor=chair, community=community, days=3)
    client.force_login(UserFactory())
    url = reverse("agreement_draft", args=[community.slug])
    assert client.get(url).status_code == 403
    assert client.post(url, {"body": "Hello"}).status_code == 403


def test_publishing_makes_a_kept_version_with_its_authors_audited_and_told(
    client, community, chair, member, on_commit
):
    services.agreement_draft_save(actor=chair, community=community, body="Version one")
    client.force_login(chair)
    with on_commit():
        response = client.post(reverse("agreement_publish", args=[community.slug]))
    assert response.status_code == 302
    community.refresh_from_db()
    assert community.agreement_version == 1
    version = AgreementVersion.objects.get()
    assert version.number == 1 and version.published_by == chair
    assert list(version.authors.all()) == [chair]
    event = AuditEvent.objects.get(action="agreement.publish")
    assert event.actor == chair and event.target_id == version.pk
    # The publisher accepted it; the member has it to accept, and hears of it.
    assert Membership.objects.get(user=chair, community=community).agreement_version == 1
    assert Membership.objects.get(user=member, community=community).agreement_version == 0
    client.force_login(member)
    notes = client.get(reverse("notification_list")).content.decode()
    assert "version 1 of its agreement" in notes
    # A second version keeps the first.
    services.agreement_draft_save(actor=chair, community=community, body="Version two")
    services.agreement_publish(actor=chair, community=community)
    community.refresh_from_db()
    assert community.agreement_version == 2
    old = client.get(reverse("agreement_version", args=[community.slug, 1])).content.decode()
    assert "Version one" in old
    listing = client.get(reverse("agreement_versions", args=[community.slug])).content.decode()
    assert "Version 1" in listing and "Version 2" in listing and "Chris Chair" in listing


def test_nothing_to_publish_is_refused(community, chair):
    with pytest.raises(ServiceError):
        services.agreement_publish(actor=chair, community=community)


def test_members_endorse_the_version_in_force(client, community, chair, member, published):
    client.force_login(member)
    url = reverse("agreement", args=[community.slug])
    page = client.get(url).content.decode()
    assert "Endorsed by 0 members." in page and "I endorse this agreement" in page
    assert client.post(url, {"action": "endorse"}).status_code == 302
    page = client.get(url).content.decode()
    assert "Endorsed by 1 member." in page
    assert "You endorsed version 1." in page
    # Endorsing twice counts once.
    client.post(url, {"action": "endorse"})
    assert published.endorsements.count() == 1


def test_outsiders_cannot_endorse(client, community, chair, published):
    client.force_login(UserFactory())
    client.post(reverse("agreement", args=[community.slug]), {"action": "endorse"})
    assert published.endorsements.count() == 0
    with pytest.raises(PermissionDenied):
        services.agreement_endorse(actor=UserFactory(), community=community)


def test_a_new_version_blocks_writing_until_accepted_keeping_the_text(
    client, community, chair, member, published
):
    post = post_create(
        actor=chair, community=community, kind="discussion", title="Bail hearings", body="B"
    )
    client.force_login(member)
    client.get(post.get_absolute_url())  # read before the new version: the thread is kept
    services.agreement_draft_save(actor=chair, community=community, body="Version two text")
    services.agreement_publish(actor=chair, community=community)
    # The post page says why the member cannot comment, with the way to the agreement.
    page = client.get(post.get_absolute_url()).content.decode()
    assert "read and accept it to comment" in page
    # A comment sent anyway goes to the agreement, and is kept.
    response = client.post(reverse("comment_create", args=[post.pk]), {"body": "My careful reply"})
    agreement_url = reverse("agreement", args=[community.slug])
    assert response.status_code == 302
    assert response["Location"].startswith(agreement_url)
    assert not Comment.objects.filter(body="My careful reply").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Version two text" in page and "Accept this version" in page
    # A new post is stopped the same way.
    new_post = client.post(
        reverse("post_create", args=[community.slug]),
        {"kind": "discussion", "title": "Kept title", "body": "Kept body", "language": "en"},
    )
    assert new_post["Location"].startswith(agreement_url)
    assert not Post.objects.filter(title="Kept title").exists()
    # Accepting sends the member back to the thread, their comment in the form.
    back = client.post(
        agreement_url, {"action": "accept", "accepted": "on", "next": post.get_absolute_url()}
    )
    assert back["Location"] == post.get_absolute_url()
    assert "My careful reply" in client.get(back["Location"]).content.decode()
    assert Membership.objects.get(user=member, community=community).agreement_version == 2
    assert (
        client.post(reverse("comment_create", args=[post.pk]), {"body": "Now it goes"}).status_code
        == 302
    )
    assert Comment.objects.filter(body="Now it goes").exists()


def test_the_services_refuse_a_member_with_an_agreement_to_accept(
    community, chair, member, published
):
    services.agreement_draft_save(actor=chair, community=community, body="Version two")
    services.agreement_publish(actor=chair, community=community)
    community.refresh_from_db()
    with pytest.raises(ServiceError):
        post_create(actor=member, community=community, kind="discussion", title="T", body="B")


def test_staff_who_are_not_members_are_not_asked(community, chair, staff, published):
    post = post_create(actor=staff, community=community, kind="discussion", title="T", body="B")
    assert post.pk


def test_joining_an_open_community_accepts_its_agreement(client, community, chair, published):
    joiner = UserFactory()
    client.force_login(joiner)
    url = reverse("community_join", args=[community.slug])
    page = client.get(url).content.decode()
    assert "We disagree with ideas, not people." in page and "its agreement" in page
    form = {"occupation": "lawyer", "affiliation": "Legal aid", "interest": "bail",
            "statement": "I work on bail."}  # fmt: skip
    refused = client.post(url, form)
    assert refused.status_code == 200
    assert not Membership.objects.filter(user=joiner).exists()
    assert client.post(url, {**form, "conduct_accepted": "on"}).status_code == 302
    assert Membership.objects.get(user=joiner, community=community).agreement_version == 1
    assert JoinRequest.objects.get(user=joiner).agreement_version == 1


def test_members_only_agreements_are_not_shown_to_outsiders(client):
    community = CommunityFactory(visibility="members", join_policy="approval")
    chair = make_member(community, role="chair")
    services.agreement_draft_save(actor=chair, community=community, body="Secret terms of ours")
    services.agreement_publish(actor=chair, community=community)
    community.refresh_from_db()
    outsider = UserFactory()
    client.force_login(outsider)
    for url in (
        reverse("agreement", args=[community.slug]),
        reverse("agreement_versions", args=[community.slug]),
        reverse("agreement_version", args=[community.slug, 1]),
        reverse("community_join", args=[community.slug]),
        reverse("community_detail", args=[community.slug]),
    ):
        response = client.get(url)
        assert "Secret terms of ours" not in response.content.decode(), url
    assert client.get(reverse("agreement", args=[community.slug])).status_code == 403
    # Those joining accept it when they first write, once they can read it.
    client.post(
        reverse("community_join", args=[community.slug]),
        {"occupation": "lawyer", "affiliation": "Legal aid", "interest": "bail",
         "statement": "I work on bail.", "conduct_accepted": "on"},
    )  # fmt: skip
    assert JoinRequest.objects.get(user=outsider).agreement_version == 0


def test_a_comment_by_any_way_in_is_refused_until_accepted(community, chair, member, published):
    from practica.discussions.services import comment_create

    post = post_create(actor=chair, community=community, kind="discussion", title="T", body="B")
    services.agreement_draft_save(actor=chair, community=community, body="Version two")
    services.agreement_publish(actor=chair, community=community)
    community.refresh_from_db()
    post.refresh_from_db()
    with pytest.raises(ServiceError) as refused:
        comment_create(actor=member, post=post, body="By email")
    assert "new agreement" in str(refused.value)
    services.agreement_accept(user=member, community=community)
    assert comment_create(actor=member, post=post, body="By email").pk


def test_an_approved_request_carries_the_version_accepted_when_asking(client, chair):
    from practica.communities.services import join_request_approve, join_request_submit

    community = CommunityFactory(join_policy="approval")
    chair = make_member(community, role="chair")
    services.agreement_draft_save(actor=chair, community=community, body="Terms")
    services.agreement_publish(actor=chair, community=community)
    community.refresh_from_db()
    applicant = UserFactory()
    request = join_request_submit(
        actor=applicant, community=community, occupation="lawyer", affiliation="Aid",
        interest="bail", statement="Hello", conduct_accepted=True,
    )  # fmt: skip
    assert request.agreement_version == 1
    membership = join_request_approve(actor=chair, request=request)
    assert membership.agreement_version == 1


def test_accepting_is_for_members_only(client, community, chair, published):
    client.force_login(UserFactory())
    response = client.post(
        reverse("agreement", args=[community.slug]), {"action": "accept", "accepted": "on"}
    )
    assert response.status_code == 200
    assert "Only the community&#x27;s members accept its agreement." in response.content.decode()


def test_the_leaders_hear_of_comments_on_the_draft(client, community, chair, member, on_commit):
    services.agreement_draft_save(actor=chair, community=community, body="Draft text")
    services.agreement_comments_open(actor=chair, community=community, days=7)
    with on_commit():
        services.draft_comment_add(actor=member, community=community, body="One thought")
    client.force_login(chair)
    notes = client.get(reverse("notification_list")).content.decode()
    assert "Mia Member commented on the draft agreement" in notes
