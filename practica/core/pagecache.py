"""Whole pages for anonymous readers, kept in the configured cache.

Only people without a session are served from it: they all see the same page for the same
address, language, time zone and encoding. A view opts in with `@shared_page(*scopes)`,
which takes the scopes' generations *before* the view reads anything; each scope
("content", "post:12", …) has a generation in the cache, and the page is stored with the
generations it was built under. A change bumps the
generations of the scopes it touches (`bump`, called from the apps' signal receivers), so
a page is never served after what it shows has changed. A page that will change by itself
at a known moment (a featured discussion closing) says so with `expires_at`.

Nothing is stored when the response sets a cookie, used a CSRF token, is not a 200, or
when the request carried a session: a signed-in person's page is never shared.
"""

import hashlib
import re
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation

from .zones import TZ_COOKIE, cookie_zone

GEN = "gen:"
PAGE = "page:"
_GZIP = re.compile(r"\bgzip\b")
_MARK = "_practica_page_cache"


def bump(*scopes: str) -> None:
    """What these scopes cover has changed: pages built before are never served again.

    Bumped now and again when the transaction commits: a page built in between, from data
    read before the commit, is then stored under a generation that is already gone."""
    keys = [GEN + scope for scope in scopes]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def _part_key(name: str, parts: Iterable[object], gens: Iterable[str]) -> str:
    raw = "\n".join([name, *map(str, parts), *gens])
    return "part:" + hashlib.sha256(raw.encode()).hexdigest()


def stored_many(
    name: str, items: dict[Any, tuple[list[object], list[str]]], build: Callable[[Any], Any]
) -> dict[Any, Any]:
    """Values kept per item, each until one of its scopes changes; built in bulk when missing.

    `items` maps an item to (what its value depends on, its scopes); two round trips to the
    cache whatever the number of items."""
    gens = generations({scope for _, scopes in items.values() for scope in scopes})
    keys = {}
    for item, (parts, scopes) in items.items():
        keys[item] = _part_key(name, parts, [gens[GEN + s] for s in scopes])
    found = cache.get_many(list(keys.values()))
    values, missing = {}, {}
    for item, key in keys.items():
        if key in found:
            values[item] = found[key]
        else:
            values[item] = missing[key] = build(item)
    if missing:
        cache.set_many(missing, settings.PAGE_CACHE_SECONDS or 1)
    return values


def generations(scopes: Iterable[str]) -> dict[str, str]:
    keys = [GEN + scope for scope in scopes]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # Another process may set or bump the key between these two calls; a fresh value
            # is then used for this request only, so what it builds is never served again.
            fresh = uuid.uuid4().hex
            found[key] = fresh if cache.add(key, fresh, timeout=None) else cache.get(key) or fresh
    return found


def remember(
    name: str,
    parts: Iterable[object],
    scopes: Iterable[str],
    compute: Callable[[], Any],
    *,
    until: Callable[[Any], datetime | None] | None = None,
) -> Any:
    """A value kept until one of `scopes` changes: for costly parts of personal pages.

    `parts` must name everything the value depends on besides the scopes (for instance the
    communities a person may read), so that two people share it only when they may.
    `until(value)` gives the moment the value goes stale by itself, if there is one."""
    key = _part_key(name, parts, sorted(generations(scopes).values()))
    value = cache.get(key)
    if value is None:
        value = compute()
        timeout = settings.PAGE_CACHE_SECONDS or 1
        moment = until(value) if until else None
        if moment is not None:
            timeout = min(timeout, int((moment - timezone.now()).total_seconds()))
        if timeout > 0:
            cache.set(key, value, timeout)
    return value


View = Callable[..., HttpResponse]


def shared_page(*scopes: str) -> Callable[[View], View]:
    """Decorate a view whose page anonymous readers may share until one of `scopes` changes.

    Scopes may name the view's arguments, as in "post:{pk}". Only decorated views are looked
    up in the cache, so every other page costs no cache round trip. Signed-in readers get
    their own copy of the page instead (practica/core/readercache.py)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            names = [scope.format(**kwargs) for scope in scopes]
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                from .readercache import serve  # the reader's own page (readercache.py)

                return serve(request, names, lambda: view(request, *args, **kwargs))
            cacheable(request, *names)
            return view(request, *args, **kwargs)

        wrapper.shared_scopes = scopes  # type: ignore[attr-defined]
        return wrapper

    return decorate


def _shared_scopes(request: HttpRequest) -> list[str] | None:
    """The scopes of the page at this address, or None if it is not shared."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    scopes = getattr(match.func, "shared_scopes", None)
    return None if scopes is None else [scope.format(**match.kwargs) for scope in scopes]


def cacheable(request: HttpRequest, *scopes: str) -> None:
    """This view's page may be shared among anonymous readers until one of `scopes` changes.

    Call it before reading the data: the generations are taken now, so a change made while
    the page is built leaves it stale-marked rather than stored as fresh."""
    if getattr(request, "_practica_page_candidate", False):
        setattr(request, _MARK, {"gens": generations(scopes), "until": None})


def expires_at(request: HttpRequest, moment: datetime | None) -> None:
    """The page changes by itself at `moment` (e.g. a featured discussion closes)."""
    mark = getattr(request, _MARK, None)
    if mark is not None and moment is not None:
        mark["until"] = min(filter(None, [mark["until"], moment]))


def _is_candidate(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request: HttpRequest) -> str:
    parts = [
        request.get_full_path(),
        translation.get_language_from_request(request),
        cookie_zone(request.COOKIES.get(TZ_COOKIE, "")) or "",
        "gzip" if _GZIP.search(request.headers.get("accept-encoding", "")) else "",
    ]
    return PAGE + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (user is not None and user.is_authenticated)
        # A page with a CSP nonce needs its own header; copies would all share one.
        and not getattr(request, "_csp_nonce", None)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous pages; placed before GZip so pages are stored compressed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        scopes = _shared_scopes(request) if _is_candidate(request) else None
        if scopes is None:
            return self.get_response(request)
        # The page and the generations it must match, in one round trip.
        key = _key(request)
        found = cache.get_many([key, *(GEN + scope for scope in scopes)])
        entry = found.pop(key, None)
        if entry is not None and found == entry["gens"]:
            response = HttpResponse(entry["content"], status=200, headers=entry["headers"])
            response["X-Page-Cache"] = "hit"
            return response
        request._practica_page_candidate = True  # type: ignore[attr-defined]
        response = self.get_response(request)
        mark: dict[str, Any] | None = getattr(request, _MARK, None)
        if mark is not None and _storable(request, response):
            timeout = settings.PAGE_CACHE_SECONDS
            if mark["until"] is not None:
                timeout = min(timeout, int((mark["until"] - timezone.now()).total_seconds()))
            if timeout > 0:
                headers = {k: v for k, v in response.items() if k.lower() != "x-page-cache"}
                cache.set(
                    key,
                    {"gens": mark["gens"], "content": response.content, "headers": headers},
                    timeout,
                )
            response["X-Page-Cache"] = "miss"
        return response
