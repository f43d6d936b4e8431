"""Every page type of the site, as a visitor, a member and a leader (and staff for the staff
pages), on a site with realistic content (tests/browser/showcase.py):

- a screenshot at 1280 and at 390 px wide, in var/screenshots/<role>/<page>-<width>.png
  (var/ is ignored by git), for anyone to look at after `make test`;
- nothing scrolls sideways at 320 px (the failure names the element that sticks out);
- axe-core finds no violation of WCAG 2.2 A/AA or of its best practices (heading-order
  among them), at 1280 and at 390 px.

Run it alone with `make screenshots` (or `pytest tests/browser/test_every_page.py`).
A URL pattern that is neither in PAGES nor in NOT_PAGES fails the test, so that a new page
is looked at too. Pages that look the same to members and leaders (the account's own pages)
are taken once, as the member.
"""

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.browser.conftest import log_in
from tests.browser.showcase import INVITATION_TOKEN, Showcase, build
from tests.test_urls_by_role import walk

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(os.environ.get("PRACTICA_SCREENSHOTS") or settings.VAR_DIR / "screenshots")
# PRACTICA_PAGES=post_detail,event_list looks at these pages only (while fixing them).
ONLY = {key for key in os.environ.get("PRACTICA_PAGES", "").split(",") if key}
WIDTHS = (1280, 390)
NARROW = 320
ROLES = ("visitor", "member", "leader", "staff")
V, M, L, S = "visitor", "member", "leader", "staff"
ALL = (V, M, L)
SIGNED_IN = (M, L)

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


@dataclass(frozen=True)
class Page:
    key: str  # the screenshot's name
    url_name: str | None  # the URL pattern it shows (None: an address that matches none)
    path: Callable[[Showcase], str]
    roles: tuple[str, ...]
    status: int = 200
    post_bytes: int = 0  # reached by a form sending this much (the 413 page)


def url(name, *args):
    return lambda w: reverse(name, args=[a(w) if callable(a) else a for a in args])


def slug(w):
    return w.community.slug


def p(key, roles, *args, name=None, status=200):
    return Page(key, name or key, url(name or key, *args), roles, status)


PAGES = [
    # The site and its people
    p("home", ALL),
    p("search", ALL),
    p("conduct", ALL),
    p("offline", ALL),
    p("conduct_publish", (S,)),
    p("profile_edit", SIGNED_IN),
    p("people", SIGNED_IN),
    p("person_detail", SIGNED_IN, lambda w: w.users["member"].pk),
    p("notification_list", SIGNED_IN),
    p("watching_list", SIGNED_IN),
    p("email_preferences", SIGNED_IN),
    # Communities
    p("community_list", ALL),
    p("community_detail", ALL, slug),
    p("community_members", SIGNED_IN, slug),
    p("community_join", SIGNED_IN, lambda w: w.elsewhere.slug),
    p("community_leave", (M,), slug),
    p("community_settings", (L,), slug),
    p("community_requests", (L,), slug),
    p("request_decide", (L,), slug, lambda w: w.join_request.pk),
    p("member_remove", (L,), slug, lambda w: w.users["member"].pk),
    p("community_invitations", (L,), slug),
    p("invitation_accept", (V,), INVITATION_TOKEN),
    p("invitation_elsewhere", (M,), INVITATION_TOKEN, name="invitation_accept", status=403),
    p("invitation_invalid", (V,), "no-such-token", name="invitation_accept", status=404),
    p("proposal_create", SIGNED_IN),
    p("proposal_mine", SIGNED_IN),
    p("proposal_queue", (S,)),
    p("proposal_review", (S,), lambda w: w.proposal.pk),
    # Posts
    p("post_list", ALL),
    p("my_posts", SIGNED_IN),
    p("archives", ALL),
    p(
        "archive_month",
        ALL,
        lambda w: timezone.localdate().year,
        lambda w: timezone.localdate().month,
    ),
    p("tag_list", ALL),
    p("tag_detail", ALL, "handbooks"),
    p("community_posts", ALL, slug),
    p("community_summaries", ALL, slug),
    p("community_review", (L,), slug),
    p("post_create", SIGNED_IN, slug),
    p("post_detail", ALL, lambda w: w.thread.pk),
    p("question_detail", ALL, lambda w: w.question.pk, name="post_detail"),
    p("featured_detail", ALL, lambda w: w.featured.pk, name="post_detail"),
    p("summary_detail", ALL, lambda w: w.summary.pk, name="post_detail"),
    p("pending_detail", (M, L), lambda w: w.pending.pk, name="post_detail"),
    p("post_edit", SIGNED_IN, lambda w: w.thread.pk),
    p("post_history", SIGNED_IN, lambda w: w.thread.pk),
    p("post_review", (L,), lambda w: w.pending.pk),
    p("post_move", (L,), lambda w: w.thread.pk),
    p("post_delete", (L,), lambda w: w.thread.pk),
    p("summary_create", (L,), lambda w: w.featured.pk),
    p("comment_edit", (M,), lambda w: w.comment.pk),
    p("comment_edit_refused", (L,), lambda w: w.comment.pk, name="comment_edit", status=403),
    p("comment_delete", SIGNED_IN, lambda w: w.comment.pk),
    # Events
    p("event_list", ALL),
    p("event_past", ALL),
    p("calendar_settings", SIGNED_IN),
    p("event_create_platform", (S,)),
    p("community_events", ALL, slug),
    p("event_create", (L,), slug),
    p("event_detail", ALL, lambda w: w.event.pk),
    p("event_in_person", ALL, lambda w: w.extra["in_person"].pk, name="event_detail"),
    p("event_past_detail", ALL, lambda w: w.past_event.pk, name="event_detail"),
    p("event_edit", (L,), lambda w: w.event.pk),
    p("event_cancel", (L,), lambda w: w.event.pk),
    p("event_registrations", (L,), lambda w: w.event.pk),
    p("event_certificate", (M,), lambda w: w.past_event.pk),
    # Library
    p("library", ALL),
    p("community_library", ALL, slug),
    p("resource_create", SIGNED_IN, slug),
    p("resource_detail", ALL, lambda w: w.resource.pk),
    p("resource_edit", SIGNED_IN, lambda w: w.resource.pk),
    p("version_add", SIGNED_IN, lambda w: w.resource.pk),
    p("resource_move", (L,), lambda w: w.resource.pk),
    p("resource_delete", (L,), lambda w: w.resource.pk),
    # Newsletter
    p("newsletter_archive", ALL),
    p("newsletter_issue", ALL, lambda w: w.extra["newsletter_issue"].pk),
    p("newsletter_subscribe", (V,)),
    p("newsletter_confirm", (V,), lambda w: w.extra["confirm_token"]),
    p("newsletter_confirm_invalid", (V,), "not-a-token", name="newsletter_confirm"),
    p("newsletter_unsubscribe", (V,), lambda w: w.extra["unsubscribe_token"]),
    p("newsletter_preferences", (M,)),
    p("newsletter_manage", (S,)),
    p("newsletter_compose", (S,)),
    p("newsletter_issue_manage", (S,), lambda w: w.extra["newsletter_draft"].pk),
    p(
        "newsletter_sent_manage",
        (S,),
        lambda w: w.extra["newsletter_issue"].pk,
        name="newsletter_issue_manage",
    ),
    p("newsletter_edit", (S,), lambda w: w.extra["newsletter_draft"].pk),
    # Accounts (django-allauth, in the site's templates)
    p("account_login", (V,)),
    p("account_signup", (V,)),
    p("account_inactive", (V,)),
    p("account_email_verification_sent", (V,)),
    p("account_reset_password", (V,)),
    p("account_reset_password_done", (V,)),
    p("account_reset_password_from_key_done", (V,)),
    Page(
        "account_reset_password_from_key",
        "account_reset_password_from_key",
        lambda w: reverse("account_reset_password_from_key", args=["zz", "bad-key"]),
        (V,),
    ),
    p("account_confirm_email", (V,), "not-a-key"),
    p("account_logout", (M,)),
    p("account_reauthenticate", (M,)),
    p("account_email", (M,)),
    p("account_change_password", (M,)),
    # The site's refusals and errors
    Page("error_404", None, lambda w: "/no-such-page/", ALL, status=404),
    p("error_403", (V,), lambda w: w.quiet.slug, name="community_members", status=403),
    p("error_403_signed_in", (M,), slug, name="community_settings", status=403),
    p("error_405", (M,), name="notifications_read", status=405),
    Page(
        "error_413",
        "post_create",
        lambda w: reverse("post_create", args=[w.community.slug]),
        (M,),
        status=413,
        post_bytes=settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1,
    ),
]

# URL patterns that are not pages of their own: why each is left out.
NOT_PAGES = {
    "healthz": "plain text for monitors",
    "ping": "plain text for monitors",
    "set_language": "redirects back",
    "account_set_password": "redirects (every account has a password)",
    "account_confirm_login_code": "redirects (log-in codes are off)",
    **dict.fromkeys(
        (
            "event_ics",
            "registrations_csv",
            "community_feed_public",
            "feed_personal",
            "feed_community",
            "resource_download",
            "version_download",
            "web_manifest",
            "service_worker",
            "favicon",
            "person_photo",
            "community_emblem",
        ),
        "a file, not a page",
    ),
    # Addresses that only take forms: a GET shows the one 405 page (error_405 above).
    **dict.fromkeys(
        (
            "notifications_read",
            "watch_change",
            "request_withdraw",
            "member_role",
            "invitation_revoke",
            "post_moderate",
            "post_reopen",
            "comment_create",
            "answer_accept",
            "comment_react",
            "event_register",
            "event_unregister",
            "registration_decide",
            "event_attendance",
            "event_attended_self",
            "material_add",
            "event_followup",
            "resource_approve",
            "resource_confirm",
            "resource_manage",
            "resource_comment",
            "post_react",
            "newsletter_send_test",
            "newsletter_send",
            "newsletter_delete",
            "newsletter_resume",
        ),
        "takes forms only",
    ),
    "post_unread": "redirects to the page of the first unread comment",
    "comment_goto": "redirects to the page the comment is on",
    "notification_go": "marks the notification read and redirects to what it points at",
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
