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


def test_staff_read_the_proposed_domain_as_the_community_will_show_it(client, user, staff):
    proposal = CommunityProposal.objects.create(
        proposer=user, **{**PROPOSAL, "domain": "Supporting **victims** in court."}
    )
    client.force_login(staff)
    page = client.get(reverse("proposal_review", args=[proposal.pk])).content.decode()
    domain = page.split("Domain</dt>")[1].split("</dd>")[0]
    assert "Supporting <strong>victims</strong> in court." in domain and "**" not in domain


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


@pytest.mark.parametrize(
    "name",
    [
        "Victim Services Practitioners",
        "victim services practitioners",
        "  VICTIM   Services\u00a0Practitioners ",
    ],
)
def test_a_second_proposal_with_the_same_name_is_refused(client, user, name):
    client.force_login(user)
    client.post(reverse("proposal_create"), PROPOSAL)
    response = client.post(reverse("proposal_create"), {**PROPOSAL, "name": name})
    assert response.status_code == 200
    page = response.content.decode()
    assert "already been proposed: choose another name" in page
    assert "Supporting victims through the court process." in page  # the text is kept
    assert CommunityProposal.objects.count() == 1


def test_a_proposal_named_like_an_existing_community_is_refused(client, user):
    from tests.factories import CommunityFactory

    CommunityFactory(name="Drug Treatment Courts")
    client.force_login(user)
    response = client.post(
        reverse("proposal_create"), {**PROPOSAL, "name": "drug treatment courts"}
    )
    assert "choose another name" in response.content.decode()
    assert not CommunityProposal.objects.exists()


def test_a_declined_name_may_be_proposed_again(client, user, staff):
    client.force_login(user)
    client.post(reverse("proposal_create"), PROPOSAL)
    CommunityProposal.objects.update(status="declined")
    client.post(reverse("proposal_create"), PROPOSAL)
    assert CommunityProposal.objects.count() == 2


def test_a_100_kb_domain_is_refused_with_the_limit_and_kept(client, user):
    client.force_login(user)
    page = client.get(reverse("proposal_create")).content.decode()
    assert "At most 5000 characters." in page  # the limit is stated before typing
    huge = "x" * 100_000
    response = client.post(reverse("proposal_create"), {**PROPOSAL, "domain": huge})
    assert response.status_code == 200
    page = response.content.decode()
    assert "at most 5000 characters (it has 100000)" in page
    assert huge in page  # nothing cut: the person can shorten their own text
    assert not CommunityProposal.objects.exists()


def test_a_proposal_name_with_a_line_break_is_refused(client, user):
    client.force_login(user)
    response = client.post(reverse("proposal_create"), {**PROPOSAL, "name": "Victim\nServices"})
    assert "Write this on one line" in response.content.decode()
    assert not CommunityProposal.objects.exists()
