"""In a browser: a leader schedules a webinar; members fill it; a cancellation moves the
waitlisted person up; afterwards attendance is recorded and a certificate printed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from practica.events.models import Event, Registration
from tests.browser.conftest import log_in
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_webinar_from_scheduling_to_certificate(page):
    community = CommunityFactory(name="Treatment Courts", slug="treatment")
    make_member(community, role="chair", email="chair@example.org")
    for name in ("ana", "ben"):
        make_member(community, email=f"{name}@example.org", display_name=name.title())

    log_in(page, "chair@example.org")
    page.goto("/communities/treatment/events/new/")
    page.get_by_label("Title").fill("Webinar: incentives")
    page.get_by_label("Kind").select_option("webinar")
    page.get_by_label("Description").fill("An hour on incentives.")
    day = (timezone.now() + timedelta(days=7)).date().isoformat()
    page.get_by_label("Date", exact=True).fill(day)
    page.get_by_label("Starts at").fill("14:00")
    page.get_by_label("Ends at").fill("15:00")
    page.get_by_label("Time zone").select_option("Europe/Paris")
    page.get_by_label("Meeting link").fill("https://meet.example.org/inc")
    page.get_by_label("Capacity").fill("1")
    page.get_by_role("button", name="Schedule").click()
    assert page.get_by_text("The event is scheduled.").is_visible()
    event_url = page.url

    log_in(page, "ana@example.org")
    page.goto(event_url)
    page.get_by_role("button", name="Register").click()
    assert page.get_by_text("https://meet.example.org/inc").is_visible()

    log_in(page, "ben@example.org")
    page.goto(event_url)
    assert page.get_by_text("https://meet.example.org/inc").count() == 0
    page.get_by_role("button", name="Join the waiting list").click()
    assert page.get_by_text("you are on the waiting list").is_visible()

    log_in(page, "ana@example.org")
    page.goto(event_url)
    page.get_by_role("button", name="Cancel my registration").click()
    assert any("A place is free" in m.subject for m in mail.outbox if m.to == ["ben@example.org"])

    # After the event: attendance, then Ben's certificate.
    event = Event.objects.get()
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    log_in(page, "chair@example.org")
    page.goto(f"{event_url}registrations/")
    page.get_by_label("Ben attended").check()
    page.get_by_role("button", name="Save attendance").click()
    assert page.get_by_text("Attendance saved: 1 attended.").is_visible()
    assert Registration.objects.get(user__email="ben@example.org").attended

    log_in(page, "ben@example.org")
    page.goto(event_url)
    page.get_by_role("link", name="Certificate of attendance").click()
    assert page.get_by_role("heading", name="Certificate of attendance").is_visible()
    assert page.get_by_text("Webinar: incentives").is_visible()
