"""Expected statuses by role for the directory app's URLs (see expected.py)."""

from .world import ALL_200, SIGNED_IN, row  # noqa: F401

DIRECTORY: dict = {}
