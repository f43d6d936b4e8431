"""What the recognition pages and the profile reveal, to whom; hidden badges; query counts."""

import pytest
from django.urls import reverse

from practica.accounts.models import ProfileVisibility
from practica.communities.models import Membership
from practica.recognition.models import Award, Preference
from tests.factories import PASSWORD, CommunityFactory, UserFactory, make_member


def signed_in(client, user):
    client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def private(db):
    return CommunityFactory(visibility="members", name="Quiet Harbour Circle", slug="quiet")


@pytest.fixture
def holder(community, private):
    person = make_member(
        community, display_name="Hana Holder", profile_visibility=ProfileVisibility.PUBLIC
    )
    Membership.objects.create(user=person, community=private)
    Award.objects.create(user=person, badge="first_answer", community=community)
    Award.objects.create(user=person, badge="event_run", community=private)
    Award.objects.create(user=person, badge="mentor", community=None)
    return person


def test_badges_page_lists_every_badge_with_its_rule(client, db):
    page = client.get(reverse("badge_list")).content.decode()
    for label in ("First accepted answer", "Ten helpful reactions", "A resource used 100 times",
                  "Kept current for a year", "Ran an event", "Answered before the deadline",
                  "A year of membership", "Mentor"):  # fmt: skip
        assert label in page
    assert "downloaded 100 times" in page


def test_a_profile_shows_badges_but_not_a_members_only_community_to_outsiders(
    client, holder, private
):
    page = client.get(reverse("person_detail", args=[holder.pk])).content.decode()
    assert "First accepted answer" in page and "Mentor" in page
    assert "Ran an event" not in page  # earned in the members-only community
    assert "Quiet Harbour Circle" not in page
    insider = make_member(private)
    page = signed_in(client, insider).get(reverse("person_detail", args=[holder.pk]))
    assert "Ran an event" in page.content.decode()
    assert "Quiet Harbour Circle" in page.content.decode()


def test_a_badge_page_lists_holders_the_reader_may_see(client, holder, private, community):
    url = reverse("badge_detail", args=["event_run"])
    assert "Hana Holder" not in client.get(url).content.decode()
    assert "Quiet Harbour Circle" not in client.get(url).content.decode()
    page = client.get(reverse("badge_detail", args=["first_answer"])).content.decode()
    assert "Hana Holder" in page and community.name in page
    assert client.get(reverse("badge_detail", args=["nonsense"])).status_code == 404


def test_profile_visibility_is_respected_on_badge_pages(client, holder):
    holder.profile_visibility = ProfileVisibility.COMMUNITIES
    holder.save()
    page = client.get(reverse("badge_detail", args=["first_answer"])).content.decode()
    assert "Hana Holder" not in page


def test_hidden_badges_show_to_nobody_but_their_holder(client, holder, community):
    signed_in(client, holder)
    response = client.post(reverse("recognition_settings"), {"hide_badges": "on"})
    assert response.status_code == 302
    assert Preference.objects.get(user=holder).hide_badges
    own = client.get(reverse("person_detail", args=[holder.pk])).content.decode()
    assert "First accepted answer" in own
    client.logout()
    other = signed_in(client, make_member(community))
    page = other.get(reverse("person_detail", args=[holder.pk])).content.decode()
    assert "First accepted answer" not in page and 'id="badges"' not in page
    assert "Hana Holder" not in other.get(reverse("badge_detail", args=["mentor"])).content.decode()
    page = other.get(reverse("community_recognition", args=[community.slug])).content.decode()
    assert "Hana Holder" not in page


def test_community_recognition_lists_current_members_only(client, holder, community):
    url = reverse("community_recognition", args=[community.slug])
    assert "Hana Holder" in client.get(url).content.decode()
    Membership.objects.filter(user=holder, community=community).delete()
    assert "Hana Holder" not in client.get(url).content.decode()


def test_a_members_only_communitys_recognition_is_for_its_members(client, holder, private):
    url = reverse("community_recognition", args=[private.slug])
    assert client.get(url).status_code == 403
    outsider = signed_in(client, UserFactory())
    response = outsider.get(url)
    assert response.status_code == 403 and "Hana Holder" not in response.content.decode()
    client.logout()
    assert "Hana Holder" in signed_in(client, make_member(private)).get(url).content.decode()
    hidden = CommunityFactory(visibility="hidden", slug="unseen")
    client.logout()
    assert client.get(reverse("community_recognition", args=["unseen"])).status_code == 404
    assert hidden.pk


def test_badge_pages_query_counts_stay_constant(client, community, assert_page_queries):
    viewer = make_member(community)
    signed_in(client, viewer)
    for _n in range(3):
        person = make_member(community)
        Award.objects.create(user=person, badge="first_answer", community=community)
        Award.objects.create(user=person, badge="mentor")
    # Warm per-process caches (content types, site settings) before counting.
    client.get(reverse("badge_detail", args=["first_answer"]))
    client.get(reverse("community_recognition", args=[community.slug]))
    client.get(reverse("badge_list"))
    with assert_page_queries(QUERIES["detail"]):
        client.get(reverse("badge_detail", args=["first_answer"]))
    with assert_page_queries(QUERIES["community"]):
        client.get(reverse("community_recognition", args=[community.slug]))
    with assert_page_queries(QUERIES["list"]):
        client.get(reverse("badge_list"))
    for _n in range(5):
        person = make_member(community)
        Award.objects.create(user=person, badge="first_answer", community=community)
    with assert_page_queries(QUERIES["detail"]):
        client.get(reverse("badge_detail", args=["first_answer"]))
    with assert_page_queries(QUERIES["community"]):
        client.get(reverse("community_recognition", args=[community.slug]))


QUERIES = {"detail": 5, "community": 7, "list": 2}


def test_a_hidden_communitys_badges_are_not_shown_to_outsiders(client, holder):
    hidden = CommunityFactory(visibility="hidden", name="Unseen Harbour Circle")
    Membership.objects.create(user=holder, community=hidden)
    Award.objects.create(user=holder, badge="member_year", community=hidden)
    signed_in(client, UserFactory())
    profile = client.get(reverse("person_detail", args=[holder.pk])).content.decode()
    detail = client.get(reverse("badge_detail", args=["member_year"])).content.decode()
    assert "Unseen Harbour Circle" not in profile and "A year of membership" not in profile
    assert "Unseen Harbour Circle" not in detail and "Hana Holder" not in detail


def test_the_profile_query_count_does_not_grow_with_badges(
    client, community, holder, assert_page_queries
):
    viewer = make_member(community)
    signed_in(client, viewer)
    url = reverse("person_detail", args=[holder.pk])
    client.get(url)
    with django_count() as before:
        client.get(url)
    for other in CommunityFactory.create_batch(4):
        Membership.objects.create(user=holder, community=other)
        Award.objects.create(user=holder, badge="member_year", community=other)
    with assert_page_queries(len(before) - session_queries()):
        page = client.get(url).content.decode()
    assert page.count("A year of membership") == 1  # one badge, four communities named


def django_count():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    return CaptureQueriesContext(connection)


def session_queries():
    from django.conf import settings

    return 1 if settings.SESSION_ENGINE.endswith(".db") else 0


def test_the_recognition_tab_shows_where_the_reader_may_open_it(client, community, private):
    public_url = reverse("community_recognition", args=[community.slug])
    private_url = reverse("community_recognition", args=[private.slug])
    assert (
        public_url
        in client.get(reverse("community_detail", args=[community.slug])).content.decode()
    )
    signed_in(client, UserFactory())
    page = client.get(reverse("community_detail", args=[private.slug])).content.decode()
    assert private_url not in page
    client.logout()
    signed_in(client, make_member(private))
    assert (
        private_url in client.get(reverse("community_detail", args=[private.slug])).content.decode()
    )
