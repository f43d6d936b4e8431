"""The demo site has faces: photos for some members, initials for others, colours and
emblems for communities, all made by the upload pipeline."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from practica.accounts.models import User
from practica.communities.models import Community
from tests.pictures import open_picture

pytestmark = pytest.mark.django_db


def test_demo_members_and_communities_have_faces(client):
    call_command("seed_demo")
    with_photo = User.objects.exclude(photo="")
    assert 10 < with_photo.count() < User.objects.count()
    assert not User.objects.get(email="applicant@example.org").photo
    assert all(c.colour for c in Community.objects.all())
    assert Community.objects.exclude(emblem="").exists()

    client.force_login(User.objects.get(email="member@example.org"))
    chair = User.objects.get(email="chair@example.org")
    photo = client.get(reverse("person_photo", args=[chair.pk, "l"]))
    assert open_picture(b"".join(photo.streaming_content)).size == (256, 256)
    page = client.get(reverse("people")).content.decode()
    assert '<img class="avatar avatar--s"' in page and 'class="avatar avatar--s face--' in page

    call_command("seed_demo")  # again: nothing changes
    assert User.objects.exclude(photo="").count() == with_photo.count()
