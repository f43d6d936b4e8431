"""Author names link to profiles only where the reader may open them: a visitor never
follows a name to a 404, and the thread's shared (cached) comments stay right for every
reader."""

import re

import pytest
from django.urls import reverse

from tests.factories import UserFactory, make_member

pytestmark = pytest.mark.django_db


def _link(person):
    return f'<a href="{reverse("person_detail", args=[person.pk])}">{person.name}</a>'


@pytest.fixture
def thread(community, make_post, make_comment):
    people = {
        vis: make_member(community, display_name=f"Ann {vis.title()}", profile_visibility=vis)
        for vis in ("public", "members", "communities")
    }
    post = make_post(author=people["communities"], title="Whose names link")
    for person in people.values():
        make_comment(post, person, body=f"I am {person.name}")
    return post, people


@pytest.mark.parametrize("who", ["anonymous", "signed_in", "staff"])
def test_author_names_link_only_to_profiles_the_reader_may_open(client, thread, who):
    post, people = thread
    readers = {"signed_in": UserFactory(), "staff": UserFactory(is_staff=True)}
    # Twice each, and a visitor first: the comments' cached HTML must not leak across.
    for reader in ("anonymous", who):
        if reader != "anonymous":
            client.force_login(readers[reader])
        page = client.get(post.get_absolute_url()).content.decode()
    assert _link(people["public"]) in page
    assert (_link(people["members"]) in page) is (who != "anonymous")
    comments = page.split('id="comment-', 1)[1]
    # A communities-only profile: never linked in the shared comments.
    assert _link(people["communities"]) not in comments
    header = page.split('id="comment-', 1)[0]
    assert (_link(people["communities"]) in header) is (who == "staff")


def test_a_visitor_following_an_author_link_never_meets_a_404(client, thread):
    post, _people = thread
    page = client.get(post.get_absolute_url()).content.decode()
    for pk in re.findall(r'href="/people/(\d+)/"', page):
        assert client.get(reverse("person_detail", args=[pk])).status_code == 200
