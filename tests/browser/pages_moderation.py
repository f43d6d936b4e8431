"""The moderation app's pages for the every-page browser test (see pages.py); what they
show is made by tests/browser/showcase_moderation.py."""

from tests.browser.page_kit import L, M, Page, S, p, slug

MODERATION_PAGES: list[Page] = [
    # The flag form, on a comment by someone else.
    p("flag_item", (M,), "comment", lambda w: w.extra["to_flag"].pk),
    p("community_moderation", (L,), slug),
    p("moderation_settings", (L,), slug),
    p("moderation_queue", (S,)),
    # A comment hidden pending review: the leader sees counts and notes, staff the names.
    p("case_detail", (L, S), lambda w: w.extra["moderation_case"].pk),
    # The member's warning (after a dismissed flag) and the flag they made.
    p("my_moderation", (M,)),
]
MODERATION_NOT_PAGES: dict[str, str] = {"flag_withdraw": "takes forms only"}
