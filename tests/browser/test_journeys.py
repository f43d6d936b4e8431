"""What a newcomer and a chair do, in a real browser, from sign-up to a new code of conduct."""

import re

import pytest
from django.core import mail

from practica.accounts.services import conduct_publish
from practica.communities.models import CommunityProposal, JoinRequest, Membership
from tests.factories import PASSWORD, CommunityFactory, UserFactory, make_member, make_request

pytestmark = pytest.mark.django_db(transaction=True)


def _join(page, slug: str) -> None:
    page.goto(f"/communities/{slug}/join/")
    page.get_by_label("Area of interest").fill("Diversion for young adults")
    page.get_by_label("Why do you want to join?").fill("We are starting a programme.")
    page.get_by_label(re.compile("I have read the code of conduct")).check()
    page.get_by_role("button", name=re.compile("Join|Send my request")).click()


def test_newcomer_signs_up_joins_proposes_and_accepts_a_new_code(page):
    CommunityFactory(name="Youth Justice", slug="youth-justice", join_policy="open")
    approval = CommunityFactory(name="Treatment Courts", slug="treatment", join_policy="approval")
    make_member(approval, role="chair")
    staff = UserFactory(is_staff=True)

    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("nia@example.org")
    page.get_by_label("Choose a password").fill("river stone lantern 7")
    page.get_by_label("Password again").fill("river stone lantern 7")
    page.get_by_role("button", name="Create your account").click()
    page.wait_for_url("**/accounts/confirm-email/")

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[-1].body)
    page.goto(link.group(1))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/profile/?welcome=1")
    page.get_by_label("Name").fill("Nia Newbie")
    page.get_by_label("Affiliation").fill("Winnipeg Legal Aid")
    page.get_by_label("Occupation").select_option("paralegal")
    page.get_by_role("button", name="Save profile").click()
    assert page.get_by_text("Your profile has been saved.").is_visible()

    _join(page, "youth-justice")
    assert page.get_by_text("Welcome! You are now a member.").is_visible()
    _join(page, "treatment")
    assert page.get_by_text("Your request has been sent to the leaders").is_visible()
    assert (
        JoinRequest.objects.get(user__email="nia@example.org", community=approval).status
        == "pending"
    )

    conduct_publish(actor=staff, body="## Version two\n\nBe kind.", summary_of_changes="Kindness")
    page.goto("/communities/propose/")
    page.wait_for_url("**/conduct/?next=*")
    assert page.get_by_text("Kindness").is_visible()
    page.get_by_label(re.compile("I have read the code of conduct")).check()
    page.get_by_role("button", name="Accept").click()
    page.wait_for_url("**/communities/propose/")
    page.get_by_label("Name").fill("Victim Services")
    page.get_by_label("Domain").fill("Supporting victims in court.")
    page.get_by_label("Rationale").fill("No place of their own yet.")
    page.get_by_label("Who it is for").fill("Victim advocates.")
    page.get_by_role("button", name="Send the proposal").click()
    assert page.get_by_text("Waiting for review").is_visible()
    assert CommunityProposal.objects.get().proposer.email == "nia@example.org"

    page.goto("/communities/youth-justice/leave/")
    page.get_by_role("button", name="Leave the community").click()
    assert page.get_by_text("You have left Youth Justice.").is_visible()


def test_chair_approves_and_declines_requests(page):
    community = CommunityFactory(name="Treatment Courts", slug="treatment", join_policy="approval")
    make_member(community, role="chair", email="chair@example.org")
    first = make_request(community, UserFactory(display_name="Ana First"))
    second = make_request(community, UserFactory(display_name="Ben Second"))

    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("chair@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/communities/treatment/")
    page.get_by_role("link", name="2 requests waiting").click()

    page.goto(f"/communities/treatment/requests/{first.pk}/")
    page.get_by_role("radio", name="Approve").check()
    page.get_by_role("button", name="Confirm decision").click()
    assert page.get_by_text("Ana First is now a member.").is_visible()

    page.goto(f"/communities/treatment/requests/{second.pk}/")
    page.get_by_role("radio", name="Decline").check()
    page.get_by_role("button", name="Confirm decision").click()
    # Said twice: in the summary at the top (a link to the field) and at the field.
    reason = "Please give the applicant a reason."
    page.locator(".error-summary").get_by_role("link", name=reason).click()
    assert page.locator("#id_reason_error").get_by_text(reason).is_visible()
    assert page.evaluate("document.activeElement.id") == "id_reason"
    page.get_by_label(re.compile("^Reason")).fill("This community is for court staff.")
    page.get_by_role("button", name="Confirm decision").click()
    assert page.get_by_text("was declined; they have been told").is_visible()

    assert Membership.objects.filter(user=first.user, community=community).exists()
    second.refresh_from_db()
    assert second.status == "declined"
    assert any("court staff" in m.body for m in mail.outbox if m.to == [second.user.email])
