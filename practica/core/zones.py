"""The time zones a person may choose, and the cookie the browser's zone arrives in."""

import zoneinfo
from functools import lru_cache

TZ_COOKIE = "tz"


@lru_cache(maxsize=1)
def zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_valid_zone(name: str) -> bool:
    return name in zones()
