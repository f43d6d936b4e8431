"""Who may read, write and moderate posts and comments.

Builds on the community permission layer: reading a post is reading its community's
content; writing needs membership and an unblocked account; moderating is leading.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Community
from practica.communities.permissions import (
    can_lead,
    can_see_content,
    check_can_write_in,
    check_not_suspended,
    is_member,
    is_suspended_in,
    write_blocker_in,
)
from practica.workgroups.permissions import can_see_group_content

from .models import Comment, Post, PostKind, PostStatus


def can_see_post(user: Any, post: Post) -> bool:
    """Published posts follow the community (and their working group, if it keeps its
    posts to its members); drafts and scheduled posts only their author and its leaders."""
    if not can_see_content(user, post.community):
        return False
    if post.group is not None and not can_see_group_content(user, post.group, post.community):
        return False
    if post.deleted_at is not None:
        return is_staff(user)
    if post.hidden_at is not None:
        return (is_active_user(user) and post.author_id == user.pk) or can_lead(
            user, post.community
        )
    if post.status == PostStatus.PUBLISHED:
        return True
    return (is_active_user(user) and post.author_id == user.pk) or can_lead(user, post.community)


def check_see_post(user: Any, post: Post) -> None:
    if not can_see_post(user, post):
        raise Http404


def can_post_in(user: Any, community: Community) -> bool:
    """Members (and staff) of an active community may start posts."""
    return (
        is_active_user(user)
        and community.is_active
        and (is_member(user, community) or is_staff(user))
        and not is_suspended_in(user, community)
    )


def check_post_in(user: Any, community: Community) -> None:
    """May start a post; a member who has a new community agreement to accept is sent to
    it (`WriteBlocked`), keeping what they wrote."""
    if can_post_in(user, community):
        check_can_write_in(user, community, needs_conduct=False)
        return
    check_not_suspended(user, community)
    if is_active_user(user) and not community.is_active:
        raise PermissionDenied(_("This community is archived: it takes no new posts."))
    raise PermissionDenied(_("Only the community's members can start posts here."))


def can_publish_featured(user: Any, community: Community) -> bool:
    """Leaders and staff publish featured posts; members propose them."""
    return can_lead(user, community)


def can_review(user: Any, community: Community) -> bool:
    return can_lead(user, community)


def check_review(user: Any, community: Community) -> None:
    if not can_review(user, community):
        raise PermissionDenied(_("Only the community's leaders and the host staff review posts."))


def can_moderate(user: Any, post: Post) -> bool:
    """Pin, lock, reopen, move, delete, write the summary."""
    return can_lead(user, post.community)


def check_moderate(user: Any, post: Post) -> None:
    if not can_moderate(user, post):
        raise PermissionDenied(
            _("Only the community's leaders and the host staff look after threads.")
        )


def can_edit_post(user: Any, post: Post) -> bool:
    if post.deleted_at is not None or not is_active_user(user):
        return False
    if is_suspended_in(user, post.community):
        return False
    return post.author_id == user.pk or can_moderate(user, post)


def check_edit_post(user: Any, post: Post) -> None:
    if can_edit_post(user, post):
        return
    check_not_suspended(user, post.community)
    if post.deleted_at is not None:
        raise PermissionDenied(_("This post was deleted: it can no longer be edited."))
    raise PermissionDenied(_("Only the author and the community's leaders can edit this post."))


def can_see_history(user: Any, post: Post) -> bool:
    return is_active_user(user) and (post.author_id == user.pk or can_moderate(user, post))


def check_see_history(user: Any, post: Post) -> None:
    if not can_see_history(user, post):
        raise PermissionDenied(
            _("Only the author and the community's leaders can see the history of this post.")
        )


def comment_blocker(user: Any, post: Post) -> str | None:
    """Why `user` may not comment on `post` (a message key), or None."""
    if not is_active_user(user):
        return "sign_in"
    if not post.is_published:
        return "unpublished"
    if not (is_member(user, post.community) or is_staff(user)):
        return "not_member"
    if post.locked:
        return "locked"
    if post.is_closed:
        return "closed"
    if not post.community.is_active:
        return "archived"
    if post.group is not None and post.group.is_archived:
        return "group_archived"
    return write_blocker_in(user, post.community)


def can_comment(user: Any, post: Post) -> bool:
    return comment_blocker(user, post) is None


class CommentRights:
    """What `user` may do to the comments of `post`: the thread-wide facts are decided
    once, so a thread of hundreds of comments costs one check each, not one query each.
    The single-comment checks below use it too, so there is one rule for each right."""

    def __init__(self, user: Any, post: Post) -> None:
        self.active = is_active_user(user)
        self.uid = user.pk if self.active else None
        self.moderator = self.active and can_moderate(user, post)
        # Suspended there: they read, and may remove what they wrote, but write nothing.
        self.suspended = self.active and is_suspended_in(user, post.community)
        self.may_react = (
            self.active
            and post.is_published
            and (is_member(user, post.community) or is_staff(user))
            and not self.suspended
        )

    def edit(self, comment: Comment) -> bool:
        return (
            self.active
            and not self.suspended
            and comment.author_id == self.uid
            and not comment.is_deleted
        )

    def delete(self, comment: Comment) -> bool:
        if comment.is_deleted or not self.active:
            return False
        return comment.author_id == self.uid or self.moderator

    def react(self, comment: Comment) -> bool:
        return self.may_react and not comment.is_deleted and comment.author_id != self.uid


def can_edit_comment(user: Any, comment: Comment) -> bool:
    return CommentRights(user, comment.post).edit(comment)


def check_edit_comment(user: Any, comment: Comment) -> None:
    if can_edit_comment(user, comment):
        return
    check_not_suspended(user, comment.post.community)
    if comment.is_deleted:
        raise PermissionDenied(_("This comment was removed: it can no longer be edited."))
    raise PermissionDenied(_("Only its author can edit a comment."))


def can_delete_comment(user: Any, comment: Comment) -> bool:
    return CommentRights(user, comment.post).delete(comment)


def check_delete_comment(user: Any, comment: Comment) -> None:
    if can_delete_comment(user, comment):
        return
    if comment.is_deleted:
        raise PermissionDenied(_("This comment was already removed."))
    raise PermissionDenied(_("Only its author and the community's leaders can remove a comment."))


def can_react(user: Any, comment: Comment) -> bool:
    return CommentRights(user, comment.post).react(comment)


def check_react(user: Any, comment: Comment) -> None:
    if can_react(user, comment):
        return
    check_not_suspended(user, comment.post.community)
    if is_active_user(user) and comment.author_id == user.pk:
        raise PermissionDenied(_("You cannot react to your own comment."))
    if comment.is_deleted:
        raise PermissionDenied(_("This comment was removed."))
    raise PermissionDenied(_("Only the community's members can react to comments."))


def can_accept_answer(user: Any, post: Post) -> bool:
    return (
        post.kind == PostKind.QUESTION
        and post.is_published
        and is_active_user(user)
        and (post.author_id == user.pk or can_moderate(user, post))
    )


def check_accept_answer(user: Any, post: Post) -> None:
    if can_accept_answer(user, post):
        return
    if post.kind != PostKind.QUESTION:
        raise PermissionDenied(_("Only questions have an accepted answer."))
    raise PermissionDenied(
        _("Only the person who asked and the community's leaders choose the accepted answer.")
    )


def is_answer_candidate(post: Post, comment: Comment) -> bool:
    """A comment that may be the accepted answer: on this question, not removed, and not
    written by the person who asked (an answer comes from someone else)."""
    return (
        comment.post_id == post.pk
        and not comment.is_deleted
        and (comment.author_id != post.author_id)
    )


def can_feature_on_home(user: Any) -> bool:
    return is_staff(user)


def can_restore(user: Any) -> bool:
    return is_staff(user)


def check_restore(user: Any) -> None:
    if not can_restore(user):
        raise PermissionDenied(_("Only the host staff can restore a deleted post."))
