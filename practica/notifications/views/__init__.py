"""The notification centre, watching controls and email preferences: thin views over the
selectors and services of this app; the places members watch are resolved through the
registry the domain apps fill (places.py)."""

from .centre import notification_go, notification_list, notifications_read
from .email import email_preferences
from .watching import watch_change, watching_list

__all__ = [
    "email_preferences",
    "notification_go",
    "notification_list",
    "notifications_read",
    "watch_change",
    "watching_list",
]
