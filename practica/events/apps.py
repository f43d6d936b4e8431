from typing import Any

from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "practica.events"
    label = "events"

    def ready(self) -> None:
        from practica.communities.notify import target_rule
        from practica.communities.signals import access_reduced

        from . import watch_places  # noqa: F401 - event series members watch
        from .models import Event
        from .permissions import can_see_event

        target_rule(Event, can_see_event)

        def drop_registrations(community: Any, user_id: int, **kwargs: Any) -> None:
            from .services import registrations_drop_lost

            registrations_drop_lost(user_id=user_id, community=community)

        access_reduced.connect(drop_registrations, weak=False, dispatch_uid="events-access")
