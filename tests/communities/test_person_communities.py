"""A person's communities show only where the reader may know who belongs (the permission
layer's `can_see_membership`): members-only and hidden communities keep their members to
themselves; public ones and leadership seats of communities the reader knows are public."""

import pytest
from django.urls import reverse

from practica.communities.models import Membership
from practica.communities.permissions import can_see_membership
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(db):
    return {
        "public": CommunityFactory(visibility="public", name="Open Drug Court Forum"),
        "members": CommunityFactory(visibility="members", name="Judges Roundtable"),
        "hidden": CommunityFactory(visibility="hidden", name="Quiet Strategy Circle"),
        "led": CommunityFactory(visibility="members", name="Litigation Leadership"),
    }


@pytest.fixture
def person(places):
    person = make_member(places["public"], display_name="Pat Person")
    for key in ("members", "hidden"):
        Membership.objects.create(user=person, community=places[key])
    Membership.objects.create(user=person, community=places["led"], role="secretary")
    return person


def _profile(client, reader, person) -> str:
    client.force_login(reader)
    response = client.get(reverse("person_detail", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_ordinary_member_sees_only_public_memberships_and_leadership(client, places, person):
    reader = make_member(places["public"])
    page = _profile(client, reader, person)
    assert "Open Drug Court Forum" in page
    assert "Litigation Leadership" in page  # the about page names the leadership group
    assert "Judges Roundtable" not in page
    assert "Quiet Strategy Circle" not in page


def test_fellow_members_see_the_private_membership_they_share(client, places, person):
    fellow = make_member(places["members"])
    page = _profile(client, fellow, person)
    assert "Judges Roundtable" in page and "Quiet Strategy Circle" not in page
    insider = make_member(places["hidden"])
    page = _profile(client, insider, person)
    assert "Quiet Strategy Circle" in page and "Judges Roundtable" not in page


def test_the_person_and_staff_see_every_membership(client, places, person):
    for reader in (person, UserFactory(is_staff=True)):
        page = _profile(client, reader, person)
        for community in places.values():
            assert community.name in page


def test_a_hidden_community_leadership_stays_hidden(client, places, person):
    Membership.objects.filter(user=person, community=places["hidden"]).update(role="chair")
    page = _profile(client, UserFactory(), person)
    assert "Quiet Strategy Circle" not in page


def test_the_permission_function_decides_for_each_role(places, person):
    outsider = UserFactory()
    memberships = {m.community.visibility + m.role: m for m in person.memberships.all()}
    assert can_see_membership(outsider, memberships["publicmember"])
    assert can_see_membership(outsider, memberships["memberssecretary"])
    assert not can_see_membership(outsider, memberships["membersmember"])
    assert not can_see_membership(outsider, memberships["hiddenmember"])
    from django.contrib.auth.models import AnonymousUser

    assert not can_see_membership(AnonymousUser(), memberships["membersmember"])
