"""Scheduled and expiring posts: the author (or a leader) sets the times, the scheduler
publishes and expires them (discussions.tasks, PRACTICA_PERIODIC_TASKS)."""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write
from practica.core.errors import ServiceError

from ..models import Post, PostKind, PostStatus
from ..permissions import check_edit_post
from .activity import post_published
from .posts import check_schedule, lock_post
from .text import mention_note, render


@transaction.atomic
def post_schedule(
    *,
    actor: User,
    post: Post,
    publish_at: datetime | None,
    expires_at: datetime | None,
) -> Post:
    """Change when a post is published (while it is scheduled) and when it expires.

    A scheduled post whose time is cleared is published at once, its activity recorded
    now. A published post keeps its publication; only its expiry changes."""
    post = lock_post(post)
    check_edit_post(actor, post)
    check_can_write(actor)
    if post.status != PostStatus.SCHEDULED:
        publish_at = post.publish_at  # published or in review: its publication is not moved
    changed_publish = post.status == PostStatus.SCHEDULED and publish_at != post.publish_at
    changed_expiry = expires_at != post.expires_at
    if not changed_publish and not changed_expiry:
        return post
    check_schedule(
        publish_at=publish_at if changed_publish else None,
        expires_at=expires_at if changed_expiry else None,
    )
    if expires_at is not None and publish_at is not None and expires_at <= publish_at:
        raise ServiceError(_("The post must expire after it is published."))
    if changed_publish:
        length = _featured_length(post)
        post.publish_at = publish_at
        if publish_at is not None and length is not None:
            post.open_until = publish_at + length
    if changed_expiry:
        post.expires_at = expires_at
        post.expiry_recorded_at = None
    post.save()
    if post.status == PostStatus.SCHEDULED and post.publish_at is None:
        _publish(post, timezone.now())
    return post


def _featured_length(post: Post) -> timedelta | None:
    """How long a scheduled featured post will be open, kept when its time moves."""
    if post.kind != PostKind.FEATURED or post.open_until is None:
        return None
    start = post.publish_at or post.created_at
    return post.open_until - start


def _publish(post: Post, now: datetime) -> None:
    length = _featured_length(post)
    post.status = PostStatus.PUBLISHED
    post.published_at = now
    post.last_activity_at = now
    if length is not None:
        post.open_until = now + length
    post.save()
    _html, mentioned = render(post.body)
    post_published(
        actor=post.author,
        post=post,
        notes=[
            mention_note(
                actor=post.author, handles=mentioned, community=post.community,
                title=post.title, url=post.get_absolute_url(),
            )
        ],
    )  # fmt: skip


def posts_publish_due(*, now: Any = None) -> int:
    """Publish every scheduled post whose time has come, recording its activity now, so
    that watchers hear of it at its publication. Safe to run at any time, any number of
    times, on several machines: each post is published once (row lock and status check)."""
    now = now or timezone.now()
    due = list(
        Post.objects.filter(
            status=PostStatus.SCHEDULED, deleted_at__isnull=True, publish_at__lte=now
        )
        .order_by("publish_at", "id")
        .values_list("pk", flat=True)[:500]
    )
    published = 0
    for pk in due:
        with transaction.atomic():
            post = (
                Post.objects.select_for_update()
                .select_related("community", "author")
                .filter(pk=pk, status=PostStatus.SCHEDULED, deleted_at__isnull=True)
                .first()
            )
            if post is None:
                continue
            _publish(post, now)
            published += 1
    return published


def posts_expire_due(*, now: Any = None) -> int:
    """Record that posts past their expiry have left the lists: saving each drops the
    cached pages and lists that showed it. Safe to run again: each is recorded once."""
    now = now or timezone.now()
    due = Post.objects.filter(
        status=PostStatus.PUBLISHED, expires_at__lte=now, expiry_recorded_at__isnull=True
    ).order_by("expires_at", "id")[:500]
    expired = 0
    for post in due:
        post.expiry_recorded_at = now
        post.save(update_fields=["expiry_recorded_at", "updated_at"])
        expired += 1
    return expired
