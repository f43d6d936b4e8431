"""The demo's polls and surveys, and the walk-through of issue 14: a survey is built by
the chair, answered by three members, and its results exported."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from practica.accounts.models import User
from practica.communities.models import Membership
from practica.consultations.models import Poll, Respondent, Response, Survey
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_demo_has_polls_a_members_survey_and_a_public_consultation(client, capsys):
    call_command("seed_demo")
    open_poll, closed_poll = Poll.objects.order_by("-closes_at")
    assert not open_poll.is_closed and closed_poll.is_closed
    assert sum(o.votes for o in closed_poll.options.all()) >= 3
    survey = Survey.objects.get(audience="members")
    assert survey.is_open and Response.objects.filter(survey=survey).count() == 3
    public = Survey.objects.get(audience="public")
    assert public.is_open
    member = User.objects.get(email="member@example.org")
    assert not Respondent.objects.filter(survey=survey, user=member).exists()
    # Signed out, the public consultation answers at its link.
    page = client.get(reverse("consultation", args=[public.token])).content.decode()
    assert "what do participants need" in page and "Send my answers" in page
    # The chair sees the closed poll's results on its post.
    client.force_login(User.objects.get(email="chair@example.org"))
    page = client.get(closed_poll.post.get_absolute_url()).content.decode()
    assert "Should phase one include weekly drug testing?" in page and "<meter" in page
    call_command("seed_demo")  # again: nothing changes
    assert Survey.objects.count() == 2


def test_the_walk_through_builds_answers_and_exports_a_survey(client, capsys):
    call_command("seed_demo")
    chair = User.objects.get(email="chair@example.org")
    community = Survey.objects.get(audience="members").community
    assert (
        client.login(email="chair@example.org", password=PASSWORD)
        or client.force_login(chair) is None
    )
    today = timezone.localdate()
    client.post(reverse("survey_create", args=[community.slug]), {
        "title": "Which training next?", "audience": "members", "opens_on": today.isoformat(),
        "closes_on": (today + timedelta(days=7)).isoformat(),
    })  # fmt: skip
    survey = Survey.objects.get(title="Which training next?")
    client.post(reverse("survey_questions", args=[survey.pk]), {
        "action": "add", "kind": "single", "text": "Which topic?", "required": "on",
        "choices": "Incentives\nSanctions", "scale_min": 1, "scale_max": 5,
    })  # fmt: skip
    client.post(reverse("survey_open", args=[survey.pk]))
    question = survey.questions.get()
    people = [m.user for m in Membership.objects.filter(community=community, role="member")
              .select_related("user").order_by("user__email")[:3]]  # fmt: skip
    for i, person in enumerate(people):
        client.force_login(person)
        response = client.post(reverse("survey_detail", args=[survey.pk]),
                               {f"q-{question.pk}": [str(i % 2)]})  # fmt: skip
        assert response.status_code == 302
    client.force_login(chair)
    rows = list(csv.reader(io.StringIO(
        client.get(reverse("survey_results_csv", args=[survey.pk])).content.decode()
    )))  # fmt: skip
    assert ["Which topic?", "Incentives", "2", "67"] in rows
    assert ["Which topic?", "Sanctions", "1", "33"] in rows
