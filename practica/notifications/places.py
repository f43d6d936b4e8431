"""The places members watch, as the domain apps name them: "community:3", "post:17",
"tag:evidence", "series:4", "person:9".

Notifications import no domain app, so each domain app registers, in its AppConfig.ready(),
how to turn its keys into what a member may see: `place_kind(prefix, resolve)`, where
`resolve(user, ids)` answers, for the ids of that kind `user` may see now, a `Place`
(a name and a link). An id missing from the answer is a place the member may not see, or
that is gone: the two look the same to them (404, nothing listed).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Place:
    label: str
    url: str


Resolve = Callable[[Any, list[str]], dict[str, Place]]
_kinds: dict[str, Resolve] = {}


def place_kind(prefix: str, resolve: Resolve) -> None:
    """Register how keys "<prefix>:<id>" resolve for a member: `resolve(user, ids)` returns
    the places among `ids` they may see now, in a few queries whatever their number."""
    _kinds[prefix] = resolve


def kinds() -> list[str]:
    return list(_kinds)


def split_key(key: str) -> tuple[str, str] | None:
    prefix, sep, ident = key.partition(":")
    if not sep or not ident or prefix not in _kinds or len(key) > 120:
        return None
    return prefix, ident


def place_for(user: Any, key: str) -> Place | None:
    """The place `key` names, if `user` may see it now; None for unknown, gone or hidden."""
    parts = split_key(key)
    if parts is None:
        return None
    prefix, ident = parts
    return _kinds[prefix](user, [ident]).get(ident)


def places_for(user: Any, keys: Iterable[str]) -> dict[str, Place]:
    """The places among `keys` that `user` may see now: one call per kind of place."""
    by_kind: dict[str, list[str]] = {}
    for key in keys:
        parts = split_key(key)
        if parts is not None:
            by_kind.setdefault(parts[0], []).append(parts[1])
    found: dict[str, Place] = {}
    for prefix, ids in by_kind.items():
        for ident, place in _kinds[prefix](user, ids).items():
            found[f"{prefix}:{ident}"] = place
    return found


def int_ids(ids: Iterable[str]) -> list[int]:
    """The ids that are numbers (keys come from forms: anything else names nothing)."""
    return [int(ident) for ident in ids if ident.isascii() and ident.isdigit() and len(ident) < 10]
