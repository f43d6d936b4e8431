import pytest
from django.urls import reverse

from practica.accounts.models import ProfileVisibility
from practica.directory.models import Expertise, ExpertiseArea, Level
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def declare(person, what, level=Level.PRACTITIONER):
    area = ExpertiseArea.objects.filter(slug=what).first()
    return Expertise.objects.create(user=person, area=area, tag="" if area else what, level=level)


@pytest.fixture
def directory():
    community = CommunityFactory(visibility="members", name="Closed Bench Circle")
    other = CommunityFactory(name="Open Square")
    ana = make_member(
        community,
        display_name="Ana Ribeiro",
        affiliation="Defensoria Pública",
        occupation="lawyer",
        jurisdiction="São Paulo, Brazil",
        languages="Portuguese, Spanish",
        welcomes_questions=True,
    )
    declare(ana, "legal-aid", Level.EXPERT)
    declare(ana, "prison visits", Level.SOME)
    ben = make_member(
        other,
        display_name="Ben Okafor",
        affiliation="Lagos High Court",
        occupation="judge",
        jurisdiction="Lagos",
        languages="English, Yoruba",
        open_to_mentoring=True,
    )
    declare(ben, "legal-aid", Level.SOME)
    declare(ben, "sentencing", Level.EXPERT)
    UserFactory(display_name="Cleo Marsh", affiliation="Court Tech Lab", occupation="other")
    viewer = make_member(community, display_name="Viewer Person")
    return {"community": community, "other": other, "viewer": viewer}


def names(client, **filters):
    page = client.get(reverse("people"), filters).content.decode()
    return {n for n in ("Ana Ribeiro", "Ben Okafor", "Cleo Marsh") if n in page}


def test_people_filter_by_expertise_and_level(client, directory):
    client.force_login(directory["viewer"])
    assert names(client, area="legal-aid") == {"Ana Ribeiro", "Ben Okafor"}
    assert names(client, area="legal-aid", level=Level.EXPERT) == {"Ana Ribeiro"}
    assert names(client, level=Level.EXPERT) == {"Ana Ribeiro", "Ben Okafor"}
    assert names(client, tag="Prison Visits") == {"Ana Ribeiro"}
    assert names(client, tag="prison visits", level=Level.PRACTITIONER) == set()


def test_people_filter_by_place_language_occupation_flags_and_text(client, directory):
    client.force_login(directory["viewer"])
    assert names(client, jurisdiction="lagos") == {"Ben Okafor"}
    assert names(client, language="spanish") == {"Ana Ribeiro"}
    assert names(client, occupation="judge") == {"Ben Okafor"}
    assert names(client, welcomes_questions="on") == {"Ana Ribeiro"}
    assert names(client, open_to_mentoring="on") == {"Ben Okafor"}
    assert names(client, q="court") == {"Ben Okafor", "Cleo Marsh"}
    assert names(client, q="okafor") == {"Ben Okafor"}
    assert names(client) == {"Ana Ribeiro", "Ben Okafor", "Cleo Marsh"}


def test_the_community_filter_offers_only_communities_whose_members_one_may_see(client, directory):
    client.force_login(directory["viewer"])
    page = client.get(reverse("people")).content.decode()
    assert "Closed Bench Circle" in page and "Open Square" not in page
    assert names(client, community=directory["community"].slug) == {"Ana Ribeiro"}
    # Another community's members are not listed by asking for it.
    assert names(client, community=directory["other"].slug) == {
        "Ana Ribeiro",
        "Ben Okafor",
        "Cleo Marsh",
    }
    client.logout()
    page = client.get(reverse("people")).content.decode()
    assert "Closed Bench Circle" not in page and 'name="community"' not in page
    client.force_login(UserFactory(is_staff=True))
    page = client.get(reverse("people")).content.decode()
    assert "Closed Bench Circle" in page and "Open Square" in page


def test_each_card_shows_the_persons_top_expertise_and_flags(client, directory):
    client.force_login(directory["viewer"])
    page = client.get(reverse("people"), {"q": "ana"}).content.decode()
    assert "Legal aid" in page and "prison visits" in page and "Welcomes questions" in page


def test_visitors_see_only_public_profiles(client, directory):
    UserFactory(display_name="Pia Public", profile_visibility=ProfileVisibility.PUBLIC)
    page = client.get(reverse("people")).content.decode()
    assert "Pia Public" in page and "Ana Ribeiro" not in page and "1 person" in page


@pytest.mark.parametrize("signed_in", [True, False])
def test_people_page_query_count_is_constant(client, directory, assert_page_queries, signed_in):
    if signed_in:
        client.force_login(directory["viewer"])
    UserFactory(display_name="Pia Public", profile_visibility=ProfileVisibility.PUBLIC)
    queries = assert_page_queries if signed_in else _anonymous_queries
    client.get(reverse("people"))
    # Signed in: user, communities to filter by, count, unread notifications, areas,
    # the page of people, their expertise. A visitor: no user, communities or notifications.
    expected = 7 if signed_in else 4
    with queries(expected):
        client.get(reverse("people"))
    community = directory["community"]
    for n in range(25):
        person = make_member(
            community,
            display_name=f"Extra {n}",
            profile_visibility=ProfileVisibility.PUBLIC,
        )
        declare(person, "bail", Level.EXPERT)
        declare(person, f"tag {n}", Level.SOME)
    with queries(expected):
        page = client.get(reverse("people"), {"page": 1}).content.decode()
    assert "Extra 1" in page


def _anonymous_queries(n):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    class Pin(CaptureQueriesContext):
        def __exit__(self, *exc):
            super().__exit__(*exc)
            assert len(self.captured_queries) == n, [q["sql"][:120] for q in self]

    return Pin(connection)


def test_expertise_area_page_query_count_is_constant(client, directory, assert_page_queries):
    client.force_login(directory["viewer"])
    url = reverse("expertise_area_detail", args=["bail"])
    client.get(url)
    with assert_page_queries(4):
        client.get(url)
    for n in range(10):
        declare(UserFactory(display_name=f"Bail {n}"), "bail", n % 3 + 1)
    with assert_page_queries(4):
        page = client.get(url).content.decode()
    assert "10 people declared it" in page


def test_an_unlisted_community_is_refused_on_the_form_in_the_same_words_as_a_missing_one(
    client, directory
):
    client.force_login(directory["viewer"])
    pages = [
        client.get(reverse("people"), {"community": slug, "occupation": "judge"}).content.decode()
        for slug in (directory["other"].slug, "no-such-community")
    ]
    for page in pages:
        error = page.split('id="id_community_error"')[1].split("</p>")[0]
        assert "Choose one of the listed communities." in error
        assert "Ben Okafor" in page and "Ana Ribeiro" not in page  # the other filters apply
    strip = [
        p.replace(directory["other"].slug, "X").replace("no-such-community", "X") for p in pages
    ]
    errors = [p.split('id="id_community_error"')[1].split("</p>")[0] for p in strip]
    assert errors[0] == errors[1]
