"""Long unbroken words (pasted links, identifiers, or someone leaning on a key) wrap inside
their cards instead of pushing the page wider than a 320 px screen."""

import pytest

from practica.discussions.services import post_create
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def _page_width(page, path: str) -> int:
    page.goto(path)
    return page.evaluate("document.documentElement.scrollWidth")


def test_long_words_wrap_on_a_narrow_screen(browser, live_server):
    word = "Unbroken" * 37  # 296 characters without a space
    community = CommunityFactory(
        name="W" * 120, slug="long-words", summary=word, domain=word * 16, rules=word
    )
    chair = make_member(community, role="chair", display_name="N" * 120, affiliation=word[:200])
    post = post_create(
        actor=chair,
        community=community,
        kind="discussion",
        title=word[:200],
        body=word * 10,
        tags="x" * 40,
    )
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for path in ("/communities/", f"/communities/{community.slug}/", post.get_absolute_url()):
            assert _page_width(page, path) <= 320, path
            assert word[:40] in page.content()
    finally:
        context.close()
