"""The demo shows requests for information and gaps to a new user."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from practica.accounts.models import User
from practica.knowledge.models import InformationRequest
from practica.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_routed_request_an_expired_one_and_old_questions(
    client, capsys, on_commit
):
    with on_commit():
        call_command("seed_demo")
    open_one = InformationRequest.objects.get(status="open")
    chair = User.objects.get(email="chair@example.org")
    assert open_one.deadline > open_one.created_at.date()
    assert open_one.routings.filter(user=chair).exists()
    assert Notification.objects.filter(recipient=chair, kind="request.routed").exists()
    assert InformationRequest.objects.filter(status="unanswered").exists()
    client.force_login(chair)
    page = client.get(reverse("community_gaps", args=["drug-treatment-courts"])).content.decode()
    assert "Bail conditions for treatment court referrals" in page
    assert "Who has evaluated a drug court" in page
    assert "Sample participant contract" in client.get(reverse("requests_for_me")).content.decode()
    call_command("seed_demo")  # again: nothing added
    assert InformationRequest.objects.count() == 2
