"""Starting and editing posts (with their revision history)."""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.models import Community
from practica.communities.notify import note
from practica.communities.permissions import can_lead, check_can_write_in
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.versioning import check_version
from practica.notifications.models import Category
from practica.workgroups.permissions import check_contribute

from ..models import (
    Post,
    PostKind,
    PostRevision,
    PostStatus,
)
from ..permissions import (
    can_publish_featured,
    check_edit_post,
    check_post_in,
)
from .activity import post_activity, post_published
from .text import (
    author_snapshot,
    check_new_account_limits,
    check_text,
    mention_note,
    render,
    tags_for,
    tags_parse,
)


@transaction.atomic
def post_create(
    *,
    actor: User,
    community: Community,
    kind: str,
    title: str,
    body: str,
    tags: list[str] | str = "",
    open_days: int | None = None,
    language: str = "",
    group: Any = None,
    publish_at: datetime | None = None,
    expires_at: datetime | None = None,
) -> Post:
    """Publish a post, or queue it for review, or schedule it for `publish_at`.

    Featured posts by members are proposals; in communities that hold new members' first
    posts, a member's first discussion or question waits for a leader too. A post in a
    working group (`group`) needs the right to contribute to it. A scheduled post records
    nothing now: the scheduler publishes it (`posts_publish_due`), and only then are
    watchers told.
    """
    check_post_in(actor, community)
    check_can_write_in(actor, community)
    if group is not None:
        if group.community_id != community.pk:
            raise ServiceError(_("This working group belongs to another community."))
        check_contribute(actor, group)
    check_schedule(publish_at=publish_at, expires_at=expires_at)
    if kind not in (PostKind.FEATURED, PostKind.DISCUSSION, PostKind.QUESTION):
        raise ServiceError(_("Choose a featured post, a discussion or a question."))
    check_text(title=title, body=body)
    names = tags_parse(tags)
    check_new_account_limits(actor, what="post")
    leader = can_lead(actor, community)
    if kind == PostKind.FEATURED:
        held = not can_publish_featured(actor, community)
    else:
        held = (
            community.hold_first_posts
            and not leader
            and not Post.objects.filter(
                author=actor, community=community, status=PostStatus.PUBLISHED
            ).exists()
        )
    if held and publish_at is not None:
        raise ServiceError(
            _("This post will wait for the leaders' review, so it cannot be scheduled: "
              "leave the publication time empty.")
        )  # fmt: skip
    html, mentioned = render(body)
    now = timezone.now()
    scheduled = publish_at is not None
    starts = publish_at or now
    if held:
        status = PostStatus.PENDING
    else:
        status = PostStatus.SCHEDULED if scheduled else PostStatus.PUBLISHED
    post = Post.objects.create(
        community=community,
        group=group,
        author=actor,
        kind=kind,
        title=title.strip(),
        body=body,
        body_html=html,
        language=language,
        status=status,
        published_at=None if held or scheduled else now,
        publish_at=publish_at,
        expires_at=expires_at,
        last_activity_at=now,
        open_until=(
            starts + timedelta(days=open_days or community.featured_days)
            if kind == PostKind.FEATURED and not held
            else None
        ),
        **author_snapshot(actor),
    )
    post.tags.set(tags_for(names))
    if scheduled:
        return post
    if held:
        post_activity(
            actor=actor,
            verb="post.held",
            post=post,
            notes=[
                note(
                    community, audience="leaders", category=Category.DUTIES, kind="post.review",
                    url=reverse("community_review", args=[community.slug]),
                    title=_("A post waits for review in %(community)s: “%(title)s”")
                    % {"community": community.name, "title": post.title},
                )
            ],
        )  # fmt: skip
    else:
        post_published(
            actor=actor,
            post=post,
            notes=[
                mention_note(
                    actor=actor, handles=mentioned, community=community, title=post.title,
                    url=post.get_absolute_url(),
                )
            ],
        )  # fmt: skip
    return post


def check_schedule(*, publish_at: datetime | None, expires_at: datetime | None) -> None:
    """A publication time must be in the future, and an expiry after publication."""
    now = timezone.now()
    if publish_at is not None and publish_at <= now:
        raise ServiceError(
            _("The publication time has already passed: choose a later time, or leave it "
              "empty to publish now.")
        )  # fmt: skip
    if expires_at is not None:
        if expires_at <= now:
            raise ServiceError(_("The expiry time has already passed: choose a later time."))
        if publish_at is not None and expires_at <= publish_at:
            raise ServiceError(_("The post must expire after it is published."))


def lock_post(post: Post) -> Post:
    return Post.objects.select_for_update().select_related("community").get(pk=post.pk)


def revision(post: Post, editor: User, reason: str = "") -> None:
    PostRevision.objects.create(
        post=post,
        editor=editor,
        title=post.title,
        body=post.body,
        tags=", ".join(post.tags.values_list("name", flat=True)),
        reason=reason[:300],
    )


@transaction.atomic
def post_edit(
    *,
    actor: User,
    post: Post,
    title: str,
    body: str,
    tags: list[str] | str,
    reason: str = "",
    version: int | None = None,
    language: str | None = None,
) -> Post:
    """Change a post, keeping the previous text in its history.

    `version` is the one the editor read: `EditConflict` if someone saved since. A returned
    post that its author edits goes back to the review queue.
    """
    post = lock_post(post)
    check_edit_post(actor, post)
    check_can_write_in(actor, post.community)
    check_text(title=title, body=body)
    names = tags_parse(tags)
    unchanged = (
        title.strip() == post.title
        and body == post.body
        and names == list(post.tags.order_by("name").values_list("name", flat=True))
        and (language is None or language == post.language)
    )
    if unchanged and post.status != PostStatus.RETURNED:
        return post
    check_version(post, version)
    _old_html, before = render(post.body)
    revision(post, actor, reason)
    post.title = title.strip()
    post.body = body
    if language is not None:
        post.language = language
    post.body_html, mentioned = render(body)
    if post.status == PostStatus.PUBLISHED:
        post.edited_at = timezone.now()
    post.save()
    post.tags.set(tags_for(names))
    if post.status == PostStatus.RETURNED and actor.pk == post.author_id:
        post.status = PostStatus.PENDING
        post.save(update_fields=["status"])
        post_activity(
            actor=actor,
            verb="post.resubmitted",
            post=post,
            notes=[
                note(
                    post.community, audience="leaders", category=Category.DUTIES,
                    kind="post.review", url=reverse("community_review", args=[post.community.slug]),
                    title=_("“%(title)s” was revised and waits for review") % {"title": post.title},
                )
            ],
        )  # fmt: skip
    if actor.pk != post.author_id:
        audit_record(
            actor=actor, action="post.edit", target=post, scope=post.community.slug, reason=reason
        )
    if post.status == PostStatus.PUBLISHED and mentioned - before:
        post_activity(
            actor=actor,
            verb="post.edited",
            post=post,
            notes=[
                mention_note(
                    actor=actor, handles=mentioned - before, community=post.community,
                    title=post.title, url=post.get_absolute_url(),
                )
            ],
        )  # fmt: skip
    return post
