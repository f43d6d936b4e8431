import pytest
from django.contrib.contenttypes.models import ContentType

from practica.activity.models import Activity
from practica.discussions.models import Comment, Post
from practica.discussions.services import comment_create, post_create


@pytest.fixture
def thread(community, chair):
    return post_create(
        actor=chair, community=community, kind="discussion", title="Review hearings",
        body="How often?", tags="review hearings",
    )  # fmt: skip


def _recorded(target):
    return Activity.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    ).latest("id")


def comment_said(post: Post, author, body: str = "I agree") -> tuple[Comment, Activity]:
    """A comment through the real service, and the activity it recorded."""
    comment = comment_create(actor=author, post=post, body=body)
    return comment, _recorded(comment)


def post_said(community, author, title: str = "A new post") -> tuple[Post, Activity]:
    post = post_create(actor=author, community=community, kind="discussion", title=title, body="b")
    return post, _recorded(post)
