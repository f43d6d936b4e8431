"""Creating events as a leader does, repeating ones, changes and cancellations."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from practica.events.models import Event
from practica.events.services import occurrences
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def _form(**changes):
    day = (timezone.now() + timedelta(days=20)).date()
    data = {
        "title": "Monthly leadership meeting",
        "kind": "meeting",
        "description": "Agenda",
        "start_date": day.isoformat(),
        "start_time": "18:00",
        "end_time": "19:30",
        "time_zone": "America/Toronto",
        "is_online": "online",
        "meeting_url": "https://meet.example.org/lead",
        "audience": "leaders",
    }
    data.update(changes)
    return data


def test_leader_creates_an_online_webinar(client, community, chair):
    client.force_login(chair)
    response = client.post(
        reverse("event_create", args=[community.slug]),
        _form(title="Webinar", kind="webinar", audience="members", capacity="50"),
    )
    event = Event.objects.get()
    assert response["Location"] == event.get_absolute_url()
    assert event.local_start.hour == 18 and event.time_zone == "America/Toronto"
    assert event.capacity == 50


def test_a_monthly_second_tuesday_meeting_repeats_at_the_same_wall_clock_time(
    client, community, chair
):
    # 2027-01-12 is the second Tuesday of January 2027.
    first = date(2027, 1, 12)
    client.force_login(chair)
    client.post(
        reverse("event_create", args=[community.slug]),
        _form(start_date=first.isoformat(), repeat="monthly_weekday", repeat_until="2027-06-30"),
    )
    events = list(Event.objects.order_by("starts_at"))
    assert [e.local_start.date() for e in events] == [
        date(2027, 1, 12),
        date(2027, 2, 9),
        date(2027, 3, 9),
        date(2027, 4, 13),
        date(2027, 5, 11),
        date(2027, 6, 8),
    ]
    # Toronto moves to daylight time on 14 March 2027: the meeting stays at 18:00 local...
    assert {e.local_start.hour for e in events} == {18}
    # ...which is 23:00 UTC in winter and 22:00 UTC in summer.
    assert events[0].starts_at.astimezone(UTC).hour == 23
    assert events[3].starts_at.astimezone(UTC).hour == 22
    assert len({e.series_id for e in events}) == 1


def test_occurrences_handle_last_weekday_and_weekly():
    start = datetime(2027, 1, 29, 10, 0)  # fifth Friday: repeats on the last Friday
    assert [d.day for d in occurrences(start, "monthly_weekday", date(2027, 3, 31))] == [29, 26, 26]
    assert len(occurrences(start, "weekly", date(2027, 2, 26))) == 5


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"end_time": "17:00"}, "The event must end after it starts."),
        ({"start_date": "2020-01-01"}, "A new event must start in the future."),
        ({"meeting_url": "http://meet.example.org/x"}, "must start with https://"),
        ({"meeting_url": "not a link"}, "Enter a valid URL."),
        ({"repeat": "weekly"}, "Say until when the event repeats."),
        ({"is_online": "in_person", "venue": ""}, "Give the venue of an in-person event."),
    ],
)
def test_bad_events_are_refused_and_the_form_kept(client, community, chair, changes, message):
    client.force_login(chair)
    response = client.post(reverse("event_create", args=[community.slug]), _form(**changes))
    body = response.content.decode()
    assert message in body
    assert 'value="Monthly leadership meeting"' in body
    assert not Event.objects.exists()


def test_members_cannot_create_events(client, community, member):
    client.force_login(member)
    assert client.get(reverse("event_create", args=[community.slug])).status_code == 403


def test_changes_and_cancellation_are_emailed_to_everyone_registered(
    client, on_commit, community, chair, make_event
):
    from tests.events.test_registration import _edit_data

    event = make_event()
    people = [make_member(community) for _ in range(2)]
    for person in people:
        client.force_login(person)
        client.post(reverse("event_register", args=[event.pk]))
    client.force_login(chair)
    mail.outbox.clear()
    with on_commit():
        client.post(
            reverse("event_edit", args=[event.pk]),
            _edit_data(event, start_time="15:00", end_time="16:00"),
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert "has changed" in mail.outbox[0].subject
    event.refresh_from_db()
    assert event.sequence == 1 and event.local_start.hour == 15
    mail.outbox.clear()
    with on_commit():
        client.post(reverse("event_cancel", args=[event.pk]), {"reason": "Speaker ill"})
    assert len(mail.outbox) == 2 and "Cancelled" in mail.outbox[0].subject
    assert "Speaker ill" in mail.outbox[0].body
    event.refresh_from_db()
    assert event.is_cancelled and event.sequence == 2
    # A cancelled event no longer offers its registration state, nor Edit/Cancel.
    assert "Edit</a>" not in client.get(event.get_absolute_url()).content.decode()
    assert client.get(reverse("event_edit", args=[event.pk])).status_code == 403
    client.force_login(people[0])
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Cancel my registration" not in page and "<strong>Registered</strong>" not in page


def test_times_show_in_the_reader_s_zone_beside_the_event_s(client, community, make_event):
    event = make_event(zone="Europe/Paris", hour=14)
    reader = make_member(community, time_zone="America/New_York")
    client.force_login(reader)
    page = client.get(event.get_absolute_url()).content.decode()
    local = event.starts_at.astimezone(__import__("zoneinfo").ZoneInfo("America/New_York"))
    assert f"{local:%H}:00" in page and "America/New_York" in page
    assert "14:00 Europe/Paris" in page
    # Without a profile zone, the browser's (sent by tz.js as a cookie) is used, in the
    # form the script writes it (percent-encoded) and in the raw form.
    client.logout()
    for cookie in ("Asia%2FTokyo", "Asia/Tokyo"):
        client.cookies["tz"] = cookie
        page = client.get(event.get_absolute_url()).content.decode()
        tokyo = event.starts_at.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Tokyo"))
        assert f", {tokyo:%H:%M}</time>" in page and "(Asia/Tokyo;" in page


def test_lists_filter_by_community_kind_and_month(client, community, make_event):
    near = make_event(days=3, title="Near webinar")
    far = make_event(days=70, title="Far workshop", kind="workshop")
    client.force_login(make_member(community))
    month = near.starts_at.strftime("%Y-%m")
    page = client.get(reverse("event_list"), {"month": month}).content.decode()
    assert "Near webinar" in page and (
        far.starts_at.strftime("%Y-%m") == month or "Far workshop" not in page
    )
    page = client.get(reverse("event_list"), {"kind": "workshop"}).content.decode()
    assert "Far workshop" in page and "Near webinar" not in page
    page = client.get(reverse("event_list"), {"month": "not-a-month"}).content.decode()
    assert "Choose a month, like 2027-03." in page


def test_staff_schedule_platform_wide_events_for_everyone(client, staff):
    client.force_login(staff)
    client.post(
        reverse("event_create_platform"),
        _form(title="Annual conference", kind="conference", audience="public"),
    )
    event = Event.objects.get()
    assert event.community is None
    client.logout()
    assert "Annual conference" in client.get(reverse("event_list")).content.decode()
    person = __import__("tests.factories", fromlist=["UserFactory"]).UserFactory()
    client.force_login(person)
    client.post(reverse("event_register", args=[event.pk]))
    assert event.registrations.get().status == "confirmed"
