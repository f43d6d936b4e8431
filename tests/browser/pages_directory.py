"""The directory app's pages for the every-page browser test (see pages.py)."""

from tests.browser.page_kit import ALL, SIGNED_IN, L, M, Page, S, V, p, url  # noqa: F401

DIRECTORY_PAGES: list[Page] = [
    p("expertise_edit", SIGNED_IN),
    p("expertise_area_detail", ALL, lambda w: w.extra["expert_area"].slug),
]
DIRECTORY_NOT_PAGES: dict[str, str] = {
    "expertise_change": "a form's address: a GET shows the 405 page",
    "expertise_remove": "a form's address: a GET shows the 405 page",
}
