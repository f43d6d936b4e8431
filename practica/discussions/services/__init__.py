"""Writes for posts, comments, reactions and reviews.

Every service checks permission through `permissions`, runs in one transaction, and ends
with its side effects: notifications (queued on commit) and audit rows for moderation.
One module per part (text, posts, review, moderation, featured, comments); callers import
from `practica.discussions.services` as before.
"""

from .comments import (
    COMMENT_BLOCKED,
    answer_accept,
    comment_create,
    comment_delete,
    comment_edit,
    post_mark_read,
    reaction_toggle,
)
from .featured import featured_close_due, summary_create
from .moderation import post_moderate, post_move, post_reopen
from .posts import post_create, post_edit
from .review import post_decline, post_publish, post_return
from .schedule import post_schedule, posts_expire_due, posts_publish_due
from .text import author_snapshot, normalise_tag, tags_for, tags_parse

__all__ = [
    "COMMENT_BLOCKED",
    "answer_accept",
    "author_snapshot",
    "comment_create",
    "comment_delete",
    "comment_edit",
    "featured_close_due",
    "normalise_tag",
    "post_create",
    "post_decline",
    "post_edit",
    "post_mark_read",
    "post_moderate",
    "post_move",
    "post_publish",
    "post_reopen",
    "post_return",
    "post_schedule",
    "posts_expire_due",
    "posts_publish_due",
    "reaction_toggle",
    "summary_create",
    "tags_for",
    "tags_parse",
]
