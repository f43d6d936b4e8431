"""Expected statuses by role for the messaging app's URLs (see expected.py)."""

from .world import ALL_200, SIGNED_IN, row  # noqa: F401

MESSAGING: dict = {}
