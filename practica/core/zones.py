"""The time zones a person may choose, and the cookie the browser's zone arrives in."""

import zoneinfo
from functools import lru_cache
from urllib.parse import unquote

TZ_COOKIE = "tz"


@lru_cache(maxsize=1)
def zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_valid_zone(name: str) -> bool:
    return name in zones()


def cookie_zone(value: str) -> str | None:
    """The zone named by the `tz` cookie, or None. static/js/tz.js percent-encodes the name
    (a cookie value may not hold every character), so "America/Toronto" arrives as
    "America%2FToronto"; a raw name is accepted too."""
    for name in (value, unquote(value)):
        if is_valid_zone(name):
            return name
    return None
