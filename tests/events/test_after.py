"""Reminders before; attendance, materials, follow-up, certificates and CSV after."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from practica.events.models import Event, Registration
from practica.events.services import registration_create, reminders_send
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def _start_in(event, delta):
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() + delta, ends_at=timezone.now() + delta + timedelta(hours=1)
    )
    event.refresh_from_db()


def test_reminders_go_out_a_day_and_an_hour_before_once_each(
    community, make_event, django_capture_on_commit_callbacks
):
    event = make_event()
    person = make_member(community)
    registration_create(actor=person, event=event)
    _start_in(event, timedelta(hours=23))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("scheduler", "--once")  # the worker runs what the scheduler enqueues
    # (The scheduler runs everything due: at some hours a digest goes out too.)
    reminders = [m for m in mail.outbox if "Reminder" in m.subject]
    assert [m.to for m in reminders] == [[person.email]]
    assert "Europe/Paris" in reminders[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send() == 0  # not twice
    _start_in(event, timedelta(minutes=50))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send() == 1
    assert len([m for m in mail.outbox if "Reminder" in m.subject]) == 2
    assert Registration.objects.get().reminders_sent == [1440, 60]


def test_attendance_materials_follow_up_and_certificate(client, community, chair, make_event):
    event = make_event(allow_self_attendance=True)
    came, missed, self_marker = (
        make_member(community, display_name=n) for n in ("Ana", "Ben", "Cy")
    )
    for person in (came, missed, self_marker):
        registration_create(actor=person, event=event)
    _start_in(event, -timedelta(hours=2))
    client.force_login(chair)
    page = client.get(reverse("event_registrations", args=[event.pk])).content.decode()
    assert "Save attendance" in page
    client.post(reverse("event_attendance", args=[event.pk]), {"attended": [came.pk]})
    client.post(
        reverse("material_add", args=[event.pk]),
        {"kind": "recording", "title": "Recording", "url": "https://video.example.org/1"},
    )
    response = client.post(reverse("event_followup", args=[event.pk]))
    event.refresh_from_db()
    assert response["Location"] == event.followup_post.get_absolute_url()
    assert "video.example.org" in event.followup_post.body
    assert event.followup_post.community == community

    client.force_login(self_marker)
    client.post(reverse("event_attended_self", args=[event.pk]))
    assert Registration.objects.get(user=self_marker).attended

    client.force_login(came)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Recording" in page and "Follow-up discussion" in page
    certificate = client.get(reverse("event_certificate", args=[event.pk])).content.decode()
    assert "Certificate of attendance" in certificate and "Ana" in certificate
    assert "Webinar on phase systems" in certificate and "Duration: 1 h 0 min" in certificate
    client.force_login(missed)
    assert client.get(reverse("event_certificate", args=[event.pk])).status_code == 403


def test_registration_list_exports_as_csv_with_formulas_defused(
    client, community, chair, make_event
):
    event = make_event()
    registration_create(actor=make_member(community, display_name="=HYPERLINK(1)"), event=event)
    registration_create(actor=make_member(community, display_name="Dee"), event=event)
    client.force_login(chair)
    response = client.get(reverse("registrations_csv", args=[event.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["name", "email"]
    assert {r[0] for r in rows[1:]} == {"'=HYPERLINK(1)", "Dee"}
    client.force_login(make_member(community))
    assert client.get(reverse("registrations_csv", args=[event.pk])).status_code == 403


def test_attendance_cannot_be_recorded_before_the_event(client, chair, community, make_event):
    event = make_event()
    client.force_login(chair)
    response = client.post(
        reverse("event_attendance", args=[event.pk]), {"attended": []}, follow=True
    )
    assert "once the event has started" in response.content.decode()


def test_a_past_event_shows_what_was_and_refuses_what_no_longer_fits(
    client, community, chair, make_event
):
    event = make_event(capacity=2, needs_approval=False)
    ana = make_member(community, display_name="Ana Attended")
    ben = make_member(community, display_name="Ben Absent")
    late = make_member(community, display_name="Lee Late")
    for person in (ana, ben):
        registration_create(actor=person, event=event)
    Registration.objects.create(event=event, user=late, status="pending")
    _start_in(event, -timedelta(days=2))
    Registration.objects.filter(user=ana).update(attended=True)
    url = event.get_absolute_url()
    edit, cancel = reverse("event_edit", args=[event.pk]), reverse("event_cancel", args=[event.pk])

    client.force_login(ben)
    page = client.get(url).content.decode()
    assert "You were registered." in page
    for gone in ("Cancel my registration", "Join the waiting list", ">Register<", "Places"):
        assert gone not in page
    response = client.post(reverse("event_unregister", args=[event.pk]), follow=True)
    assert "This event is over: your registration stays on record." in response.content.decode()
    assert Registration.objects.get(user=ben).status == "confirmed"

    client.force_login(ana)
    page = client.get(url).content.decode()
    assert "You attended." in page and "Certificate of attendance" in page

    client.force_login(make_member(community))  # never registered
    page = client.get(url).content.decode()
    assert "This event has already taken place." in page and ">Register<" not in page
    client.logout()
    assert "Log in to register" not in client.get(url).content.decode()

    client.force_login(chair)
    page = client.get(url).content.decode()
    assert "Registrations and attendance" in page and "Add material or recording" in page
    assert "2 registered, 1 marked as attended" in page
    assert f'href="{edit}"' not in page and f'href="{cancel}"' not in page
    for refused in (client.get(edit), client.get(cancel), client.post(cancel, {"reason": "x"})):
        assert refused.status_code == 403
        assert "This event is over: it can no longer be changed or cancelled." in (
            refused.content.decode().replace("&#x27;", "'")
        )
    event.refresh_from_db()
    assert not event.is_cancelled and event.sequence == 0
    registrations = client.get(reverse("event_registrations", args=[event.pk])).content.decode()
    assert "Approve" not in registrations
    pending = Registration.objects.get(user=late)
    response = client.post(
        reverse("registration_decide", args=[event.pk, pending.pk]), {"approve": "1"}, follow=True
    )
    assert "registrations can no longer be decided" in response.content.decode()
    assert Registration.objects.get(user=late).status == "pending"
