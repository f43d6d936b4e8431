"""The functions helper apps build on: suspend, lift, trust level, may flag."""

from datetime import timedelta

import pytest
from django.utils import timezone

from practica.communities.models import Membership, TrustLevel
from practica.communities.permissions import can_flag, is_suspended_in, trust_level
from practica.communities.services.standing import member_suspend, member_unsuspend
from practica.core.models import AuditEvent
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def test_suspend_and_lift_in_a_community():
    community = CommunityFactory()
    chair = make_member(community, "chair")
    member = make_member(community)
    suspension = member_suspend(
        actor=chair, member=member, community=community, days=7, reason="Personal attacks"
    )
    assert suspension.ends_at > timezone.now() + timedelta(days=6)
    assert Membership.objects.get(user=member, community=community).suspended_until
    fresh = type(member).objects.get(pk=member.pk)
    assert is_suspended_in(fresh, community)
    assert not is_suspended_in(fresh, CommunityFactory())
    assert not can_flag(fresh, community)
    assert AuditEvent.objects.filter(action="member.suspend", scope=community.slug).exists()
    member_unsuspend(actor=chair, member=member, community=community, reason="Apologised")
    fresh = type(member).objects.get(pk=member.pk)
    assert not is_suspended_in(fresh, community)
    assert can_flag(fresh, community)


def test_platform_wide_by_staff():
    staff = UserFactory(is_staff=True)
    member = UserFactory()
    member_suspend(actor=staff, member=member, community=None, days=3, reason="Spam")
    fresh = type(member).objects.get(pk=member.pk)
    assert is_suspended_in(fresh, None)
    assert is_suspended_in(fresh, CommunityFactory())


def test_trust_levels_and_flags():
    community = CommunityFactory()
    newcomer = make_member(community, date_joined=timezone.now())
    member = make_member(community)
    assert trust_level(newcomer, community) == TrustLevel.NEW
    assert not can_flag(newcomer, community)
    assert trust_level(member, community) == TrustLevel.MEMBER
    assert can_flag(member, community)
    assert can_flag(member, None)
