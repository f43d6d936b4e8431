"""The governance app's pages for the every-page browser test (see pages.py)."""

from tests.browser.page_kit import ALL, SIGNED_IN, L, M, Page, S, V, p, url  # noqa: F401


def slug(w):
    return w.community.slug


GOVERNANCE_PAGES: list[Page] = [
    p("agreement", ALL, slug),
    p("agreement_draft", SIGNED_IN, slug),
    p("agreement_edit", (L,), slug),
    p("agreement_versions", ALL, slug),
    p("agreement_version", ALL, slug, 1),
    p("plan", ALL, slug),
    p("plan_detail", ALL, slug, lambda w: w.extra["plan"].pk),
    p("plan_draft", SIGNED_IN, slug),
    p("plan_edit", (L,), slug),
    p("goal_edit", (L,), slug, lambda w: w.extra["draft_goal"].pk),
    # The leader edits all of it; the member, who owns it, says how it is going.
    p("activity_edit", SIGNED_IN, slug, lambda w: w.extra["plan_activity"].pk),
]
GOVERNANCE_NOT_PAGES: dict[str, str] = {
    "agreement_publish": "a button on the agreement's editor (POST only)",
    "plan_publish": "a button on the plan's editor (POST only)",
}
