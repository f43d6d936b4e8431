"""The demo site has expertise to find, and gaps to show."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from practica.accounts.models import ProfileVisibility, User
from practica.directory.models import Expertise, Level

pytestmark = pytest.mark.django_db


def test_demo_people_declare_expertise_and_leave_gaps(client):
    call_command("seed_demo")
    tomas = User.objects.get(email="member@example.org")
    chair = User.objects.get(email="chair@example.org")
    mine = {e.area.slug: e.level for e in Expertise.objects.filter(user=tomas, area__isnull=False)}
    assert mine["legal-aid"] == Level.EXPERT and mine["youth-justice"] == Level.PRACTITIONER
    assert tomas.welcomes_questions
    assert Expertise.objects.filter(
        user=chair, area__slug="drug-treatment-courts", level=Level.EXPERT
    ).exists()
    assert chair.open_to_mentoring
    assert not Expertise.objects.filter(area__slug__in=["immigration", "court-technology"]).exists()
    visibilities = set(User.objects.values_list("profile_visibility", flat=True))
    assert visibilities == set(ProfileVisibility.values)
    assert Expertise.objects.filter(area__isnull=True).exists()
    assert User.objects.filter(welcomes_questions=True).count() > 10

    client.force_login(tomas)
    page = client.get(reverse("people"), {"area": "drug-treatment-courts", "level": 3})
    assert "Judge Ruth Okonkwo" in page.content.decode()

    count = Expertise.objects.count()
    call_command("seed_demo")  # again: nothing changes
    assert Expertise.objects.count() == count


def test_the_benchmark_site_has_expertise_and_gaps():
    from django.core.management import call_command as call

    from practica.demo.scale import SIZES

    call("seed_scale", "--size", "small", stdout=__import__("io").StringIO())
    assert Expertise.objects.count() > SIZES["small"].members
    assert not Expertise.objects.filter(area__slug__in=["immigration", "court-technology"]).exists()
    assert set(User.objects.values_list("profile_visibility", flat=True)) == set(
        ProfileVisibility.values
    )
