"""What a person sent, kept while something stops them, and given back to their form after.

When a write is interrupted before it can be carried out (signed out or session expired,
profile incomplete, a new code of conduct to accept), the gate keeps the submitted fields in
the session under the page the form is on, then sends the person to unblock themselves with
`next` pointing at that page. Back on it, the view builds its form from `form_data(request)`
(or `take(request, action=…)` for a form posted to another address), so the text is there
again to check and send. Django's `login()` keeps session data when it renews the session
key, so a draft outlives signing in.

Passwords, the CSRF token and `next` are never kept; files cannot be (the person is asked to
choose them again). A draft is given back once; at most a few, of bounded size, are kept.
"""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

SESSION_KEY = "practica_drafts"
MAX_DRAFTS = 5
MAX_CHARS = 200_000  # above the longest form (a 50,000-character post with its title and tags)
_NEVER_KEPT = ("csrfmiddlewaretoken", "next")


def _keepable(name: str) -> bool:
    return name not in _NEVER_KEPT and "password" not in name.lower()


def keep(request: HttpRequest, *, page: str) -> None:
    """Keep the fields of this POST for the form on `page` (a path on this site)."""
    fields = {name: request.POST.getlist(name) for name in request.POST if _keepable(name)}
    if not fields or sum(len(v) for values in fields.values() for v in values) > MAX_CHARS:
        return
    drafts = dict(request.session.get(SESSION_KEY) or {})
    drafts.pop(page, None)
    drafts[page] = {"action": request.path, "fields": fields, "files": bool(request.FILES)}
    request.session[SESSION_KEY] = dict(list(drafts.items())[-MAX_DRAFTS:])
    request._practica_draft_kept = True  # type: ignore[attr-defined]


def take(request: HttpRequest, *, action: str | None = None) -> QueryDict | None:
    """The kept fields for the form on this page that posts to `action` (default: this
    page), removed from the session; None when there are none."""
    if not hasattr(request, "session"):
        return None
    drafts = request.session.get(SESSION_KEY)
    draft = (drafts or {}).get(request.path)
    if draft is None or draft["action"] != (action or request.path):
        return None
    del drafts[request.path]
    request.session[SESSION_KEY] = drafts
    data = QueryDict(mutable=True)
    for name, values in draft["fields"].items():
        data.setlist(name, values)
    text = _("What you wrote has been kept: check it and send it again.")
    if draft["files"]:
        text += " " + _("Choose your file again: files cannot be kept.")
    messages.info(request, text)
    return data


def form_data(request: HttpRequest) -> QueryDict | None:
    """What to bind a form to: the POST, else a kept draft for this page, else None."""
    if request.method == "POST":
        return request.POST or None
    return take(request)


def return_page(request: HttpRequest) -> str:
    """The page a POST came from: the same-site Referer, else the address it was sent to."""
    referer = request.headers.get("referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        path = urlsplit(referer).path
        if path:
            return path
    return request.path


def redirect_keeping(request: HttpRequest, target: str, *, page: str) -> str:
    """The address of `target` with `next=page`, having kept a POST's fields for `page`."""
    if request.method == "POST":
        keep(request, page=page)
    return f"{target}?{urlencode({'next': page})}"


class InterruptedWriteMiddleware:
    """Where a write that was interrupted lands, never a loss and never a blank page.

    - A POST sent to sign in (a session that expired, a sign-out in another tab) by any
      `login_required` view: its fields are kept and `next` is the page the form was on.
      Write-gated views keep their draft themselves, knowing their form's page.
    - A GET of an address that only takes forms (a link kept from an old tab, a redirect
      after signing in): a page that says so and leads back, instead of an empty 405."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        if request.method == "POST":
            if (
                response.status_code == 302
                and not getattr(request, "_practica_draft_kept", False)
                and not request.user.is_authenticated
                and response["Location"].split("?")[0] == reverse(settings.LOGIN_URL)
            ):
                page = return_page(request)
                response["Location"] = redirect_keeping(
                    request, reverse(settings.LOGIN_URL), page=page
                )
        elif request.method == "GET" and response.status_code == 405 and not response.content:
            back = return_page(request)
            page = render(
                request, "405.html", {"back": back if back != request.path else ""}, status=405
            )
            page["Allow"] = response.get("Allow", "POST")
            return page
        return response
