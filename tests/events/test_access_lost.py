"""Losing access to a community takes effect everywhere at once: the personal calendar feed,
the event page and its .ics, change and cancellation notices, reminders, the waiting list.

Each check is made twice where it matters: after the services (which also cancel the
registrations), and after a membership vanishes without them (the permission layer is asked
at the point of use, so nothing depends on the tidying having happened)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from practica.communities.models import Membership
from practica.communities.services import membership_remove, membership_set_role
from practica.events.models import Registration
from practica.events.services import (
    calendar_token_for,
    event_cancel,
    event_update,
    registration_create,
    reminders_send,
)
from practica.notifications.models import Notification
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/phases"
PIN = "Passcode 1234"


@pytest.fixture
def closed(db):
    return CommunityFactory(visibility="members", name="Closed Circle")


@pytest.fixture
def closed_chair(closed):
    return make_member(closed, role="chair")


def _feed(client, person) -> str:
    token = calendar_token_for(person).token
    client.logout()  # a calendar program: the token is the key
    response = client.get(reverse("feed_personal", args=[token]))
    assert response.status_code == 200
    return response.content.decode()


def _change_link(event, actor, url):
    start, end = event.local_start.replace(tzinfo=None), event.local_end.replace(tzinfo=None)
    return event_update(
        actor=actor,
        event=event,
        local_start=start + timedelta(hours=1),
        local_end=end + timedelta(hours=1),
        time_zone=event.time_zone,
        meeting_url=url,
    )


def _notified(person, kind):
    return Notification.objects.filter(recipient=person, kind=kind).exists()


@pytest.mark.parametrize("how", ["service", "membership vanishes"])
def test_a_removed_member_loses_the_link_the_feed_entry_and_the_notices(
    client, on_commit, closed, closed_chair, make_event, how
):
    event = make_event(community=closed, actor=closed_chair, title="Closed webinar")
    person = make_member(closed)
    registration_create(actor=person, event=event)
    assert LINK in _feed(client, person) and PIN in _feed(client, person)

    membership = Membership.objects.get(user=person, community=closed)
    if how == "service":
        membership_remove(actor=closed_chair, membership=membership, reason="Left the court.")
    else:
        membership.delete()

    feed = _feed(client, person)
    assert "Closed webinar" not in feed and LINK not in feed and PIN not in feed
    with on_commit():
        event = _change_link(event, closed_chair, "https://meet.example.org/new-room")
    feed = _feed(client, person)
    assert "new-room" not in feed and "Closed webinar" not in feed
    assert not _notified(person, "event.changed")
    assert all(person.email not in m.to for m in mail.outbox if "changed" in m.subject)
    # Reminders are decided when they go out.
    assert reminders_send(now=event.starts_at - timedelta(minutes=30)) == 0
    assert not _notified(person, "event.reminder")
    with on_commit():
        event_cancel(actor=closed_chair, event=event, reason="Speaker ill")
    assert not _notified(person, "event.cancelled")
    # The page and its .ics are gone for them (members-only community).
    client.force_login(person)
    assert client.get(reverse("event_detail", args=[event.pk])).status_code == 404
    assert client.get(reverse("event_ics", args=[event.pk])).status_code == 404
    assert closed.name not in client.get(reverse("calendar_settings")).content.decode()


def test_removal_cancels_the_registration_and_frees_the_place(
    closed, closed_chair, make_event, on_commit
):
    event = make_event(community=closed, actor=closed_chair, capacity=1)
    leaving, waiting = make_member(closed), make_member(closed)
    registration_create(actor=leaving, event=event)
    registration_create(actor=waiting, event=event)
    with on_commit():
        membership_remove(
            actor=closed_chair,
            membership=Membership.objects.get(user=leaving, community=closed),
            reason="Moved on.",
        )
    assert Registration.objects.get(user=leaving, event=event).status == "cancelled"
    assert Registration.objects.get(user=waiting, event=event).status == "confirmed"
    assert _notified(waiting, "event.promoted")


def test_a_waitlisted_person_who_lost_access_is_not_moved_up(
    closed, closed_chair, make_event, on_commit
):
    event = make_event(community=closed, actor=closed_chair, capacity=1)
    first, gone, next_in_line = (make_member(closed) for _ in range(3))
    for person in (first, gone, next_in_line):
        registration_create(actor=person, event=event)
    Membership.objects.filter(user=gone).delete()  # without the services' tidying
    from practica.events.services import registration_cancel

    with on_commit():
        registration_cancel(actor=first, event=event)
    assert Registration.objects.get(user=gone, event=event).status == "cancelled"
    assert Registration.objects.get(user=next_in_line, event=event).status == "confirmed"
    assert not _notified(gone, "event.promoted") and _notified(next_in_line, "event.promoted")


@pytest.mark.parametrize("how", ["service", "role changes without it"])
def test_a_demoted_leader_loses_the_leadership_meeting(
    client, closed, closed_chair, make_event, how, on_commit
):
    meeting = make_event(
        community=closed, actor=closed_chair, title="Leaders meeting", audience="leaders"
    )
    secretary = make_member(closed, role="secretary")
    vice = make_member(closed, role="vice_chair")  # stays a leader: still told
    registration_create(actor=secretary, event=meeting)
    registration_create(actor=vice, event=meeting)
    assert LINK in _feed(client, secretary)
    membership = Membership.objects.get(user=secretary, community=closed)
    if how == "service":
        membership_set_role(actor=closed_chair, membership=membership, role="member")
        assert Registration.objects.get(user=secretary).status == "cancelled"
    else:
        Membership.objects.filter(pk=membership.pk).update(role="member")
    feed = _feed(client, secretary)
    assert "Leaders meeting" not in feed and LINK not in feed
    with on_commit():
        _change_link(meeting, closed_chair, "https://meet.example.org/board")
    assert not _notified(secretary, "event.changed") and _notified(vice, "event.changed")
    with on_commit():
        reminders_send(now=meeting.starts_at + timedelta(hours=1) - timedelta(minutes=30))
    assert not _notified(secretary, "event.reminder") and _notified(vice, "event.reminder")


def test_a_visible_event_keeps_its_page_but_not_its_link_for_someone_removed(
    client, community, chair, make_event
):
    """A public community's members-only event stays readable; the joining details do not."""
    event = make_event(title="Members webinar")
    person = make_member(community)
    registration_create(actor=person, event=event)
    Membership.objects.filter(user=person).delete()
    client.force_login(person)
    page = client.get(reverse("event_detail", args=[event.pk])).content.decode()
    assert "Members webinar" in page and LINK not in page and "1234" not in page
    ics = client.get(reverse("event_ics", args=[event.pk])).content.decode()
    assert LINK not in ics
    assert "Members webinar" not in _feed(client, person)


def test_the_others_still_get_everything(client, closed, closed_chair, make_event, on_commit):
    event = make_event(community=closed, actor=closed_chair, title="Closed webinar")
    stays, goes = make_member(closed), make_member(closed)
    for person in (stays, goes):
        registration_create(actor=person, event=event)
    Membership.objects.filter(user=goes).delete()
    assert LINK in _feed(client, stays)
    with on_commit():
        _change_link(event, closed_chair, "https://meet.example.org/new-room")
    assert _notified(stays, "event.changed") and not _notified(goes, "event.changed")
    now = timezone.localtime(event.starts_at) - timedelta(minutes=30)
    with on_commit():
        assert reminders_send(now=now) == 1
    assert _notified(stays, "event.reminder")
