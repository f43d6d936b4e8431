"""The recognition app's pages for the every-page browser test (see pages.py)."""

from tests.browser.page_kit import ALL, SIGNED_IN, M, Page, p


def slug(w):
    return w.community.slug


def member(w):
    return w.users["member"].pk


RECOGNITION_PAGES: list[Page] = [
    p("badge_list", ALL),
    p("badge_detail", ALL, "first_answer"),
    p("recognition_settings", SIGNED_IN),
    p("community_recognition", ALL, slug),
    p("development_record", (M,), member),
]
RECOGNITION_NOT_PAGES: dict[str, str] = {
    "development_csv": "the record as a CSV file (a download, not a page)",
}
