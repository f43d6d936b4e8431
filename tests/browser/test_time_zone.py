"""In a browser: static/js/tz.js tells the server the browser's zone, and times show in it."""

import zoneinfo
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from practica.events.services import event_create
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_sees_event_times_in_their_browser_s_zone(browser, live_server):
    community = CommunityFactory(name="Treatment Courts", slug="treatment")
    chair = make_member(community, role="chair")
    day = (timezone.now() + timedelta(days=9)).date()
    start = datetime(day.year, day.month, day.day, 14, 0)
    event = event_create(
        actor=chair,
        community=community,
        title="Webinar on incentives",
        kind="webinar",
        description="An hour on incentives.",
        local_start=start,
        local_end=start + timedelta(hours=1),
        time_zone="Europe/Paris",
        audience="public",
        is_online=True,
        meeting_url="https://meet.example.org/inc",
    )[0]
    toronto = event.starts_at.astimezone(zoneinfo.ZoneInfo("America/Toronto"))

    context = browser.new_context(base_url=live_server.url, timezone_id="America/Toronto")
    try:
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(event.get_absolute_url())  # the script sets the cookie on this visit
        cookie = next(c for c in context.cookies() if c["name"] == "tz")
        assert cookie["value"] == "America%2FToronto"  # as the script writes it
        page.reload()
        when = page.locator("dd", has=page.locator("time")).first.inner_text()
        assert f"{toronto:%H:%M}" in when
        assert "(America/Toronto; 14:00 Europe/Paris)" in when
    finally:
        context.close()


def test_the_zone_is_sent_again_when_the_browser_s_zone_changes(browser, live_server):
    context = browser.new_context(base_url=live_server.url, timezone_id="America/Toronto")
    try:
        host = live_server.url.split("//")[1].split(":")[0]
        context.add_cookies([{"name": "tz", "value": "Asia%2FTokyo", "domain": host, "path": "/"}])
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto("/")
        cookie = next(c for c in context.cookies() if c["name"] == "tz")
        assert cookie["value"] == "America%2FToronto"
    finally:
        context.close()
