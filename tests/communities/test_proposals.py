import pytest
from django.core import mail
from django.urls import reverse

from practica.communities.models import Community, CommunityProposal, Membership
from practica.notifications.models import Notification

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "name": "Victim Services Practitioners",
    "domain": "Supporting victims through the court process.",
    "rationale": "Advocates have nowhere of their own to compare practice.",
    "audience": "Victim advocates and witness support staff.",
}


def test_member_proposes_and_staff_accepts(client, on_commit, user, staff):
    client.force_login(user)
    with on_commit():
        response = client.post(reverse("proposal_create"), PROPOSAL)
    assert response.status_code == 302
    proposal = CommunityProposal.objects.get()
    assert Notification.objects.filter(recipient=staff, kind="proposal.submitted").exists()
    page = client.get(reverse("proposal_mine")).content.decode()
    assert "Waiting for review" in page

    client.force_login(staff)
    queue = client.get(reverse("proposal_queue")).content.decode()
    assert "Victim Services Practitioners" in queue
    mail.outbox.clear()
    with on_commit():
        response = client.post(
            reverse("proposal_review", args=[proposal.pk]),
            {"decision": "accept", "summary": "Victim advocates learning together."},
        )
    community = Community.objects.get(name="Victim Services Practitioners")
    assert response["Location"] == community.get_absolute_url()
    assert Membership.objects.get(community=community).user == user
    assert Membership.objects.get(community=community).role == "chair"
    assert mail.outbox[-1].to == [user.email]
    assert "has been created" in mail.outbox[-1].subject


def test_staff_declines_with_a_reason(client, on_commit, user, staff):
    proposal = CommunityProposal.objects.create(proposer=user, **PROPOSAL)
    client.force_login(staff)
    url = reverse("proposal_review", args=[proposal.pk])
    response = client.post(url, {"decision": "decline"})
    assert "Please give the proposer a reason." in response.content.decode()
    with on_commit():
        client.post(url, {"decision": "decline", "reason": "Join Domestic Violence Courts."})
    proposal.refresh_from_db()
    assert proposal.status == "declined"
    assert "Join Domestic Violence Courts." in mail.outbox[-1].body
    client.force_login(user)
    assert "Join Domestic Violence Courts." in client.get(reverse("proposal_mine")).content.decode()


def test_a_proposal_cannot_be_reviewed_twice(client, user, staff):
    proposal = CommunityProposal.objects.create(proposer=user, **PROPOSAL)
    client.force_login(staff)
    url = reverse("proposal_review", args=[proposal.pk])
    client.post(url, {"decision": "decline", "reason": "No."})
    response = client.post(url, {"decision": "accept"})
    assert "already been reviewed" in response.content.decode()
    assert not Community.objects.filter(name=PROPOSAL["name"]).exists()


def test_proposing_an_existing_name_is_refused_and_keeps_the_text(client, user, community):
    client.force_login(user)
    response = client.post(reverse("proposal_create"), {**PROPOSAL, "name": community.name})
    body = response.content.decode()
    assert "already exists" in body
    assert PROPOSAL["rationale"] in body


def test_non_staff_cannot_review(client, user):
    proposal = CommunityProposal.objects.create(proposer=user, **PROPOSAL)
    client.force_login(user)
    assert client.get(reverse("proposal_review", args=[proposal.pk])).status_code == 403


def test_own_proposals_page_query_count_is_constant(client, user, assert_page_queries):
    client.force_login(user)
    CommunityProposal.objects.create(proposer=user, **PROPOSAL)
    client.get(reverse("proposal_mine"))
    with assert_page_queries(3):
        client.get(reverse("proposal_mine"))
    for n in range(8):
        CommunityProposal.objects.create(proposer=user, **{**PROPOSAL, "name": f"P{n}"})
    with assert_page_queries(3):
        client.get(reverse("proposal_mine"))
