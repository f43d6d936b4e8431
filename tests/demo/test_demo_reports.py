"""The demo's chair opens their community's report and finds what the issue promises."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from practica.accounts.models import User
from practica.communities.models import Community
from practica.reports.rollups import recount_all, rollups_stored

pytestmark = pytest.mark.django_db


def test_the_chair_reads_participation_answers_and_provinces(client, capsys):
    call_command("seed_demo")
    capsys.readouterr()
    assert rollups_stored() == recount_all()
    chair = User.objects.get(email="chair@example.org")
    assert chair.region == "NG-LA"
    assert User.objects.filter(region__startswith="CA-").count() >= 5
    community = Community.objects.get(name="Drug Treatment Courts")
    client.force_login(chair)
    page = client.get(
        reverse("community_report", args=[community.slug]) + "?period=year"
    ).content.decode()
    assert "Participation levels" in page and "Core: 10 or more contributions" in page
    assert "Hours to a first answer, median" in page
    assert "Provinces, territories and states with no member" in page
    assert "Nunavut" in page
    staff = User.objects.get(email="staff@example.org")
    client.force_login(staff)
    assert "Drug Treatment Courts" in client.get(reverse("platform_report")).content.decode()
