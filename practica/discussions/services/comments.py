"""Comments, replies, reactions, accepted answers and read marks."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.notify import note
from practica.communities.permissions import check_can_write_in
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.versioning import check_version
from practica.notifications.models import Category, Level
from practica.notifications.watching import watch_default

from ..models import (
    COMMENT_MAX,
    Comment,
    CommentRevision,
    Post,
    PostRead,
    Reaction,
    ReactionKind,
)
from ..permissions import (
    check_accept_answer,
    check_delete_comment,
    check_edit_comment,
    check_react,
    comment_blocker,
    is_answer_candidate,
)
from ..reading import Mark
from .activity import comment_watchers, post_activity
from .posts import lock_post
from .text import (
    author_snapshot,
    check_new_account_limits,
    check_text,
    mention_note,
    render,
)

COMMENT_BLOCKED = {
    "sign_in": _("Sign in to take part."),
    "unpublished": _("This post is not published, so it takes no comments."),
    "not_member": _("Only members of this community can comment. Join it first."),
    "locked": _("This thread is locked: it takes no new comments."),
    "closed": _("This featured post is closed: its discussion period has ended."),
    "archived": _("This community is archived and takes no new comments."),
    "group_archived": _("This working group is archived: its posts take no new comments."),
}


@transaction.atomic
def comment_create(*, actor: User, post: Post, body: str, parent: Comment | None = None) -> Comment:
    post = lock_post(post)
    blocker = comment_blocker(actor, post)
    if blocker in COMMENT_BLOCKED:
        raise ServiceError(str(COMMENT_BLOCKED[blocker]))
    if blocker is not None:
        check_can_write_in(actor, post.community)
    check_text(title=None, body=body, body_max=COMMENT_MAX)
    if parent is not None:
        if parent.post_id != post.pk:
            raise ServiceError(_("You can only reply to a comment on this post."))
        if parent.is_deleted:
            raise ServiceError(_("That comment was removed; reply to the post instead."))
    check_new_account_limits(actor, what="comment")
    html, mentioned = render(body)
    comment = Comment.objects.create(
        post=post, parent=parent, author=actor, body=body, body_html=html, **author_snapshot(actor)
    )
    Post.objects.filter(pk=post.pk).update(
        comment_count=F("comment_count") + 1, last_activity_at=comment.created_at
    )
    url = comment.get_absolute_url()
    words = {"who": actor.name, "title": post.title}
    notes = []
    if parent is not None:
        notes.append(
            note(
                post.community, to=[parent.author_id], category=Category.REPLIES,
                kind="comment.reply", url=url, body=body[:500],
                title=_("%(who)s replied to you on “%(title)s”") % words,
            )
        )  # fmt: skip
    notes.append(
        note(
            post.community, to=[post.author_id], category=Category.REPLIES, kind="comment.new",
            url=url, body=body[:500], title=_("%(who)s commented on “%(title)s”") % words,
        )
    )  # fmt: skip
    notes.append(
        mention_note(
            actor=actor, handles=mentioned, community=post.community, title=post.title, url=url
        )
    )
    watch_default(user_id=actor.pk, key=f"post:{post.pk}", level=Level.TRACKING)
    post_activity(
        actor=actor,
        verb="comment.created",
        post=post,
        comment=comment,
        notes=notes,
        watchers=comment_watchers(actor, post, comment),
    )
    return comment


@transaction.atomic
def comment_edit(
    *, actor: User, comment: Comment, body: str, version: int | None = None
) -> Comment:
    """Change a comment, keeping the previous text in its history; `EditConflict` if it was
    saved by someone else (its author, a leader) since the editor read `version`."""
    comment = Comment.objects.select_for_update().select_related("post").get(pk=comment.pk)
    check_edit_comment(actor, comment)
    check_can_write_in(actor, comment.post.community)
    check_text(title=None, body=body, body_max=COMMENT_MAX)
    if body == comment.body:
        return comment
    check_version(comment, version)
    CommentRevision.objects.create(comment=comment, editor=actor, body=comment.body)
    comment.body = body
    comment.body_html, _mentioned = render(body)
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
    post = lock_post(post)
    check_accept_answer(actor, post)
    if comment is not None and (comment.post_id != post.pk or comment.is_deleted):
        raise ServiceError(_("Choose a comment on this question."))
    if comment is not None and not is_answer_candidate(post, comment):
        raise ServiceError(
            _("The accepted answer must come from someone other than the person who asked.")
        )
    post.accepted_answer = comment
    post.save(update_fields=["accepted_answer", "updated_at"])
    if comment is not None:
        post_activity(
            actor=actor,
            verb="answer.accepted",
            post=post,
            comment=comment,
            notes=[
                note(
                    post.community, to=[comment.author_id], category=Category.REPLIES,
                    kind="answer.accepted", url=comment.get_absolute_url(),
                    title=_("Your answer to “%(title)s” was accepted") % {"title": post.title},
                )
            ],
        )  # fmt: skip
    return post


def post_mark_read(*, user: User, post: Post, previous: Mark | None, now: Mark) -> None:
    """Record that the reader has been shown the comments of `post` that `now` covers.

    `previous` is the mark read at the start of the request (None: never opened). Writes
    only when the mark changed or the thread was never opened, so rereading a page costs
    no write."""
    if not user.is_authenticated or (previous is not None and now == previous):
        return
    PostRead.objects.update_or_create(
        user=user,
        post=post,
        defaults={
            "last_comment_id": now.up_to,
            "seen_after": sorted(now.seen),
            "read_at": timezone.now(),
        },
    )
