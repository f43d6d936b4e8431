"""In a browser: a proposed featured post is published, discussed, closed and summarised;
a question gets an accepted answer."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from practica.discussions.models import Post
from practica.discussions.signals import post_changed
from tests.browser.conftest import log_in
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_featured_post_from_proposal_to_summary_and_an_accepted_answer(browser, live_server, page):
    community = CommunityFactory(name="Treatment Courts", slug="treatment")
    make_member(community, role="chair", email="chair@example.org", display_name="Chris Chair")
    make_member(community, email="mia@example.org", display_name="Mia Member")
    chair_context = browser.new_context(base_url=live_server.url)
    chair_page = chair_context.new_page()

    # A member proposes a featured post.
    log_in(page, "mia@example.org")
    page.goto("/communities/treatment/posts/")
    page.get_by_role("link", name="New post").click()
    page.get_by_role("radio", name=re.compile("Featured post")).check()
    page.get_by_label("Title").fill("What makes a phase system work?")
    page.get_by_label("Text").fill("How many phases do you use, and why?")
    page.get_by_label("Tags").fill("Phases, incentives")
    page.get_by_role("button", name="Publish").click()
    assert page.get_by_text("The leaders will review your post").is_visible()

    # The chair publishes it from the review queue.
    log_in(chair_page, "chair@example.org")
    chair_page.goto("/communities/treatment/review/")
    chair_page.get_by_role("link", name="What makes a phase system work?").click()
    chair_page.get_by_role("radio", name=re.compile("^Publish")).check()
    chair_page.get_by_label("Open for discussion (days)").fill("30")
    chair_page.get_by_role("button", name="Confirm decision").click()
    assert chair_page.get_by_text("Published; the author has been told.").is_visible()
    thread_url = chair_page.url

    # They discuss it: a comment, a reply, a reaction.
    page.goto(thread_url)
    page.get_by_label("Your comment").fill("We use **three** phases.")
    page.get_by_role("button", name="Post comment").click()
    assert page.get_by_text("Your comment is posted.").is_visible()
    chair_page.goto(thread_url)
    chair_page.get_by_role("link", name="Reply", exact=True).first.click()
    assert chair_page.get_by_role("heading", name="Reply to Mia Member").is_visible()
    chair_page.get_by_label("Your comment").fill("Why three and not four?")
    chair_page.get_by_role("button", name="Post comment").click()
    page.goto(thread_url)
    page.locator(".comment.depth-1").get_by_role("button", name="Helpful").click()
    assert page.locator('.comment.depth-1 button[aria-pressed="true"]').is_visible()

    # The period ends: the thread reads as closed at once. Moving the end into the past
    # stands in for time passing, so the cached copy of the post is dropped as time would
    # have made it read as closed anyway.
    Post.objects.filter(kind="featured").update(open_until=timezone.now() - timedelta(minutes=1))
    post_changed(*Post.objects.filter(kind="featured").values_list("pk", flat=True))
    page.goto(thread_url)
    assert page.get_by_text("This featured discussion closed on").is_visible()
    assert page.get_by_label("Your comment").count() == 0

    # The chair writes the summary; it shows at the top of the thread.
    chair_page.goto("/communities/treatment/review/")
    chair_page.get_by_role("link", name="Write the summary").click()
    chair_page.get_by_label("Summary", exact=True).fill("Most courts use three phases.")
    chair_page.get_by_role("button", name="Publish the summary").click()
    page.goto(thread_url)
    assert page.locator(".summary").get_by_text("Most courts use three phases.").is_visible()

    # A question gets an accepted answer.
    page.goto("/communities/treatment/posts/new/")
    page.get_by_role("radio", name=re.compile("^Question")).check()
    page.get_by_label("Title").fill("Where is a handbook example?")
    page.get_by_label("Text").fill("Looking for a participant handbook.")
    page.get_by_role("button", name="Publish").click()
    question_url = page.url
    chair_page.goto(question_url)
    chair_page.get_by_label("Your comment").fill("Ours is in the library.")
    chair_page.get_by_role("button", name="Post comment").click()
    page.goto(question_url)
    page.get_by_role("button", name="Accept as answer").click()
    assert page.locator(".answer").get_by_text("Ours is in the library.").is_visible()
    chair_context.close()
