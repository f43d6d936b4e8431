"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Skipped when no Chromium is installed, unless PRACTICA_REQUIRE_BROWSER is set (CI sets it
after installing Debian's `chromium` package), so that a missing browser fails loudly there.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("PRACTICA_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    # Playwright runs an event loop in this thread; the test body still uses the ORM.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    # The service worker runs only where a test is about it: Playwright can wait for ever to
    # close a tab whose worker is still installing (a CI run hung there).
    marked = request.node.get_closest_marker("service_worker")
    workers = "allow" if marked else "block"
    context = browser.new_context(base_url=live_server.url, service_workers=workers)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def conduct(transactional_db):
    """Browser tests run in flushed transactions, which empty the tables that data
    migrations fill; put back the code of conduct they publish."""
    from django.core.cache import cache

    from practica.accounts.models import CodeOfConduct

    cache.clear()
    return CodeOfConduct.objects.get_or_create(version=1, defaults={"body": "Be kind."})[0]


def log_in(page, email: str) -> None:
    """Log in through the form, as a person would (any earlier session is dropped)."""
    from tests.factories import PASSWORD

    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
