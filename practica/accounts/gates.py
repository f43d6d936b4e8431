"""Turn a `WriteBlocked` into a redirect to the page that unblocks the user.

A write that was stopped keeps what was sent (`practica.core.drafts`): after signing in,
completing the profile or accepting the code of conduct, the person is back on the form's
page with their text in it. Views that only take POSTs name that page with `return_to`.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from practica.core.drafts import redirect_keeping

from .permissions import WriteBlocked, check_can_write

_UNBLOCK_URL = {
    WriteBlocked.SIGN_IN: "account_login",
    WriteBlocked.PROFILE: "profile_edit",
    WriteBlocked.CONDUCT: "conduct",
    WriteBlocked.SUSPENDED: "my_standing",  # where they read why and until when
}

ReturnTo = Callable[..., str]


def unblock_redirect(
    request: HttpRequest, blocked: WriteBlocked, *, page: str | None = None
) -> HttpResponse:
    """Send the user to unblock themselves, then back to `page` (default: this address),
    keeping the fields of a POST for the form there."""
    if blocked.reason != WriteBlocked.SIGN_IN:
        messages.info(request, blocked.message)
    if page is None:
        page = request.path if request.method == "POST" else request.get_full_path()
    target = blocked.unblock_url or reverse(_UNBLOCK_URL[blocked.reason])
    return redirect(redirect_keeping(request, target, page=page))


def write_gate(
    *, needs_conduct: bool = True, return_to: ReturnTo | None = None
) -> Callable[..., Any]:
    """Let the view run only for users who may write; others are sent to unblock.

    `return_to(request, *args, **kwargs)` gives the page holding the view's form when the
    view itself only takes POSTs (a comment is written on its post's page).

    A `WriteBlocked` the view raises itself, from a check that needs the object it fetched
    (a community's agreement to accept: `communities.permissions.check_can_write_in`), is
    turned into the same redirect, keeping what was sent."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                check_can_write(request.user, needs_conduct=needs_conduct)
            except WriteBlocked as blocked:
                page = return_to(request, *args, **kwargs) if return_to else None
                return unblock_redirect(request, blocked, page=page)
            try:
                return view(request, *args, **kwargs)
            except WriteBlocked as blocked:
                if blocked.reason == WriteBlocked.SUSPENDED:
                    raise  # nothing to do about it: the refusal page says where, why, until when
                page = return_to(request, *args, **kwargs) if return_to else None
                return unblock_redirect(request, blocked, page=page)

        return wrapped

    return decorator
