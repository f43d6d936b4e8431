"""The discussions' sections of the digests: featured posts that opened or closed, and
questions in the member's communities still waiting for an answer. Each costs three
queries for a whole chunk of members (registry's contract)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from practica.communities.notify import email_may_carry_content
from practica.communities.permissions import is_member
from practica.communities.selectors import users_with_roles
from practica.core.http import site_url
from practica.notifications.digests.registry import Item, Part, Window, part_of

from .models import Post, PostKind, PostStatus
from .permissions import can_see_post

# The newest this many candidates of a chunk's window are considered.
CANDIDATES = 1000


def _span(windows: dict[int, Window]) -> tuple[object, object]:
    return min(w.start for w in windows.values()), max(w.end for w in windows.values())


def _posts(condition: Q) -> list[Post]:
    return list(
        Post.objects.filter(
            condition, status=PostStatus.PUBLISHED, deleted_at__isnull=True, hidden_at__isnull=True
        )
        .select_related("community", "group")
        .only(
            "id",
            "title",
            "kind",
            "status",
            "deleted_at",
            "author_id",
            "author_name",
            "published_at",
            "open_until",
            "platform_featured",
            "comment_count",
            "accepted_answer_id",
            "community__id",
            "community__name",
            "community__visibility",
            "community__email_content",
            "group__id",
            "group__visibility",
        )
        .order_by("-published_at", "-id")[:CANDIDATES]
    )


def _title(post: Post, pointer: str) -> str:
    # A members-only working group's titles stay on the site, as a private community's do.
    if email_may_carry_content(post.community) and not (post.group and post.group.members_only):
        return post.title
    return pointer % {"community": post.community.name}


def featured_posts(windows: dict[int, Window]) -> dict[int, Part]:
    """Featured posts opened or closed within each member's window, in their communities
    (and those staff feature on the home page), as the member may see them."""
    start, end = _span(windows)
    posts = _posts(
        Q(kind=PostKind.FEATURED)
        & (
            Q(published_at__gte=start, published_at__lt=end)
            | Q(open_until__gte=start, open_until__lt=end)
        )
    )
    if not posts:
        return {}
    parts: dict[int, Part] = {}
    for user in users_with_roles(user_ids=windows):
        window = windows[user.pk]
        items = []
        for post in posts:
            if not (post.platform_featured or is_member(user, post.community)):
                continue
            if not can_see_post(user, post):
                continue
            title = _title(post, _("A featured post in %(community)s"))
            url = post.get_absolute_url()
            if post.published_at and window.start <= post.published_at < window.end:
                detail = _("Opened for discussion in %(community)s")
            elif post.open_until and window.start <= post.open_until < window.end:
                detail = _("Closed in %(community)s")
            else:
                continue
            items.append(Item(title, site_url(url), detail % {"community": post.community.name}))
        if items:
            parts[user.pk] = part_of(items)
    return parts


def unanswered_questions(windows: dict[int, Window]) -> dict[int, Part]:
    """Questions asked within each member's window in their communities, by someone else,
    that nobody has answered yet."""
    start, end = _span(windows)
    posts = _posts(
        Q(kind=PostKind.QUESTION, published_at__gte=start, published_at__lt=end)
        & Q(comment_count=0, accepted_answer__isnull=True)
    )
    if not posts:
        return {}
    parts: dict[int, Part] = {}
    for user in users_with_roles(user_ids=windows):
        window = windows[user.pk]
        items = [
            Item(
                _title(post, _("A question in %(community)s")),
                site_url(post.get_absolute_url()),
                _("Asked in %(community)s, not answered yet") % {"community": post.community.name},
            )
            for post in posts
            if post.author_id != user.pk
            and post.published_at
            and window.start <= post.published_at < window.end
            and is_member(user, post.community)
            and can_see_post(user, post)
        ]
        if items:
            parts[user.pk] = part_of(items)
    return parts
