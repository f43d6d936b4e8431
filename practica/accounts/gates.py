"""Turn a `WriteBlocked` into a redirect to the page that unblocks the user."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .permissions import WriteBlocked, check_can_write

_UNBLOCK_URL = {
    WriteBlocked.SIGN_IN: "account_login",
    WriteBlocked.PROFILE: "profile_edit",
    WriteBlocked.CONDUCT: "conduct",
}


def unblock_redirect(request: HttpRequest, blocked: WriteBlocked) -> HttpResponse:
    if blocked.reason != WriteBlocked.SIGN_IN:
        messages.info(request, blocked.message)
    target = reverse(_UNBLOCK_URL[blocked.reason])
    return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def write_gate(*, needs_conduct: bool = True) -> Callable[..., Any]:
    """Let the view run only for users who may write; others are sent to unblock."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                check_can_write(request.user, needs_conduct=needs_conduct)
            except WriteBlocked as blocked:
                return unblock_redirect(request, blocked)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
