from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from practica.events.services import event_create


@pytest.fixture
def make_event(community, chair):
    """Schedule an event in `community` days ahead (wall-clock 14:00 in `zone`)."""

    def make(days: int = 10, zone: str = "Europe/Paris", hour: int = 14, **fields):
        day = (timezone.now() + timedelta(days=days)).date()
        start = datetime(day.year, day.month, day.day, hour, 0)
        defaults = {
            "title": "Webinar on phase systems",
            "kind": "webinar",
            "description": "An hour on **phases**.",
            "audience": "members",
            "is_online": True,
            "meeting_url": "https://meet.example.org/phases",
            "joining_instructions": "Passcode 1234",
        }
        defaults.update(fields)
        return event_create(
            actor=fields.pop("actor", chair),
            community=fields.pop("community", community),
            local_start=start,
            local_end=start + timedelta(hours=1),
            time_zone=zone,
            **{k: v for k, v in defaults.items() if k not in ("actor", "community")},
        )[0]

    return make
