"""Expected statuses by role for the search app's URLs (see expected.py)."""

from .world import ALL_200, SIGNED_IN, row  # noqa: F401

SEARCH: dict = {
    # Anyone may search; what they find is what they may see (tests/search/test_leaks.py).
    "search": (None, ALL_200),
}
SEARCH["search_similar"] = (None, ALL_200)
