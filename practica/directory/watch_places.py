"""How "person:<id>" keys (following a person), which members watch, resolve for a member
(notifications.places): the people whose profile they may see, and no one else."""

from typing import Any

from django.urls import reverse

from practica.notifications.places import Place, int_ids, place_kind

from .selectors import people_visible_to


def people_watchable(user: Any, ids: list[str]) -> dict[str, Place]:
    if not getattr(user, "is_authenticated", False):
        return {}
    found = people_visible_to(user).filter(pk__in=int_ids(ids)).only("pk", "display_name")
    return {
        str(person.pk): Place(person.name, reverse("person_detail", args=[person.pk]))
        for person in found
    }


place_kind("person", people_watchable)
