"""Pages run a fixed number of queries however much content there is."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from practica.core.pagecache import bump
from practica.core.readercache import reader_changed
from practica.discussions.models import Comment, Post, Reaction
from practica.discussions.services import comment_create, post_create
from tests.factories import make_member

pytestmark = pytest.mark.django_db

# A signed-in reader rereading any page of a thread: the reader's reactions, their mark, and
# the permission checks (membership, roles, code of conduct), and their level on the thread
# (the watch control).
PINNED_THREAD = 6
# The same page again, from the reader's page cache: the reader and their memberships.
READER_CACHED = 2


def _queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (code of conduct version, translations)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _comments(post: Post, people: list, n: int) -> None:
    parent = None
    for i in range(n):
        parent = comment_create(
            actor=people[i % len(people)],
            post=post,
            body=f"Comment {i} @person-1",
            parent=parent if i % 3 else None,
        )
        Reaction.objects.create(comment=parent, user=people[(i + 1) % len(people)], kind="agree")


def test_a_thread_of_200_comments_runs_the_queries_of_one_with_2(client, community, chair):
    people = [chair, *(make_member(community) for _ in range(5))]
    small = post_create(
        actor=chair, community=community, kind="question", title="S", body="b", tags="a, b"
    )
    big = post_create(
        actor=chair, community=community, kind="question", title="B", body="b", tags="a, b"
    )
    _comments(small, people, 2)
    _comments(big, people, 200)
    Post.objects.filter(pk=big.pk).update(accepted_answer=Comment.objects.filter(post=big).last())
    client.force_login(people[1])
    assert _queries(client, small.get_absolute_url()) == _queries(client, big.get_absolute_url())
    client.logout()
    assert _queries(client, small.get_absolute_url()) == _queries(client, big.get_absolute_url())


def _grow(community, chair, n: int) -> None:
    for i in range(n):
        post = post_create(
            actor=chair,
            community=community,
            kind=["featured", "discussion", "question"][i % 3],
            title=f"P{i}",
            body="b",
            tags=f"t{i % 4}, common",
        )
        comment_create(actor=chair, post=post, body="c")
        if i % 2:
            old = timezone.now() - timedelta(days=400)
            Post.objects.filter(pk=post.pk).update(published_at=old, last_activity_at=old)


@pytest.mark.parametrize(
    "name, signed_in, queries",
    [
        ("home", False, 5),
        ("home", True, 11),
        ("post_list", False, 4),
        ("post_list", True, 7),
        ("community_posts", True, 10),
        ("community_summaries", True, 7),
        ("archives", True, 3),
        ("archive_month", True, 6),
        ("tag_list", False, 1),
        ("tag_detail", True, 8),
        ("community_review", True, 8),
        ("my_posts", True, 3),
    ],
)
def test_list_pages_have_pinned_query_counts(
    client,
    community,
    chair,
    assert_page_queries,
    django_assert_num_queries,
    name,
    signed_in,
    queries,
    settings,
):
    settings.PAGE_CACHE_SECONDS = 0  # pins count what building the page costs
    old = timezone.now() - timedelta(days=400)
    args = {
        "community_posts": [community.slug],
        "community_summaries": [community.slug],
        "community_review": [community.slug],
        "archive_month": [old.year, old.month],
        "tag_detail": ["common"],
    }.get(name, [])
    url = reverse(name, args=args)
    if signed_in:
        client.force_login(chair)
    _grow(community, chair, 4)
    client.get(url)
    pin = assert_page_queries if signed_in else django_assert_num_queries
    bump("content", "communities")  # pins count building the page, cached parts included
    with pin(queries):
        client.get(url)
    _grow(community, chair, 12)
    bump("content", "communities")
    with pin(queries):
        client.get(url)


@pytest.mark.parametrize("page", [1, 2, 7])
def test_every_page_of_a_long_thread_runs_a_pinned_number_of_queries(
    client, community, chair, assert_page_queries, page
):
    """Signed in, rereading a page: the post and its comments come from the cache; the
    reader's reactions, their place in the thread (no write: nothing advanced) and the
    permission checks are the queries left, whatever the page and the thread's length."""
    people = [chair, *(make_member(community) for _ in range(5))]
    big = post_create(
        actor=chair, community=community, kind="question", title="B", body="b", tags="a, b"
    )
    _comments(big, people, 200)
    client.force_login(people[1])
    url = f"{big.get_absolute_url()}?page={page}"
    client.get(url)
    client.get(url)
    with assert_page_queries(READER_CACHED):  # served from the reader's own cache
        assert client.get(url).status_code == 200
    reader_changed(people[1].pk)  # built again, from the shared thread parts
    with assert_page_queries(PINNED_THREAD):
        assert client.get(url).status_code == 200
