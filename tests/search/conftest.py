import pytest

from practica.discussions.services import posts as post_services
from practica.search.index import SOURCES, rebuild


@pytest.fixture
def publish(on_commit):
    """Publish a post through the service, with its after-commit indexing run."""

    def make(actor, community, title, body="Some words.", kind="discussion", **kw):
        with on_commit():
            return post_services.post_create(
                actor=actor, community=community, kind=kind, title=title, body=body, **kw
            )

    return make


@pytest.fixture
def reindex():
    def run():
        for kind in SOURCES:
            rebuild(kind)

    return run
