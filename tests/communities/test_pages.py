"""What readers see: the directory, a community's home and its member list."""

import pytest
from django.urls import reverse

from practica.communities.models import FocusArea
from practica.core.pagecache import bump
from practica.core.readercache import reader_changed
from tests.factories import CommunityFactory, UserFactory, make_member, make_request

pytestmark = pytest.mark.django_db


def test_directory_filters_by_focus_area_and_name(client):
    skills = FocusArea.objects.get(slug="skills")
    youth = CommunityFactory(name="Youth Justice")
    youth.focus_areas.add(skills)
    CommunityFactory(name="Court Management")
    page = client.get(reverse("community_list"), {"focus": "skills"}).content.decode()
    assert "Youth Justice" in page and "Court Management" not in page
    page = client.get(reverse("community_list"), {"q": "court"}).content.decode()
    assert "Court Management" in page and "Youth Justice" not in page
    assert "0 members" in page
    make_member(youth)
    page = client.get(reverse("community_list"), {"focus": "skills"}).content.decode()
    assert "1 member<" in page


def test_hidden_communities_exist_only_for_members_and_staff(client, staff):
    hidden = CommunityFactory(name="Quiet Circle", visibility="hidden")
    insider = make_member(hidden)
    url = reverse("community_detail", args=[hidden.slug])
    assert client.get(url).status_code == 404
    assert "Quiet Circle" not in client.get(reverse("community_list")).content.decode()
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert client.get(reverse("community_members", args=[hidden.slug])).status_code == 404
    client.force_login(insider)
    assert client.get(url).status_code == 200
    assert "Quiet Circle" in client.get(reverse("community_list")).content.decode()
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_members_only_community_shows_about_but_not_members(client):
    closed = CommunityFactory(visibility="members", domain="We study *bail* reform.")
    make_member(closed, display_name="Secret Sam")
    about = client.get(reverse("community_detail", args=[closed.slug])).content.decode()
    assert "<em>bail</em>" in about
    assert "Only members can read" in about
    client.force_login(UserFactory())
    assert client.get(reverse("community_members", args=[closed.slug])).status_code == 403


def test_community_home_shows_leaders_count_and_status(client, community, chair):
    make_member(community, role="secretary", display_name="Sara Secretary")
    page = client.get(reverse("community_detail", args=[community.slug])).content.decode()
    assert "Chris Chair" in page and "Sara Secretary" in page
    assert "2 members" in page
    assert "Log in to join" in page


def test_member_list_shows_name_and_affiliation(client, community, member):
    client.force_login(member)
    page = client.get(reverse("community_members", args=[community.slug])).content.decode()
    assert "Mia Member" in page and "Example Court" in page


def test_rules_markdown_is_sanitised(client):
    community = CommunityFactory(
        rules="<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org)"
    )
    page = client.get(reverse("community_detail", args=[community.slug])).content.decode()
    assert "<script>alert" not in page
    assert 'href="javascript:' not in page
    assert 'href="https://example.org" rel="nofollow ugc noopener"' in page


def test_titles_are_escaped(client):
    CommunityFactory(name="<b>Bold</b> Court", summary="<img src=x onerror=alert(1)>")
    page = client.get(reverse("community_list")).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; Court" in page
    assert "<img src=x" not in page


def test_directory_query_count_is_constant(client, assert_page_queries, user):
    for _ in range(3):
        c = CommunityFactory()
        c.focus_areas.add(FocusArea.objects.first())
        make_member(c)
    client.force_login(user)
    client.get(reverse("community_list"))  # warm the conduct cache and session
    with assert_page_queries(6):
        client.get(reverse("community_list"))
    for _ in range(10):
        c = CommunityFactory()
        c.focus_areas.add(FocusArea.objects.last())
        make_member(c)
    with assert_page_queries(6):
        client.get(reverse("community_list"))


def test_member_list_query_count_is_constant(client, assert_page_queries, community, chair):
    client.force_login(chair)
    client.get(reverse("community_members", args=[community.slug]))
    for _ in range(3):
        make_member(community)
    with assert_page_queries(8):
        client.get(reverse("community_members", args=[community.slug]))
    for _ in range(20):
        make_member(community)
    with assert_page_queries(8):
        client.get(reverse("community_members", args=[community.slug]))


def _grow(community, n):
    from django.utils import timezone

    from practica.communities.models import Invitation

    for i in range(n):
        applicant = UserFactory()
        make_request(community, applicant)
        Invitation.objects.create(
            community=community, email=f"g{i}-{applicant.pk}@example.org",
            token_hash=f"{applicant.pk:064d}", expires_at=timezone.now(),
        )  # fmt: skip
        other = CommunityFactory()
        other.focus_areas.add(FocusArea.objects.first())
        make_member(other)
        make_member(community)


@pytest.mark.parametrize(
    "name, queries",
    [("home", 8), ("community_requests", 8), ("community_invitations", 7)],
)
def test_leader_list_pages_query_count_is_constant(
    client, assert_page_queries, community, chair, name, queries
):
    from practica.communities.models import CommunityProposal

    url = reverse(name, args=[community.slug]) if name != "home" else reverse("home")
    client.force_login(chair)
    _grow(community, 2)
    client.get(url)
    # Pins count building the page, cached parts included, for a reader whose own cached
    # parts (practica/core/readercache.py) are cold too, as after the changes below.
    bump("content", "communities")
    reader_changed(chair.pk)
    with assert_page_queries(queries):
        client.get(url)
    _grow(community, 8)
    CommunityProposal.objects.create(proposer=chair, name="n", domain="d", rationale="r",
                                     audience="a")  # fmt: skip
    with assert_page_queries(queries):
        client.get(url)


def test_anonymous_home_and_directory_query_counts(
    client, django_assert_num_queries, community, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # pins count what building the page costs
    _grow(community, 2)
    client.get(reverse("home"))
    bump("content", "communities")  # pins count building the page, cached parts included
    with django_assert_num_queries(3):
        client.get(reverse("home"))
    with django_assert_num_queries(4):
        client.get(reverse("community_list"))
    _grow(community, 8)
    with django_assert_num_queries(3):
        client.get(reverse("home"))
    with django_assert_num_queries(4):
        client.get(reverse("community_list"))


def test_proposal_queue_query_count_is_constant(client, assert_page_queries, staff):
    from practica.communities.models import CommunityProposal

    client.force_login(staff)
    for n in range(2):
        CommunityProposal.objects.create(proposer=UserFactory(), name=f"p{n}", domain="d",
                                         rationale="r", audience="a")  # fmt: skip
    client.get(reverse("proposal_queue"))
    with assert_page_queries(4):
        client.get(reverse("proposal_queue"))
    for n in range(10):
        CommunityProposal.objects.create(proposer=UserFactory(), name=f"q{n}", domain="d",
                                         rationale="r", audience="a")  # fmt: skip
    with assert_page_queries(4):
        client.get(reverse("proposal_queue"))


def test_chair_edits_settings_and_staff_archives(client, community, chair, staff):
    from practica.core.models import AuditEvent

    url = reverse("community_settings", args=[community.slug])
    client.force_login(chair)
    page = client.get(url).content.decode()
    assert 'name="status"' not in page  # retiring communities is the host's decision
    data = {
        "summary": "New summary",
        "domain": "New domain",
        "rules": "- Be brief",
        "visibility": "members",
        "join_policy": "approval",
        "eligibility": "",
        "featured_days": 45,
        "focus_areas": [FocusArea.objects.get(slug="skills").pk],
    }
    response = client.post(url, data)
    assert response.status_code == 302
    community.refresh_from_db()
    assert community.join_policy == "approval" and community.visibility == "members"
    assert list(community.focus_areas.values_list("slug", flat=True)) == ["skills"]
    event = AuditEvent.objects.get(action="community.update")
    assert "join_policy" in event.data["changed"] and event.actor == chair

    response = client.post(url, {**data, "summary": ""})
    assert "This field is required." in response.content.decode()
    assert "New domain" in response.content.decode()

    client.force_login(staff)
    client.post(url, {**data, "status": "archived"})
    community.refresh_from_db()
    assert community.status == "archived"
    assert community.name not in client.get(reverse("community_list")).content.decode()
