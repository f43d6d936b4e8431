"""The profile's province, territory or state: chosen from the ISO 3166-2 list."""

import pytest
from django.urls import reverse

from practica.accounts.models import User

pytestmark = pytest.mark.django_db

FIELDS = {
    "display_name": "Kofi Mensah", "affiliation": "Accra High Court", "bio": "Ten years.",
    "profile_visibility": "members",
}  # fmt: skip


def test_a_member_chooses_a_province_and_a_kind_of_organisation(client, user):
    client.force_login(user)
    page = client.get(reverse("profile_edit")).content.decode()
    assert '<optgroup label="Canada">' in page and "Nunavut" in page
    response = client.post(
        reverse("profile_edit"), {**FIELDS, "region": "CA-NU", "affiliation_type": "court"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.region, user.affiliation_type) == ("CA-NU", "court")


def test_their_own_countrys_subdivisions_are_offered(client, user):
    client.force_login(user)
    client.post(reverse("profile_edit"), {**FIELDS, "country": "Nigeria", "region": "NG-LA"})
    assert User.objects.get(pk=user.pk).region == "NG-LA"


def test_a_made_up_region_is_refused_and_nothing_typed_is_lost(client, user):
    client.force_login(user)
    response = client.post(reverse("profile_edit"), {**FIELDS, "region": "CA-XX"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in page and "Accra High Court" in page
    assert User.objects.get(pk=user.pk).region == ""


def test_the_profile_page_names_the_province(client, user):
    user.region, user.affiliation_type = "CA-NU", "legal_aid"
    user.save()
    client.force_login(user)
    page = client.get(reverse("person_detail", args=[user.pk])).content.decode()
    assert "Nunavut" in page and "Legal aid or clinic" in page
