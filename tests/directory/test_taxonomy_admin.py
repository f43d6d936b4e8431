import pytest
from django.urls import reverse

from practica.core.audit import AuditEvent
from practica.directory.models import Expertise, ExpertiseArea, Level
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_see_how_many_people_declared_each_area(admin_client):
    Expertise.objects.create(user=UserFactory(), area=ExpertiseArea.objects.get(slug="bail"))
    page = admin_client.get(reverse("admin:directory_expertisearea_changelist")).content.decode()
    assert "Bail and pre-trial release" in page and "people who declared it" in page.lower()


def test_deleting_an_area_in_use_asks_first_and_names_what_goes(admin_client):
    bail = ExpertiseArea.objects.get(slug="bail")
    Expertise.objects.create(user=UserFactory(display_name="Ines Hale"), area=bail)
    url = reverse("admin:directory_expertisearea_delete", args=[bail.pk])
    page = admin_client.get(url).content.decode()
    assert "Are you sure" in page and "expertise" in page.lower()
    assert ExpertiseArea.objects.filter(pk=bail.pk).exists()


def test_staff_merge_areas_keeping_each_persons_highest_level(admin_client):
    bail, sentencing = (ExpertiseArea.objects.get(slug=s) for s in ("bail", "sentencing"))
    both, one = UserFactory(), UserFactory()
    Expertise.objects.create(user=both, area=bail, level=Level.SOME)
    Expertise.objects.create(user=both, area=sentencing, level=Level.EXPERT)
    Expertise.objects.create(user=one, area=sentencing, level=Level.PRACTITIONER)
    first = bail if bail.position < sentencing.position else sentencing
    other = sentencing if first == bail else bail
    admin_client.post(
        reverse("admin:directory_expertisearea_changelist"),
        {"action": "merge_areas", "_selected_action": [bail.pk, sentencing.pk]},
    )
    assert not ExpertiseArea.objects.filter(pk=other.pk).exists()
    assert dict(Expertise.objects.filter(area=first).values_list("user_id", "level")) == {
        both.pk: Level.EXPERT,
        one.pk: Level.PRACTITIONER,
    }
    assert AuditEvent.objects.filter(action="expertise_area.merge").exists()


def test_only_staff_merge():
    from practica.core.errors import ServiceError
    from practica.directory.services import area_merge

    areas = list(ExpertiseArea.objects.all()[:2])
    with pytest.raises(ServiceError):
        area_merge(actor=UserFactory(), into=areas[0], areas=areas)
