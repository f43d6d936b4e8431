"""What discussions record in the activity record: the places a post or comment touches,
how emails about them thread, and who is told by default."""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.activity.models import Activity
from practica.activity.services import NORMAL, TRACKING, WATCHING, Note
from practica.communities.notify import community_activity, note
from practica.notifications.models import Category, Level
from practica.notifications.watching import watch_default

from ..models import Comment, Post, PostKind


def post_places(post: Post) -> list[str]:
    """The keys members watch that `post` touches: the thread, its author and its tags (its
    community and the actor are added by community_activity)."""
    tags = post.tags.values_list("slug", flat=True)
    return [f"post:{post.pk}", f"person:{post.author_id}", *(f"tag:{slug}" for slug in tags)]


def post_mail(post: Post, comment: Comment | None = None) -> dict[str, Any]:
    """How emails about the post (or a comment on it) thread, and what a reply answers."""
    thread = f"post-{post.pk}"
    if comment is None:
        return {
            "message_id": thread,
            "references": [],
            "subject": post.title,
            "reply": {"post": post.pk, "comment": None},
        }
    parent = f"comment-{comment.parent_id}" if comment.parent_id else thread
    return {
        "message_id": f"comment-{comment.pk}",
        "in_reply_to": parent,
        "references": list(dict.fromkeys([thread, parent])),
        "subject": post.title,
        "reply": {"post": post.pk, "comment": comment.pk},
    }


def post_activity(
    *,
    actor: Any,
    verb: str,
    post: Post,
    notes: Iterable[Note] = (),
    watchers: Note | None = None,
    comment: Comment | None = None,
) -> Activity:
    return community_activity(
        post.community,
        actor=actor,
        verb=verb,
        target=comment if comment is not None else post,
        places=post_places(post),
        notes=notes,
        watchers=watchers,
        mail=post_mail(post, comment),
    )


def post_published(*, actor: Any, post: Post, notes: Iterable[Note] = ()) -> Activity:
    """A post is out: featured posts and summaries reach every member (unless they muted
    the community); other posts reach those tracking or watching where it appeared. The
    author tracks it, or watches it if it is a question."""
    featured = post.kind in (PostKind.FEATURED, PostKind.SUMMARY)
    words = {"who": post.author_name, "title": post.title, "community": post.community.name}
    if post.kind == PostKind.FEATURED:
        title = _("New featured post in %(community)s: “%(title)s”") % words
    elif post.kind == PostKind.SUMMARY:
        title = _("Summary in %(community)s: “%(title)s”") % words
    elif post.kind == PostKind.QUESTION:
        title = _("%(who)s asked in %(community)s: “%(title)s”") % words
    else:
        title = _("%(who)s posted in %(community)s: “%(title)s”") % words
    category = Category.FEATURED if featured else Category.WATCHED
    url = post.get_absolute_url()
    everyone = [
        note(
            post.community, audience="members", category=category, kind="post.new",
            title=title, url=url, body=post.body[:500], level=NORMAL,
        )
    ] if featured else []  # fmt: skip
    if post.author_id:
        watch_default(
            user_id=post.author_id,
            key=f"post:{post.pk}",
            level=Level.WATCHING if post.kind == PostKind.QUESTION else Level.TRACKING,
        )
    return post_activity(
        actor=actor,
        verb="post.published",
        post=post,
        notes=[*notes, *everyone],
        watchers=note(
            post.community, category=category, kind="post.new", title=title, url=url,
            body=post.body[:500], level=TRACKING,
        ),
    )  # fmt: skip


def comment_watchers(actor: User, post: Post, comment: Comment) -> Note:
    return note(
        post.community,
        category=Category.WATCHED,
        kind="comment.new",
        title=_("%(who)s commented on “%(title)s”") % {"who": actor.name, "title": post.title},
        body=comment.body[:500],
        url=comment.get_absolute_url(),
        level=WATCHING,
        group=f"post:{post.pk}:comments",
    )
