import pytest

from practica.activity.models import Activity
from practica.core.errors import ServiceError
from practica.directory.models import Expertise, ExpertiseArea, Level
from practica.directory.services import (
    EXPERTISE_MAX,
    expertise_add,
    expertise_change,
    expertise_remove,
    expertise_set,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def area(slug):
    return ExpertiseArea.objects.get(slug=slug)


def updates_of(person):
    return Activity.objects.filter(verb="person.updated", target_id=person.pk).count()


def test_a_member_declares_an_area_and_a_tag_each_with_a_level():
    person = UserFactory()
    expertise_add(user=person, area=area("bail"), level=Level.EXPERT)
    expertise_add(user=person, tag="  Restorative   CIRCLES ", level=Level.SOME)
    rows = {(e.label, e.level) for e in Expertise.objects.filter(user=person)}
    assert rows == {("Bail and pre-trial release", 3), ("restorative circles", 1)}
    assert updates_of(person) == 2


def test_changing_the_level_and_removing_record_an_update_for_search():
    person = UserFactory()
    row = expertise_add(user=person, area=area("sentencing"), level=Level.SOME)
    expertise_change(user=person, expertise_id=row.pk, level=Level.EXPERT)
    assert Expertise.objects.get(pk=row.pk).level == Level.EXPERT
    expertise_remove(user=person, expertise_id=row.pk)
    assert not Expertise.objects.filter(pk=row.pk).exists()
    assert updates_of(person) == 3
    activity = Activity.objects.filter(verb="person.updated").last()
    assert activity.notes == [] and activity.actor_id == person.pk


def test_a_duplicate_is_refused_by_name():
    person = UserFactory()
    expertise_add(user=person, area=area("bail"))
    expertise_add(user=person, tag="Parole")
    with pytest.raises(ServiceError, match="already in your expertise"):
        expertise_add(user=person, area=area("bail"))
    with pytest.raises(ServiceError, match="already in your expertise"):
        expertise_add(user=person, tag="parole ")
    assert Expertise.objects.filter(user=person).count() == 2


def test_a_tag_that_names_an_area_points_to_the_area():
    with pytest.raises(ServiceError, match="is an area in the list"):
        expertise_add(user=UserFactory(), tag="legal aid")


def test_a_too_long_or_empty_tag_and_a_bad_level_are_refused():
    person = UserFactory()
    with pytest.raises(ServiceError, match="at most 60 characters"):
        expertise_add(user=person, tag="x" * 61)
    with pytest.raises(ServiceError, match="or type a tag"):
        expertise_add(user=person, tag="   ")
    with pytest.raises(ServiceError, match="or type a tag"):
        expertise_add(user=person, area=area("bail"), tag="bail")
    with pytest.raises(ServiceError, match="Choose a level"):
        expertise_add(user=person, area=area("bail"), level=7)
    assert not Expertise.objects.filter(user=person).exists()
    assert updates_of(person) == 0


def test_more_than_the_cap_is_refused():
    person = UserFactory()
    Expertise.objects.bulk_create(
        Expertise(user=person, tag=f"topic {n}") for n in range(EXPERTISE_MAX)
    )
    with pytest.raises(ServiceError, match=f"up to {EXPERTISE_MAX}"):
        expertise_add(user=person, tag="one too many")


def test_nobody_changes_or_removes_anothers_expertise():
    owner, other = UserFactory(), UserFactory()
    row = expertise_add(user=owner, area=area("evidence"), level=Level.SOME)
    with pytest.raises(ServiceError):
        expertise_change(user=other, expertise_id=row.pk, level=Level.EXPERT)
    with pytest.raises(ServiceError):
        expertise_remove(user=other, expertise_id=row.pk)
    assert Expertise.objects.get(pk=row.pk).level == Level.SOME


def test_setting_the_whole_list_replaces_it_or_changes_nothing():
    person = UserFactory()
    expertise_add(user=person, tag="old")
    expertise_set(user=person, entries=[(area("bail"), Level.EXPERT), ("new tag", Level.SOME)])
    assert sorted(e.label for e in Expertise.objects.filter(user=person)) == [
        "Bail and pre-trial release",
        "new tag",
    ]
    with pytest.raises(ServiceError, match="listed twice"):
        expertise_set(user=person, entries=[("a", 1), ("A ", 2)])
    assert Expertise.objects.filter(user=person).count() == 2
