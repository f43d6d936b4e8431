"""Reading long threads: the order comments are read in, its pages, and how far each reader
has read.

A thread reads as a tree (replies under what they answer, at most MAX_DEPTH levels deep)
cut into pages of PAGE_SIZE comments. A reader's mark (`PostRead`) says that every comment
up to an id has been shown to them, and which ones above it have been too (a late reply on
page 1 while older comments wait on page 3); ids grow with time, so "new" is "above the
mark and not yet shown". Opening page p counts pages 1 to p as read, as a reader who got
there by scrolling would have read them. Nothing here is shared between readers: the mark
is read per request.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, Subquery

from practica.accounts.permissions import is_active_user

from .models import Comment, Post, PostRead

MAX_DEPTH = 3  # deeper replies are shown flat, "in reply to …"
# Comments per page. A page of 50 with every reader's buttons weighs about 72 KB of HTML on
# the benchmark's threads (two thirds of it the comments' own text); 30 keeps a page near
# 45 KB, light on a phone or a slow line, and a 200-comment thread is seven pages.
PAGE_SIZE = 30


@dataclass(frozen=True)
class Mark:
    """A reader's place in a thread: every comment up to `up_to`, and those in `seen`."""

    up_to: int = 0
    seen: frozenset[int] = frozenset()

    def has_shown(self, comment_id: int) -> bool:
        return comment_id <= self.up_to or comment_id in self.seen


@dataclass(frozen=True)
class Place:
    """A comment's place in the reading order."""

    comment: Comment
    depth: int  # as shown: 0 to MAX_DEPTH - 1
    true_depth: int


def reading_order(comments: list[Comment]) -> list[Place]:
    """Comments as they are read: each followed by its replies, oldest first."""
    children: dict[int | None, list[Comment]] = {}
    for comment in comments:
        children.setdefault(comment.parent_id, []).append(comment)
    order: list[Place] = []
    stack: list[tuple[Comment, int]] = [(c, 0) for c in reversed(children.get(None, []))]
    while stack:  # depth first, without recursion: a chain of replies may be long
        comment, depth = stack.pop()
        order.append(Place(comment, min(depth, MAX_DEPTH - 1), depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(comment.pk, [])))
    return order


def page_count(order: list[Place]) -> int:
    return max(1, -(-len(order) // PAGE_SIZE))


def page_slice(order: list[Place], number: int) -> list[Place]:
    return order[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]


def page_of(order: list[Place], comment_id: int) -> int:
    for index, place in enumerate(order):
        if place.comment.pk == comment_id:
            return index // PAGE_SIZE + 1
    return 1


def page_url(post: Post, number: int, anchor: str = "") -> str:
    """The address of a page of the thread; page 1 is the thread's own address."""
    url = post.get_absolute_url() + (f"?page={number}" if number > 1 else "")
    return f"{url}#{anchor}" if anchor else url


def read_mark(*, user: Any, post: Post) -> Mark | None:
    """The reader's mark on this thread; None when they never opened it (or are anonymous)."""
    if not is_active_user(user):
        return None
    row = (
        PostRead.objects.filter(user_id=user.pk, post_id=post.pk)
        .values_list("last_comment_id", "seen_after")
        .first()
    )
    if row is None:
        return None
    return Mark(row[0], frozenset(row[1] or ()))


def is_unread(comment: Comment, mark: Mark | None, user_id: int | None) -> bool:
    """New to this reader: not yet shown, not removed, not their own. A thread never
    opened has no "new" comments: all of it is new, and marking every one says nothing."""
    return (
        mark is not None
        and not mark.has_shown(comment.pk)
        and comment.deleted_at is None
        and comment.author_id != user_id
    )


def first_unread(order: list[Place], mark: Mark | None, user_id: int | None) -> Comment | None:
    """The oldest comment the reader has not been shown: where "continue" lands."""
    unread = [p.comment for p in order if is_unread(p.comment, mark, user_id)]
    return min(unread, key=lambda c: c.pk, default=None)


def advanced_mark(order: list[Place], mark: Mark | None, page: int, user_id: int | None) -> Mark:
    """The mark after the reader is shown `page`: pages up to `page` count as seen, and so
    do the reader's own and removed comments. `up_to` moves to just below the oldest comment
    still unseen; what was seen above it is kept in `seen`."""
    mark = mark or Mark()
    shown = {p.comment.pk for p in order[: page * PAGE_SIZE]} | mark.seen
    up_to = mark.up_to
    for place in sorted(order, key=lambda p: p.comment.pk):
        c = place.comment
        if c.pk <= up_to:
            continue
        if c.pk in shown or c.author_id == user_id or c.deleted_at is not None:
            up_to = c.pk
        else:
            break
    # Only comments that would otherwise count as new are kept (unread_in subtracts them).
    countable = {
        p.comment.pk
        for p in order
        if p.comment.author_id != user_id and p.comment.deleted_at is None
    }
    return Mark(up_to, frozenset(i for i in shown if i > up_to and i in countable))


@dataclass(frozen=True)
class Unread:
    """A post's unread state for one reader in a list."""

    opened: bool
    new: int  # new comments since the last visit (0 for a post never opened)

    @property
    def is_unread(self) -> bool:
        return not self.opened or self.new > 0


def unread_in(*, user: Any, posts: list[Post]) -> dict[int, Unread]:
    """post id → unread state, for the posts of a list (already filtered by permission):
    one query whatever the number of posts. Anonymous readers get nothing."""
    if not is_active_user(user) or not posts:
        return {}
    new = (
        Comment.objects.filter(
            post_id=OuterRef("post_id"),
            pk__gt=OuterRef("last_comment_id"),
            deleted_at__isnull=True,
            hidden_at__isnull=True,
        )
        .exclude(author_id=user.pk)
        .values("post_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    counts = {
        post_id: max(0, (n or 0) - len(seen or ()))  # comments shown above the mark
        for post_id, n, seen in PostRead.objects.filter(
            user_id=user.pk, post_id__in=[p.pk for p in posts]
        )
        .annotate(n=Subquery(new))
        .values_list("post_id", "n", "seen_after")
    }
    return {
        p.pk: Unread(opened=p.pk in counts, new=counts.get(p.pk) or 0)
        for p in posts
        if p.pk not in counts or counts[p.pk]
    }
