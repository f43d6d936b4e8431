"""Writes for events: scheduling, registration with capacity and waitlist, attendance,
materials, follow-ups and reminders. Registered people are told of every change.

One module per part (scheduling, places, registrations, after, calendars); callers import
from `practica.events.services` as before."""

from .after import attendance_record, attendance_self_mark, followup_create, material_add
from .calendars import calendar_token_for, calendar_token_reset
from .registrations import (
    registration_cancel,
    registration_create,
    registration_decide,
    registrations_drop_lost,
    reminders_send,
)
from .scheduling import event_cancel, event_create, event_update, occurrences

__all__ = [
    "attendance_record",
    "attendance_self_mark",
    "calendar_token_for",
    "calendar_token_reset",
    "event_cancel",
    "event_create",
    "event_update",
    "followup_create",
    "material_add",
    "occurrences",
    "registration_cancel",
    "registration_create",
    "registration_decide",
    "registrations_drop_lost",
    "reminders_send",
]
