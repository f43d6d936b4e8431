"""The search app's pages for the every-page browser test (see pages.py)."""

from django.urls import reverse

from tests.browser.page_kit import ALL, SIGNED_IN, L, M, Page, S, V, p, url  # noqa: F401


def _results(w):
    return reverse("search") + "?q=court+-zzz&sort="


SEARCH_PAGES: list[Page] = [
    p("search", ALL),
    Page("search_results", "search", _results, ALL),
    Page("search_bad_query", "search", lambda w: reverse("search") + "?q=NEAR%28%22", (V, M)),
]
SEARCH_NOT_PAGES: dict[str, str] = {
    "search_similar": "an HTML fragment for the question form's script, not a page",
}
