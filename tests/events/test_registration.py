"""Registering: capacity, waitlist, approval, the private link, and bad input."""

import pytest
from django.core import mail
from django.urls import reverse

from practica.events.models import Event, Registration
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def test_registrations_fill_then_waitlist_and_a_cancellation_moves_the_next_up(
    client, on_commit, community, make_event
):
    event = make_event(capacity=2)
    people = [make_member(community) for _ in range(3)]
    for person in people:
        client.force_login(person)
        client.post(reverse("event_register", args=[event.pk]))
    statuses = [Registration.objects.get(user=p).status for p in people]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    client.force_login(people[2])
    page = client.get(event.get_absolute_url()).content.decode()
    assert "On the waiting list" in page and "meet.example.org" not in page
    client.force_login(people[0])
    mail.outbox.clear()
    with on_commit():
        client.post(reverse("event_unregister", args=[event.pk]))
    assert Registration.objects.get(user=people[2]).status == "confirmed"
    assert [m.to for m in mail.outbox] == [[people[2].email]]
    assert "A place is free" in mail.outbox[0].subject


def test_the_link_is_shown_only_to_registered_people_and_organisers(
    client, community, chair, make_event
):
    event = make_event()
    member = make_member(community)
    client.force_login(member)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "meet.example.org" not in page and "Passcode" not in page
    assert "The joining link is shown to registered people." in page
    client.post(reverse("event_register", args=[event.pk]))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "https://meet.example.org/phases" in page and "Passcode 1234" in page
    client.force_login(chair)
    assert "meet.example.org" in client.get(event.get_absolute_url()).content.decode()


def test_approval_events_wait_for_a_leader(client, on_commit, community, chair, make_event):
    event = make_event(needs_approval=True, capacity=1)
    a, b = make_member(community), make_member(community)
    for person in (a, b):
        client.force_login(person)
        client.post(reverse("event_register", args=[event.pk]))
    assert set(Registration.objects.values_list("status", flat=True)) == {"pending"}
    client.force_login(chair)
    ra, rb = (Registration.objects.get(user=p) for p in (a, b))
    with on_commit():
        client.post(reverse("registration_decide", args=[event.pk, ra.pk]), {"approve": "1"})
        client.post(reverse("registration_decide", args=[event.pk, rb.pk]), {"approve": "1"})
    ra.refresh_from_db(), rb.refresh_from_db()
    assert (ra.status, rb.status) == ("confirmed", "waitlisted")
    assert "waiting list" in mail.outbox[-1].subject


def test_registering_twice_after_the_deadline_or_without_right_is_refused(
    client, community, make_event
):
    from datetime import timedelta

    from django.utils import timezone

    event = make_event()
    member = make_member(community)
    client.force_login(member)
    client.post(reverse("event_register", args=[event.pk]))
    response = client.post(reverse("event_register", args=[event.pk]), follow=True)
    assert "You are already registered." in response.content.decode()
    assert Registration.objects.count() == 1
    Event.objects.filter(pk=event.pk).update(
        registration_deadline=timezone.now() - timedelta(minutes=1)
    )
    late = make_member(community)
    client.force_login(late)
    response = client.post(reverse("event_register", args=[event.pk]), follow=True)
    assert "Registration for this event has closed." in response.content.decode()
    outsider = UserFactory()
    client.force_login(outsider)
    public_community = CommunityFactory()
    members_event = make_event(
        community=public_community, actor=make_member(public_community, role="chair")
    )
    response = client.post(reverse("event_register", args=[members_event.pk]), follow=True)
    assert "join the community first" in response.content.decode()


def test_leadership_meetings_are_for_leaders_only(client, community, chair, make_event):
    event = make_event(audience="leaders", title="Leadership meeting")
    member = make_member(community)
    client.force_login(member)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert "Leadership meeting" not in client.get(reverse("event_list")).content.decode()
    client.force_login(chair)
    assert "Leadership meeting" in client.get(reverse("event_list")).content.decode()


def test_members_only_community_events_are_hidden_from_outsiders(client, make_event):
    closed = CommunityFactory(visibility="members")
    event = make_event(
        community=closed, actor=make_member(closed, role="chair"), title="Closed talk"
    )
    assert "Closed talk" not in client.get(reverse("event_list")).content.decode()
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(reverse("event_ics", args=[event.pk])).status_code == 404


def test_capacity_cannot_drop_below_the_registered(client, community, chair, make_event):
    event = make_event(capacity=3)
    for _ in range(2):
        client.force_login(make_member(community))
        client.post(reverse("event_register", args=[event.pk]))
    client.force_login(chair)
    data = _edit_data(event, capacity=1)
    response = client.post(reverse("event_edit", args=[event.pk]), data)
    assert "2 people are already registered" in response.content.decode()
    assert 'value="Webinar on phase systems"' in response.content.decode()


def _edit_data(event, **changes):
    start, end = event.local_start, event.local_end
    data = {
        "title": event.title,
        "kind": event.kind,
        "description": event.description,
        "start_date": start.date().isoformat(),
        "start_time": start.strftime("%H:%M"),
        "end_date": end.date().isoformat(),
        "end_time": end.strftime("%H:%M"),
        "time_zone": event.time_zone,
        "is_online": "online",
        "meeting_url": event.meeting_url,
        "joining_instructions": event.joining_instructions,
        "audience": event.audience,
        "capacity": event.capacity or "",
    }
    data.update(changes)
    return data


def test_registering_after_accepting_a_new_code_returns_to_the_event(
    client, on_commit, community, staff, make_event
):
    from practica.accounts.services import conduct_publish

    event = make_event()
    person = make_member(community)
    client.force_login(person)
    with on_commit():
        conduct_publish(actor=staff, body="Version two.")
    response = client.post(reverse("event_register", args=[event.pk]))
    accepted = client.post(response["Location"], {"accept": "on", "next": event.get_absolute_url()})
    assert accepted["Location"] == event.get_absolute_url()  # not the POST-only address
    assert client.get(accepted["Location"]).status_code == 200


def test_two_leaders_editing_an_event(community, chair, make_event):
    """The second save is refused with both versions shown (as for posts)."""
    from html import unescape

    from tests.discussions.test_edit_conflicts import _as, _conflict_section, _version

    event = make_event(title="Webinar")
    vice = make_member(community, role="vice_chair")
    url = reverse("event_edit", args=[event.pk])
    first, second = _as(chair), _as(vice)
    v = _version(first.get(url))
    assert (
        first.post(url, _edit_data(event, title="Webinar: new time", version=v)).status_code == 302
    )
    refused = second.post(url, _edit_data(event, description="A longer agenda", version=v))
    assert refused.status_code == 200
    assert "A longer agenda</textarea>" in unescape(refused.content.decode())
    assert "Webinar: new time" in _conflict_section(refused)
    assert Event.objects.get().title == "Webinar: new time"
