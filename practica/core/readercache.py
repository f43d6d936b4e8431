"""Whole pages for signed-in readers, each kept for one reader in one browser session.

A page a member reads (home, a community's posts, all posts, a thread…) costs a few
milliseconds of Python to build, ten times what the rest of the request costs. Built once, it
is kept under a key made of everything it depends on for that reader, so that any change
to one of them makes a new key and the old page is never served again:

- the address, language, time zone and encoding (as for anonymous pages);
- the generations of the scopes the view declares with `shared_page` (content, a post…),
  taken before the view reads anything;
- the reader's browser session and CSRF secret: a page (with its CSRF token) is only ever
  served again to the session it was built for;
- the reader's own row (every column: name, staff, active, profile, conduct accepted…),
  read on every request by the authentication middleware;
- the parts each app registers with `reader_part` (memberships and roles, the number of
  unread notifications, the code of conduct in force…), computed on every request: these
  are the inputs of the permission checks, so the checks' answers are as fresh as if the
  view ran;
- the reader's generation (`reader:<id>`), bumped whenever a row that points at the reader
  is saved or deleted (a read mark, a join request, a registration, a reaction…, whatever
  the model, see `connect_reader_models`). Code that changes such rows in bulk
  (`QuerySet.update`, `bulk_create`) calls `reader_changed`.

Nothing is served from or stored in it when the request has a flash message or a kept
draft waiting (they are shown once), and nothing is stored when the response sets a
cookie, changed the session, is not a 200, carries a CSP nonce or is marked private or
no-store. Pages are stored compressed for browsers that take gzip.
"""

import gzip
import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from .pagecache import _GZIP, GEN, bump, generations

READER = "reader:"
PAGE = "rpage:"
_MARK = "_practica_reader_page"
_MESSAGES_SESSION_KEY = "_messages"  # django.contrib.messages' session storage
_DRAFTS_SESSION_KEY = "practica_drafts"  # practica.core.drafts.SESSION_KEY

PARTS = "rparts:"
ReaderPart = Callable[[HttpRequest], object]
_parts: dict[str, tuple[ReaderPart, bool, str | None]] = {}


def reader_part(
    name: str, *, kept: bool = False, cache_key: str | None = None
) -> Callable[[ReaderPart], ReaderPart]:
    """Register what else a signed-in page depends on for its reader: its value joins the
    key of every cached page. This is the one place to add per-reader state a page shows.

    `part(request)` runs on every request to a cached page, unless `kept`: then its value is
    kept with the reader's other kept parts until the reader's generation changes, which
    every code path that changes it must make sure of (`reader_changed`). A value the app
    keeps in the cache itself names its `cache_key`: it is then read in the same round trip
    as the generations, and `part(request)` runs only when it is not there."""

    def register(part: ReaderPart) -> ReaderPart:
        _parts[name] = (part, kept, cache_key)
        return part

    return register


def reader_changed(*user_ids: object) -> None:
    """Something these readers' pages show has changed: their cached pages are dropped."""
    ids = {uid for uid in user_ids if uid is not None}
    if ids:
        bump(*(f"{READER}{uid}" for uid in sorted(ids, key=str)))


def _reader_fields(model: type) -> list[str]:
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    return [
        field.attname
        for field in model._meta.concrete_fields  # type: ignore[attr-defined]
        if field.is_relation and field.related_model is user_model
    ]


def connect_reader_models() -> None:
    """Bump `reader:<id>` whenever a row that points at a person changes, for every model
    of every app, the ones added later included; and when the person's own row changes."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    user_model = get_user_model()

    def on_user(sender: type, instance: Any, **kwargs: Any) -> None:
        reader_changed(instance.pk)

    post_save.connect(on_user, sender=user_model, weak=False, dispatch_uid="reader_user_s")
    post_delete.connect(on_user, sender=user_model, weak=False, dispatch_uid="reader_user_d")
    for model in apps.get_models():
        fields = _reader_fields(model)
        if not fields or model is user_model:
            continue

        def on_row(sender: type, instance: Any, _fields: list[str] = fields, **kw: Any) -> None:
            reader_changed(*(getattr(instance, name) for name in _fields))

        uid = f"reader_{model._meta.label_lower}"
        post_save.connect(on_row, sender=model, weak=False, dispatch_uid=uid + "_s")
        post_delete.connect(on_row, sender=model, weak=False, dispatch_uid=uid + "_d")


def _waiting(request: HttpRequest) -> bool:
    """A flash message or a kept draft is waiting: this request must run the view."""
    if "messages" in request.COOKIES:
        return True
    session = request.session  # type: ignore[attr-defined]
    return _MESSAGES_SESSION_KEY in session or bool(session.get(_DRAFTS_SESSION_KEY))


def _row(user: Any) -> str:
    return repr([getattr(user, f.attname) for f in user._meta.concrete_fields])


def _part_values(
    request: HttpRequest, reader_gen: str, kept: Any, found: dict[str, Any]
) -> list[str]:
    """The registered parts' values; the kept ones from `kept` when it is still current
    (else computed and kept again), the cached ones from `found` when they were there."""
    if not isinstance(kept, dict) or kept.get("gen") != reader_gen:
        values = {name: part(request) for name, (part, k, _) in _parts.items() if k}
        user_id = request.user.pk  # type: ignore[attr-defined]
        cache.set(PARTS + str(user_id), {"gen": reader_gen, "values": values}, 86400)
    else:
        values = dict(kept["values"])
    for name, (part, k, key) in _parts.items():
        if not k:
            values[name] = found[key] if key in found else part(request)
    setattr(request, _VALUES, values)
    return [f"{name}={values.get(name)!r}" for name in sorted(_parts)]


_VALUES = "_practica_reader_values"
_MISSING = object()


def reader_value(request: HttpRequest, name: str, compute: Callable[[], Any]) -> Any:
    """The value of the part `name` as this request's key used it, or `compute()`: a page
    built on a miss shows exactly what its key says (and reads it once)."""
    value = getattr(request, _VALUES, {}).get(name, _MISSING)
    return compute() if value is _MISSING else value


def _key(
    request: HttpRequest,
    reader_gen: str,
    scope_gens: Iterable[str],
    kept: Any = None,
    found: dict[str, Any] | None = None,
) -> str:
    user: Any = request.user  # type: ignore[attr-defined]
    parts: list[object] = [
        request.get_full_path(),
        translation.get_language(),
        timezone.get_current_timezone_name(),
        "gzip" if _GZIP.search(request.headers.get("accept-encoding", "")) else "",
        request.session.session_key,  # type: ignore[attr-defined]
        request.META.get("CSRF_COOKIE", ""),
        _row(user),
        reader_gen,
        *scope_gens,
        *_part_values(request, reader_gen, kept, found or {}),
    ]
    return PAGE + hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()


def _same_csrf_secret(request: HttpRequest) -> bool:
    """The page's CSRF token comes from the secret the browser already has (Django sends
    the cookie again whenever a token is used, only to renew its expiry)."""
    secret = request.META.get("CSRF_COOKIE")
    return not secret or secret == request.COOKIES.get(settings.CSRF_COOKIE_NAME)


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and _same_csrf_secret(request)
        and not request.session.modified  # type: ignore[attr-defined]
        and not getattr(request, "_csp_nonce", None)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and not response.has_header("Content-Encoding")
    )


def _generations_and_parts(
    reader_scope: str, scopes: list[str], user_id: object
) -> tuple[dict[str, str], Any, dict[str, Any]]:
    """The generations of the reader and of the page's scopes, the reader's kept parts and
    the parts kept in the cache by their apps, in one round trip when they are all there."""
    keys = [GEN + reader_scope, *(GEN + s for s in scopes)]
    cached = [key for _, _, key in _parts.values() if key]
    found = cache.get_many([*keys, PARTS + str(user_id), *cached])
    kept = found.pop(PARTS + str(user_id), None)
    values = {key: found.pop(key) for key in cached if key in found}
    if len(found) < len(keys):
        found = generations([reader_scope, *scopes])
    return found, kept, values


def serve(
    request: HttpRequest, scopes: list[str], view: Callable[[], HttpResponse]
) -> HttpResponse:
    """Answer a signed-in GET from the reader's cached page, or build it with `view`."""
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method != "GET" or _waiting(request):
        return view()
    user: Any = request.user  # type: ignore[attr-defined]
    reader_scope = f"{READER}{user.pk}"
    # The generations first, then the key's other parts (which read the database), so
    # that a change made meanwhile leaves the page under a generation already gone.
    gens, kept, found = _generations_and_parts(reader_scope, scopes, user.pk)
    scope_gens = [gens[GEN + s] for s in scopes]
    key = _key(request, gens[GEN + reader_scope], scope_gens, kept, found)
    entry = cache.get(key)
    if entry is not None:
        response = HttpResponse(entry["content"], status=200, headers=entry["headers"])
        response["X-Page-Cache"] = "reader-hit"
        if request.META.get("CSRF_COOKIE"):
            # As when the page is built: the CSRF cookie is sent again, to renew its expiry.
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
        return response
    response = view()
    if _storable(request, response):
        content = response.content
        if _GZIP.search(request.headers.get("accept-encoding", "")):
            # Compressed once here rather than by GZipMiddleware on every answer.
            content = gzip.compress(content, compresslevel=6, mtime=0)
            response.content = content
            response["Content-Encoding"] = "gzip"
            response["Content-Length"] = str(len(content))
            patch_vary = response.get("Vary", "")
            if "accept-encoding" not in patch_vary.lower():
                response["Vary"] = ", ".join(filter(None, [patch_vary, "Accept-Encoding"]))
        headers = {k: v for k, v in response.items() if k.lower() != "x-page-cache"}
        cache.set(key, {"content": content, "headers": headers}, settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "reader-miss"
    return response
