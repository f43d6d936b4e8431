"""The leak matrix: for every role, what a search shows (results, counts, snippets and facet
counts) is exactly what the permission layer lets that role see, nothing more."""

import re
from collections import Counter

import pytest
from django.urls import reverse

from practica.discussions.selectors import readable_communities

from .world import COMMON, build

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "outsider", "member", "leader", "staff"]


@pytest.fixture
def world(on_commit, settings):
    settings.PRACTICA_SEARCH_PER_PAGE = 200
    with on_commit():
        return build()


def _client_for(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_a_search_shows_each_role_exactly_what_it_may_see(client, world, role):
    user = world.users[role]
    c = _client_for(client, user)
    expected = [item for item in world.items if item.visible_to(user)]
    hidden = [item for item in world.items if not item.visible_to(user)]
    assert (expected and hidden) or role == "staff"

    page = c.get(reverse("search"), {"q": COMMON})
    assert page.status_code == 200
    html = page.content.decode()
    assert page.context["total"] == len(expected)
    shown = Counter(hit.kind for hit in page.context["hits"])
    assert shown == Counter(item.kind for item in expected)
    words = set(re.findall(r"zq\w+", html))
    for item in expected:
        assert item.word in words, (role, item.kind, item.word)
    for item in hidden:
        assert item.word not in words, (role, item.kind, item.word)
    # Facets count the same filtered query.
    kinds = {key: n for key, _label, n in page.context["kinds"]}
    assert kinds == dict(Counter(item.kind for item in expected))
    readable = set(readable_communities(user).values_list("pk", flat=True))
    facets = {c.pk: n for c, n in page.context["facet_communities"]}
    assert set(facets) <= readable
    for pk, n in facets.items():
        assert n == sum(1 for item in expected if item.community_id == pk)


@pytest.mark.parametrize("role", ROLES)
def test_a_hidden_things_own_word_finds_nothing_and_hints_at_nothing(client, world, role):
    user = world.users[role]
    c = _client_for(client, user)
    for item in world.items:
        if item.visible_to(user):
            continue
        page = c.get(reverse("search"), {"q": item.word})
        assert page.status_code == 200
        assert page.context["total"] == 0
        assert page.context["kinds"] == [] and page.context["facet_communities"] == []
        html = page.content.decode()
        for echo in (f'value="{item.word}"', f"“{item.word}”", f"?q={item.word}"):
            html = html.replace(echo, "")
        assert item.word not in set(re.findall(r"zq\w+", html))
