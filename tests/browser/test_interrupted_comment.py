"""In a browser: a comment typed while a new code of conduct is published, and one sent
after signing out in another tab, come back to the member after the gate; nothing is lost."""

import re

import pytest

from practica.accounts.services import conduct_publish
from practica.discussions.models import Comment
from practica.discussions.services import post_create
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "In our court, weekly check-ins halved the no-show rate."


def test_a_comment_survives_a_new_code_of_conduct_and_a_sign_out(page):
    community = CommunityFactory(name="Treatment Courts", slug="treatment")
    chair = make_member(community, role="chair")
    make_member(community, email="mia@example.org", display_name="Mia Member")
    staff = UserFactory(is_staff=True)
    post = post_create(
        actor=chair, community=community, kind="question", title="Reminders?", body="Which?"
    )
    log_in(page, "mia@example.org")
    page.goto(post.get_absolute_url())
    page.get_by_label("Your comment").fill(TEXT)
    conduct_publish(actor=staff, body="## Version two\n\nCite your sources.")

    page.get_by_role("button", name="Post comment").click()
    page.wait_for_url("**/conduct/?next=*")
    page.get_by_label(re.compile("I have read the code of conduct")).check()
    page.get_by_role("button", name="Accept").click()
    page.wait_for_url(f"**{post.get_absolute_url()}")
    assert page.get_by_text("What you wrote has been kept").is_visible()
    assert page.get_by_label("Your comment").input_value() == TEXT
    assert not Comment.objects.exists()
    page.get_by_role("button", name="Post comment").click()
    assert page.get_by_text("Your comment is posted.").is_visible()
    assert Comment.objects.get().body == TEXT

    # Signed out in another tab while writing a second comment: signing in brings it back.
    page.get_by_label("Your comment").fill("And text reminders the day before.")
    other_tab = page.context.new_page()
    other_tab.goto("/accounts/logout/")
    other_tab.locator("main").get_by_role("button", name="Log out").click()
    other_tab.wait_for_url(lambda url: "/logout/" not in url)
    other_tab.wait_for_load_state()
    # Closing a tab can wait for ever in this Chromium (a CI run hung here): don't wait.
    other_tab.close(run_before_unload=True)
    page.get_by_role("button", name="Post comment").click()
    page.wait_for_url("**/accounts/login/?next=*")
    page.get_by_label("Email").fill("mia@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{post.get_absolute_url()}")
    assert page.get_by_label("Your comment").input_value() == "And text reminders the day before."
