"""Every page type of the site, as a visitor, a member and a leader (and staff for the staff
pages), on a site with realistic content (tests/browser/showcase.py):

- a screenshot at 1280 and at 390 px wide, in var/screenshots/<role>/<page>-<width>.png
  (var/ is ignored by git), for anyone to look at after `make test`;
- nothing scrolls sideways at 320 px (the failure names the element that sticks out);
- axe-core finds no violation of WCAG 2.2 A/AA or of its best practices (heading-order
  among them), at 1280 and at 390 px.

Run it alone with `make screenshots` (or `pytest tests/browser/test_every_page.py`).
A URL pattern that is neither in PAGES nor in NOT_PAGES (tests/browser/pages.py) fails the
test, so that a new page is looked at too. Pages that look the same to members and leaders
(the account's own pages) are taken once, as the member.
"""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from django.conf import settings

from tests.browser.conftest import log_in
from tests.browser.page_kit import ROLES
from tests.browser.pages import NOT_PAGES, PAGES, Page
from tests.browser.showcase import build
from tests.url_roles.test_urls_by_role import walk

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(os.environ.get("PRACTICA_SCREENSHOTS") or settings.VAR_DIR / "screenshots")
# PRACTICA_PAGES=post_detail,event_list looks at these pages only (while fixing them).
ONLY = {key for key in os.environ.get("PRACTICA_PAGES", "").split(",") if key}
WIDTHS = (1280, 390)
NARROW = 320

# Every axe-core rule of these tags: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's
# best practices (heading-order, region, landmark-*, page-has-heading-one...).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "rules": {"heading-order": {"enabled": True}},
    "resultTypes": ["violations"],
}


# Problems found when this test was written, for the redesign of issue 11 to fix: (page,
# role, the problem's start). They are reported without failing; one that no longer happens
# fails the test until it is taken off this list, so that the list only shrinks.
KNOWN: set[tuple[str, str, str]] = set()

# Names what sticks out past the right edge, leaving out what is inside a box that scrolls
# or clips: the outermost elements that stick out while their parent fits (with the deepest
# element inside that is itself wider than the screen), and the elements whose own text
# runs past their box (a long word that does not wrap).
OVERFLOW_JS = """() => {
  const root = document.documentElement, limit = root.clientWidth + 0.5;
  if (root.scrollWidth <= root.clientWidth) return null;
  const describe = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += "#" + el.id;
    for (const c of el.classList) text += "." + c;
    const words = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    const width = Math.round(el.getBoundingClientRect().width);
    return `${text}${words ? ` "${words}"` : ""} (${width} px wide)`;
  };
  const right = (el) => el.getBoundingClientRect().right;
  const contentRight = (el) => el.getBoundingClientRect().left + el.scrollWidth;
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (found.length >= 6 || clipped(el)) continue;
    const parent = el.parentElement;
    if (right(el) > limit && !(parent !== document.body && right(parent) > limit)) {
      let widest = null;
      for (const inner of el.querySelectorAll("*")) {
        if (inner.getBoundingClientRect().width > root.clientWidth) widest = inner;
      }
      found.push(describe(el) + (widest ? " because of " + describe(widest) : ""));
    } else if (
      right(el) <= limit && contentRight(el) > limit
      && getComputedStyle(el).overflowX === "visible"
      && [...el.children].every((c) => right(c) <= limit && contentRight(c) <= limit)
    ) {
      found.push(describe(el) + ": its text runs past it");
    }
  }
  return {scrollWidth: root.scrollWidth, elements: found};
}"""


def test_every_url_pattern_is_a_page_here_or_said_not_to_be():
    named = {name for name, route in walk() if not route.startswith("admin/")}
    covered = {page.url_name for page in PAGES if page.url_name} | set(NOT_PAGES)
    assert named - covered == set(), "add these URL patterns to PAGES or NOT_PAGES"
    assert covered - named == set(), "these are no longer URL patterns"


def _violations(page) -> list[str]:
    results = page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"axe {v['id']} ({v['impact']}, {v['help']}): "
        + ", ".join(" ".join(n["target"]) for n in v["nodes"])
        for v in results["violations"]
    ]


def _check(page, shots: Path, target: Page, path: str) -> list[str]:
    problems = []
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    if target.post_bytes:  # a form sent from the page: the browser's own POST navigation
        body = "body=" + "x" * target.post_bytes
        page.route(
            path,
            lambda route: route.continue_(
                method="POST",
                post_data=body,
                headers={
                    **route.request.headers,
                    "content-type": "application/x-www-form-urlencoded",
                },
            ),
        )
    response = page.goto(path)
    if target.post_bytes:
        page.unroute(path)
    status = response.status if response else None
    if status != target.status:
        problems.append(f"answered {status}, expected {target.status}")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=shots / f"{target.key}-{width}.png", full_page=True)
        problems += [f"at {width} px: {v}" for v in _violations(page)]
    page.set_viewport_size({"width": NARROW, "height": 640})
    overflow = page.evaluate(OVERFLOW_JS)
    if overflow:
        problems.append(
            f"scrolls sideways at {NARROW} px ({overflow['scrollWidth']} px wide): "
            + "; ".join(overflow["elements"])
        )
    return problems


# Up to some 60 pages a role, each loaded once and seen at three widths: one to two minutes a
# role on a quiet 2-core machine, several on a busy one (the suite's 300 s is for hangs).
@pytest.mark.timeout(900)
@pytest.mark.parametrize("role", ROLES)
def test_every_page_looks_right_and_passes_axe(role, browser, live_server):
    showcase = build()
    shots = SHOTS / role
    if not ONLY:  # a full run leaves no screenshot of a page that is gone
        shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True, exist_ok=True)
    # axe-core goes into every page as a Playwright init script (sent over the DevTools
    # protocol, before the page's own scripts), which the site's Content-Security-Policy
    # does not block: no bypass_csp is needed, and pages render exactly as the policy lets
    # them.
    # The service worker is blocked: Playwright's routes (the 413 page's big POST) do not see
    # requests a service worker makes (tests/browser/test_installable.py tests the worker).
    context = browser.new_context(base_url=live_server.url, service_workers="block")
    context.add_init_script(AXE_SCRIPT)
    page = context.new_page()
    page.set_default_timeout(15000)
    failures, known = [], set()
    try:
        user = showcase.users[role]
        if user is not None:
            log_in(page, user.email)
            page.wait_for_url(lambda u: "/accounts/login/" not in u)
        for target in PAGES:
            if role not in target.roles or (ONLY and target.key not in ONLY):
                continue
            path = target.path(showcase)
            for problem in _check(page, shots, target, path):
                entry = next(
                    (k for k in KNOWN if k[:2] == (target.key, role) and problem.startswith(k[2])),
                    None,
                )
                if entry:
                    known.add(entry)
                    print(f"Known, to fix: {target.key} ({path}) as {role}: {problem}")
                else:
                    failures.append(f"{target.key} ({path}) as {role}: {problem}")
    finally:
        context.close()
    gone = {k for k in KNOWN if k[1] == role and k not in known}
    if not ONLY:
        failures += [f"{k[0]} as {k[1]}: fixed, take it off KNOWN" for k in sorted(gone)]
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures)
