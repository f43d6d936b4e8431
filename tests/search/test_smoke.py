import pytest
from django.urls import reverse

from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db


def test_a_member_finds_a_published_post_by_a_word_of_its_body(client, publish):
    community = CommunityFactory()
    author = make_member(community)
    publish(author, community, "Bail conditions", "Curfews imposed by the magistrates.")
    page = client.get(reverse("search"), {"q": "curfew"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bail conditions" in html
    assert "<mark>Curfews</mark>" in html
