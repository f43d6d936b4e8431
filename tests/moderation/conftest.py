import pytest

from practica.discussions.services import comment_create, post_create
from tests.factories import make_member


@pytest.fixture
def author(community):
    return make_member(community, display_name="Ari Author")


@pytest.fixture
def flagger(community):
    return make_member(community, display_name="Fay Flagger")


@pytest.fixture
def second(community):
    return make_member(community, display_name="Sid Second")


@pytest.fixture
def thread(community, chair, on_commit):
    with on_commit():
        return post_create(
            actor=chair, community=community, kind="discussion", title="Bail reform notes",
            body="What works in bail supervision?",
        )  # fmt: skip


@pytest.fixture
def comment(thread, author, on_commit):
    with on_commit():
        return comment_create(actor=author, post=thread, body="Only a fool would think that works.")
