from .comments import (
    answer_accept,
    comment_create,
    comment_delete,
    comment_edit,
    comment_react,
    post_react,
)
from .lists import archive_month, archives, community_posts, home, post_list, tag_detail, tag_list
from .moderation import post_delete, post_moderate, post_move, post_reopen, summary_create
from .review import (
    community_review,
    community_scheduled,
    community_summaries,
    my_posts,
    post_review,
)
from .threads import (
    comment_goto,
    post_create,
    post_detail,
    post_edit,
    post_history,
    post_unread,
)

__all__ = [
    "answer_accept",
    "archive_month",
    "archives",
    "comment_create",
    "comment_delete",
    "comment_edit",
    "comment_goto",
    "comment_react",
    "community_posts",
    "community_review",
    "community_scheduled",
    "community_summaries",
    "home",
    "my_posts",
    "post_create",
    "post_delete",
    "post_detail",
    "post_edit",
    "post_history",
    "post_list",
    "post_moderate",
    "post_move",
    "post_react",
    "post_reopen",
    "post_review",
    "post_unread",
    "summary_create",
    "tag_detail",
    "tag_list",
]
