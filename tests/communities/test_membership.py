"""Joining, approval, invitations, leaving, removal and roles, as people do them."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from practica.accounts.models import CodeOfConduct
from practica.communities.models import Invitation, JoinRequest, Membership
from practica.core.models import AuditEvent
from practica.notifications.models import Notification
from tests.factories import CommunityFactory, UserFactory, make_member, make_request

pytestmark = pytest.mark.django_db


def _join_data(**extra):
    data = {
        "occupation": "judge",
        "affiliation": "Tulsa District Court",
        "interest": "treatment courts",
        "statement": "We start a treatment docket next spring.",
        "conduct_accepted": "on",
    }
    data.update(extra)
    return data


def test_open_community_joins_at_once(client, user, community):
    client.force_login(user)
    response = client.post(reverse("community_join", args=[community.slug]), _join_data())
    assert response.status_code == 302
    assert Membership.objects.filter(user=user, community=community, role="member").exists()
    page = client.get(reverse("community_detail", args=[community.slug])).content.decode()
    assert "Welcome! You are now a member." in page
    assert "Leave this community" in page


def test_join_form_is_prefilled_from_the_profile(client, community):
    person = UserFactory(affiliation="Nairobi Legal Aid", interests="diversion")
    client.force_login(person)
    page = client.get(reverse("community_join", args=[community.slug])).content.decode()
    assert 'value="Nairobi Legal Aid"' in page
    assert 'value="diversion"' in page


def test_joining_requires_accepting_the_code_of_conduct(client, user, community):
    client.force_login(user)
    data = _join_data()
    del data["conduct_accepted"]
    response = client.post(reverse("community_join", args=[community.slug]), data)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert 'value="We start' not in response.content.decode()  # textarea keeps the text:
    assert "We start a treatment docket next spring." in response.content.decode()
    assert not Membership.objects.filter(user=user).exists()


def test_people_without_name_and_affiliation_are_sent_to_their_profile(client, community):
    person = UserFactory(display_name="", affiliation="")
    client.force_login(person)
    url = reverse("community_join", args=[community.slug])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('profile_edit')}?next={url.replace('/', '%2F')}"


def test_approval_community_queues_the_request_and_the_chair_approves(
    client, on_commit, community, chair
):
    community.join_policy = "approval"
    community.save()
    applicant = UserFactory(display_name="Ana Applicant")
    client.force_login(applicant)
    with on_commit():
        client.post(reverse("community_join", args=[community.slug]), _join_data())
    request = JoinRequest.objects.get(user=applicant)
    assert request.status == "pending"
    assert not Membership.objects.filter(user=applicant, community=community).exists()
    assert Notification.objects.filter(recipient=chair, kind="request.submitted").exists()
    page = client.get(reverse("community_detail", args=[community.slug])).content.decode()
    assert "Withdraw my request" in page

    client.force_login(chair)
    queue = client.get(reverse("community_requests", args=[community.slug])).content.decode()
    assert "Ana Applicant" in queue and "We start a treatment docket" in queue
    mail.outbox.clear()
    with on_commit():
        response = client.post(
            reverse("request_decide", args=[community.slug, request.pk]), {"decision": "approve"}
        )
    assert response.status_code == 302
    assert Membership.objects.filter(user=applicant, community=community).exists()
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert "Welcome to" in mail.outbox[0].subject
    assert AuditEvent.objects.filter(action="request.approve", actor=chair).exists()


def test_declining_needs_a_reason_which_the_applicant_receives(client, on_commit, community, chair):
    community.join_policy = "approval"
    community.save()
    applicant = UserFactory()
    request = make_request(community, applicant)
    client.force_login(chair)
    url = reverse("request_decide", args=[community.slug, request.pk])
    response = client.post(url, {"decision": "decline", "reason": ""})
    assert response.status_code == 200
    assert "Please give the applicant a reason." in response.content.decode()
    with on_commit():
        client.post(url, {"decision": "decline", "reason": "This group is for court staff."})
    request.refresh_from_db()
    assert request.status == "declined"
    assert "This group is for court staff." in mail.outbox[-1].body
    note = Notification.objects.get(recipient=applicant, kind="request.declined")
    assert "court staff" in note.body


def test_applicant_can_withdraw_a_pending_request(client, community):
    community.join_policy = "approval"
    community.save()
    applicant = UserFactory()
    request = make_request(community, applicant)
    client.force_login(applicant)
    client.post(reverse("request_withdraw", args=[community.slug, request.pk]))
    request.refresh_from_db()
    assert request.status == "withdrawn"
    # ...and may ask again later.
    response = client.get(reverse("community_join", args=[community.slug]))
    assert response.status_code == 200


def test_restricted_community_requires_declaration_and_verification(client, chair, community):
    community.eligibility = "Judges and justices of the peace only"
    community.save()
    applicant = UserFactory()
    client.force_login(applicant)
    url = reverse("community_join", args=[community.slug])
    response = client.post(url, _join_data())
    assert "Judges and justices of the peace only" in response.content.decode()
    assert not JoinRequest.objects.exists()
    client.post(url, _join_data(eligibility_declared="on"))
    # Restricted communities always queue, even with an open policy.
    request = JoinRequest.objects.get(user=applicant)
    assert request.status == "pending"

    client.force_login(chair)
    decide = reverse("request_decide", args=[community.slug, request.pk])
    response = client.post(decide, {"decision": "approve"})
    assert "Verify the applicant" in response.content.decode()
    client.post(decide, {"decision": "approve", "eligibility_verified": "on"})
    request.refresh_from_db()
    assert request.status == "approved" and request.eligibility_verified


def test_invitation_link_works_once_and_expires(client, on_commit, chair):
    community = CommunityFactory(join_policy="invitation", visibility="hidden")
    Membership.objects.filter(user=chair).update(community=community)
    client.force_login(chair)
    with on_commit():
        response = client.post(
            reverse("community_invitations", args=[community.slug]),
            {"emails": "guest@example.org, not-an-address", "message": "Come!"},
        )
    assert "not valid email addresses: not-an-address" in response.content.decode()
    assert not mail.outbox
    with on_commit():
        client.post(
            reverse("community_invitations", args=[community.slug]),
            {"emails": "guest@example.org", "message": "Come!"},
        )
    assert mail.outbox[-1].to == ["guest@example.org"]
    link = re.search(r"https?://[^/\s]+(/invitations/\S+)", mail.outbox[-1].body).group(1)

    client.logout()
    page = client.get(link).content.decode()
    assert "You are invited to join" in page and "Sign up" in page

    guest = UserFactory(email="guest@example.org")
    client.force_login(guest)
    # Before accepting, the hidden community does not exist for the guest.
    assert client.get(reverse("community_detail", args=[community.slug])).status_code == 404
    response = client.post(link, {"conduct_accepted": "on"})
    assert response.status_code == 302
    assert Membership.objects.filter(user=guest, community=community).exists()
    assert client.get(reverse("community_detail", args=[community.slug])).status_code == 200

    # Used, the link shows nothing to anyone else, signed in or not, and works no more.
    other = UserFactory()
    client.force_login(other)
    response = client.post(link, {"conduct_accepted": "on"})
    assert response.status_code == 404
    assert community.name not in response.content.decode()
    assert not Membership.objects.filter(user=other, community=community).exists()
    client.logout()
    response = client.get(link)
    assert response.status_code == 404 and community.name not in response.content.decode()
    # The guest who used it is simply taken to the community.
    client.force_login(guest)
    assert client.get(link)["Location"] == community.get_absolute_url()


def test_expired_or_withdrawn_invitations_are_refused(client, on_commit, chair, community):
    from django.utils import timezone

    client.force_login(chair)
    with on_commit():
        client.post(
            reverse("community_invitations", args=[community.slug]),
            {"emails": "late@example.org\nwithdrawn@example.org"},
        )
    links = {
        m.to[0]: re.search(r"https?://[^/\s]+(/invitations/\S+)", m.body).group(1)
        for m in mail.outbox
    }
    Invitation.objects.filter(email="late@example.org").update(expires_at=timezone.now())
    withdrawn = Invitation.objects.get(email="withdrawn@example.org")
    client.post(reverse("invitation_revoke", args=[community.slug, withdrawn.pk]))

    client.logout()
    made_up = client.get("/invitations/not-a-real-token/")
    assert made_up.status_code == 404
    for email, link in links.items():
        client.force_login(UserFactory(email=email))
        for response in (client.get(link), client.post(link, {"conduct_accepted": "on"})):
            # Exactly what a made-up link answers: nothing about the community.
            assert response.status_code == 404
            assert community.name.encode() not in response.content
            assert b"does not work" in response.content
        client.logout()
        # Anonymous, byte for byte what a made-up link answers.
        token = link.split("/")[-2].encode()
        assert client.get(link).content.replace(token, b"not-a-real-token") == made_up.content
    assert Membership.objects.filter(community=community).count() == 1  # the chair only


def _invite(client, on_commit, chair, community, email):
    client.force_login(chair)
    with on_commit():
        client.post(reverse("community_invitations", args=[community.slug]), {"emails": email})
    client.logout()
    return re.search(r"https?://[^/\s]+(/invitations/\S+)", mail.outbox[-1].body).group(1)


def test_an_invitation_works_only_for_the_invited_address(client, on_commit, chair):
    community = CommunityFactory(
        join_policy="invitation", visibility="hidden", name="Quiet Strategy Circle"
    )
    Membership.objects.filter(user=chair).update(community=community)
    link = _invite(client, on_commit, chair, community, "guest@example.org")
    # Someone else holding the link is told to use the invited address, and nothing more.
    someone = UserFactory(email="someone@example.org")
    client.force_login(someone)
    for response in (client.get(link), client.post(link, {"conduct_accepted": "on"})):
        page = response.content.decode()
        assert response.status_code == 403
        assert "Quiet Strategy Circle" not in page and community.summary not in page
        assert "g…@example.org" in page and "guest@example.org" not in page
        assert "Log out and continue" in page
    assert not Membership.objects.filter(user=someone, community=community).exists()
    # The service refuses them too, whatever the view does.
    from practica.communities.services import invitation_accept
    from practica.core.errors import ServiceError

    with pytest.raises(ServiceError):
        invitation_accept(actor=someone, token=link.split("/")[-2], conduct_accepted=True)
    # The invitee, signed in under a second, verified address, may accept.
    from allauth.account.models import EmailAddress

    invitee = UserFactory(email="work@example.org")
    EmailAddress.objects.create(user=invitee, email="Guest@Example.org", verified=True)
    client.force_login(invitee)
    assert "Quiet Strategy Circle" in client.get(link).content.decode()
    assert client.post(link, {"conduct_accepted": "on"}).status_code == 302
    assert Membership.objects.filter(user=invitee, community=community).exists()


def test_an_unverified_second_address_is_not_enough(client, on_commit, chair, community):
    from allauth.account.models import EmailAddress

    link = _invite(client, on_commit, chair, community, "guest@example.org")
    claimer = UserFactory()
    EmailAddress.objects.create(user=claimer, email="guest@example.org", verified=False)
    client.force_login(claimer)
    assert client.get(link).status_code == 403


def test_an_anonymous_visitor_sees_the_invitation_only_through_an_open_link(
    client, on_commit, chair
):
    community = CommunityFactory(visibility="hidden", name="Quiet Strategy Circle")
    Membership.objects.filter(user=chair).update(community=community)
    link = _invite(client, on_commit, chair, community, "guest@example.org")
    page = client.get(link).content.decode()
    assert "Quiet Strategy Circle" in page and "Sign up" in page and "g…@example.org" in page
    Invitation.objects.update(revoked_at="2020-01-01T00:00:00Z")
    response = client.get(link)
    assert response.status_code == 404 and "Quiet Strategy Circle" not in response.content.decode()


def test_invitation_only_community_has_no_join_form(client, user):
    community = CommunityFactory(join_policy="invitation")
    client.force_login(user)
    assert client.get(reverse("community_join", args=[community.slug])).status_code == 403
    page = client.get(reverse("community_detail", args=[community.slug])).content.decode()
    assert "by invitation" in page


def test_member_leaves(client, member, community):
    client.force_login(member)
    response = client.post(reverse("community_leave", args=[community.slug]))
    assert response.status_code == 302
    assert not Membership.objects.filter(user=member, community=community).exists()


def test_the_chair_cannot_leave_without_handing_over(client, chair, member, community):
    client.force_login(chair)
    assert client.post(reverse("community_leave", args=[community.slug])).status_code == 403
    client.post(reverse("member_role", args=[community.slug, member.pk]), {"role": "chair"})
    assert Membership.objects.get(user=member).role == "chair"
    assert Membership.objects.get(user=chair).role == "member"
    assert client.post(reverse("community_leave", args=[community.slug])).status_code == 302


def test_leader_removes_a_member_with_a_reason(client, on_commit, chair, member, community):
    client.force_login(chair)
    url = reverse("member_remove", args=[community.slug, member.pk])
    assert "This field is required" in client.post(url, {"reason": ""}).content.decode()
    with on_commit():
        client.post(url, {"reason": "Repeated breaches of confidentiality."})
    assert not Membership.objects.filter(user=member, community=community).exists()
    assert "Repeated breaches" in mail.outbox[-1].body
    event = AuditEvent.objects.get(action="membership.remove")
    assert event.actor == chair and event.reason == "Repeated breaches of confidentiality."
    # The entry names the person removed (the community is its scope), and staff read it so.
    assert (event.target_type, event.target_id) == ("accounts.user", member.pk)
    client.post(reverse("member_role", args=[community.slug, make_member(community).pk]),
                {"role": "secretary"})  # fmt: skip
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/admin/core/auditevent/").content.decode()
    removal = next(row for row in page.split("<tr") if "membership.remove" in row)
    assert "Mia Member (user" in removal and community.slug in removal
    role = next(row for row in page.split("<tr") if "membership.role" in row)
    assert "(user" in role and "(community" not in role
    assert event.scope == community.slug


def test_a_vice_chair_cannot_remove_another_leader(client, community):
    vice = make_member(community, role="vice_chair")
    secretary = make_member(community, role="secretary")
    client.force_login(vice)
    url = reverse("member_remove", args=[community.slug, secretary.pk])
    assert client.post(url, {"reason": "no"}).status_code == 403


def test_leadership_seats_are_limited(client, chair, community):
    client.force_login(chair)
    people = [make_member(community) for _ in range(6)]
    url = lambda person: reverse("member_role", args=[community.slug, person.pk])  # noqa: E731
    for person in people[:4]:
        client.post(url(person), {"role": "member_at_large"})
    response = client.post(url(people[4]), {"role": "member_at_large"}, follow=True)
    assert "at most 4 members-at-large" in response.content.decode()
    client.post(url(people[4]), {"role": "secretary"})
    response = client.post(url(people[5]), {"role": "secretary"}, follow=True)
    assert "already has a secretary" in response.content.decode()
    assert Membership.objects.filter(community=community, role="member_at_large").count() == 4


def test_only_the_chair_or_staff_set_roles(client, community, member):
    vice = make_member(community, role="vice_chair")
    client.force_login(vice)
    url = reverse("member_role", args=[community.slug, member.pk])
    assert client.post(url, {"role": "secretary"}).status_code == 403


def test_new_code_of_conduct_must_be_accepted_before_the_next_write(client, staff, member):
    client.force_login(staff)
    client.post(
        reverse("conduct_publish"),
        {"body": "## Be kind\n\nNew rules.", "summary_of_changes": "Added a kindness rule."},
    )
    assert CodeOfConduct.objects.order_by("-version").first().version == 2

    client.force_login(member)
    # Reading still works...
    assert client.get(reverse("community_list")).status_code == 200
    # ...but writing asks for the new version first.
    response = client.get(reverse("proposal_create"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("conduct"))
    page = client.get(response["Location"]).content.decode()
    assert "Added a kindness rule." in page and "Be kind" in page
    client.post(response["Location"], {"accept": "on", "next": reverse("proposal_create")})
    assert client.get(reverse("proposal_create")).status_code == 200
    member.refresh_from_db()
    assert member.accepted_conduct_version == 2
