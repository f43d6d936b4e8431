"""Small helpers shared by views: safe redirects, pagination, and the site's own address
for links that leave it (emails, calendar files)."""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme

from .errors import ServiceError


def site_url(url: str) -> str:
    """`url` as a link that works outside the site (in an email): a path gets SITE_URL
    before it; a full address is left as it is."""
    return f"{settings.SITE_URL}{url}" if url.startswith("/") else url


def site_host() -> str:
    """The site's host name, for addresses that name it (Message-ID, List-Id)."""
    return urlsplit(settings.SITE_URL).hostname or "practica.localhost"


def safe_next(request: HttpRequest, default: str) -> str:
    """The `next` parameter when it points back into this site, else `default`."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


class CappedPaginator(Paginator):
    """Counts at most `cap` items (more when a later page is asked for): counting every
    matching row of a large site costs more than showing the page. `capped` says whether
    there may be more than counted, and the page then reads "Page 3" without a total."""

    def __init__(self, items: Any, per_page: int, *, wanted: int, cap: int = 1000) -> None:
        super().__init__(items, per_page)
        self.limit = max(cap, wanted * per_page) + 1
        self.capped = False

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, list):
            return len(self.object_list)
        window: Any = self.object_list[: self.limit]  # a queryset (lists are counted above)
        counted = window.count()
        self.capped = counted >= self.limit
        return int(counted)


def paginate(request: HttpRequest, items: Any, per_page: int = 25) -> Page:
    try:
        wanted = max(1, int(request.GET.get("page") or 1))
    except ValueError:
        wanted = 1
    return CappedPaginator(items, per_page, wanted=wanted).get_page(request.GET.get("page"))


def report(
    request: HttpRequest, action: Callable[[], Any], done: str | Callable[[Any], str]
) -> bool:
    """Run a service call for a POST without a form; tell the person how it went.

    `done` is the success message, or makes it from the call's result. Returns success.
    """
    try:
        result = action()
    except ServiceError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, done(result) if callable(done) else done)
    return True
