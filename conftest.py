"""Fixtures shared by the whole suite."""

import pytest
from django.core.cache import cache

from tests.factories import CommunityFactory, UserFactory, make_member

# `smtp`: a real SMTP server on loopback that the platform's mail goes through.
pytest_plugins = ["tests.smtp"]


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate limits and cached values must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, display_name="Sam Staff")


@pytest.fixture
def community(db):
    return CommunityFactory()


@pytest.fixture
def chair(community):
    return make_member(community, role="chair", display_name="Chris Chair")


@pytest.fixture
def member(community):
    return make_member(community, display_name="Mia Member")


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (queued emails) when the block ends, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def assert_page_queries(django_assert_num_queries):
    """Pin the queries of one signed-in page view, not counting the session's own read
    (a database query with database sessions, none with Redis sessions)."""
    from django.conf import settings

    session_queries = 1 if settings.SESSION_ENGINE.endswith(".db") else 0
    return lambda n: django_assert_num_queries(n + session_queries)
