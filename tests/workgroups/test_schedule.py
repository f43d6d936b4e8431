"""Scheduled and expiring posts: invisible (like a draft) until the scheduler publishes
them, with their activity recorded then; gone from the lists once expired."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.activity.models import Activity
from practica.discussions.models import Post, PostStatus
from practica.discussions.services import post_create, posts_expire_due, posts_publish_due
from practica.discussions.tasks import scheduled_posts_task
from practica.notifications.models import Notification


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _featured(chair, when):
    return {
        "kind": "featured", "title": "Reading group on peer support", "body": "Tomorrow.",
        "language": "en", "publish_at": when, "tags": "peer support",
    }  # fmt: skip


def test_a_featured_post_scheduled_in_the_authors_zone_stays_hidden_until_published(
    client, place, on_commit
):
    community, chair, _insider, neighbour = place
    chair.time_zone = "America/Toronto"
    chair.save()
    client.force_login(chair)
    year = timezone.now().year + 1
    with on_commit():
        page = client.post(
            reverse("post_create", args=[community.slug]), _featured(chair, f"{year}-01-02T09:00")
        )
    post = Post.objects.get()
    assert page.status_code == 302
    assert post.status == PostStatus.SCHEDULED
    assert post.publish_at == datetime(year, 1, 2, 14, 0, tzinfo=UTC)  # 9:00 in Toronto
    assert post.published_at is None
    detail = client.get(post.get_absolute_url(), follow=True).content.decode()
    assert "Your post is scheduled" in detail and "Scheduled for" in detail
    # Nobody else knows of it: no thread, no list, no notification, no activity.
    assert not Activity.objects.filter(verb="post.published").exists()
    assert not Notification.objects.filter(title__contains="Reading group").exists()
    for who in (None, neighbour):
        client.logout()
        if who:
            client.force_login(who)
        assert client.get(post.get_absolute_url()).status_code == 404
        for url in (
            reverse("home"),
            reverse("post_list"),
            reverse("community_posts", args=[community.slug]),
        ):
            assert "Reading group" not in client.get(url).content.decode()
    # The chair's other leaders see it in the review list of their own posts? The author
    # finds it in "your posts in review", marked scheduled.
    client.force_login(chair)
    assert "Scheduled" in client.get(reverse("my_posts")).content.decode()


def test_the_scheduler_publishes_it_then_and_records_its_activity_then(place, on_commit):
    community, chair, insider, neighbour = place
    post = post_create(
        actor=chair, community=community, kind="featured", title="Reading group",
        body="B", publish_at=timezone.now() + timedelta(hours=1), open_days=30,
    )  # fmt: skip
    assert posts_publish_due() == 0  # not yet
    # An hour later (the stored times moved back an hour instead):
    Post.objects.filter(pk=post.pk).update(
        publish_at=post.publish_at - timedelta(hours=1, seconds=1),
        open_until=post.open_until - timedelta(hours=1, seconds=1),
    )
    before = timezone.now()
    with on_commit():
        assert scheduled_posts_task.call() == 1
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert post.published_at >= before
    assert post.open_until - post.published_at == timedelta(days=30)
    activity = Activity.objects.get(verb="post.published", target_id=post.pk)
    assert activity.created_at >= before
    told = set(Notification.objects.filter(title__contains="Reading group").values_list(
        "recipient_id", flat=True))  # fmt: skip
    assert {insider.pk, neighbour.pk} <= told
    assert posts_publish_due() == 0  # once only


def test_clearing_the_time_publishes_at_once(client, place):
    community, chair, _insider, neighbour = place
    post = post_create(
        actor=chair, community=community, kind="discussion", title="Soon", body="B",
        publish_at=timezone.now() + timedelta(days=1),
    )  # fmt: skip
    client.force_login(chair)
    edit = client.get(reverse("post_edit", args=[post.pk])).content.decode()
    assert 'name="publish_at"' in edit
    client.post(
        reverse("post_edit", args=[post.pk]),
        {"title": "Soon", "body": "B", "tags": "", "version": post.version, "language": "en",
         "publish_at": "", "expires_at": ""},
    )  # fmt: skip
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    client.force_login(neighbour)
    assert client.get(post.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"publish_at": "2001-01-01T10:00"}, "This time has already passed"),
        ({"expires_at": "2001-01-01T10:00"}, "This time has already passed"),
        (
            {"publish_at": "2099-01-02T10:00", "expires_at": "2099-01-01T10:00"},
            "The post must expire after it is published.",
        ),
    ],
)
def test_times_in_the_past_or_expiry_before_publication_are_explained(
    client, place, fields, message
):
    community, chair, _insider, _neighbour = place
    client.force_login(chair)
    data = {"kind": "discussion", "title": "Kept title", "body": "Kept body", "language": "en"}
    page = client.post(reverse("post_create", args=[community.slug]), {**data, **fields})
    text = page.content.decode()
    assert page.status_code == 200
    assert message in text
    assert "Kept title" in text and "Kept body" in text
    assert not Post.objects.exists()


def test_a_held_post_cannot_be_scheduled(client, place):
    community, _chair, insider, _neighbour = place
    client.force_login(insider)  # a member's featured post is a proposal
    page = client.post(
        reverse("post_create", args=[community.slug]),
        {"kind": "featured", "title": "Prop", "body": "B", "language": "en",
         "publish_at": _local(timezone.now() + timedelta(days=1))},
    )  # fmt: skip
    assert "cannot be scheduled" in page.content.decode()
    assert not Post.objects.exists()


def test_an_expired_post_leaves_the_lists_for_the_archives_and_keeps_its_address(client, place):
    community, chair, _insider, neighbour = place
    post = post_create(
        actor=chair, community=community, kind="discussion", title="Call for volunteers",
        body="B", expires_at=timezone.now() + timedelta(hours=1),
    )  # fmt: skip
    client.force_login(neighbour)
    assert "Call for volunteers" in client.get(reverse("post_list")).content.decode()
    Post.objects.filter(pk=post.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert posts_expire_due() == 1
    assert posts_expire_due() == 0
    for url in (
        reverse("home"),
        reverse("post_list"),
        reverse("community_posts", args=[community.slug]),
    ):
        assert "Call for volunteers" not in client.get(url).content.decode(), url
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Expired on" in page
    month = timezone.localtime(post.published_at)
    archive = reverse("archive_month", args=[month.year, month.month])
    assert "Call for volunteers" in client.get(archive).content.decode()


def test_the_scheduler_runs_the_task():
    from django.conf import settings

    paths = [path for path, _every in settings.PRACTICA_PERIODIC_TASKS]
    assert "practica.discussions.tasks.scheduled_posts_task" in paths


def test_the_scheduled_list_shows_leaders_all_and_members_their_own(
    client, place, assert_page_queries
):
    community, chair, insider, neighbour = place
    later = timezone.now() + timedelta(days=2)
    for n in range(2):
        post_create(actor=chair, community=community, kind="featured", title=f"Chair {n}",
                    body="B", publish_at=later)  # fmt: skip
    Post.objects.update(created_at=timezone.now() - timedelta(hours=1))
    post_create(actor=insider, community=community, kind="discussion", title="Insider's",
                body="B", publish_at=later)  # fmt: skip
    url = reverse("community_scheduled", args=[community.slug])
    client.force_login(neighbour)
    page = client.get(url).content.decode()
    assert "Chair 0" not in page and "Insider&#x27;s" not in page
    client.force_login(insider)
    page = client.get(url).content.decode()
    assert "Insider&#x27;s" in page and "Chair 0" not in page
    client.force_login(chair)
    client.get(url)
    with assert_page_queries(7):
        page = client.get(url).content.decode()
    assert "Chair 0" in page and "Chair 1" in page and "Insider&#x27;s" in page
    for n in range(2, 6):
        post_create(actor=chair, community=community, kind="discussion", title=f"Chair {n}",
                    body="B", publish_at=later)  # fmt: skip
        Post.objects.update(created_at=timezone.now() - timedelta(hours=1))
    with assert_page_queries(7):
        assert "Chair 5" in client.get(url).content.decode()
