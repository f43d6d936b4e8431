"""A featured post's life: proposed, published, discussed, closed, summarised."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from practica.discussions.models import Post
from practica.discussions.services import featured_close_due
from practica.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_member_proposes_featured_post_and_leader_publishes_it_edited(
    client, on_commit, community, chair, member
):
    client.force_login(member)
    response = client.post(
        reverse("post_create", args=[community.slug]),
        {"kind": "featured", "title": "Phase systems", "body": "How many phases?", "tags": ""},
    )
    post = Post.objects.get()
    assert post.status == "pending" and post.open_until is None
    assert "The leaders will review your post" in client.get(response["Location"]).content.decode()
    # Others cannot see it yet.
    other = community.memberships.exclude(user__in=[member, chair])
    assert not other.exists()
    client.force_login(chair)
    queue = client.get(reverse("community_review", args=[community.slug])).content.decode()
    assert "Phase systems" in queue
    with on_commit():
        client.post(
            reverse("post_review", args=[post.pk]),
            {
                "decision": "publish",
                "title": "Phase systems that work",
                "body": "How many phases?",
                "open_days": 30,
            },
        )
    post.refresh_from_db()
    assert post.status == "published"
    assert timedelta(days=29) < post.open_until - timezone.now() <= timedelta(days=30)
    note = Notification.objects.get(recipient=member, kind="post.published")
    assert "edited it before publishing" in note.body
    assert mail.outbox[-1].to == [member.email]
    # The author sees what changed.
    client.force_login(member)
    history = client.get(reverse("post_history", args=[post.pk])).content.decode()
    assert "Phase systems" in history and "Edited by Chris Chair when publishing" in history


def test_leader_returns_a_proposal_and_the_revised_one_comes_back(
    client, community, chair, member, on_commit
):
    client.force_login(member)
    with on_commit():
        client.post(
            reverse("post_create", args=[community.slug]),
            {"kind": "featured", "title": "Reading list", "body": "Ten readings.", "tags": ""},
        )
    post = Post.objects.get()
    client.force_login(chair)
    url = reverse("post_review", args=[post.pk])
    response = client.post(url, {"decision": "return", "title": post.title, "body": post.body})
    assert "Tell the author why." in response.content.decode()
    client.post(
        url,
        {
            "decision": "return",
            "title": post.title,
            "body": post.body,
            "note": "Say why each reading matters.",
        },
    )
    post.refresh_from_db()
    assert post.status == "returned"
    client.force_login(member)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Say why each reading matters." in page
    # The post shows when it was proposed, not an empty date.
    meta = page.split('<p class="meta">')[1].split("</p>")[0]
    assert f'proposed <time datetime="{post.created_at:%Y-%m-%d}' in meta
    assert meta.rstrip().endswith("</time>")
    mine = client.get(reverse("my_posts")).content.decode()
    assert "Reading list" in mine and "proposed <time" in mine
    with on_commit():
        client.post(
            reverse("post_edit", args=[post.pk]),
            {"title": post.title, "body": "Ten readings, each with a reason.", "tags": ""},
        )
    post.refresh_from_db()
    assert post.status == "pending"
    assert Notification.objects.filter(recipient=chair, kind="post.review").count() == 2


def test_a_featured_post_closes_the_moment_its_period_ends(
    client, community, chair, member, make_post, on_commit
):
    post = make_post(kind="featured", open_days=10)
    client.force_login(member)
    url = reverse("comment_create", args=[post.pk])
    assert client.post(url, {"body": "Before the end"}).status_code == 302
    Post.objects.filter(pk=post.pk).update(open_until=timezone.now() - timedelta(seconds=1))
    # No periodic job has run, yet the thread reads as closed and refuses comments.
    page = client.get(post.get_absolute_url()).content.decode()
    assert "This featured discussion closed on" in page
    response = client.post(url, {"body": "After the end"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "its discussion period has ended" in body and "After the end" in body
    # The periodic task records the closure once and tells the author and leaders.
    with on_commit():
        assert featured_close_due() == 1
        assert featured_close_due() == 0
    assert Notification.objects.filter(recipient=chair, kind="post.closed").count() == 1


def test_leader_closes_a_thread_with_a_summary(client, community, chair, member, make_post):
    post = make_post(kind="featured", title="Outcomes beyond recidivism")
    Post.objects.filter(pk=post.pk).update(open_until=timezone.now() - timedelta(days=1))
    client.force_login(chair)
    review = client.get(reverse("community_review", args=[community.slug])).content.decode()
    assert "Outcomes beyond recidivism" in review.split("Closed threads to summarise")[1]
    client.post(
        reverse("summary_create", args=[post.pk]),
        {"title": "What we learned", "body": "Track **housing** at entry and exit.", "tags": ""},
    )
    summary = Post.objects.get(kind="summary")
    assert summary.summary_of == post
    page = client.get(post.get_absolute_url()).content.decode()
    # Shown at the top of the closed thread, before the post itself.
    assert "<strong>housing</strong>" in page
    assert page.index("What we learned") < page.index("Some text")
    summaries = client.get(reverse("community_summaries", args=[community.slug])).content
    assert b"What we learned" in summaries
    review = client.get(reverse("community_review", args=[community.slug])).content.decode()
    assert "Outcomes beyond recidivism" not in review
    # A second summary is refused.
    response = client.post(reverse("summary_create", args=[post.pk]), {"title": "x", "body": "y"})
    assert "already has a summary" in response.content.decode()


def test_summarising_an_open_thread_closes_it(client, chair, make_post):
    post = make_post(kind="featured")
    client.force_login(chair)
    client.post(reverse("summary_create", args=[post.pk]), {"title": "Done", "body": "Early."})
    post.refresh_from_db()
    assert post.is_closed


def test_staff_feature_an_open_post_on_the_home_page(client, staff, chair, make_post):
    first = make_post(kind="featured", title="First featured")
    make_post(kind="featured", title="Newer featured")
    home = client.get(reverse("home")).content.decode()
    assert home.index("Newer featured") < home.index("First featured")
    client.force_login(chair)
    client.post(reverse("post_moderate", args=[first.pk]), {"action": "feature"})
    first.refresh_from_db()
    assert not first.platform_featured  # leaders cannot
    client.force_login(staff)
    client.post(reverse("post_moderate", args=[first.pk]), {"action": "feature"})
    home = client.get(reverse("home")).content.decode()
    assert home.index("First featured") < home.index("Newer featured")


def test_new_members_first_post_is_held_when_the_community_says_so(
    client, community, member, chair
):
    community.hold_first_posts = True
    community.save()
    client.force_login(member)
    data = {"kind": "discussion", "title": "Hello", "body": "First post", "tags": ""}
    client.post(reverse("post_create", args=[community.slug]), data)
    assert Post.objects.get().status == "pending"
    Post.objects.update(status="published", published_at=timezone.now())
    client.post(reverse("post_create", args=[community.slug]), {**data, "title": "Second"})
    assert Post.objects.get(title="Second").status == "published"
