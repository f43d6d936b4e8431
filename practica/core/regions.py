"""Countries' subdivisions (ISO 3166-2: provinces, territories, states), from pycountry.

pycountry packages the Debian iso-codes data, which follows ISO 3166 and is kept current;
the profile stores the code ("CA-ON"), the reports name the subdivisions no member is in.
Only top-level subdivisions are offered (a province, not its counties).
"""

from functools import cache

import pycountry
from django.conf import settings

# The countries whose subdivisions a profile offers, in this order (PRACTICA_REGION_COUNTRIES).
DEFAULT_COUNTRIES = ("CA", "US")


def offered_countries() -> tuple[str, ...]:
    return tuple(getattr(settings, "PRACTICA_REGION_COUNTRIES", DEFAULT_COUNTRIES))


@cache
def subdivisions(country_code: str) -> tuple[tuple[str, str], ...]:
    """(code, name) of the country's top-level subdivisions, by name."""
    found = pycountry.subdivisions.get(country_code=country_code) or []
    return tuple(sorted(((s.code, s.name) for s in found if not s.parent_code), key=lambda s: s[1]))


@cache
def country_name(country_code: str) -> str:
    country = pycountry.countries.get(alpha_2=country_code)
    return country.name if country is not None else country_code


@cache
def region_name(code: str) -> str:
    found = pycountry.subdivisions.get(code=code)
    return found.name if found is not None else code


def region_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for a select: one group per offered country."""
    return [(country_name(cc), list(subdivisions(cc))) for cc in offered_countries()]


def is_region(code: str) -> bool:
    return any(code == c for cc in offered_countries() for c, _name in subdivisions(cc))
