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


@cache
def country_code(name: str) -> str:
    """The ISO 3166-1 code of a country named in words ("Canada", "Nigeria"), or ""."""
    if not name.strip():
        return ""
    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except LookupError:
        return ""


def region_choices(country: str = "") -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for a select: one group per offered country, and the member's own
    country (named in words on their profile) first when it has subdivisions."""
    codes = list(offered_countries())
    own = country_code(country)
    if own and own not in codes and subdivisions(own):
        codes.insert(0, own)
    return [(country_name(cc), list(subdivisions(cc))) for cc in codes]


def region_in(country: str, words: str) -> str:
    """The code of the subdivision of `country` (in words) that `words` names: "Quebec",
    "Lagos State", "Ontario, Manitoba" (the first found); "" if none."""
    code = country_code(country)
    if not code:
        return ""
    names = {name.lower(): sub for sub, name in subdivisions(code)}
    for part in words.split(","):
        part = part.strip().lower()
        for candidate in (part, part.removesuffix(" state"), part.removesuffix(" province")):
            if candidate in names:
                return names[candidate]
    return ""
