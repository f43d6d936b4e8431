"""Calendar files and feeds, read back with the icalendar parser."""

import zoneinfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from practica.events.services import event_cancel
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def _parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _events(cal):
    return [c for c in cal.walk("VEVENT")]


def test_event_ics_has_the_right_time_zone_and_sequence(client, community, make_event):
    event = make_event(zone="Europe/Paris", hour=14)
    client.force_login(make_member(community))
    cal = _parse(client.get(reverse("event_ics", args=[event.pk])))
    [vevent] = _events(cal)
    start = vevent.decoded("dtstart")
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Paris"
    assert (start.hour, start.minute) == (14, 0)
    assert start == event.starts_at
    assert vevent.decoded("dtend") == event.ends_at
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert vevent["sequence"] == 0 and str(vevent["uid"]).startswith(str(event.uid))
    # The link is not in the file of someone who is not registered.
    assert "meet.example.org" not in response_text(client, event)


def response_text(client, event):
    return client.get(reverse("event_ics", args=[event.pk])).content.decode()


def test_registered_people_get_the_link_and_a_cancel_updates_the_calendar(
    client, community, chair, make_event
):
    event = make_event()
    person = make_member(community)
    client.force_login(person)
    client.post(reverse("event_register", args=[event.pk]))
    assert "https://meet.example.org/phases" in response_text(client, event)
    event_cancel(actor=chair, event=event)
    cal = _parse(client.get(reverse("event_ics", args=[event.pk])))
    assert cal["method"] == "CANCEL"
    [vevent] = _events(cal)
    assert vevent["status"] == "CANCELLED" and vevent["sequence"] == 1


def test_personal_feed_is_private_and_revocable(client, community, make_event):
    event = make_event(title="Registered one")
    make_event(title="Not registered", days=12)
    person = make_member(community)
    client.force_login(person)
    client.post(reverse("event_register", args=[event.pk]))
    page = client.get(reverse("calendar_settings")).content.decode()
    token = person.calendar_token.token
    assert token in page
    client.logout()  # calendar programs have no session: the token is the key
    cal = _parse(client.get(reverse("feed_personal", args=[token])))
    [vevent] = _events(cal)
    assert vevent["summary"] == "Registered one"
    assert "meet.example.org" in vevent["description"]
    client.force_login(person)
    client.post(reverse("calendar_settings"))
    client.logout()
    assert client.get(reverse("feed_personal", args=[token])).status_code == 404
    assert client.get(reverse("feed_personal", args=["made-up"])).status_code == 404


def test_community_feeds_show_what_the_holder_may_see_without_links(
    client, community, chair, make_event
):
    make_event(title="Members webinar")
    make_event(title="Leaders only", audience="leaders", days=11)
    member = make_member(community)
    from practica.events.services import calendar_token_for

    token = calendar_token_for(member).token
    cal = _parse(client.get(reverse("feed_community", args=[token, community.slug])))
    titles = {str(v["summary"]) for v in _events(cal)}
    assert titles == {"Members webinar"}
    assert (
        b"meet.example.org"
        not in client.get(reverse("feed_community", args=[token, community.slug])).content
    )
    chair_token = calendar_token_for(chair).token
    cal = _parse(client.get(reverse("feed_community", args=[chair_token, community.slug])))
    assert {str(v["summary"]) for v in _events(cal)} == {"Members webinar", "Leaders only"}


def test_public_feed_without_a_token_shows_nothing_private(client, community, make_event):
    make_event(title="Open webinar", audience="public")
    make_event(title="Leaders only", audience="leaders", days=11)
    cal = _parse(client.get(reverse("community_feed_public", args=[community.slug])))
    assert {str(v["summary"]) for v in _events(cal)} == {"Open webinar"}
    assert (
        b"meet.example.org"
        not in client.get(reverse("community_feed_public", args=[community.slug])).content
    )
    closed = CommunityFactory(visibility="members")
    assert client.get(reverse("community_feed_public", args=[closed.slug])).status_code == 404
    # A token for someone who is not a member of a hidden community finds nothing there.
    hidden = CommunityFactory(visibility="hidden")
    from practica.events.services import calendar_token_for

    token = calendar_token_for(UserFactory()).token
    assert client.get(reverse("feed_community", args=[token, hidden.slug])).status_code == 404


def test_feed_times_survive_daylight_saving(client, community, make_event):
    from practica.events.services import calendar_token_for, registration_create

    person = make_member(community)
    events = [make_event(days=d, zone="America/Toronto", hour=18) for d in (30, 150)]
    for event in events:
        registration_create(actor=person, event=event)
    cal = _parse(client.get(reverse("feed_personal", args=[calendar_token_for(person).token])))
    starts = [v.decoded("dtstart") for v in _events(cal)]
    toronto = zoneinfo.ZoneInfo("America/Toronto")
    assert [s.astimezone(toronto).hour for s in starts] == [18, 18]
