"""Reviewing proposed posts: publish (possibly edited), return with comments, decline."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.notify import note, tell
from practica.communities.permissions import check_not_suspended
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.versioning import check_version
from practica.notifications.models import Category

from ..models import (
    Post,
    PostKind,
    PostStatus,
)
from ..permissions import (
    check_review,
)
from .activity import post_published
from .posts import lock_post, revision
from .text import check_text, mention_note, render


def _check_pending(post: Post) -> None:
    if post.status != PostStatus.PENDING:
        raise ServiceError(_("This post is not waiting for review."))


@transaction.atomic
def post_publish(
    *,
    actor: User,
    post: Post,
    title: str | None = None,
    body: str | None = None,
    open_days: int | None = None,
    version: int | None = None,
) -> Post:
    """Publish a post from the review queue, possibly edited; the author sees what changed.

    `version` is the one the reviewer read: `EditConflict` if the author revised it since."""
    post = lock_post(post)
    check_review(actor, post.community)
    check_not_suspended(actor, post.community)
    _check_pending(post)
    title = post.title if title is None else title
    body = post.body if body is None else body
    check_text(title=title, body=body)
    check_version(post, version)
    edited = title.strip() != post.title or body != post.body
    if edited:
        revision(post, actor, _("Edited by %(who)s when publishing") % {"who": actor.name})
        post.title, post.body = title.strip(), body
    post.body_html, mentioned = render(post.body)
    now = timezone.now()
    post.status = PostStatus.PUBLISHED
    post.published_at = now
    post.last_activity_at = now
    post.reviewed_by = actor
    if post.kind == PostKind.FEATURED:
        post.open_until = now + timedelta(days=open_days or post.community.featured_days)
    post.save()
    audit_record(actor=actor, action="post.publish", target=post, scope=post.community.slug)
    url = post.get_absolute_url()
    post_published(
        actor=actor,
        post=post,
        notes=[
            note(
                post.community, to=[post.author_id], category=Category.DECISIONS,
                kind="post.published", url=url,
                title=_("Your post “%(title)s” is published") % {"title": post.title},
                body=_("%(who)s edited it before publishing; its history shows what changed.")
                % {"who": actor.name} if edited else "",
            ),
            mention_note(
                actor=post.author, handles=mentioned, community=post.community,
                title=post.title, url=url,
            ),
        ],
    )  # fmt: skip
    return post


def _refuse(*, actor: User, post: Post, status: str, note: str, missing: str) -> Post:
    post = lock_post(post)
    check_review(actor, post.community)
    check_not_suspended(actor, post.community)
    _check_pending(post)
    if not note.strip():
        raise ServiceError(missing)
    post.status = status
    post.review_note = note.strip()
    post.reviewed_by = actor
    post.save()
    audit_record(
        actor=actor, action=f"post.{status}", target=post, scope=post.community.slug, reason=note
    )
    return post


@transaction.atomic
def post_return(*, actor: User, post: Post, note: str) -> Post:
    """Send a proposal back to its author with comments; their edit re-submits it."""
    post = _refuse(
        actor=actor, post=post, status=PostStatus.RETURNED, note=note,
        missing=_("Tell the author what to change."),
    )  # fmt: skip
    tell(
        post.community,
        to=[post.author_id],
        verb="post.returned",
        actor=actor,
        target=post,
        category=Category.DECISIONS,
        title=_("Your post “%(title)s” was returned with comments") % {"title": post.title},
        body=post.review_note,
        url=post.get_absolute_url(),
    )
    return post


@transaction.atomic
def post_decline(*, actor: User, post: Post, reason: str) -> Post:
    post = _refuse(
        actor=actor, post=post, status=PostStatus.DECLINED, note=reason,
        missing=_("Please give the author a reason."),
    )  # fmt: skip
    tell(
        post.community,
        to=[post.author_id],
        verb="post.declined",
        actor=actor,
        target=post,
        category=Category.DECISIONS,
        title=_("Your post “%(title)s” was declined") % {"title": post.title},
        body=_("Reason: %(reason)s") % {"reason": post.review_note},
        url=post.get_absolute_url(),
    )
    return post
