"""The pages the links in every email open, without signing in: stop one kind of email
(RFC 8058 one-click POST, or a confirmation page for a GET, which mail scanners make),
and manage all of one's email. The signed token in the link is the only credential; the
pages show nothing but that member's own email settings."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..unsubscribe import LinkError, email_stop, manage_token, read_manage, read_stop, stop_kinds
from .email import preferences_form


def _private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The token is in the address: no cache keeps the page, no other site learns it."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex"
        return response

    return never_cache(wrapped)


def _refused(request: HttpRequest, error: LinkError) -> HttpResponse:
    return render(request, "notifications/email_link_error.html", {"error": error}, status=400)


def _active(user_id: int) -> bool:
    return get_user_model().objects.filter(pk=user_id, is_active=True).exists()


GONE = gettext_lazy("This link is not valid: the account it was sent to is closed.")


@csrf_exempt  # RFC 8058: the mail program POSTs with no cookie and no form of ours
@_private
@require_http_methods(["GET", "HEAD", "POST"])
def email_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        stop = read_stop(token)
    except LinkError as error:
        return _refused(request, error)
    if not _active(stop.user_id):
        return _refused(request, LinkError(GONE))
    context = {
        "what": stop_kinds()[stop.kind],
        "manage": reverse("email_manage", args=[manage_token(user_id=stop.user_id)]),
    }
    if request.method != "POST":
        return render(request, "notifications/email_unsubscribe.html", context)
    email_stop(user_id=stop.user_id, kind=stop.kind)
    return render(request, "notifications/email_unsubscribed.html", context)


@_private
@require_http_methods(["GET", "HEAD", "POST"])
def email_manage(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user_id = read_manage(token)
    except LinkError as error:
        return _refused(request, error)
    if not _active(user_id):
        return _refused(request, LinkError(GONE))
    form, saved = preferences_form(request, user_id)
    if saved:
        messages.success(request, _("Your email settings are saved."))
        return redirect(request.path)
    return render(request, "notifications/email_manage.html", {"form": form})
