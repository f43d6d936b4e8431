"""Leaders' actions on a thread: pin, lock, delete, restore, reopen, move."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import is_staff
from practica.communities.models import Community
from practica.communities.notify import tell
from practica.communities.permissions import can_lead, check_not_suspended
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.notifications.models import Category

from ..models import (
    Post,
    PostKind,
)
from ..permissions import (
    check_moderate,
    check_restore,
)
from ..signals import post_changed
from .posts import lock_post


@transaction.atomic
def post_moderate(*, actor: User, post: Post, action: str, reason: str = "") -> Post:
    """Pin, lock, delete (soft), restore (staff), feature on the home page (staff)."""
    post = lock_post(post)
    if action == "restore":
        check_restore(actor)
        post.deleted_at, post.deleted_by = None, None
    else:
        check_moderate(actor, post)
        check_not_suspended(actor, post.community)
        if action in ("feature", "unfeature"):
            if not is_staff(actor):
                raise ServiceError(_("Only the host staff feature posts on the home page."))
            if not post.is_open_featured and action == "feature":
                raise ServiceError(_("Only open featured posts can go on the home page."))
            post.platform_featured = action == "feature"
        elif action in ("pin", "unpin"):
            post.pinned = action == "pin"
        elif action in ("lock", "unlock"):
            post.locked = action == "lock"
        elif action == "delete":
            post.deleted_at, post.deleted_by = timezone.now(), actor
        else:
            raise ServiceError(_("Unknown action."))
    post.save()
    audit_record(
        actor=actor, action=f"post.{action}", target=post, scope=post.community.slug, reason=reason
    )
    return post


@transaction.atomic
def post_reopen(*, actor: User, post: Post, days: int) -> Post:
    """Open a closed (or locked) thread again; featured posts get a new period."""
    post = lock_post(post)
    check_moderate(actor, post)
    check_not_suspended(actor, post.community)
    if not 1 <= days <= 365:
        raise ServiceError(_("Choose between 1 and 365 days."))
    post.locked = False
    if post.kind == PostKind.FEATURED:
        post.open_until = timezone.now() + timedelta(days=days)
        post.closure_recorded_at = None
    post.save()
    audit_record(actor=actor, action="post.reopen", target=post, scope=post.community.slug)
    return post


@transaction.atomic
def post_move(*, actor: User, post: Post, target: Community) -> Post:
    """Move a thread (with its summary) to another community the actor also leads."""
    post = lock_post(post)
    check_moderate(actor, post)
    check_not_suspended(actor, post.community)
    if target.pk == post.community_id:
        raise ServiceError(_("The post is already in this community."))
    if not can_lead(actor, target) or not target.is_active:
        raise ServiceError(_("You can only move posts to active communities you lead."))
    if post.group_id is not None:
        raise ServiceError(_("A working group's posts stay in its community."))
    source = post.community
    Post.objects.filter(pk=post.pk).update(community=target)
    Post.objects.filter(summary_of=post).update(community=target)
    post_changed(post.pk, *Post.objects.filter(summary_of=post).values_list("pk", flat=True))
    post.refresh_from_db()
    audit_record(
        actor=actor,
        action="post.move",
        target=post,
        scope=target.slug,
        data={"from": source.slug, "to": target.slug},
    )
    tell(
        target,
        to=[post.author_id] if post.author_id != actor.pk else [],
        verb="post.moved",
        actor=actor,
        target=post,
        category=Category.DECISIONS,
        title=_("Your post “%(title)s” was moved to %(community)s")
        % {"title": post.title, "community": target.name},
        url=post.get_absolute_url(),
    )
    return post
