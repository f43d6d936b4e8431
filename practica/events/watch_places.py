"""How "series:<id>" keys (a repeating event), which members watch, resolve for a member
(notifications.places): named and linked by its next occurrence they may see (else its
last)."""

from typing import Any

from django.utils import timezone

from practica.notifications.places import Place, int_ids, place_kind

from .selectors import events_visible_to


def series_watchable(user: Any, ids: list[str]) -> dict[str, Place]:
    now = timezone.now()
    chosen: dict[int, Any] = {}
    events = (
        events_visible_to(user)
        .filter(series_id__in=int_ids(ids))
        .select_related(None)
        .only("pk", "title", "series_id", "starts_at")
        .order_by("series_id", "starts_at", "pk")
    )
    for event in events:
        current = chosen.get(event.series_id)
        if current is None or current.starts_at < now:
            chosen[event.series_id] = event
    return {
        str(series_id): Place(event.title, event.get_absolute_url())
        for series_id, event in chosen.items()
    }


place_kind("series", series_watchable)
