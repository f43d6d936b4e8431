"""Who watches what, and how closely: the rules of section 2 of issue 12 in one place."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from .models import LEVEL_RANK, Level, Watch

THREAD, PERSON, COMMUNITY = "post:", "person:", "community:"


def watch_set(*, user_id: int, key: str, level: str) -> Watch | None:
    """The member's chosen level on `key`; NORMAL on a place with no other meaning than
    the default removes the row. Callers check that the member may see the place."""
    if level not in Level.values:
        raise ValueError(level)
    if level == Level.NORMAL and not key.startswith(COMMUNITY):
        Watch.objects.filter(user_id=user_id, key=key).delete()
        return None
    watch, _created = Watch.objects.update_or_create(
        user_id=user_id, key=key, defaults={"level": level}
    )
    return watch


def watch_default(*, user_id: int, key: str, level: str) -> None:
    """Set `level` on `key` unless the member already chose one (writing on a post tracks
    it; asking a question watches it)."""
    if Watch.objects.filter(user_id=user_id, key=key).exists():
        return
    try:
        with transaction.atomic():
            Watch.objects.create(user_id=user_id, key=key, level=level)
    except IntegrityError:  # chosen meanwhile, in another request: theirs stands
        pass


def levels_for(places: Iterable[str], *, among: Iterable[int] | None = None) -> dict[int, str]:
    """Each member with a watch on any of `places` → their level for something there.

    A mute on the thread or on the person always wins; a level on the thread comes next;
    otherwise a muted community silences, and the closest follow of the rest counts."""
    keys = list(places)
    watches = Watch.objects.filter(key__in=keys)
    if among is not None:  # only these members' levels are wanted (their mutes)
        watches = watches.filter(user_id__in=list(among))
    found: dict[int, dict[str, str]] = {}
    for user_id, key, level in watches.values_list("user_id", "key", "level"):
        found.setdefault(user_id, {})[key] = level
    return {user_id: _level(held) for user_id, held in found.items()}


def _level(held: dict[str, str]) -> str:
    if any(level == Level.MUTED for key, level in held.items() if key.startswith((THREAD, PERSON))):
        return Level.MUTED
    thread = [level for key, level in held.items() if key.startswith(THREAD)]
    if thread:
        return thread[0]
    if any(level == Level.MUTED for key, level in held.items() if key.startswith(COMMUNITY)):
        return Level.MUTED
    return max(held.values(), key=lambda level: LEVEL_RANK[Level(level)])


def hears(level: str, needed: str) -> bool:
    """Whether a member at `level` hears of something watchers at `needed` are told."""
    return LEVEL_RANK[Level(level)] >= LEVEL_RANK[Level(needed)] > LEVEL_RANK[Level.MUTED]
