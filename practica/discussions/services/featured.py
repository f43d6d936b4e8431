"""Featured threads: their summary, and closing them when their period ends."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.notify import note, tell
from practica.communities.permissions import check_can_write_in, check_not_suspended
from practica.communities.selectors import leader_ids
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.notifications.models import Category

from ..models import (
    Post,
    PostKind,
    PostStatus,
)
from ..permissions import (
    check_moderate,
)
from .activity import post_published
from .posts import lock_post
from .text import author_snapshot, check_text, mention_note, render, tags_for, tags_parse


@transaction.atomic
def summary_create(
    *, actor: User, thread: Post, title: str, body: str, tags: list[str] | str = ""
) -> Post:
    """Close a featured thread with a summary post linked to it."""
    thread = lock_post(thread)
    check_moderate(actor, thread)
    check_not_suspended(actor, thread.community)
    check_can_write_in(actor, thread.community)
    if thread.kind != PostKind.FEATURED or not thread.is_published:
        raise ServiceError(_("Only published featured posts take a summary."))
    if Post.objects.filter(summary_of=thread, deleted_at__isnull=True).exists():
        raise ServiceError(_("This thread already has a summary."))
    check_text(title=title, body=body)
    names = tags_parse(tags)
    now = timezone.now()
    if not thread.is_closed:  # summarising closes the discussion
        thread.open_until = now
        thread.save(update_fields=["open_until", "updated_at"])
    html, mentioned = render(body)
    summary = Post.objects.create(
        community=thread.community,
        author=actor,
        kind=PostKind.SUMMARY,
        title=title.strip(),
        body=body,
        body_html=html,
        status=PostStatus.PUBLISHED,
        published_at=now,
        last_activity_at=now,
        summary_of=thread,
        **author_snapshot(actor),
    )
    summary.tags.set(tags_for(names or list(thread.tags.values_list("name", flat=True))))
    audit_record(actor=actor, action="post.summarise", target=thread, scope=thread.community.slug)
    post_published(
        actor=actor,
        post=summary,
        notes=[
            note(
                thread.community, to=[thread.author_id], category=Category.FEATURED,
                kind="post.summarised", url=thread.get_absolute_url(),
                title=_("“%(title)s” has been summarised") % {"title": thread.title},
            ),
            mention_note(
                actor=actor, handles=mentioned, community=thread.community,
                title=summary.title, url=summary.get_absolute_url(),
            ),
        ],
    )  # fmt: skip
    return summary


def featured_close_due(*, now: Any = None) -> int:
    """Record the closure of featured posts whose period has ended; tell author and leaders.

    Safe to run at any time and any number of times: each post is recorded once.
    """
    now = now or timezone.now()
    due = Post.objects.filter(
        kind=PostKind.FEATURED,
        status=PostStatus.PUBLISHED,
        deleted_at__isnull=True,
        open_until__lte=now,
        closure_recorded_at__isnull=True,
    ).select_related("community")
    closed = 0
    for post in due[:500]:
        with transaction.atomic():
            updated = Post.objects.filter(pk=post.pk, closure_recorded_at__isnull=True).update(
                closure_recorded_at=now
            )
            if not updated:
                continue
            closed += 1
            tell(
                post.community,
                to={post.author_id, *leader_ids(community=post.community)},
                verb="post.closed",
                actor=None,
                target=post,
                category=Category.DUTIES,
                title=_("The featured post “%(title)s” is now closed") % {"title": post.title},
                body=_("Leaders can now write its summary."),
                url=post.get_absolute_url(),
            )
    return closed
