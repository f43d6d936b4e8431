"""How "person:<id>" keys (following a person), which members watch, resolve for a member
(notifications.places): the people whose profile they may see."""

from typing import Any

from django.urls import reverse

from practica.notifications.places import Place, int_ids, place_kind

from .models import User
from .permissions import can_view_profiles


def people_watchable(user: Any, ids: list[str]) -> dict[str, Place]:
    if not can_view_profiles(user):
        return {}
    found = User.objects.filter(pk__in=int_ids(ids), is_active=True).only("pk", "display_name")
    return {
        str(person.pk): Place(person.name, reverse("person_detail", args=[person.pk]))
        for person in found
    }


place_kind("person", people_watchable)
