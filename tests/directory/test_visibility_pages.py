"""Every page that shows a person, for each kind of viewer: what it reveals, not only its
status. A hidden profile answers exactly like a missing one."""

import re

import pytest
from django.urls import reverse

from practica.accounts.models import ProfileVisibility
from practica.core.pictures import replace_pictures
from practica.directory.models import Expertise, ExpertiseArea, Level
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db

NAME = "Xiomara Quillfeather"
VIEWERS = ("anonymous", "stranger", "fellow", "staff")
SEES = {
    ProfileVisibility.PUBLIC: {"anonymous", "stranger", "fellow", "staff"},
    ProfileVisibility.MEMBERS: {"stranger", "fellow", "staff"},
    ProfileVisibility.COMMUNITIES: {"fellow", "staff"},
}


@pytest.fixture
def people():
    community = CommunityFactory()
    person = make_member(community, display_name=NAME)
    replace_pictures(person, ("photo", "photo_small"), {"l": b"\xff\xd8l", "s": b"\xff\xd8s"})
    person.save()
    Expertise.objects.create(
        user=person, area=ExpertiseArea.objects.get(slug="bail"), level=Level.EXPERT
    )
    return {
        "person": person,
        "anonymous": None,
        "stranger": UserFactory(),
        "fellow": make_member(community),
        "staff": UserFactory(is_staff=True),
    }


def as_viewer(client, people, viewer):
    client.logout()
    if people[viewer] is not None:
        client.force_login(people[viewer])


def without_tokens(content):
    """The page with its per-request values (CSRF token, CSP nonce) taken out."""
    return re.sub(r'(value|nonce|content)="[^"]*"', "", content.decode())


@pytest.mark.parametrize("visibility", list(SEES))
def test_every_page_that_shows_a_person_follows_their_choice(client, people, visibility):
    person = people["person"]
    type(person).objects.filter(pk=person.pk).update(profile_visibility=visibility)
    area_url = reverse("expertise_area_detail", args=["bail"])
    for viewer in VIEWERS:
        as_viewer(client, people, viewer)
        sees = viewer in SEES[visibility]
        profile = client.get(reverse("person_detail", args=[person.pk]))
        assert profile.status_code == (200 if sees else 404), viewer
        assert (NAME in profile.content.decode()) is sees, viewer
        if sees:
            assert "Bail and pre-trial release" in profile.content.decode()
        photo = client.get(reverse("person_photo", args=[person.pk, "s"]))
        assert photo.status_code == (200 if sees else 404), viewer
        listing = client.get(reverse("people")).content.decode()
        assert (NAME in listing) is sees, viewer
        area_page = client.get(area_url).content.decode()
        assert (NAME in area_page) is sees, viewer
        declared = "1 person declared it" if sees else "0 people declared it"
        assert declared in area_page, viewer
        filtered = client.get(reverse("people"), {"area": "bail"}).content.decode()
        assert ("1 person" if sees else "0 people") in filtered, viewer


def test_a_hidden_profile_answers_like_a_missing_person(client, people):
    person = people["person"]
    type(person).objects.filter(pk=person.pk).update(
        profile_visibility=ProfileVisibility.COMMUNITIES
    )
    client.force_login(people["stranger"])
    hidden = client.get(reverse("person_detail", args=[person.pk]))
    missing = client.get(reverse("person_detail", args=[person.pk + 999]))
    assert hidden.status_code == missing.status_code == 404
    assert without_tokens(hidden.content) == without_tokens(missing.content)
    hidden_photo = client.get(reverse("person_photo", args=[person.pk, "s"]))
    missing_photo = client.get(reverse("person_photo", args=[person.pk + 999, "s"]))
    assert hidden_photo.status_code == missing_photo.status_code == 404


def test_a_closed_account_is_gone_from_every_page(client, people):
    person = people["person"]
    type(person).objects.filter(pk=person.pk).update(
        is_active=False, profile_visibility=ProfileVisibility.PUBLIC
    )
    client.force_login(people["staff"])
    assert client.get(reverse("person_detail", args=[person.pk])).status_code == 404
    assert NAME not in client.get(reverse("people")).content.decode()
    assert NAME not in client.get(reverse("expertise_area_detail", args=["bail"])).content.decode()


def test_a_person_always_sees_their_own_profile(client, people):
    person = people["person"]
    type(person).objects.filter(pk=person.pk).update(
        profile_visibility=ProfileVisibility.COMMUNITIES
    )
    loner = UserFactory(profile_visibility=ProfileVisibility.COMMUNITIES)
    client.force_login(loner)
    assert client.get(reverse("person_detail", args=[loner.pk])).status_code == 200


def test_avatars_of_community_only_profiles_show_initials_to_strangers(client, people):
    """Their photo's address would answer 404 to a stranger: the avatar never points to it."""
    from django.template import Context, Template

    person = people["person"]
    person.profile_visibility = ProfileVisibility.COMMUNITIES
    template = Template("{% load faces %}{% avatar person %}")

    class Request:
        user = people["stranger"]

    assert "<img" not in template.render(Context({"person": person, "request": Request()}))
    Request.user = people["staff"]
    assert "<img" in template.render(Context({"person": person, "request": Request()}))


def test_following_a_person_names_them_only_while_their_profile_is_visible(people):
    from practica.notifications.places import place_for

    person = people["person"]
    type(person).objects.filter(pk=person.pk).update(
        profile_visibility=ProfileVisibility.COMMUNITIES
    )
    assert place_for(people["fellow"], f"person:{person.pk}").label == NAME
    assert place_for(people["stranger"], f"person:{person.pk}") is None


def test_visitors_see_names_unlinked_unless_the_profile_is_public(people):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    person = people["person"]
    profile_url = reverse("person_detail", args=[person.pk])

    class Request:
        user = AnonymousUser()

    def card():
        return render_to_string("includes/person.html", {"person": person, "request": Request()})

    person.profile_visibility = ProfileVisibility.MEMBERS
    assert NAME in card() and profile_url not in card()
    person.profile_visibility = ProfileVisibility.PUBLIC
    assert profile_url in card()
    Request.user = people["stranger"]
    person.profile_visibility = ProfileVisibility.MEMBERS
    assert profile_url in card()
