"""How "community:<id>" keys, which members watch, resolve for a member (notifications.places)."""

from typing import Any

from practica.notifications.places import Place, int_ids, place_kind

from .models import Community
from .permissions import can_see_content


def communities_watchable(user: Any, ids: list[str]) -> dict[str, Place]:
    """Communities whose content `user` may read now: only there is something to hear of."""
    found = Community.objects.filter(pk__in=int_ids(ids)).only("pk", "name", "slug", "visibility")
    return {
        str(c.pk): Place(c.name, c.get_absolute_url()) for c in found if can_see_content(user, c)
    }


place_kind("community", communities_watchable)
