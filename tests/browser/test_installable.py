"""In Chromium: the service worker installs, and with the network gone a page opens as the
offline page, which names no one, even for a member who was signed in."""

import pytest

from tests.browser.conftest import log_in
from tests.browser.test_csp import WATCH
from tests.factories import CommunityFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.service_worker]

READY = "navigator.serviceWorker.ready.then((r) => r.active && r.active.scriptURL)"


def _installed(page) -> str:
    """Wait until the worker is active and controls the page; its script's address."""
    script = page.evaluate(READY)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=15000)
    return script


def test_offline_page_when_the_network_is_gone(page, live_server):
    community = CommunityFactory(name="Youth Justice", slug="youth-justice")
    page.add_init_script(WATCH)
    page.goto("/")
    assert _installed(page) == f"{live_server.url}/sw.js"
    assert page.evaluate("window.__violations") == []

    page.context.set_offline(True)
    page.goto(f"/communities/{community.slug}/")
    assert page.title() == "You are offline · Practica"
    assert page.get_by_role("heading", name="You are offline").is_visible()
    # Its stylesheet came from the worker's copy: the page is styled, not bare.
    assert page.evaluate("document.styleSheets.length") >= 1
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"

    page.context.set_offline(False)
    page.get_by_role("link", name="Try again").click()
    assert page.get_by_role("heading", name="Youth Justice").is_visible()


def test_the_offline_page_never_shows_a_members_page(page):
    UserFactory(email="mia@example.org", display_name="Mia Member")
    log_in(page, "mia@example.org")
    page.goto("/communities/")
    assert page.get_by_text("Mia Member").first.is_visible()
    _installed(page)

    page.context.set_offline(True)
    page.goto("/notifications/")
    assert page.title() == "You are offline · Practica"
    assert page.get_by_text("Mia Member").count() == 0
    assert page.get_by_role("link", name="Log in").is_visible()
    # What the worker keeps: the offline page and static files, no page a person read.
    kept = page.evaluate(
        """caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n)
             .then((c) => c.keys()).then((reqs) => reqs.map((r) => new URL(r.url).pathname)))))
             .then((lists) => lists.flat())"""
    )
    assert "/offline/" in kept
    assert all(path == "/offline/" or path.startswith("/static/") for path in kept), kept
