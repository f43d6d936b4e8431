from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def ping(request: HttpRequest) -> HttpResponse:
    """A constant answer without the database: for uptime checks, and the benchmark's
    ceiling (the fastest a Django page can be with the project's middleware)."""
    return HttpResponse(b"pong\n", content_type="text/plain")
