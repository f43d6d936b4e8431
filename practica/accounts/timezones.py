"""Each person sees times in their own zone: their profile's, else their browser's, else
the site's. The browser's zone arrives in the `tz` cookie set by static/js/tz.js."""

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from practica.core.zones import TZ_COOKIE, cookie_zone, is_valid_zone, zones

__all__ = ["TZ_COOKIE", "TimeZoneMiddleware", "is_valid_zone", "time_zone_choices", "zone_for"]


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zones()) if "/" in name]


def zone_for(request: HttpRequest) -> str | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and is_valid_zone(user.time_zone or ""):
        return str(user.time_zone)
    return cookie_zone(request.COOKIES.get(TZ_COOKIE, ""))


class TimeZoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone = zone_for(request)
        if zone:
            timezone.activate(zoneinfo.ZoneInfo(zone))
        else:
            timezone.deactivate()
        return self.get_response(request)
