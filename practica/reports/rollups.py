"""The daily rollups: kept up to date from the activity record, rebuilt from scratch.

A rollup row is (community, day, member) → posts, comments and replies written. The
subscriber recounts the one row an activity touches (a post published, a comment written)
from the source tables, with indexed filters over that member's day: retry-safe, and it
mends a row that an earlier deletion left high. `rollups_rebuild` recounts everything.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.db.models.signals import post_save

from practica.activity.models import Activity
from practica.discussions.models import Comment, Post, PostStatus

from .models import DailyRollup

# Verbs after which the author's day is counted again; the target is the post or comment.
POST_VERBS = {"post.published"}
MOVE_VERBS = {"post.moved"}
COMMENT_VERBS = {"comment.created"}

Key = tuple[int, date, int]
Counts = tuple[int, int, int]


def _bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return start, start + timedelta(days=1)


def _live_posts() -> "Q":
    return Q(status=PostStatus.PUBLISHED, deleted_at__isnull=True)


def _live_comments() -> "Q":
    return Q(
        deleted_at__isnull=True, post__status=PostStatus.PUBLISHED, post__deleted_at__isnull=True
    )


def recount_one(*, community_id: int, user_id: int, day: date) -> Counts:
    """Count, from the source tables, what `user_id` wrote in the community on `day`."""
    start, end = _bounds(day)
    posts = Post.objects.filter(
        _live_posts(),
        community_id=community_id,
        author_id=user_id,
        published_at__gte=start,
        published_at__lt=end,
    ).count()
    counted = Comment.objects.filter(
        _live_comments(),
        post__community_id=community_id,
        author_id=user_id,
        created_at__gte=start,
        created_at__lt=end,
    ).aggregate(
        comments=Count("pk", filter=Q(parent__isnull=True)),
        replies=Count("pk", filter=Q(parent__isnull=False)),
    )
    return posts, counted["comments"], counted["replies"]


def rollup_store(key: Key, counts: Counts) -> None:
    community_id, day, user_id = key
    if not any(counts):
        DailyRollup.objects.filter(community_id=community_id, day=day, user_id=user_id).delete()
        return
    posts, comments, replies = counts
    DailyRollup.objects.update_or_create(
        community_id=community_id,
        day=day,
        user_id=user_id,
        defaults={"posts": posts, "comments": comments, "replies": replies},
    )


def activity_rollup(activity: Activity) -> None:
    """The reports' subscriber: recount the author's day that the activity changed."""
    if activity.target_id is None:
        return
    if activity.verb in MOVE_VERBS:
        _moved(activity.target_id)
        return
    if activity.verb in POST_VERBS:
        post = (
            Post.objects.filter(pk=activity.target_id)
            .only("community_id", "author_id", "published_at")
            .first()
        )
        if post is None or post.author_id is None or post.published_at is None:
            return
        key = (post.community_id, post.published_at.astimezone(UTC).date(), post.author_id)
    elif activity.verb in COMMENT_VERBS:
        comment = (
            Comment.objects.filter(pk=activity.target_id)
            .select_related("post")
            .only("author_id", "created_at", "post__community_id")
            .first()
        )
        if comment is None:
            return
        key = (
            comment.post.community_id,
            comment.created_at.astimezone(UTC).date(),
            comment.author_id,
        )
    else:
        return
    community_id, day, user_id = key
    with transaction.atomic():
        rollup_store(key, recount_one(community_id=community_id, user_id=user_id, day=day))


def _moved(post_id: int) -> None:
    """A post moved to another community takes its comments and summary along: every day
    of its writers' is recounted in the new community and wherever they had a rollup that day."""
    moved = list(
        Post.objects.filter(Q(pk=post_id) | Q(summary_of_id=post_id)).values_list(
            "community_id", "author_id", "published_at"
        )
    )
    if not moved:
        return
    community_id = moved[0][0]
    days: set[tuple[int, date]] = {
        (author_id, published.astimezone(UTC).date())
        for _c, author_id, published in moved
        if author_id is not None and published is not None
    }
    days |= set(
        Comment.objects.filter(post_id=post_id)
        .annotate(d=TruncDate("created_at", tzinfo=UTC))
        .values_list("author_id", "d")
        .distinct()
    )
    with transaction.atomic():
        for user_id, day in days:
            where = set(
                DailyRollup.objects.filter(user_id=user_id, day=day).values_list(
                    "community_id", flat=True
                )
            ) | {community_id}
            for cid in where:
                key = (cid, day, user_id)
                rollup_store(key, recount_one(community_id=cid, user_id=user_id, day=day))


def _removed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A post or comment removed (deleted, or a post taken down) records no activity: its
    author's day is recounted once the change commits."""
    if kwargs.get("raw") or (
        instance.deleted_at is None
        and getattr(instance, "status", PostStatus.PUBLISHED) == PostStatus.PUBLISHED
    ):
        return
    community_id: int | None
    if isinstance(instance, Post):
        when, community_id = instance.published_at, instance.community_id
    else:
        when = instance.created_at
        community_id = (
            Post.objects.filter(pk=instance.post_id).values_list("community_id", flat=True).first()
        )
    if when is None or community_id is None or instance.author_id is None:
        return
    key = (community_id, when.astimezone(UTC).date(), instance.author_id)
    transaction.on_commit(
        lambda: rollup_store(key, recount_one(community_id=key[0], day=key[1], user_id=key[2]))
    )


def connect() -> None:
    post_save.connect(_removed, sender=Post, dispatch_uid="reports-post-removed")
    post_save.connect(_removed, sender=Comment, dispatch_uid="reports-comment-removed")


def recount_all(community_id: int | None = None) -> dict[Key, Counts]:
    """Every (community, day, member) → counts, from the source tables: what the rollups
    should hold (of one community, if given). Three grouped queries."""
    found: dict[Key, list[int]] = {}
    posts = Post.objects.all()
    comments = Comment.objects.all()
    if community_id is not None:
        posts = posts.filter(community_id=community_id)
        comments = comments.filter(post__community_id=community_id)

    def add(rows: Iterable[tuple[int, date, int, int]], slot: int) -> None:
        for community_id, day, user_id, n in rows:
            found.setdefault((community_id, day, user_id), [0, 0, 0])[slot] += n

    add(
        posts.filter(_live_posts(), published_at__isnull=False, author_id__isnull=False)
        .annotate(d=TruncDate("published_at", tzinfo=UTC))
        .values_list("community_id", "d", "author_id")
        .annotate(n=Count("pk"))
        .order_by(),
        0,
    )
    for slot, top in ((1, True), (2, False)):
        add(
            comments.filter(_live_comments(), parent__isnull=top)
            .annotate(d=TruncDate("created_at", tzinfo=UTC))
            .values_list("post__community_id", "d", "author_id")
            .annotate(n=Count("pk"))
            .order_by(),
            slot,
        )
    return {key: (v[0], v[1], v[2]) for key, v in found.items()}


def rollups_stored() -> dict[Key, Counts]:
    return {
        (c, d, u): (p, cm, r)
        for c, d, u, p, cm, r in DailyRollup.objects.values_list(
            "community_id", "day", "user_id", "posts", "comments", "replies"
        )
    }


@transaction.atomic
def rollups_rebuild(*, batch: int = 5000) -> int:
    """Replace every rollup with a full recount, a community at a time (so that a large
    site's counts need not all be held at once); the number of rows written."""
    from practica.communities.models import Community

    DailyRollup.objects.all().delete()
    written = 0
    for community_id in Community.objects.order_by("pk").values_list("pk", flat=True):
        rows = [
            DailyRollup(community_id=c, day=d, user_id=u, posts=p, comments=cm, replies=r)
            for (c, d, u), (p, cm, r) in recount_all(community_id).items()
        ]
        DailyRollup.objects.bulk_create(rows, batch_size=batch)
        written += len(rows)
    return written
