"""Signals that apps built on communities subscribe to, so that dependencies point one way."""

from django.dispatch import Signal

# Sent inside the transaction that takes a person's access away: they left, were removed,
# or lost a leadership seat. Arguments: sender (the Community), community, user_id.
# Receivers tidy what the person held there (events cancel their registrations); every page,
# feed and notification asks the permission layer anyway.
access_reduced = Signal()
