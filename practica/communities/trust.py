"""Trust levels: how far a person has come on the platform, and so what they may do.

new      until PRACTICA_NEW_ACCOUNT_LIMITS["hours"] after signing up (the new-account limits
         apply; no flags, no new private conversations);
member   after that;
regular  after PRACTICA_TRUST["regular_days"] days, having read PRACTICA_TRUST["regular_reads"]
         posts and written PRACTICA_TRUST["regular_contributions"] posts or comments more than
         flags upheld against them, and with no flag upheld in the last
         PRACTICA_TRUST["flag_window_days"] days.

A leader may set a member's level in their community (`TrustOverride`), over the computed one.

What people read and write is kept by apps above this one (discussions, …) and flags by the
moderation app: they register counters here (`trust_counter`) so that dependencies keep
pointing down. With no counter of a kind registered, that kind counts 0.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from practica.accounts.permissions import is_active_user, is_staff

from .models import TRUST_ORDER, TrustLevel, TrustOverride

READS = "reads"  # posts read
CONTRIBUTIONS = "contributions"  # posts and comments written (published)
UPHELD_FLAGS = "upheld_flags"  # flags upheld against what the person wrote
KINDS = (READS, CONTRIBUTIONS, UPHELD_FLAGS)

# kind → counters; each takes (user id, since or None) and returns a count.
Counter = Callable[[int, datetime | None], int]
_COUNTERS: dict[str, list[Counter]] = {kind: [] for kind in KINDS}

_ATTR = "_practica_trust"


def trust_counter(kind: str) -> Callable[[Counter], Counter]:
    """Register a counter of `kind` (READS, CONTRIBUTIONS, UPHELD_FLAGS), from an app's ready()."""
    if kind not in _COUNTERS:
        raise ValueError(kind)

    def register(counter: Counter) -> Counter:
        if counter not in _COUNTERS[kind]:
            _COUNTERS[kind].append(counter)
        return counter

    return register


def count(kind: str, user_id: int, since: datetime | None = None) -> int:
    return sum(counter(user_id, since) for counter in _COUNTERS[kind])


def upheld_flags_against(user: Any, *, since: datetime | None = None) -> int:
    """Flags upheld against what `user` wrote (since `since`), as the moderation app counts."""
    return count(UPHELD_FLAGS, user.pk, since)


def rules() -> dict[str, int]:
    """The thresholds: PRACTICA_TRUST, and the new-account hours of PRACTICA_NEW_ACCOUNT_LIMITS."""
    hours = settings.PRACTICA_NEW_ACCOUNT_LIMITS["hours"]
    return {**settings.PRACTICA_TRUST, "member_hours": hours}


@dataclass(frozen=True)
class TrustFacts:
    """What the computed level rests on, to show the person and their leaders."""

    level: str
    days: int
    reads: int
    contributions: int
    upheld_flags: int
    recent_upheld_flags: int


def trust_facts(user: Any, *, at: datetime | None = None) -> TrustFacts:
    """The computed level and what it rests on; read once per request and user."""
    if at is None:
        cache = _cache(user)
        if "facts" not in cache:
            cache["facts"] = _facts(user, timezone.now())
        return cache["facts"]  # type: ignore[no-any-return]
    return _facts(user, at)


def _facts(user: Any, now: datetime) -> TrustFacts:
    rule = rules()
    age = now - user.date_joined
    days = age.days
    if age < timedelta(hours=rule["member_hours"]):
        return TrustFacts(TrustLevel.NEW, days, 0, 0, 0, 0)
    reads = count(READS, user.pk)
    contributions = count(CONTRIBUTIONS, user.pk)
    upheld = count(UPHELD_FLAGS, user.pk)
    recent = count(UPHELD_FLAGS, user.pk, now - timedelta(days=rule["flag_window_days"]))
    regular = (
        days >= rule["regular_days"]
        and reads >= rule["regular_reads"]
        and contributions - upheld >= rule["regular_contributions"]
        and recent == 0
    )
    level = TrustLevel.REGULAR if regular else TrustLevel.MEMBER
    return TrustFacts(level, days, reads, contributions, upheld, recent)


def _cache(user: Any) -> dict[str, Any]:
    cache = getattr(user, _ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _ATTR, cache)
    return cache


def trust_forget(user: Any) -> None:
    """Call after changing what `user`'s level rests on, so that later checks see it."""
    for attr in (_ATTR, "_practica_trust_override"):  # the latter: selectors.trust_override
        if hasattr(user, attr):
            delattr(user, attr)


def is_new_account(user: Any) -> bool:
    """Still at the lowest level by age alone (no query); staff never are."""
    if not is_active_user(user) or is_staff(user):
        return False
    return bool(timezone.now() - user.date_joined < timedelta(hours=rules()["member_hours"]))


def computed_trust_level(user: Any) -> str:
    """The level earned on the platform, before any leader's decision; staff are regulars.

    New accounts are told apart from their age alone, without a query; the counts are read
    once per request and user."""
    if not is_active_user(user):
        return TrustLevel.NEW
    if is_staff(user):
        return TrustLevel.REGULAR
    if is_new_account(user):
        return TrustLevel.NEW
    return str(trust_facts(user).level)


def trust_overrides(user: Any) -> dict[int, str]:
    """community id → level set by its leaders for `user`; one query per request."""
    cache = _cache(user)
    if "overrides" not in cache:
        cache["overrides"] = dict(
            TrustOverride.objects.filter(user_id=user.pk).values_list("community_id", "level")
        )
    return dict(cache["overrides"])


def trust_level_of(user: Any, community: Any | None) -> str:
    """`user`'s level in `community` (its leaders' decision if any), or on the platform."""
    if not is_active_user(user):
        return TrustLevel.NEW
    if community is not None and not is_staff(user):
        override = trust_overrides(user).get(community.pk)
        if override:
            return override
    return computed_trust_level(user)


def at_least(level: str, minimum: str) -> bool:
    return TRUST_ORDER.index(TrustLevel(level)) >= TRUST_ORDER.index(TrustLevel(minimum))
