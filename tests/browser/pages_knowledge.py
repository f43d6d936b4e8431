"""The knowledge app's pages for the every-page browser test (see pages.py)."""

from tests.browser.page_kit import ALL, SIGNED_IN, L, M, Page, S, V, p, url  # noqa: F401


def slug(w):
    return w.community.slug


def rfi(w):
    return w.extra["rfi_question"].pk


KNOWLEDGE_PAGES: list[Page] = [
    p("knowledge_map", ALL),
    p("community_knowledge", ALL, slug),
    p("knowledge_gaps", (L, S)),
    p("community_gaps", (L,), slug),
    p("request_list", ALL),
    p("requests_for_me", SIGNED_IN),
    p("community_rfis", ALL, slug),
    p("request_detail", ALL, rfi),
    p("request_detail_none", (M,), lambda w: w.question.pk, name="request_detail", status=404),
    p("request_edit", (M,), rfi),
    p("request_route", (M,), rfi),
]
KNOWLEDGE_NOT_PAGES: dict[str, str] = {
    "request_need": "a button on the request's page (POST only)",
}
