from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

_COMING = {
    "search": (
        _("Search"),
        _("Full-text search over posts, events, resources and people will live here. Until "
          "then, find communities by name in the directory and people on the People page."),
    ),
}  # fmt: skip


def coming_soon(request: HttpRequest, section: str) -> HttpResponse:
    title, text = _COMING[section]
    return render(request, "core/coming_soon.html", {"title": title, "text": text})


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def ping(request: HttpRequest) -> HttpResponse:
    """A constant answer without the database: for uptime checks, and the benchmark's
    ceiling (the fastest a Django page can be with the project's middleware)."""
    return HttpResponse(b"pong\n", content_type="text/plain")
