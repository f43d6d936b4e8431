"""Writes for posts, comments, reactions and reviews.

Every service checks permission through `permissions`, runs in one transaction, and ends
with its side effects: notifications (queued on commit) and audit rows for moderation.
"""

import re
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write, is_staff
from practica.communities.models import Community
from practica.communities.notify import notify_about
from practica.communities.permissions import can_lead, can_see_content
from practica.communities.selectors import leader_ids
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.markdown import render_with_mentions

from .models import (
    BODY_MAX,
    COMMENT_MAX,
    TAG_MAX,
    TAGS_MAX,
    TITLE_MAX,
    Comment,
    CommentRevision,
    Post,
    PostKind,
    PostRead,
    PostRevision,
    PostStatus,
    Reaction,
    ReactionKind,
    Tag,
)
from .permissions import (
    can_publish_featured,
    check_accept_answer,
    check_delete_comment,
    check_edit_comment,
    check_edit_post,
    check_moderate,
    check_post_in,
    check_react,
    check_restore,
    check_review,
    comment_blocker,
)
from .signals import post_changed

COMMENT_BLOCKED = {
    "sign_in": _("Sign in to take part."),
    "unpublished": _("This post is not published, so it takes no comments."),
    "not_member": _("Only members of this community can comment. Join it first."),
    "locked": _("This thread is locked: it takes no new comments."),
    "closed": _("This featured post is closed: its discussion period has ended."),
    "archived": _("This community is archived and takes no new comments."),
}

# --- Text ---------------------------------------------------------------------------------


def _render(body: str) -> tuple[str, set[str]]:
    def resolve(handles: list[str]) -> dict[str, str]:
        people = User.objects.filter(handle__in=handles, is_active=True).values_list("handle", "pk")
        return {handle: reverse("person_detail", args=[pk]) for handle, pk in people if handle}

    return render_with_mentions(body, resolve)


def _notify_mentions(
    *, actor: User, handles: set[str], community: Community, title: str, url: str
) -> None:
    """Tell mentioned people, but only those who may read where they were mentioned."""
    if not handles:
        return
    readers = User.objects.filter(handle__in=handles, is_active=True).exclude(pk=actor.pk)
    allowed = [u.pk for u in readers if can_see_content(u, community)]
    notify_about(
        community,
        user_ids=allowed,
        kind="mention",
        title=_("%(who)s mentioned you in “%(title)s”") % {"who": actor.name, "title": title},
        url=url,
        email=False,
    )


def _check_text(*, title: str | None, body: str, body_max: int = BODY_MAX) -> None:
    if title is not None:
        if not title.strip():
            raise ServiceError(_("Give the post a title."))
        if len(title) > TITLE_MAX:
            raise ServiceError(_("Titles are at most %(n)s characters.") % {"n": TITLE_MAX})
    if not body.strip():
        raise ServiceError(_("Write something: the text cannot be empty."))
    if len(body) > body_max:
        raise ServiceError(
            _("The text is %(len)s characters long; the limit is %(n)s.")
            % {"len": len(body), "n": body_max}
        )


def normalise_tag(raw: str) -> str:
    """ "  Drug   Courts " and "#drug courts" are the same tag: "drug courts"."""
    return re.sub(r"\s+", " ", raw.strip().lstrip("#").strip()).lower()


def tags_parse(raw: str | list[str]) -> list[str]:
    parts = raw if isinstance(raw, list) else raw.split(",")
    names = list(dict.fromkeys(n for n in (normalise_tag(p) for p in parts) if n))
    if len(names) > TAGS_MAX:
        raise ServiceError(_("At most %(n)s tags.") % {"n": TAGS_MAX})
    too_long = [n for n in names if len(n) > TAG_MAX]
    if too_long:
        raise ServiceError(
            _("Tags are at most %(n)s characters: %(tags)s")
            % {"n": TAG_MAX, "tags": ", ".join(too_long)}
        )
    return names


def tags_for(names: list[str]) -> list[Tag]:
    tags = []
    for name in names:
        slug = slugify(name, allow_unicode=True) or f"tag-{abs(hash(name)) % 10**8}"
        tag = Tag.objects.filter(name=name).first()
        if tag is None:
            while Tag.objects.filter(slug=slug).exists():
                slug = f"{slug}-2"
            try:
                with transaction.atomic():
                    tag = Tag.objects.create(name=name, slug=slug)
            except IntegrityError:  # created by a concurrent request
                tag = Tag.objects.get(name=name)
        tags.append(tag)
    return tags


def author_snapshot(author: User) -> dict[str, str]:
    """Who the author is now, kept on what they write."""
    return {
        "author_name": author.name,
        "author_occupation": str(author.get_occupation_display()) if author.occupation else "",
        "author_affiliation": author.affiliation,
    }


# --- Limits for new accounts ------------------------------------------------------------------


def _check_new_account_limits(actor: User, *, what: str) -> None:
    """New accounts write a little at first: a brake on spam that regular members never meet."""
    limits = settings.PRACTICA_NEW_ACCOUNT_LIMITS
    if is_staff(actor) or actor.date_joined < timezone.now() - timedelta(hours=limits["hours"]):
        return
    since = timezone.now() - timedelta(hours=limits["hours"])
    if what == "post":
        recent = Post.objects.filter(author=actor, created_at__gte=since)
        if recent.count() >= limits["posts"]:
            raise ServiceError(
                _("New accounts may start %(n)s posts on their first day. Please come back "
                  "tomorrow; your text is kept below.") % {"n": limits["posts"]}
            )  # fmt: skip
        interval = timezone.now() - timedelta(seconds=limits["post_interval_seconds"])
        if recent.filter(created_at__gte=interval).exists():
            raise ServiceError(
                _("Please wait %(s)s seconds between posts.")
                % {"s": limits["post_interval_seconds"]}
            )
    else:
        count = Comment.objects.filter(author=actor, created_at__gte=since).count()
        if count >= limits["comments"]:
            raise ServiceError(
                _("New accounts may write %(n)s comments on their first day. Please come "
                  "back tomorrow; your text is kept below.") % {"n": limits["comments"]}
            )  # fmt: skip


# --- Posts ------------------------------------------------------------------------------------


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
) -> Post:
    """Publish a post, or queue it for review.

    Featured posts by members are proposals; in communities that hold new members' first
    posts, a member's first discussion or question waits for a leader too.
    """
    check_post_in(actor, community)
    check_can_write(actor)
    if kind not in (PostKind.FEATURED, PostKind.DISCUSSION, PostKind.QUESTION):
        raise ServiceError(_("Choose a featured post, a discussion or a question."))
    _check_text(title=title, body=body)
    names = tags_parse(tags)
    _check_new_account_limits(actor, what="post")
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
    html, mentioned = _render(body)
    now = timezone.now()
    post = Post.objects.create(
        community=community,
        author=actor,
        kind=kind,
        title=title.strip(),
        body=body,
        body_html=html,
        status=PostStatus.PENDING if held else PostStatus.PUBLISHED,
        published_at=None if held else now,
        last_activity_at=now,
        open_until=(
            now + timedelta(days=open_days or community.featured_days)
            if kind == PostKind.FEATURED and not held
            else None
        ),
        **author_snapshot(actor),
    )
    post.tags.set(tags_for(names))
    if held:
        notify_about(
            community,
            user_ids=[uid for uid in leader_ids(community=community) if uid != actor.pk],
            kind="post.review",
            title=_("A post waits for review in %(community)s: “%(title)s”")
            % {"community": community.name, "title": post.title},
            url=reverse("community_review", args=[community.slug]),
        )
    else:
        _notify_mentions(
            actor=actor,
            handles=mentioned,
            community=community,
            title=post.title,
            url=post.get_absolute_url(),
        )
    return post


def _lock_post(post: Post) -> Post:
    return Post.objects.select_for_update().select_related("community").get(pk=post.pk)


def _revision(post: Post, editor: User, reason: str = "") -> None:
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
    *, actor: User, post: Post, title: str, body: str, tags: list[str] | str, reason: str = ""
) -> Post:
    """Change a post, keeping the previous text in its history.

    A returned post that its author edits goes back to the review queue.
    """
    post = _lock_post(post)
    check_edit_post(actor, post)
    check_can_write(actor)
    _check_text(title=title, body=body)
    names = tags_parse(tags)
    unchanged = (
        title.strip() == post.title
        and body == post.body
        and names == list(post.tags.order_by("name").values_list("name", flat=True))
    )
    if unchanged and post.status != PostStatus.RETURNED:
        return post
    _old_html, before = _render(post.body)
    _revision(post, actor, reason)
    post.title = title.strip()
    post.body = body
    post.body_html, mentioned = _render(body)
    if post.status == PostStatus.PUBLISHED:
        post.edited_at = timezone.now()
    post.save()
    post.tags.set(tags_for(names))
    if post.status == PostStatus.RETURNED and actor.pk == post.author_id:
        post.status = PostStatus.PENDING
        post.save(update_fields=["status"])
        notify_about(
            post.community,
            user_ids=leader_ids(community=post.community),
            kind="post.review",
            title=_("“%(title)s” was revised and waits for review") % {"title": post.title},
            url=reverse("community_review", args=[post.community.slug]),
        )
    if actor.pk != post.author_id:
        audit_record(
            actor=actor, action="post.edit", target=post, scope=post.community.slug, reason=reason
        )
    if post.status == PostStatus.PUBLISHED:
        _notify_mentions(
            actor=actor,
            handles=mentioned - before,
            community=post.community,
            title=post.title,
            url=post.get_absolute_url(),
        )
    return post


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
) -> Post:
    """Publish a post from the review queue, possibly edited; the author sees what changed."""
    post = _lock_post(post)
    check_review(actor, post.community)
    _check_pending(post)
    title = post.title if title is None else title
    body = post.body if body is None else body
    _check_text(title=title, body=body)
    edited = title.strip() != post.title or body != post.body
    if edited:
        _revision(post, actor, _("Edited by %(who)s when publishing") % {"who": actor.name})
        post.title, post.body = title.strip(), body
    post.body_html, mentioned = _render(post.body)
    now = timezone.now()
    post.status = PostStatus.PUBLISHED
    post.published_at = now
    post.last_activity_at = now
    post.reviewed_by = actor
    if post.kind == PostKind.FEATURED:
        post.open_until = now + timedelta(days=open_days or post.community.featured_days)
    post.save()
    audit_record(actor=actor, action="post.publish", target=post, scope=post.community.slug)
    notify_about(
        post.community,
        user_ids=[post.author_id],
        kind="post.published",
        title=_("Your post “%(title)s” is published") % {"title": post.title},
        body=_("%(who)s edited it before publishing; its history shows what changed.")
        % {"who": actor.name}
        if edited
        else "",
        url=post.get_absolute_url(),
    )
    _notify_mentions(
        actor=post.author,
        handles=mentioned,
        community=post.community,
        title=post.title,
        url=post.get_absolute_url(),
    )
    return post


def _refuse(*, actor: User, post: Post, status: str, note: str, missing: str) -> Post:
    post = _lock_post(post)
    check_review(actor, post.community)
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
    notify_about(
        post.community,
        user_ids=[post.author_id],
        kind="post.returned",
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
    notify_about(
        post.community,
        user_ids=[post.author_id],
        kind="post.declined",
        title=_("Your post “%(title)s” was declined") % {"title": post.title},
        body=_("Reason: %(reason)s") % {"reason": post.review_note},
        url=post.get_absolute_url(),
    )
    return post


@transaction.atomic
def post_moderate(*, actor: User, post: Post, action: str, reason: str = "") -> Post:
    """Pin, lock, delete (soft), restore (staff), feature on the home page (staff)."""
    post = _lock_post(post)
    if action == "restore":
        check_restore(actor)
        post.deleted_at, post.deleted_by = None, None
    else:
        check_moderate(actor, post)
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
    post = _lock_post(post)
    check_moderate(actor, post)
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
    post = _lock_post(post)
    check_moderate(actor, post)
    if target.pk == post.community_id:
        raise ServiceError(_("The post is already in this community."))
    if not can_lead(actor, target) or not target.is_active:
        raise ServiceError(_("You can only move posts to active communities you lead."))
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
    notify_about(
        target,
        user_ids=[post.author_id] if post.author_id != actor.pk else [],
        kind="post.moved",
        title=_("Your post “%(title)s” was moved to %(community)s")
        % {"title": post.title, "community": target.name},
        url=post.get_absolute_url(),
        email=False,
    )
    return post


@transaction.atomic
def summary_create(
    *, actor: User, thread: Post, title: str, body: str, tags: list[str] | str = ""
) -> Post:
    """Close a featured thread with a summary post linked to it."""
    thread = _lock_post(thread)
    check_moderate(actor, thread)
    check_can_write(actor)
    if thread.kind != PostKind.FEATURED or not thread.is_published:
        raise ServiceError(_("Only published featured posts take a summary."))
    if Post.objects.filter(summary_of=thread, deleted_at__isnull=True).exists():
        raise ServiceError(_("This thread already has a summary."))
    _check_text(title=title, body=body)
    names = tags_parse(tags)
    now = timezone.now()
    if not thread.is_closed:  # summarising closes the discussion
        thread.open_until = now
        thread.save(update_fields=["open_until", "updated_at"])
    html, mentioned = _render(body)
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
    notify_about(
        thread.community,
        user_ids=[thread.author_id] if thread.author_id != actor.pk else [],
        kind="post.summarised",
        title=_("“%(title)s” has been summarised") % {"title": thread.title},
        url=thread.get_absolute_url(),
    )
    _notify_mentions(
        actor=actor,
        handles=mentioned,
        community=thread.community,
        title=summary.title,
        url=summary.get_absolute_url(),
    )
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
            notify_about(
                post.community,
                user_ids={post.author_id, *leader_ids(community=post.community)},
                kind="post.closed",
                title=_("The featured post “%(title)s” is now closed") % {"title": post.title},
                body=_("Leaders can now write its summary."),
                url=post.get_absolute_url(),
            )
    return closed


# --- Comments -------------------------------------------------------------------------------------


@transaction.atomic
def comment_create(*, actor: User, post: Post, body: str, parent: Comment | None = None) -> Comment:
    post = _lock_post(post)
    blocker = comment_blocker(actor, post)
    if blocker in COMMENT_BLOCKED:
        raise ServiceError(str(COMMENT_BLOCKED[blocker]))
    if blocker is not None:
        check_can_write(actor)
    _check_text(title=None, body=body, body_max=COMMENT_MAX)
    if parent is not None:
        if parent.post_id != post.pk:
            raise ServiceError(_("You can only reply to a comment on this post."))
        if parent.is_deleted:
            raise ServiceError(_("That comment was removed; reply to the post instead."))
    _check_new_account_limits(actor, what="comment")
    html, mentioned = _render(body)
    comment = Comment.objects.create(
        post=post, parent=parent, author=actor, body=body, body_html=html, **author_snapshot(actor)
    )
    Post.objects.filter(pk=post.pk).update(
        comment_count=F("comment_count") + 1, last_activity_at=comment.created_at
    )
    url = comment.get_absolute_url()
    told = {actor.pk}
    if parent is not None and parent.author_id not in told:
        notify_about(
            post.community,
            user_ids=[parent.author_id],
            kind="comment.reply",
            title=_("%(who)s replied to you on “%(title)s”")
            % {"who": actor.name, "title": post.title},
            url=url,
            email=False,
        )
        told.add(parent.author_id)
    if post.author_id not in told:
        notify_about(
            post.community,
            user_ids=[post.author_id],
            kind="comment.new",
            title=_("%(who)s commented on “%(title)s”") % {"who": actor.name, "title": post.title},
            url=url,
            email=False,
        )
        told.add(post.author_id)
    already_told = User.objects.filter(pk__in=told).exclude(handle=None)
    handles = mentioned - {u.handle for u in already_told if u.handle}
    _notify_mentions(
        actor=actor, handles=handles, community=post.community, title=post.title, url=url
    )
    return comment


@transaction.atomic
def comment_edit(*, actor: User, comment: Comment, body: str) -> Comment:
    comment = Comment.objects.select_for_update().select_related("post").get(pk=comment.pk)
    check_edit_comment(actor, comment)
    check_can_write(actor)
    _check_text(title=None, body=body, body_max=COMMENT_MAX)
    if body == comment.body:
        return comment
    CommentRevision.objects.create(comment=comment, editor=actor, body=comment.body)
    comment.body = body
    comment.body_html, _mentioned = _render(body)
    comment.edited_at = timezone.now()
    comment.save()
    return comment


@transaction.atomic
def comment_delete(*, actor: User, comment: Comment, reason: str = "") -> Comment:
    """Remove a comment's text; it shows as removed and its replies stay in place."""
    comment = Comment.objects.select_for_update().select_related("post").get(pk=comment.pk)
    check_delete_comment(actor, comment)
    comment.deleted_at = timezone.now()
    comment.deleted_by = actor
    comment.save(update_fields=["deleted_at", "deleted_by"])
    Post.objects.filter(pk=comment.post_id).update(comment_count=F("comment_count") - 1)
    Post.objects.filter(pk=comment.post_id, accepted_answer=comment).update(accepted_answer=None)
    if actor.pk != comment.author_id:
        audit_record(
            actor=actor,
            action="comment.delete",
            target=comment,
            scope=comment.post.community.slug,
            reason=reason,
        )
    return comment


@transaction.atomic
def reaction_toggle(*, actor: User, comment: Comment, kind: str) -> bool:
    """Add the reaction, or take it back if it was there; returns whether it is now on."""
    check_react(actor, comment)
    if kind not in ReactionKind.values:
        raise ServiceError(_("Unknown reaction."))
    deleted, _details = Reaction.objects.filter(comment=comment, user=actor, kind=kind).delete()
    if deleted:
        return False
    Reaction.objects.get_or_create(comment=comment, user=actor, kind=kind)
    return True


@transaction.atomic
def answer_accept(*, actor: User, post: Post, comment: Comment | None) -> Post:
    """Mark `comment` as the accepted answer to the question (None to clear it)."""
    post = _lock_post(post)
    check_accept_answer(actor, post)
    if comment is not None and (comment.post_id != post.pk or comment.is_deleted):
        raise ServiceError(_("Choose a comment on this question."))
    post.accepted_answer = comment
    post.save(update_fields=["accepted_answer", "updated_at"])
    if comment is not None and comment.author_id != actor.pk:
        notify_about(
            post.community,
            user_ids=[comment.author_id],
            kind="answer.accepted",
            title=_("Your answer to “%(title)s” was accepted") % {"title": post.title},
            url=comment.get_absolute_url(),
            email=False,
        )
    return post


def post_mark_read(*, user: User, post: Post) -> None:
    """Remember the visit, writing only when the thread has news since the last one: lists
    compare the mark with the last activity, and a read page should not need a write."""
    if not user.is_authenticated:
        return
    seen = PostRead.objects.filter(user=user, post=post).values_list("read_at", flat=True).first()
    if seen is None or seen < post.last_activity_at:
        PostRead.objects.update_or_create(
            user=user, post=post, defaults={"read_at": timezone.now()}
        )
