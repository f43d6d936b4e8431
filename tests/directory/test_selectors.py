import pytest
from django.contrib.auth.models import AnonymousUser

from practica.accounts.models import ProfileVisibility
from practica.directory.models import Expertise, ExpertiseArea, Level
from practica.directory.selectors import expert_ids_by_area, experts_for, tags_in_use
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def test_experts_for_an_area_or_tag_strongest_first_as_the_viewer_may_see():
    community = CommunityFactory()
    bail = ExpertiseArea.objects.get(slug="bail")
    public = UserFactory(display_name="Zed", profile_visibility=ProfileVisibility.PUBLIC)
    hidden = make_member(
        community, display_name="Amy", profile_visibility=ProfileVisibility.COMMUNITIES
    )
    some = UserFactory(display_name="Bo", profile_visibility=ProfileVisibility.PUBLIC)
    Expertise.objects.create(user=public, area=bail, level=Level.EXPERT)
    Expertise.objects.create(user=hidden, area=bail, level=Level.EXPERT)
    Expertise.objects.create(user=some, area=bail, level=Level.SOME)
    Expertise.objects.create(user=some, tag="parole", level=Level.PRACTITIONER)
    fellow = make_member(community)

    def who(viewer, **kw):
        return [row.user.name for row in experts_for(viewer=viewer, **kw)]

    assert who(fellow, area=bail) == ["Amy", "Zed", "Bo"]
    assert who(UserFactory(), area=bail) == ["Zed", "Bo"]
    assert who(AnonymousUser(), area=bail.pk, min_level=Level.EXPERT) == ["Zed"]
    assert who(fellow, area=bail, community=community) == ["Amy"]
    assert who(fellow, tag=" Parole ") == ["Bo"]
    assert expert_ids_by_area(viewer=AnonymousUser()) == {bail.pk: [public.pk]}
    assert tags_in_use(viewer=AnonymousUser()) == ["parole"]
    with pytest.raises(ValueError):
        experts_for(viewer=fellow)
