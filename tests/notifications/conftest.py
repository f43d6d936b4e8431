import pytest

from practica.activity.services import NORMAL, TRACKING, WATCHING
from practica.communities.notify import community_activity, note
from practica.discussions.services import comment_create, post_create
from practica.notifications.models import Category


@pytest.fixture
def thread(community, chair):
    return post_create(
        actor=chair, community=community, kind="discussion", title="Review hearings",
        body="How often?", tags="review hearings",
    )  # fmt: skip


def comment_said(post, author, body="I agree", *, on_commit=None):
    """A comment as its service records it, with the activity the lead's conversion makes
    `comment_create` record (used until it does, and then harmless: filtered by activity)."""
    comment = comment_create(actor=author, post=post, body=body)
    activity = community_activity(
        post.community,
        actor=author,
        verb="comment.created",
        target=comment,
        places=[f"post:{post.pk}", *(f"tag:{t.slug}" for t in post.tags.all())],
        watchers=note(
            post.community, category=Category.WATCHED, kind="comment.new",
            title=f"{author.name} commented on “{post.title}”",
            url=comment.get_absolute_url(), level=WATCHING, group=f"post:{post.pk}:comments",
        ),
        mail={"subject": post.title, "message_id": f"comment-{comment.pk}"},
    )  # fmt: skip
    return comment, activity


def post_said(community, author, title="A new post", *, featured=False):
    post = post_create(actor=author, community=community, kind="discussion", title=title, body="b")
    activity = community_activity(
        community,
        actor=author,
        verb="post.published",
        target=post,
        places=[f"post:{post.pk}"],
        watchers=note(
            community, category=Category.WATCHED, kind="post.new",
            title=f"{author.name} posted “{title}”", url=post.get_absolute_url(),
            level=NORMAL if featured else TRACKING,
        ),
        mail={"subject": title, "message_id": f"post-{post.pk}"},
    )  # fmt: skip
    return post, activity
