"""Lists that show avatars and emblems run the same queries however many there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from practica.core.pictures import replace_pictures
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db

PICTURES = {"l": b"\xff\xd8large", "s": b"\xff\xd8small"}


def _queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _with_photo(person):
    replace_pictures(person, ("photo", "photo_small"), PICTURES)
    person.save()
    return person


def test_people_and_members_with_photos_cost_no_query_each(client, community, chair):
    _with_photo(chair)
    client.force_login(chair)
    urls = [reverse("people"), reverse("community_members", args=[community.slug])]
    before = [_queries(client, url) for url in urls]
    for _ in range(12):
        _with_photo(make_member(community))
    page = client.get(urls[0]).content.decode()
    assert page.count('<img class="avatar avatar--s"') == 13
    assert [_queries(client, url) for url in urls] == before


def test_the_directory_with_emblems_costs_no_query_each(client):
    first = CommunityFactory()
    replace_pictures(first, ("emblem", "emblem_small"), PICTURES)
    first.save()
    before = _queries(client, reverse("community_list"))
    for _ in range(10):
        community = CommunityFactory(colour="teal")
        replace_pictures(community, ("emblem", "emblem_small"), PICTURES)
        community.save()
    page = client.get(reverse("community_list")).content.decode()
    assert page.count('<img class="emblem emblem--m"') == 11
    assert _queries(client, reverse("community_list")) == before
