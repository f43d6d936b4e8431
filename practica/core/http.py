"""Small helpers shared by views: safe redirects and pagination."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from .errors import ServiceError


def safe_next(request: HttpRequest, default: str) -> str:
    """The `next` parameter when it points back into this site, else `default`."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def paginate(request: HttpRequest, items: Any, per_page: int = 25) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


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
