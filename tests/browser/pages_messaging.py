"""The messaging app's pages for the every-page browser test (see pages.py); what they
show is made by tests/browser/showcase_messaging.py."""

from tests.browser.page_kit import ALL, SIGNED_IN, L, M, Page, S, V, p, url  # noqa: F401

MESSAGING_PAGES: list[Page] = [
    p("message_inbox", SIGNED_IN),
    p("message_new", (M,), lambda w: w.users["leader"].pk),
    p("conversation_detail", (M, L), lambda w: w.extra["conversation"].pk),
    # Flagging a message is the moderation app's form (message_flag redirects there).
    p("flag_message", (M,), "message", lambda w: w.extra["flagged"].pk, name="flag_item"),
    p("expert_ask", (M,), lambda w: w.extra["expert"].pk, "mentoring"),
    p("expert_requests", SIGNED_IN),
    # The leader's answer form (accept or decline), and the page as the asker sees it.
    p("expert_request_detail", (L,), lambda w: w.extra["mentoring_request"].pk),
    # What someone who may not write sees (the leader does not welcome questions).
    p(
        "message_refused",
        (S,),
        lambda w: w.users["leader"].pk,
        "question",
        name="expert_ask",
        status=403,
    ),
]
MESSAGING_NOT_PAGES: dict[str, str] = {
    **dict.fromkeys(("conversation_leave", "person_block"), "takes forms only"),
    "message_flag": "redirects to the moderation app's flag form",
    "flagged_messages": "redirects to the moderation queue, filtered to messages",
}
