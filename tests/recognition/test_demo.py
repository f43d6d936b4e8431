"""The demo shows member@example.org their badges and professional development record."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from practica.accounts.models import User
from practica.events.models import Event
from practica.notifications.models import Notification
from practica.recognition.models import Award

pytestmark = pytest.mark.django_db


def test_the_demo_member_sees_badges_and_a_development_record(client, on_commit):
    with on_commit():
        call_command("seed_demo")
    member = User.objects.get(email="member@example.org")
    badges = set(Award.objects.filter(user=member).values_list("badge", flat=True))
    assert {"first_answer", "helpful_ten", "event_run", "member_year"} <= badges
    assert Notification.objects.filter(recipient=member, kind="badge.earned").exists()
    client.force_login(member)
    profile = client.get(reverse("person_detail", args=[member.pk])).content.decode()
    assert "First accepted answer" in profile and "A year of membership" in profile
    debrief = Event.objects.get(title__startswith="Duty counsel debrief")
    url = reverse("development_record", args=[member.pk])
    record = client.get(url, {"year": debrief.starts_at.year}).content.decode()
    assert "Duty counsel debrief" in record
    before = Award.objects.count()
    call_command("seed_demo")  # again: nothing added
    call_command("recognition_recompute")  # the demo's badges are what the rules say
    assert Award.objects.count() == before
