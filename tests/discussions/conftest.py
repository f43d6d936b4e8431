import pytest

from practica.discussions.services import comment_create, post_create


@pytest.fixture
def make_post(community, chair):
    """A published post in `community` (by default a discussion by the chair)."""

    def make(author=None, kind="discussion", title="A thread", body="Some text", **kw):
        return post_create(
            actor=author or chair,
            community=kw.pop("community", community),
            kind=kind,
            title=title,
            body=body,
            **kw,
        )

    return make


@pytest.fixture
def make_comment():
    def make(post, author, body="A comment", parent=None):
        return comment_create(actor=author, post=post, body=body, parent=parent)

    return make
