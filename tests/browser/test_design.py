"""What the design system promises a person on a phone or with a keyboard (docs/design.md):
no page with a table scrolls sideways at 320 px, the menus open without JavaScript, and the
focus ring shows against every background it lands on, in light and dark."""

from datetime import datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from practica.communities.services.invitations import invitation_send
from practica.communities.services.joining import join_request_decline
from practica.communities.services.proposals import proposal_submit
from practica.demo.files import make_pdf
from practica.events.services import event_create
from practica.events.services.registrations import registration_create
from practica.library.services import resource_create, version_add
from tests.browser.conftest import log_in
from tests.core.test_design_tokens import contrast
from tests.factories import CommunityFactory, UserFactory, make_member, make_request

pytestmark = pytest.mark.django_db(transaction=True)

PDF = "application/pdf"
LONG = "Criminal Division of the Lagos State High Court of Justice"


@pytest.fixture
def site():
    """A community with every kind of table filled in, with long names where people have them."""
    community = CommunityFactory(name="Drug Treatment Courts", slug="dtc", join_policy="approval")
    chair = make_member(
        community, role="chair", email="chair@example.org",
        display_name="Judge Ruth Okonkwo-Abernathy", affiliation=LONG,
    )  # fmt: skip
    members = [
        make_member(community, display_name=f"Oluwaseun Adebayo-Williams {i}", affiliation=LONG)
        for i in range(3)
    ]
    join_request_decline(actor=chair, request=make_request(community), reason="Not eligible " * 8)
    make_request(community)
    invitation_send(
        actor=chair,
        community=community,
        emails=["a.person.with.a.very.long.address@ministry-of-justice.example.org"],
    )
    day = (timezone.now() + timedelta(days=10)).date()
    start = datetime(day.year, day.month, day.day, 14, 0)
    event = event_create(
        actor=chair, community=community, title="Webinar on phase systems", kind="webinar",
        description="An hour on phases.", local_start=start, local_end=start + timedelta(hours=1),
        time_zone="Europe/Paris", audience="members", is_online=True,
        meeting_url="https://meet.example.org/" + "phases" * 20, needs_approval=True,
    )[0]  # fmt: skip
    for member in members:
        registration_create(actor=member, event=event)
    resource = resource_create(
        actor=chair, community=community, title="Participant handbook", kind="guide",
        summary="A handbook.", language="English", licence="cc_by", licence_confirmed=True,
        current_as_of=timezone.localdate(),
        upload=SimpleUploadedFile("x-" + "long-name-" * 6 + ".pdf", make_pdf("1"), PDF),
    )  # fmt: skip
    version_add(
        actor=chair,
        resource=resource,
        upload=SimpleUploadedFile("handbook-v2.pdf", make_pdf("v2"), PDF),
        note="Updated the phase descriptions after the " + "review " * 10,
    )
    proposal_submit(
        actor=members[0], name="Community courts and problem-solving justice everywhere",
        domain="d", rationale="r", audience="a",
    )  # fmt: skip
    UserFactory(email="staff@example.org", is_staff=True)
    return {"community": community, "event": event, "resource": resource}


def _width_overflow(page, path: str) -> int:
    response = page.goto(path)
    assert response is not None and response.status == 200, path
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_pages_with_tables_fit_a_320px_screen(browser, live_server, site):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        event, resource = site["event"], site["resource"]
        # The header (brand, menu, log in, sign up) stays one line even on the narrowest phone.
        page.goto("/communities/")
        assert page.locator(".header-row").bounding_box()["height"] < 70
        log_in(page, "chair@example.org")
        assert page.locator(".header-row").bounding_box()["height"] < 70
        for path in (
            "/communities/dtc/members/",
            "/communities/dtc/requests/",
            "/communities/dtc/invitations/",
            "/communities/dtc/settings/",
            f"/events/{event.pk}/",
            f"/events/{event.pk}/registrations/",
            "/events/calendar/",
            resource.get_absolute_url(),
            "/profile/",
            "/notifications/",
        ):
            assert _width_overflow(page, path) <= 0, path
        # The table became labelled rows: each cell says what it is.
        page.goto("/communities/dtc/members/")
        cell = page.locator("td[data-label='Role']").first
        assert (
            page.evaluate("el => getComputedStyle(el, '::before').content", cell.element_handle())
            == '"Role"'
        )
        assert cell.bounding_box()["width"] > 250  # one row per line, not squeezed columns
        # Calendar addresses are in read-only fields, whole, within the screen.
        page.goto("/events/calendar/")
        field = page.get_by_label("Everything you are registered for, with the joining links.")
        assert field.get_attribute("readonly") is not None
        assert "/calendar/" in field.input_value()
        assert field.bounding_box()["width"] <= 320

        log_in(page, "staff@example.org")
        for path in ("/communities/proposals/", "/conduct/publish/"):
            assert _width_overflow(page, path) <= 0, path
    finally:
        context.close()


def test_the_menus_open_without_javascript_on_a_phone(browser, live_server, site):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 800}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        log_in(page, "chair@example.org")
        page.goto("/communities/")
        main_menu = page.get_by_role("navigation", name="Main")
        events = main_menu.get_by_role("link", name="Events")
        assert not events.is_visible()  # collapsed: the header stays one line
        header = page.locator(".header-row").bounding_box()
        assert header["height"] < 70
        page.locator(".menu-main > summary").click()
        assert events.is_visible()
        assert main_menu.get_by_role("link", name="Communities").get_attribute("aria-current")
        events.click()
        assert page.get_by_role("heading", name="Upcoming events").is_visible()
        # The account menu: its button shows the name; it opens to the links and log out.
        log_out = page.get_by_role("button", name="Log out")
        assert not log_out.is_visible()
        page.locator(".menu-account > summary").click()
        assert page.get_by_role("link", name="Notifications").is_visible()
        assert log_out.is_visible()
        page.locator(".menu-account > summary").click()  # and closes again
        assert not log_out.is_visible()
        # Filters are folded away on a phone, and open on request.
        find = page.get_by_role("button", name="Filter")
        assert not find.is_visible()
        page.get_by_text("Filters", exact=True).click()
        assert find.is_visible()
    finally:
        context.close()


def test_the_menu_is_one_line_of_links_on_a_desktop(browser, live_server, site):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto("/communities/")
        menu = page.get_by_role("navigation", name="Main")
        links = menu.get_by_role("link")
        tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
        assert links.count() == 5 and len(tops) == 1
        # The search box sits on the same line, beside the links.
        box = menu.get_by_role("searchbox", name="Search").bounding_box()
        assert min(tops) <= box["y"] + box["height"] / 2 <= min(tops) + box["height"] + 20
        assert not page.locator(".menu-main > summary").is_visible()
        assert page.get_by_role("button", name="Filter").is_visible()  # filters shown
    finally:
        context.close()


# For the focused element: the colours of its ring (outline, box-shadow, and a link's fill)
# and the background it sits on (the first opaque background among its ancestors).
RING = r"""() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const colours = [];
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  if (outlined) colours.push(style.outlineColor);
  for (const m of style.boxShadow.matchAll(/rgba?\([^)]*\)/g)) colours.push(m[0]);
  if (el.tagName === 'A') colours.push(style.backgroundColor);
  const clear = (c) => !c || c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
  let node = el.parentElement, behind = 'rgb(255, 255, 255)';
  while (node) {
    const bg = getComputedStyle(node).backgroundColor;
    if (!clear(bg)) { behind = bg; break; }
    node = node.parentElement;
  }
  return {tag: el.tagName, text: (el.textContent || el.name || '').trim().slice(0, 30),
          colours: colours.filter(c => !clear(c)), behind};
}"""


def _hex(css: str) -> str:
    parts = css[css.index("(") + 1 : css.index(")")].replace(",", " ").split()
    return "#" + "".join(f"{round(float(p)):02x}" for p in parts[:3])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focus_ring_contrasts_with_every_background(browser, live_server, site, scheme):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, color_scheme=scheme
    )
    page = context.new_page()
    try:
        log_in(page, "chair@example.org")
        checked = set()
        # A page with tabs, cards, buttons, tags and a sidebar, and a form showing errors.
        for path in ("/communities/dtc/", "/communities/dtc/invitations/", "/communities/"):
            page.goto(path)
            if path.endswith("invitations/"):
                page.get_by_role("button", name="Send invitations").click()
            page.locator("body").focus()
            for _ in range(45):
                page.keyboard.press("Tab")
                ring = page.evaluate(RING)
                if ring["tag"] == "BODY":
                    break
                assert ring["colours"], ring  # something shows
                best = max(contrast(_hex(c), _hex(ring["behind"])) for c in ring["colours"])
                assert best >= 3, ring
                checked.add((ring["tag"], _hex(ring["behind"])))
        # Links, buttons and fields were reached, on more than one background.
        assert {"A", "BUTTON", "INPUT"} <= {tag for tag, _ in checked}
        assert len({behind for _, behind in checked}) >= 2
    finally:
        context.close()
