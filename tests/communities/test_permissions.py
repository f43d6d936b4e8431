"""Each check_* of the permission layer, allowed and denied."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from practica.accounts import permissions as account_perms
from practica.accounts.permissions import WriteBlocked
from practica.communities import permissions as perms
from practica.communities.models import Membership
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def allowed(check, *args):
    check(*args)  # raises if not


def denied(check, *args, error=PermissionDenied):
    with pytest.raises(error):
        check(*args)


def test_check_see_community_hides_hidden_ones_from_outsiders():
    hidden = CommunityFactory(visibility="hidden")
    insider = make_member(hidden)
    allowed(perms.check_see_community, insider, hidden)
    allowed(perms.check_see_community, UserFactory(is_staff=True), hidden)
    denied(perms.check_see_community, UserFactory(), hidden, error=Http404)
    denied(perms.check_see_community, AnonymousUser(), hidden, error=Http404)


def test_check_see_content_and_members_of_members_only_community():
    closed = CommunityFactory(visibility="members")
    insider = make_member(closed)
    for check in (perms.check_see_content, perms.check_see_members):
        allowed(check, insider, closed)
        denied(check, UserFactory(), closed)
        denied(check, AnonymousUser(), closed)
    allowed(perms.check_see_content, AnonymousUser(), CommunityFactory())


def test_check_join():
    community = CommunityFactory()
    allowed(perms.check_join, UserFactory(), community)
    denied(perms.check_join, make_member(community), community)
    denied(perms.check_join, AnonymousUser(), community)
    denied(perms.check_join, UserFactory(), CommunityFactory(join_policy="invitation"))
    denied(perms.check_join, UserFactory(), CommunityFactory(status="archived"))


def test_check_leave():
    community = CommunityFactory()
    allowed(perms.check_leave, make_member(community), community)
    denied(perms.check_leave, make_member(community, role="chair"), community)
    denied(perms.check_leave, UserFactory(), community)


def test_check_lead():
    community = CommunityFactory()
    for role in ("chair", "vice_chair", "secretary", "member_at_large"):
        allowed(perms.check_lead, make_member(community, role=role), community)
    allowed(perms.check_lead, UserFactory(is_staff=True), community)
    denied(perms.check_lead, make_member(community), community)
    denied(perms.check_lead, make_member(CommunityFactory(), role="chair"), community)


def test_check_manage_roles_and_edit():
    community = CommunityFactory()
    for check in (perms.check_manage_roles, perms.check_edit_community):
        allowed(check, make_member(community, role="chair"), community)
        allowed(check, UserFactory(is_staff=True), community)
        denied(check, make_member(community, role="vice_chair"), community)
        denied(check, UserFactory(), community)


def test_check_remove_member():
    community = CommunityFactory()
    chair = make_member(community, role="chair")
    secretary = make_member(community, role="secretary")
    plain = Membership.objects.get(user=make_member(community))
    secretary_m = Membership.objects.get(user=secretary)
    chair_m = Membership.objects.get(user=chair)
    allowed(perms.check_remove_member, secretary, community, plain)
    allowed(perms.check_remove_member, chair, community, secretary_m)
    denied(perms.check_remove_member, secretary, community, secretary_m)  # oneself
    denied(perms.check_remove_member, chair, community, chair_m)
    denied(perms.check_remove_member, UserFactory(is_staff=True), community, chair_m)


def test_check_review_proposals():
    allowed(perms.check_review_proposals, UserFactory(is_staff=True))
    denied(perms.check_review_proposals, UserFactory())


def test_inactive_staff_has_no_powers():
    community = CommunityFactory(visibility="hidden")
    denied(perms.check_see_community, UserFactory(is_staff=True, is_active=False), community,
           error=Http404)  # fmt: skip


def test_check_can_write():
    allowed(account_perms.check_can_write, UserFactory())
    with pytest.raises(WriteBlocked) as blocked:
        account_perms.check_can_write(UserFactory(affiliation=""))
    assert blocked.value.reason == WriteBlocked.PROFILE
    with pytest.raises(WriteBlocked) as blocked:
        account_perms.check_can_write(UserFactory(accepted_conduct_version=0))
    assert blocked.value.reason == WriteBlocked.CONDUCT
    with pytest.raises(WriteBlocked) as blocked:
        account_perms.check_can_write(AnonymousUser())
    assert blocked.value.reason == WriteBlocked.SIGN_IN


def test_check_can_publish_conduct_and_view_profiles():
    allowed(account_perms.check_can_publish_conduct, UserFactory(is_staff=True))
    denied(account_perms.check_can_publish_conduct, UserFactory())
    assert account_perms.can_view_profiles(UserFactory())
    assert not account_perms.can_view_profiles(AnonymousUser())
