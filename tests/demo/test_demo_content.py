"""The demo site looks like a real host: every community talks about its own subject, long
threads read like conversations, and the members come from many places and professions."""

from collections import Counter, defaultdict

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from practica.accounts.models import User
from practica.communities.models import Community, JoinRequest, Membership
from practica.discussions.models import Comment, Post
from practica.events.models import Event
from practica.library.models import Resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(capsys):
    call_command("seed_demo")
    capsys.readouterr()


def _titles_by_community(rows) -> dict[str, set[str]]:
    titles: dict[str, set[str]] = defaultdict(set)
    for community, title in rows:
        titles[title].add(community)
    return titles


def test_every_community_has_its_own_posts_events_and_resources(demo):
    for community in Community.objects.all():
        posts = Post.objects.filter(community=community, status="published")
        assert posts.count() >= 5, community
        assert posts.filter(kind="featured").exists(), community
        assert posts.filter(kind="question", accepted_answer__isnull=False).exists(), community
        tags = set(posts.values_list("tags__name", flat=True)) - {None}
        assert len(tags) >= 3, community

    # No title is shared by two communities: posts, events (apart from the leaders' own
    # meeting series in one community) and resources.
    for model in (Post, Event, Resource):
        rows = model.objects.values_list("community__slug", "title")
        shared = {t: c for t, c in _titles_by_community(rows).items() if len(c) > 1}
        assert not shared, (model.__name__, shared)
    assert Event.objects.values("community").distinct().count() >= 12
    assert Resource.objects.values("community").distinct().count() >= 10
    # And within the site, no two posts have the same title.
    repeated = [
        t for t, n in Counter(Post.objects.values_list("title", flat=True)).items() if n > 1
    ]
    assert not repeated

    # Featured discussions are closed with a summary in several communities.
    summaries = Post.objects.filter(kind="summary", summary_of__isnull=False)
    assert summaries.values("community").distinct().count() >= 5
    for summary in summaries:
        assert summary.community_id == summary.summary_of.community_id
        assert summary.title.endswith(summary.summary_of.title)


def _depth(comment: Comment, parents: dict[int, int | None]) -> int:
    depth, parent = 0, parents[comment.pk]
    while parent is not None:
        depth, parent = depth + 1, parents[parent]
    return depth


def test_long_threads_read_like_a_conversation(demo, client):
    for minimum, maximum in [(200, 10_000), (50, 199)]:
        _check_thread(client, minimum, maximum)


def _check_thread(client, minimum: int, maximum: int) -> None:
    post = (
        Post.objects.filter(status="published", community__visibility="public")
        .annotate(n=Count("comments"))
        .filter(n__gte=minimum, n__lte=maximum)
        .order_by("-n")
        .first()
    )
    assert post is not None, f"no public thread of {minimum} to {maximum} comments"
    comments = list(post.comments.order_by("created_at", "pk"))
    assert post.comment_count == len(comments)
    parents = {c.pk: c.parent_id for c in comments}
    depths = Counter(_depth(c, parents) for c in comments)
    assert depths[1] >= len(comments) // 10  # replies
    assert depths[2] + depths[3] >= 3  # replies to replies

    bodies = [c.body for c in comments]
    assert len(set(bodies)) == len(bodies), "a comment is repeated word for word"
    assert all("lorem" not in b.lower() for b in bodies)
    assert len({c.author_id for c in comments}) >= 12
    assert (comments[-1].created_at - comments[0].created_at).days >= 14
    assert sum('class="mention"' in c.body_html for c in comments) >= len(comments) // 10
    assert any(b.startswith(">") for b in bodies)  # someone quotes whom they answer
    # Replies come after what they answer, from someone else.
    by_id = {c.pk: c for c in comments}
    for comment in comments:
        if comment.parent_id:
            parent = by_id[comment.parent_id]
            assert parent.created_at <= comment.created_at
            assert parent.author_id != comment.author_id

    # A visitor can open it and sees the conversation, with who wrote it.
    page = client.get(reverse("post_detail", args=[post.pk]))
    assert page.status_code == 200
    assert post.title in page.content.decode()


def test_members_are_varied_and_every_community_is_led(demo):
    people = User.objects.filter(email__startswith="member")
    assert people.count() >= 60
    assert len(set(people.values_list("country", flat=True))) >= 15
    assert len(set(people.values_list("occupation", flat=True))) >= 10
    canadian = set(people.filter(country="Canada").values_list("jurisdiction", flat=True))
    assert len(canadian) >= 7  # provinces and territories
    us_states = set(people.filter(country="United States").values_list("jurisdiction", flat=True))
    assert len(us_states) >= 5
    names = list(people.values_list("display_name", flat=True))
    assert any(not n.isascii() for n in names)  # accents
    non_latin = [u for u in people if not any("a" <= ch.lower() <= "z" for ch in u.display_name)]
    assert len(non_latin) >= 3 and all(u.handle and u.handle.isascii() for u in non_latin)
    assert all(u.affiliation and u.bio for u in people)
    assert len(set(people.values_list("affiliation", flat=True))) == people.count()

    for community in Community.objects.filter(status="active"):
        roles = Counter(
            Membership.objects.filter(community=community).values_list("role", flat=True)
        )
        assert roles["chair"] == 1 and roles["vice_chair"] == 1 and roles["secretary"] == 1
    chairs = list(Membership.objects.filter(role="chair").values_list("user", flat=True))
    assert len(chairs) == len(set(chairs))  # nobody chairs two communities
    assert JoinRequest.objects.filter(status="pending").values("community").distinct().count() >= 3

    # The demo logins keep their people and roles (the README walks through them).
    chair = User.objects.get(email="chair@example.org")
    assert chair.display_name == "Judge Ruth Okonkwo"
    assert Membership.objects.get(user=chair, community__slug="drug-treatment-courts").role == (
        "chair"
    )
    assert User.objects.get(email="staff@example.org").is_staff
    assert User.objects.get(email="member@example.org").display_name == "Tomás Herrera"
    applicant = User.objects.get(email="applicant@example.org")
    assert JoinRequest.objects.filter(
        user=applicant, community__slug="drug-treatment-courts", status="pending"
    ).exists()
