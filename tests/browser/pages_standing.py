"""Members' standing and the audit log, for the every-page browser test (see pages.py)."""

from tests.browser.page_kit import SIGNED_IN, L, Page, S, p


def slug(w):
    return w.community.slug


def suspended(w):
    return w.extra["suspended"].pk


STANDING_PAGES: list[Page] = [
    p("my_standing", SIGNED_IN),
    p("audit_log", (S,)),
    p("community_audit", (L, S), slug),
    p("member_standing", (L, S), slug, suspended),
    p("person_standing", (S,), suspended),
]
STANDING_NOT_PAGES: dict[str, str] = {}
