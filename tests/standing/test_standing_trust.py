"""Trust levels: new, member, regular, reached by time, reading and contributions without
upheld flags; a leader's decision over the computed level; what each level may do."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.communities import trust
from practica.communities.models import TrustLevel
from practica.communities.permissions import can_flag, can_start_conversation, trust_level
from practica.communities.services.standing import trust_level_set
from practica.core.errors import ServiceError
from practica.discussions.models import PostRead
from practica.discussions.services import comment_create, post_create
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db


def _fresh(user):
    return type(user).objects.get(pk=user.pk)


def _read_and_write(person, community, chair, *, reads: int, writes: int):
    posts = [
        post_create(actor=chair, community=community, kind="discussion", title=f"T{n}", body="B")
        for n in range(max(reads, 1))
    ]
    for post in posts[:reads]:
        PostRead.objects.create(user=person, post=post, read_at=timezone.now())
    for n in range(writes):
        comment_create(actor=person, post=posts[0], body=f"Comment {n}")


def test_levels_grow_with_time_reading_and_contributions(settings, community, chair):
    settings.PRACTICA_TRUST = {
        "regular_days": 30, "regular_reads": 3, "regular_contributions": 2,
        "flag_window_days": 180,
    }  # fmt: skip
    newcomer = make_member(community, date_joined=timezone.now() - timedelta(hours=2))
    assert trust_level(newcomer, community) == TrustLevel.NEW
    member = make_member(community, date_joined=timezone.now() - timedelta(days=3))
    assert trust_level(member, community) == TrustLevel.MEMBER
    veteran = make_member(community, date_joined=timezone.now() - timedelta(days=40))
    assert trust_level(veteran, community) == TrustLevel.MEMBER  # time alone is not enough
    _read_and_write(veteran, community, chair, reads=3, writes=2)
    assert trust_level(_fresh(veteran), community) == TrustLevel.REGULAR
    # Reading and writing as much, but new on the platform: still not regular.
    _read_and_write(member, community, chair, reads=3, writes=2)
    assert trust_level(_fresh(member), community) == TrustLevel.MEMBER


def test_upheld_flags_hold_a_member_back(settings, community, chair):
    settings.PRACTICA_TRUST = {
        "regular_days": 30, "regular_reads": 1, "regular_contributions": 1,
        "flag_window_days": 180,
    }  # fmt: skip
    veteran = make_member(community, date_joined=timezone.now() - timedelta(days=40))
    _read_and_write(veteran, community, chair, reads=1, writes=1)
    assert trust_level(_fresh(veteran), community) == TrustLevel.REGULAR

    @trust.trust_counter(trust.UPHELD_FLAGS)
    def one_upheld(user_id, since):  # what the moderation app registers
        return 1 if user_id == veteran.pk else 0

    try:
        assert trust.upheld_flags_against(veteran) == 1
        assert trust_level(_fresh(veteran), community) == TrustLevel.MEMBER
    finally:
        trust._COUNTERS[trust.UPHELD_FLAGS].remove(one_upheld)


def test_a_leader_sets_a_level_over_the_computed_one(community, chair, member):
    newcomer = make_member(community, date_joined=timezone.now())
    assert not can_flag(newcomer, community)
    trust_level_set(actor=chair, member=newcomer, community=community, level="member")
    newcomer = _fresh(newcomer)
    assert trust_level(newcomer, community) == TrustLevel.MEMBER
    assert can_flag(newcomer, community)
    # Only in that community: elsewhere they are as new as they are.
    assert trust_level(newcomer, CommunityFactory()) == TrustLevel.NEW
    trust_level_set(actor=chair, member=member, community=community, level="new")
    assert not can_flag(_fresh(member), community)
    with pytest.raises(ServiceError):
        trust_level_set(actor=chair, member=member, community=community, level="saint")


def test_a_leader_sets_no_level_in_another_community(community, chair):
    from django.core.exceptions import PermissionDenied

    other = CommunityFactory()
    stranger = make_member(other)
    with pytest.raises(PermissionDenied):
        trust_level_set(actor=chair, member=stranger, community=other, level="regular")


def test_new_accounts_start_no_conversation(client, community, chair):
    newcomer = make_member(community, date_joined=timezone.now())
    assert not can_start_conversation(newcomer)
    client.force_login(newcomer)
    profile = client.get(reverse("person_detail", args=[chair.pk])).content.decode()
    assert reverse("message_new", args=[chair.pk]) not in profile


def test_staff_are_regulars(staff):
    assert trust_level(staff, None) == TrustLevel.REGULAR


def test_the_new_account_post_limits_still_hold(settings, community):
    settings.PRACTICA_NEW_ACCOUNT_LIMITS = {
        "hours": 24, "posts": 1, "comments": 10, "post_interval_seconds": 0,
    }  # fmt: skip
    newcomer = make_member(community, date_joined=timezone.now())
    post_create(actor=newcomer, community=community, kind="discussion", title="One", body="B")
    with pytest.raises(ServiceError, match="New accounts may start 1 posts"):
        post_create(actor=newcomer, community=community, kind="discussion", title="Two", body="B")


def test_the_rules_are_on_a_page(client, member):
    client.force_login(member)
    page = client.get(reverse("my_standing")).content.decode()
    assert "How trust grows" in page and "Regular" in page and "Member" in page
