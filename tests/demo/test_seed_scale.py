"""`manage.py seed_scale` builds the benchmark's site: exact sizes, real shapes, no surprises."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import timezone

from practica.accounts.models import User
from practica.communities.models import Community, Membership
from practica.demo.scale import SIZES, bench_email
from practica.discussions.models import Comment, Post
from practica.events.models import Event
from practica.library.models import Resource
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_small_site_has_the_promised_size_and_shapes(client):
    out = StringIO()
    call_command("seed_scale", "--size", "small", stdout=out)
    size = SIZES["small"]
    assert User.objects.count() == size.members
    assert Community.objects.count() == size.communities
    assert Post.objects.count() == size.posts
    assert Comment.objects.count() == size.comments
    assert Event.objects.exists() and Resource.objects.exists()

    published = Post.objects.filter(status="published", deleted_at=None)
    public = published.filter(community__visibility="public")
    # The benchmark's threads exist, in public communities.
    assert public.filter(kind="discussion", comment_count=50).exists()
    assert public.filter(kind="discussion", comment_count=200).exists()
    # Counts on posts agree with the comments written.
    sample = published.filter(comment_count__gt=0).order_by("id")[:20]
    for post in sample:
        assert post.comments.filter(deleted_at=None).count() == post.comment_count
    # Real shapes: open and closed featured posts, answered and unanswered questions,
    # summaries, a few very busy communities and many quiet ones.
    now = timezone.now()
    assert published.filter(kind="featured", open_until__gt=now).exists()
    assert published.filter(kind="featured", open_until__lte=now).exists()
    assert published.filter(kind="question", accepted_answer__isnull=False).exists()
    assert published.filter(kind="question", accepted_answer__isnull=True).exists()
    assert published.filter(kind="summary", summary_of__isnull=False).exists()
    per_community = sorted(
        Post.objects.values("community").annotate(n=Count("pk")).values_list("n", flat=True)
    )
    assert per_community[-1] > 5 * per_community[len(per_community) // 2]
    # Every community has a chair, and the benchmark's people can sign in and write.
    assert Membership.objects.filter(role="chair").values("community").distinct().count() == (
        size.communities
    )
    assert client.login(email=bench_email(0), password="practica-bench-2026")
    assert client.get("/").status_code == 200

    again = StringIO()
    call_command("seed_scale", "--size", "small", stdout=again)
    assert "already present" in again.getvalue()
    assert Comment.objects.count() == size.comments


def test_a_database_with_people_in_it_is_refused_with_a_reason():
    UserFactory()
    with pytest.raises(CommandError, match="fills an empty database"):
        call_command("seed_scale", "--size", "small", stdout=StringIO())
    assert User.objects.count() == 1
