import pytest

from practica.accounts.models import ProfileVisibility
from practica.directory.permissions import can_view_profile
from practica.directory.selectors import people_visible_to
from tests.factories import CommunityFactory, UserFactory, make_member


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("visibility", "anonymous", "stranger", "fellow", "staff"),
    [
        (ProfileVisibility.PUBLIC, True, True, True, True),
        (ProfileVisibility.MEMBERS, False, True, True, True),
        (ProfileVisibility.COMMUNITIES, False, False, True, True),
    ],
)
def test_a_profile_is_seen_by_whom_its_owner_chose(visibility, anonymous, stranger, fellow, staff):
    from django.contrib.auth.models import AnonymousUser

    community = CommunityFactory()
    person = make_member(community, profile_visibility=visibility)
    fellow_member = make_member(community)
    viewers = {
        "anonymous": AnonymousUser(),
        "stranger": UserFactory(),
        "fellow": fellow_member,
        "staff": UserFactory(is_staff=True),
    }
    expected = {"anonymous": anonymous, "stranger": stranger, "fellow": fellow, "staff": staff}
    for name, viewer in viewers.items():
        assert can_view_profile(viewer, person) is expected[name], name
        listed = people_visible_to(viewer).filter(pk=person.pk).exists()
        assert listed is expected[name], f"{name} (queryset)"
    assert can_view_profile(person, person)


@pytest.mark.django_db
def test_a_closed_account_is_seen_by_nobody():
    person = UserFactory(profile_visibility=ProfileVisibility.PUBLIC, is_active=False)
    staff = UserFactory(is_staff=True)
    assert not can_view_profile(staff, person)
    assert not people_visible_to(staff).filter(pk=person.pk).exists()
