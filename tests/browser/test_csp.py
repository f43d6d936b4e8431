"""Under the strict Content-Security-Policy, nothing on the site or in the admin is blocked,
and the site's one script (the browser's time zone) still runs."""

import pytest

from tests.browser.conftest import log_in
from tests.factories import CommunityFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Collects every violation the browser reports, before any page script runs.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def _visit(page, path: str) -> list[str]:
    response = page.goto(path)
    assert response is not None and response.status == 200, path
    assert "default-src 'self'" in (response.headers.get("content-security-policy") or "")
    page.wait_for_load_state("load")
    return page.evaluate("window.__violations")


def test_site_pages_run_under_the_policy(page):
    community = CommunityFactory(name="Youth Justice", slug="youth-justice")
    page.add_init_script(WATCH)
    for path in ("/", "/communities/", f"/communities/{community.slug}/", "/accounts/login/"):
        assert _visit(page, path) == [], path
    # tz.js, a static script, ran: it set the time-zone cookie.
    assert any(c["name"] == "tz" for c in page.context.cookies())


def test_the_admin_works_under_the_policy(page):
    staff = UserFactory(is_staff=True, is_superuser=True, email="admin@example.org")
    page.add_init_script(WATCH)
    log_in(page, staff.email)
    for path in ("/admin/", "/admin/communities/community/", "/admin/core/auditevent/"):
        assert _visit(page, path) == [], path
    assert _visit(page, "/admin/communities/community/add/") == []
    # The admin's scripts run: the slug follows the name, and the two-box picker is built.
    page.locator("#id_name").press_sequentially("Restorative Practice")
    assert page.locator("#id_slug").input_value() == "restorative-practice"
    assert page.locator("#id_focus_areas_input").count() == 1
    assert page.evaluate("window.__violations") == []
