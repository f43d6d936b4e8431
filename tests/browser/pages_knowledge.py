"""The knowledge app's pages for the every-page browser test (see pages.py)."""

from tests.browser.page_kit import ALL, SIGNED_IN, L, M, Page, S, V, p, url  # noqa: F401

KNOWLEDGE_PAGES: list[Page] = []
KNOWLEDGE_NOT_PAGES: dict[str, str] = {}
