"""'Has this been asked before?': a step before a question is published, and live."""

import pytest
from django.urls import reverse

from practica.discussions.models import Post
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db


def _plain(content):
    return content.decode().replace("<mark>", "").replace("</mark>", "")


def _ask(client, community, title, **extra):
    data = {"kind": "question", "title": title, "body": "What do others do?", "tags": ""}
    data.update(extra)
    return client.post(reverse("post_create", args=[community.slug]), data)


def test_a_question_like_an_answered_one_is_shown_it_first_and_nothing_typed_is_lost(
    client, publish
):
    community = CommunityFactory()
    asker = make_member(community)
    publish(asker, community, "Electronic monitoring for bail", "Answered.", kind="question")
    client.force_login(asker)

    page = _ask(client, community, "Does electronic monitoring work for bail?")
    assert page.status_code == 200
    html = _plain(page.content)
    assert "Has this been asked before?" in html
    assert "Electronic monitoring for bail" in html
    assert 'value="Does electronic monitoring work for bail?"' in html
    assert "What do others do?" in html
    assert 'name="publish_anyway"' in html
    assert Post.objects.count() == 1

    page = _ask(client, community, "Does electronic monitoring work for bail?", publish_anyway="1")
    assert page.status_code == 302
    assert Post.objects.count() == 2


def test_a_question_like_nothing_is_published_at_once(client, publish):
    community = CommunityFactory()
    asker = make_member(community)
    publish(asker, community, "Court interpreters", "Text.")
    client.force_login(asker)
    assert _ask(client, community, "Restorative circles for youth").status_code == 302


def test_similar_things_never_include_what_the_asker_may_not_see(client, publish):
    public, private = CommunityFactory(), CommunityFactory(visibility="members")
    insider = make_member(private)
    publish(insider, private, "Secret sentencing pilot", "Text.")
    asker = make_member(public)
    client.force_login(asker)
    assert _ask(client, public, "Sentencing pilot evaluations").status_code == 302
    fragment = client.get(reverse("search_similar"), {"title": "sentencing pilot"})
    assert fragment.status_code == 200
    assert "Secret" not in _plain(fragment.content)
    client.force_login(insider)
    fragment = client.get(reverse("search_similar"), {"title": "sentencing pilot"})
    assert "Secret sentencing pilot" in _plain(fragment.content)
