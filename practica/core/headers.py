"""Response headers that keep private pages private and switch off browser features.

The Content-Security-Policy comes from django-csp (settings: CONTENT_SECURITY_POLICY)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import patch_cache_control


def keep_private(response: HttpResponse) -> HttpResponse:
    """Neither the browser's history nor any shared cache (proxy, CDN) may keep it."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def cache_privately(response: HttpResponseBase, *, seconds: int) -> HttpResponseBase:
    """Only the reader's own browser may keep it, for `seconds` (0: ask again each time).

    For what is the same for every reader allowed to see it but not for everyone (profile
    photos): the middleware below then leaves the answer as it is instead of forbidding
    every copy."""
    if seconds > 0:
        patch_cache_control(response, private=True, max_age=seconds)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    response._practica_private_cache = True  # type: ignore[attr-defined]
    return response


def private_response(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For views whose answer is personal without a session (calendar feeds keyed by a
    token in their address, which carry joining links)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return keep_private(view(request, *args, **kwargs))

    return wrapper


class PrivacyHeadersMiddleware:
    """Every page of a signed-in person is private and not stored; every response says
    which browser features the site never uses (PERMISSIONS_POLICY).

    Sits after the authentication middleware, to know who asked. Anonymous pages are left
    as they are, so the anonymous page cache (core.pagecache) keeps sharing them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not getattr(response, "_practica_private_cache", False)
        ):
            keep_private(response)
        if settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response
