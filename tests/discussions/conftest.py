import pytest

from practica.discussions.services import comment_create, post_create


@pytest.fixture
def make_post(community, chair, on_commit):
    """A published post in `community` (by default a discussion by the chair), committed:
    those it concerns have been told."""

    def make(author=None, kind="discussion", title="A thread", body="Some text", **kw):
        with on_commit():
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
def make_comment(on_commit):
    """A comment, committed: those it concerns have been told."""

    def make(post, author, body="A comment", parent=None):
        with on_commit():
            return comment_create(actor=author, post=post, body=body, parent=parent)

    return make
