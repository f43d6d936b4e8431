"""Reads for posts and comments, filtered by what the reader may see."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Community, Membership, Visibility
from practica.communities.permissions import roles_of
from practica.communities.selectors import communities_visible_to
from practica.core.pagecache import remember
from practica.core.queries import filtered
from practica.workgroups.permissions import group_visible_q, open_to_community_q

from .models import Comment, Post, PostKind, PostStatus, Reaction, Tag
from .permissions import check_see_post

_TAGS = Prefetch("tags", queryset=Tag.objects.order_by("name"))
_COMMENT_FIELDS = [f.name for f in Comment._meta.concrete_fields]
FACE_FIELDS = ("display_name", "photo", "photo_small", "is_active", "profile_visibility")


def readable_communities(user: Any) -> QuerySet[Community]:
    """Communities whose content `user` may read: public ones, and their own."""
    if is_staff(user):
        return Community.objects.all()
    public = Q(visibility=Visibility.PUBLIC)
    if is_active_user(user):
        mine = Membership.objects.filter(user_id=user.pk).values("community_id")
        return communities_visible_to(user).filter(public | Q(pk__in=mine))
    return Community.objects.filter(public)


def posts_visible_to(user: Any) -> QuerySet[Post]:
    """Published, not deleted posts in communities whose content `user` may read, but
    for members-only working groups' posts, which only their members and leaders see."""
    return (
        Post.objects.filter(
            group_visible_q(user),
            status=PostStatus.PUBLISHED,
            deleted_at__isnull=True,
            hidden_at__isnull=True,
            community__in=readable_communities(user).values("pk"),
        )
        .select_related("community", "author", "summary", "summary__author", "group")
        .prefetch_related(_TAGS)
    )


def _closed(now: Any) -> Q:
    return Q(kind=PostKind.FEATURED, open_until__lte=now)


def _unexpired(now: Any) -> Q:
    """Not past its expiry: an expired post leaves the home page and the lists for the
    archives, and stays at its address and in search."""
    return Q(expires_at__isnull=True) | Q(expires_at__gt=now)


def _current(now: Any) -> Q:
    old = now - timedelta(days=settings.PRACTICA_ARCHIVE_AFTER_DAYS)
    return ~_closed(now) & Q(last_activity_at__gt=old) & _unexpired(now)


def open_featured(user: Any) -> QuerySet[Post]:
    """Open featured posts: staff's platform-wide picks first, then the newest."""
    now = timezone.now()
    return (
        posts_visible_to(user)
        .filter(_unexpired(now), open_to_community_q(), kind=PostKind.FEATURED, open_until__gt=now)
        .order_by("-platform_featured", "-published_at", "-id")
    )


def home_recent(user: Any, *, limit: int = 60) -> QuerySet[Post]:
    """Recent posts (not open featured ones), the reader's own communities first."""
    now = timezone.now()
    since = now - timedelta(days=settings.PRACTICA_HOME_RECENT_DAYS)
    # Members-only working groups' posts stay off the home page, whose lists are shared
    # by readers of the same communities: their group and community pages show them.
    qs = (
        posts_visible_to(user)
        .filter(_unexpired(now), open_to_community_q(), published_at__gte=since)
        .exclude(kind=PostKind.FEATURED, open_until__gt=now)
    )
    if is_active_user(user):
        mine = Membership.objects.filter(user_id=user.pk, community=OuterRef("community"))
        qs = qs.annotate(in_mine=Exists(mine)).order_by("-in_mine", "-published_at", "-id")
    else:
        qs = qs.order_by("-published_at", "-id")
    return qs[:limit]


def reach(user: Any) -> list[object]:
    """What decides which posts `user` may read: two people with the same reach share
    cached lists. Staff read everything; others read public communities and their own."""
    if is_staff(user):
        return ["staff"]
    return ["member" if is_active_user(user) else "anonymous", *sorted(roles_of(user))]


def soonest_closing(posts: list[Post]) -> Any:
    """The first moment one of `posts` closes or expires, so that a list showing it goes."""
    now = timezone.now()
    closing = [p.open_until for p in posts if p.is_featured and p.open_until and p.open_until > now]
    closing += [p.expires_at for p in posts if p.expires_at and p.expires_at > now]
    return min(closing, default=None)


def home_lists(user: Any) -> tuple[list[Post], list[Post]]:
    """Open featured posts and recent ones for the home page, kept until content or
    communities change or the first featured discussion on it closes."""

    def load() -> tuple[list[Post], list[Post]]:
        return list(open_featured(user)[:10]), list(home_recent(user))

    lists: tuple[list[Post], list[Post]] = remember(
        "home",
        reach(user),
        ["content", "communities"],
        load,
        until=lambda value: soonest_closing(value[0] + value[1]),
    )
    return lists


def community_posts(*, user: Any, community: Community, kind: str = "") -> QuerySet[Post]:
    qs = posts_visible_to(user).filter(_unexpired(timezone.now()), community=community)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-pinned", "-published_at", "-id")


def group_posts(*, user: Any, group: Any) -> QuerySet[Post]:
    """A working group's posts `user` may see, newest first (expired ones too, marked)."""
    return (
        posts_visible_to(user)
        .filter(community_id=group.community_id, group=group)
        .order_by("-pinned", "-published_at", "-id")
    )


def scheduled_posts(*, user: Any, community: Community) -> QuerySet[Post]:
    """Posts waiting for their publication time that `user` may see: all of them for the
    community's leaders, their own for others."""
    from .permissions import can_review

    qs = Post.objects.filter(
        community=community, status=PostStatus.SCHEDULED, deleted_at__isnull=True
    )
    if not can_review(user, community):
        qs = qs.filter(author_id=user.pk) if is_active_user(user) else qs.none()
    return qs.select_related("author", "group").order_by("publish_at", "id")


@dataclass
class PostFilters:
    community: str = ""
    kind: str = ""
    tag: str = ""
    answered: str = ""  # "yes", "no" or ""
    sort: str = "new"  # "new" or "active"


def all_posts(*, user: Any, filters: PostFilters) -> QuerySet[Post]:
    """Everything current the reader may see: not closed, active within the archive window."""
    qs = filtered(
        posts_visible_to(user).filter(_current(timezone.now())),
        community__slug=filters.community,
        kind=filters.kind,
        tags__slug=filters.tag,
    )
    if filters.answered == "yes":
        qs = qs.filter(kind=PostKind.QUESTION, accepted_answer__isnull=False)
    elif filters.answered == "no":
        qs = qs.filter(kind=PostKind.QUESTION, accepted_answer__isnull=True)
    order = "-last_activity_at" if filters.sort == "active" else "-published_at"
    return qs.order_by(order, "-id")


def archive_months(*, user: Any) -> list[dict[str, Any]]:
    """(month, count) of closed and older posts, newest month first."""
    now = timezone.now()
    return list(
        posts_visible_to(user)
        .filter(~_current(now))
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("-month")
    )


def archive_month(*, user: Any, year: int, month: int) -> QuerySet[Post]:
    now = timezone.now()
    return (
        posts_visible_to(user)
        .filter(~_current(now), published_at__year=year, published_at__month=month)
        .order_by("-published_at", "-id")
    )


def popular_tags(*, limit: int = 20) -> list[Tag]:
    """The most used tags of public conversations, the same for every reader.

    Counting them over a large site is costly, so the counts are kept for
    PAGE_CACHE_SECONDS rather than redone after every post; a change to any community
    (one going private, say) drops them at once, so a tag never shows where it should not."""

    def count() -> list[Tag]:
        public = posts_visible_to(AnonymousUser()).values("pk")
        return list(
            Tag.objects.filter(posts__in=public)
            .annotate(n=Count("posts", distinct=True))
            .order_by("-n", "name")[:limit]
        )

    return remember("popular_tags", [limit], ["communities"], count)  # type: ignore[no-any-return]


def tag_index(*, user: Any) -> QuerySet[Tag]:
    visible = posts_visible_to(user).values("pk")
    return (
        Tag.objects.filter(posts__in=visible)
        .annotate(n=Count("posts", distinct=True))
        .order_by("name")
    )


def tag_posts(*, user: Any, tag: Tag) -> QuerySet[Post]:
    return posts_visible_to(user).filter(tags=tag).order_by("-published_at", "-id")


def tag_suggestions(*, user: Any, limit: int = 50) -> list[str]:
    """The tags most used where `user` may read: a tag's name can say what a private
    community discusses, so it is suggested only to those who may see a post with it."""
    visible = posts_visible_to(user).values("pk")
    return list(
        Tag.objects.filter(posts__in=visible)
        .annotate(n=Count("posts", distinct=True))
        .order_by("-n", "name")
        .values_list("name", flat=True)[:limit]
    )


def _thread_scopes(pk: int) -> list[str]:
    return [f"post:{pk}", "communities"]


def access_post(*, user: Any, pk: int) -> Post:
    """Fetch and authorise: missing and forbidden answer the same 404.

    The post (with its community, tags and summary) is kept in the cache until it or any
    community changes; the permission check is made on every request, for this reader."""

    def load() -> Post | None:
        return (
            Post.objects.select_related(
                "community", "author", "summary", "summary__author", "summary_of", "group"
            )
            .prefetch_related(_TAGS)
            .filter(pk=pk)
            .first()
        )

    post: Post | None = remember("post", [pk], _thread_scopes(pk), load)
    if post is None:
        raise Http404
    check_see_post(user, post)
    return post


def thread_comments(*, post: Post, user: Any) -> list[Comment]:
    """All comments of a thread, whatever their number: kept in the cache with their
    reaction counts until the thread changes, plus one query for the reader's reactions.

    Each comment carries `reaction_counts` ({kind: n}) and `my_reactions` (set of kinds).
    """

    def load() -> tuple[list[Comment], dict[int, dict[str, int]]]:
        # Authors come along for their avatars: only what a face needs, never their email
        # or password hash, since the list is kept in the cache.
        comments = list(
            Comment.objects.filter(post_id=post.pk)
            .select_related("author")
            .only(*_COMMENT_FIELDS, *(f"author__{f}" for f in FACE_FIELDS))
            .order_by("created_at", "id")
        )
        counts: dict[int, dict[str, int]] = {}
        rows = (
            Reaction.objects.filter(comment__post_id=post.pk)
            .values("comment_id", "kind")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            counts.setdefault(row["comment_id"], {})[row["kind"]] = row["n"]
        return comments, counts

    comments, counts = remember("comments", [post.pk], _thread_scopes(post.pk), load)
    by_id = {c.pk: c for c in comments}
    for comment in comments:  # wire the objects already loaded instead of querying again
        comment.post = post
        if comment.parent_id:
            comment.parent = by_id[comment.parent_id]
    mine: dict[int, set[str]] = {}
    if is_active_user(user) and comments:
        for comment_id, kind in Reaction.objects.filter(
            comment__post_id=post.pk, user_id=user.pk
        ).values_list("comment_id", "kind"):
            mine.setdefault(comment_id, set()).add(kind)
    for comment in comments:
        comment.reaction_counts = counts.get(comment.pk, {})  # type: ignore[attr-defined]
        comment.my_reactions = mine.get(comment.pk, set())  # type: ignore[attr-defined]
    return comments


def review_queue(*, community: Community) -> QuerySet[Post]:
    return (
        Post.objects.filter(community=community, status=PostStatus.PENDING, deleted_at__isnull=True)
        .select_related("author")
        .prefetch_related(_TAGS)
        .order_by("created_at", "id")
    )


def to_summarise(*, community: Community) -> QuerySet[Post]:
    """Closed featured threads that have no summary yet."""
    return (
        Post.objects.filter(
            community=community,
            kind=PostKind.FEATURED,
            status=PostStatus.PUBLISHED,
            deleted_at__isnull=True,
            open_until__lte=timezone.now(),
            summary__isnull=True,
        )
        .select_related("author")
        .order_by("open_until", "id")
    )


def community_summaries(*, user: Any, community: Community) -> QuerySet[Post]:
    return (
        posts_visible_to(user)
        .filter(community=community, kind=PostKind.SUMMARY)
        .select_related("summary_of", "author")
        .order_by("-published_at", "-id")
    )


def my_posts_in_review(*, user: Any) -> QuerySet[Post]:
    return (
        Post.objects.filter(
            author_id=user.pk,
            status__in=[
                PostStatus.PENDING,
                PostStatus.RETURNED,
                PostStatus.DECLINED,
                PostStatus.SCHEDULED,
            ],
            deleted_at__isnull=True,
        )
        .select_related("community")
        .order_by("-created_at")
    )
