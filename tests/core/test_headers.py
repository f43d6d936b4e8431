"""Security headers on real HTTP responses from a running server (pytest-django's live
server): a strict Content-Security-Policy everywhere, Permissions-Policy, and
`Cache-Control: private, no-store` on signed-in pages and private feeds, while anonymous
pages stay shareable by the page cache."""

import urllib.request

import pytest
from django.conf import settings
from django.test import Client

from practica.events.services import calendar_token_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _get(url: str, cookie: str = ""):
    headers = {"Cookie": cookie} if cookie else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback only
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
        response.read()
        return response.status, response.headers


def _session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _directives(headers) -> dict[str, list[str]]:
    policy = headers["Content-Security-Policy"]
    assert policy, "no Content-Security-Policy"
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


def _assert_strict_policy(headers) -> None:
    csp = _directives(headers)
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]


def test_anonymous_pages_carry_the_policy_and_stay_shareable(live_server):
    url = live_server.url + "/posts/"
    status, first = _get(url)
    assert status == 200
    _assert_strict_policy(first)
    assert "no-store" not in (first["Cache-Control"] or "")
    assert first["X-Page-Cache"] == "miss"
    status, again = _get(url)
    assert again["X-Page-Cache"] == "hit"  # the anonymous page cache still works
    _assert_strict_policy(again)


def test_signed_in_pages_are_private_and_never_stored(live_server):
    cookie = _session_cookie(UserFactory())
    for path in ("/", "/communities/", "/events/calendar/", "/people/"):
        status, headers = _get(live_server.url + path, cookie)
        assert status == 200
        cache_control = {d.strip() for d in (headers["Cache-Control"] or "").split(",")}
        assert {"private", "no-store"} <= cache_control, (path, headers["Cache-Control"])
        _assert_strict_policy(headers)
        assert headers["X-Page-Cache"] is None


def test_private_feeds_with_joining_links_are_not_stored(live_server):
    token = calendar_token_for(UserFactory()).token
    status, headers = _get(f"{live_server.url}/calendar/{token}/my.ics")
    assert status == 200
    assert {"private", "no-store"} <= {d.strip() for d in headers["Cache-Control"].split(",")}


def test_the_admin_answers_under_the_same_policy(live_server):
    cookie = _session_cookie(UserFactory(is_staff=True, is_superuser=True))
    status, headers = _get(live_server.url + "/admin/communities/community/", cookie)
    assert status == 200
    _assert_strict_policy(headers)


def test_a_page_that_uses_a_nonce_is_not_shared(rf):
    """Copies of a cached page share one header: a page with a nonce is never stored."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from practica.core.pagecache import _storable

    request = rf.get("/posts/")
    request.user = AnonymousUser()
    assert _storable(request, HttpResponse("page"))
    request._csp_nonce = "abc"
    assert not _storable(request, HttpResponse("page"))
