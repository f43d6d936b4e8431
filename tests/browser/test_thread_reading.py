"""In a browser: the reply shortcut, folding replies, and continuing where one left off."""

import pytest

from practica.discussions.services import comment_create, post_create
from tests.browser.conftest import log_in
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_r_puts_the_cursor_in_the_reply_box_and_replies_fold_away(page):
    community = CommunityFactory(name="Treatment Courts", slug="treatment")
    chair = make_member(community, role="chair", display_name="Chris Chair")
    make_member(community, email="mia@example.org", display_name="Mia Member")
    post = post_create(actor=chair, community=community, kind="discussion",
                       title="Phases", body="How many phases?")  # fmt: skip
    top = comment_create(actor=chair, post=post, body="Three, in our court.")
    comment_create(actor=chair, post=post, body="Four would be better.", parent=top)
    log_in(page, "mia@example.org")
    page.goto(post.get_absolute_url())

    page.keyboard.press("r")
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.type("r and more")  # typing in the box does not jump again
    assert page.get_by_label("Your comment").input_value() == "r and more"

    reply = page.get_by_text("Four would be better.")
    assert reply.is_visible()
    page.get_by_text("1 reply").click()
    assert not reply.is_visible()

    # Someone answers; "continue" from the list lands on the new comment's line.
    comment_create(actor=chair, post=post, body="Or five, for some.")
    page.goto("/communities/treatment/posts/")
    page.get_by_role("link", name="1 new comment").click()
    assert page.url.endswith("#new")
    assert page.locator("#new").is_visible()
    assert page.locator(".comment.unread").get_by_text("Or five, for some.").is_visible()
