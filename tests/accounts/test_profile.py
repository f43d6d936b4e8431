import pytest
from django.urls import reverse

from practica.communities.models import Membership
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def test_profile_requires_name_and_affiliation_and_keeps_input(client):
    person = UserFactory(display_name="", affiliation="")
    client.force_login(person)
    response = client.post(
        reverse("profile_edit"), {"display_name": "Kofi", "affiliation": "", "bio": "Ten years."}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in body
    assert 'value="Kofi"' in body and "Ten years." in body


def test_profile_page_shows_what_a_member_said_about_themselves(client, user):
    person = UserFactory(
        display_name="Lena Varga", occupation="academic", affiliation="University of Leeds",
        country="United Kingdom", languages="English, Hungarian", interests="evaluation, data",
        bio="I study <b>treatment courts</b>.",
    )  # fmt: skip
    client.force_login(user)
    page = client.get(reverse("person_detail", args=[person.pk])).content.decode()
    for text in ("Lena Varga", "Academic", "University of Leeds", "English, Hungarian"):
        assert text in page
    assert "&lt;b&gt;treatment courts&lt;/b&gt;" in page


def test_the_profile_bio_is_shown_as_sanitised_markdown(client, user):
    person = UserFactory(
        bio="I study **treatment courts**.\n\n- evaluation\n- [my lab](https://lab.example.org)"
        "\n- [bad](javascript:alert(1)) <script>alert(1)</script>",
    )
    client.force_login(user)
    page = client.get(reverse("person_detail", args=[person.pk])).content.decode()
    assert "<strong>treatment courts</strong>" in page and "**treatment" not in page
    assert "<li>evaluation</li>" in page
    assert 'href="https://lab.example.org"' in page
    assert 'href="javascript' not in page and "<script>alert" not in page
    client.force_login(person)
    form = client.get(reverse("profile_edit")).content.decode()
    assert "Markdown, as in posts." in form


def test_profile_lists_only_communities_the_viewer_may_know_of(client, user):
    person = UserFactory()
    public = CommunityFactory(name="Open Forum")
    hidden = CommunityFactory(name="Back Room", visibility="hidden")
    Membership.objects.create(user=person, community=public)
    Membership.objects.create(user=person, community=hidden)
    client.force_login(user)
    page = client.get(reverse("person_detail", args=[person.pk])).content.decode()
    assert "Open Forum" in page and "Back Room" not in page
    insider = make_member(hidden)
    client.force_login(insider)
    assert "Back Room" in client.get(reverse("person_detail", args=[person.pk])).content.decode()
