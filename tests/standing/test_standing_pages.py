"""The standing page leaders keep for each member, a member's own standing, the audit log."""

import pytest
from django.urls import reverse

from practica.communities.models import Suspension, TrustOverride
from practica.communities.services.standing import member_suspend
from practica.core.models import AuditEvent
from practica.notifications.models import Notification
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def _standing(community, person):
    return reverse("member_standing", args=[community.slug, person.pk])


def test_the_chair_suspends_from_the_standing_page(client, on_commit, community, chair, member):
    client.force_login(chair)
    members = client.get(reverse("community_members", args=[community.slug])).content.decode()
    assert _standing(community, member) in members
    page = client.get(_standing(community, member))
    assert page.status_code == 200
    with on_commit():
        response = client.post(
            _standing(community, member),
            {
                "action": "suspend",
                "suspend-days": "7",
                "suspend-reason": "Personal attacks on another member",
                "suspend-rule": "No personal attacks",
            },
        )
    assert response.status_code == 302
    suspension = Suspension.objects.get(user=member, community=community)
    assert (suspension.ends_at - suspension.starts_at).days == 7
    event = AuditEvent.objects.get(action="member.suspend")
    assert event.actor == chair and event.reason == "Personal attacks on another member"
    note = Notification.objects.get(recipient=member, kind="member.suspended")
    assert "Personal attacks" in note.body
    page = client.get(_standing(community, member)).content.decode()
    assert "Personal attacks on another member" in page  # in the history and the status
    members = client.get(reverse("community_members", args=[community.slug])).content.decode()
    assert "Suspended until" in members
    # The member sees why and until when on their own page.
    client.force_login(member)
    mine = client.get(reverse("my_standing")).content.decode()
    assert "You are suspended from writing in" in mine
    assert community.name in mine and "Personal attacks on another member" in mine


def test_bad_input_keeps_what_was_typed(client, community, chair, member):
    client.force_login(chair)
    response = client.post(
        _standing(community, member),
        {"action": "suspend", "suspend-days": "0", "suspend-reason": "Kept text here"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kept text here" in page and "There is a problem" in page
    assert not Suspension.objects.exists()


def test_lift_early_from_the_page(client, on_commit, community, chair, member):
    member_suspend(actor=chair, member=member, community=community, days=7, reason="Heated")
    client.force_login(chair)
    with on_commit():
        response = client.post(
            _standing(community, member),
            {"action": "lift", "lift-where": "here", "lift-reason": "Apologised"},
        )
    assert response.status_code == 302
    assert Suspension.objects.get().lifted_at is not None
    assert AuditEvent.objects.filter(action="member.unsuspend", reason="Apologised").exists()
    assert Notification.objects.filter(recipient=member, kind="member.unsuspended").exists()


def test_set_and_clear_a_trust_level(client, community, chair, member):
    client.force_login(chair)
    client.post(
        _standing(community, member),
        {"action": "trust", "trust-level": "regular", "trust-reason": "Long-standing member"},
    )
    assert TrustOverride.objects.get(user=member).level == "regular"
    assert "Regular" in client.get(_standing(community, member)).content.decode()
    client.post(_standing(community, member), {"action": "trust", "trust-level": ""})
    assert not TrustOverride.objects.exists()
    assert AuditEvent.objects.filter(action="member.trust").count() == 2


def test_leaders_cannot_judge_leaders_staff_or_themselves(client, community, chair):
    vice = make_member(community, "vice_chair")
    staff_member = make_member(community, is_staff=True)
    client.force_login(vice)
    for person in (chair, staff_member):
        page = client.get(_standing(community, person)).content.decode()
        assert "Leaders cannot suspend or set the level of other leaders or the host staff" in (
            page
        )
        assert 'name="suspend-days"' not in page
        response = client.post(
            _standing(community, person),
            {"action": "suspend", "suspend-days": "3", "suspend-reason": "No"},
        )
        assert response.status_code == 403
    assert not Suspension.objects.exists()


def test_a_leader_cannot_act_in_another_community(client, community, chair, member):
    other = CommunityFactory()
    stranger = make_member(other)
    client.force_login(chair)
    assert client.get(_standing(other, stranger)).status_code == 403
    response = client.post(
        _standing(other, stranger),
        {"action": "suspend", "suspend-days": "3", "suspend-reason": "No"},
    )
    assert response.status_code == 403
    # Nor of someone who is not a member of theirs.
    assert client.get(_standing(community, stranger)).status_code == 404
    assert not Suspension.objects.exists()


def test_members_see_no_standing_page(client, community, member, chair):
    client.force_login(member)
    assert client.get(_standing(community, chair)).status_code == 403
    members = client.get(reverse("community_members", args=[community.slug])).content.decode()
    assert "/standing/" not in members


def test_staff_suspend_everywhere(client, community, member, staff):
    client.force_login(staff)
    client.post(
        _standing(community, member),
        {
            "action": "suspend",
            "suspend-days": "3",
            "suspend-reason": "Spam in every community",
            "suspend-where": "everywhere",
        },
    )
    suspension = Suspension.objects.get()
    assert suspension.community is None
    member.refresh_from_db()
    assert member.suspended_until == suspension.ends_at
    client.post(
        _standing(community, member),
        {"action": "lift", "lift-where": "everywhere", "lift-reason": "Mistaken"},
    )
    member.refresh_from_db()
    assert member.suspended_until is None


def test_a_leader_cannot_suspend_everywhere(client, community, chair, member):
    client.force_login(chair)
    client.post(
        _standing(community, member),
        {
            "action": "suspend",
            "suspend-days": "3",
            "suspend-reason": "Spam",
            "suspend-where": "everywhere",
        },
    )
    # The choice is not theirs: the suspension, if any, is in their community only.
    assert not Suspension.objects.filter(community__isnull=True).exists()


def test_my_standing_shows_the_rules(client, user):
    client.force_login(user)
    page = client.get(reverse("my_standing")).content.decode()
    assert "How trust grows" in page and "You are not suspended anywhere." in page


def test_other_apps_add_sections_to_my_standing(client, user):
    from practica.communities import standing_sections

    template = "communities/standing/_rules.html"  # any template: the warnings' in practice
    standing_sections.standing_section(template, lambda person: {"who": person.pk}, order=5)
    try:
        client.force_login(user)
        page = client.get(reverse("my_standing")).content.decode()
        assert page.count("How trust grows") == 2
    finally:
        standing_sections._SECTIONS.pop(template)


def test_a_cached_thread_follows_the_suspension_and_its_end(community, chair, member):
    """The reader's cached pages change when they are suspended, and again when the
    suspension ends by itself (no write happens then: the end is part of the page's key)."""
    from datetime import timedelta
    from unittest import mock

    from django.utils import timezone

    from practica.discussions.services import post_create
    from tests.core.test_readercache import cached, reader

    thread = post_create(
        actor=chair, community=community, kind="discussion", title="Open talk", body="Words"
    )
    client = reader(member)
    url = thread.get_absolute_url()
    assert "You are suspended" not in cached(client, url).content.decode()
    member_suspend(actor=chair, member=member, community=community, days=1, reason="Cool off")
    page = client.get(url)
    assert page.get("X-Page-Cache") != "reader-hit"
    assert "You are suspended from writing in" in page.content.decode()
    assert "You are suspended" in cached(client, url).content.decode()
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=2)):
        page = client.get(url)
        assert "You are suspended" not in page.content.decode()


def test_a_suspended_leader_suspends_nobody(client, community, chair, member, staff):
    vice = make_member(community, "vice_chair")
    member_suspend(actor=staff, member=vice, community=community, days=3, reason="Review")
    client.force_login(vice)
    page = client.get(_standing(community, member)).content.decode()
    assert "You are suspended from writing in" in page and 'name="suspend-days"' not in page
    response = client.post(
        _standing(community, member),
        {"action": "suspend", "suspend-days": "3", "suspend-reason": "No"},
    )
    assert "You are suspended from writing in" in response.content.decode()
    assert not Suspension.objects.filter(user=member).exists()


def test_staff_see_platform_decisions_in_the_history(client, community, member, staff, chair):
    member_suspend(actor=staff, member=member, community=None, days=3, reason="Spam everywhere")
    client.force_login(staff)
    assert "Spam everywhere" in client.get(_standing(community, member)).content.decode()
    client.force_login(chair)  # a leader sees only what was decided in their community
    assert "Spam everywhere" not in client.get(_standing(community, member)).content.decode()


def test_my_standing_lists_earlier_suspensions(client, community, chair, member):
    from practica.communities.services.standing import member_unsuspend

    member_suspend(actor=chair, member=member, community=community, days=2, reason="Heated")
    member_unsuspend(actor=chair, member=member, community=community, reason="Apologised")
    client.force_login(member)
    page = client.get(reverse("my_standing")).content.decode()
    assert "You are not suspended anywhere." in page
    assert "Earlier suspensions" in page and "Heated" in page and "lifted on" in page


def test_staff_suspend_someone_in_no_community_from_their_profile(client, staff):
    from practica.messaging.expert import expert_request_create

    spammer = UserFactory(display_name="Cheap Watches")
    expert = UserFactory(welcomes_questions=True)
    client.force_login(staff)
    profile = client.get(reverse("person_detail", args=[spammer.pk])).content.decode()
    url = reverse("person_standing", args=[spammer.pk])
    assert url in profile
    response = client.post(
        url, {"action": "suspend", "suspend-days": "30", "suspend-reason": "Spam to experts"}
    )
    assert response.status_code == 302
    spammer.refresh_from_db()
    from practica.core.errors import ServiceError

    with pytest.raises(ServiceError, match="anywhere on the platform"):
        expert_request_create(actor=spammer, person=expert, kind="question", topic="A", context="B")
    page = client.get(url).content.decode()
    assert "Spam to experts" in page and "Lift the platform-wide suspension" in page
    client.post(url, {"action": "lift", "lift-where": "everywhere", "lift-reason": "Cleared"})
    spammer.refresh_from_db()
    assert spammer.suspended_until is None


def test_only_staff_see_a_persons_platform_standing(client, chair, member):
    client.force_login(chair)
    assert client.get(reverse("person_standing", args=[member.pk])).status_code == 403
    profile = client.get(reverse("person_detail", args=[member.pk])).content.decode()
    assert reverse("person_standing", args=[member.pk]) not in profile
