import pytest
from django.urls import reverse

from practica.accounts.models import ProfileVisibility
from practica.activity.models import Activity
from practica.directory.models import Expertise, ExpertiseArea, Level
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_adds_changes_and_removes_expertise_without_javascript(client, user):
    client.force_login(user)
    page = client.get(reverse("expertise_edit")).content.decode()
    assert "Bail and pre-trial release" in page and "Nothing yet." in page
    bail = ExpertiseArea.objects.get(slug="bail")
    response = client.post(reverse("expertise_edit"), {"area": bail.pk, "level": Level.EXPERT})
    assert response.status_code == 302
    client.post(reverse("expertise_edit"), {"tag": "Bail Hearings Online", "level": Level.SOME})
    page = client.get(reverse("expertise_edit")).content.decode()
    assert "Added" in page and "bail hearings online" in page
    row = Expertise.objects.get(user=user, area=bail)
    client.post(reverse("expertise_change", args=[row.pk]), {"level": Level.PRACTITIONER})
    assert Expertise.objects.get(pk=row.pk).level == Level.PRACTITIONER
    client.post(reverse("expertise_remove", args=[row.pk]))
    assert list(Expertise.objects.filter(user=user).values_list("tag", flat=True)) == [
        "bail hearings online"
    ]
    assert Activity.objects.filter(verb="person.updated", target_id=user.pk).count() == 4


def test_a_refusal_is_shown_on_the_form_with_what_was_typed(client, user):
    client.force_login(user)
    Expertise.objects.create(user=user, tag="parole")
    page = client.post(reverse("expertise_edit"), {"tag": "Parole", "level": 2}).content.decode()
    assert "already in your expertise" in page
    page = client.post(reverse("expertise_edit"), {"tag": "x" * 61, "level": 2}).content.decode()
    assert "at most 60 characters" in page.replace("Ensure this value has", "at most")
    page = client.post(reverse("expertise_edit"), {"level": 2}).content.decode()
    assert "or type a tag" in page


def test_nobody_changes_anothers_expertise_through_the_forms(client, user):
    row = Expertise.objects.create(user=UserFactory(), tag="parole", level=Level.SOME)
    client.force_login(user)
    client.post(reverse("expertise_change", args=[row.pk]), {"level": Level.EXPERT})
    client.post(reverse("expertise_remove", args=[row.pk]))
    row.refresh_from_db()
    assert row.level == Level.SOME


def test_the_profile_edit_form_saves_how_one_is_found_and_tells_search(client, user):
    client.force_login(user)
    response = client.post(
        reverse("profile_edit"),
        {
            "display_name": "Tomás Herrera",
            "affiliation": "Legal Aid Ontario",
            "jurisdiction": "Ontario, Canada (federal)",
            "languages": "Spanish, English",
            "welcomes_questions": "on",
            "open_to_mentoring": "on",
            "profile_visibility": ProfileVisibility.PUBLIC,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.jurisdiction_list == ["Ontario", "Canada (federal)"]
    assert user.welcomes_questions and user.open_to_mentoring
    assert user.profile_visibility == ProfileVisibility.PUBLIC
    assert Activity.objects.filter(verb="person.updated", target_id=user.pk).exists()
    Expertise.objects.create(
        user=user, area=ExpertiseArea.objects.get(slug="legal-aid"), level=Level.EXPERT
    )
    client.logout()  # a public profile is seen signed out
    page = client.get(reverse("person_detail", args=[user.pk])).content.decode()
    for text in (
        "Tomás Herrera",
        "Legal aid",
        "Expert",
        "Ontario, Canada (federal)",
        "Spanish, English",
        "Welcomes questions",
        "Open to mentoring",
    ):
        assert text in page, text
    assert "Edit your expertise" not in page


def test_the_profile_links_its_owner_to_their_expertise(client, user):
    client.force_login(user)
    page = client.get(reverse("person_detail", args=[user.pk])).content.decode()
    assert reverse("expertise_edit") in page
    assert reverse("expertise_edit") in client.get(reverse("profile_edit")).content.decode()


def test_changing_who_sees_my_profile_refreshes_shared_pages(client, user):
    from django.core.cache import cache

    from practica.core.pagecache import GEN

    client.force_login(user)
    form = {"display_name": user.display_name, "affiliation": user.affiliation}
    client.post(reverse("profile_edit"), {**form, "profile_visibility": "members"})
    cache.set(f"{GEN}content", "before")
    client.post(reverse("profile_edit"), {**form, "profile_visibility": "members"})
    assert cache.get(f"{GEN}content") == "before"  # nothing changed: nothing refreshed
    client.post(reverse("profile_edit"), {**form, "profile_visibility": "public"})
    assert cache.get(f"{GEN}content") is None


def test_who_sees_my_profile_is_a_required_choice_and_an_old_form_keeps_it(client, user):
    user.profile_visibility = ProfileVisibility.PUBLIC
    user.save(update_fields=["profile_visibility"])
    client.force_login(user)
    page = client.get(reverse("profile_edit")).content.decode()
    legend = page.split("Who sees my profile")[1].split("</legend>")[0]
    assert "optional" not in legend
    assert "checked" in page.split('value="public"')[1].split(">")[0]
    form = {"display_name": "Still Me", "affiliation": "Court"}
    assert client.post(reverse("profile_edit"), form).status_code == 302  # field left out
    user.refresh_from_db()
    assert user.profile_visibility == ProfileVisibility.PUBLIC and user.display_name == "Still Me"
