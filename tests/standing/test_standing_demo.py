"""The demo's standing: the chair suspended a member for 7 days (who reads but cannot
comment), levels from new to regular, and the chair's audit log; and the issue's
walk-through, the chair suspending another member from the standing page."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from practica.accounts.models import User
from practica.communities.models import Community, Suspension, TrustLevel
from practica.communities.permissions import trust_level
from practica.demo.standing import NEWCOMER, SUSPENDED_EMAIL
from practica.discussions.models import Comment, Post

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(capsys):
    call_command("seed_demo")
    capsys.readouterr()
    return Community.objects.get(slug="drug-treatment-courts")


def test_the_demo_suspension_and_levels(client, demo):
    suspended = User.objects.get(email=SUSPENDED_EMAIL)
    active = Suspension.objects.active().get(community=demo)
    assert active.user == suspended and (active.ends_at - active.starts_at).days == 7
    assert trust_level(User.objects.get(email=NEWCOMER), demo) == TrustLevel.NEW
    levels = {trust_level(m.user, demo) for m in demo.memberships.select_related("user")}
    assert levels == {TrustLevel.NEW, TrustLevel.MEMBER, TrustLevel.REGULAR}
    # The suspended member reads a thread but finds no way to comment, and is told why.
    thread = Post.objects.filter(community=demo, status="published").first()
    client.force_login(suspended)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert thread.title in page.replace("&#x27;", "'")
    assert "You are suspended from writing in" in page
    client.post(reverse("comment_create", args=[thread.pk]), {"body": "Let me answer"})
    assert not Comment.objects.filter(author=suspended, post=thread, body="Let me answer").exists()
    # The chair's audit log shows the decisions.
    client.force_login(User.objects.get(email="chair@example.org"))
    log = client.get(reverse("community_audit", args=[demo.slug])).content.decode()
    assert "Suspended a member" in log and "Lifted a suspension" in log
    assert "Set a member&#x27;s trust level" in log


def test_the_walk_through_the_chair_suspends_another_member(client, demo):
    chair = User.objects.get(email="chair@example.org")
    other = (
        demo.memberships.filter(role="member", user__email__startswith="member")
        .exclude(user__email__in=[SUSPENDED_EMAIL, "member@example.org"])
        .exclude(user__suspensions__isnull=False)
        .select_related("user")
        .order_by("user__email")
        .first()
        .user
    )
    client.force_login(chair)
    members = client.get(reverse("community_members", args=[demo.slug])).content.decode()
    standing = reverse("member_standing", args=[demo.slug, other.pk])
    assert "Standing" in members
    response = client.post(
        standing,
        {"action": "suspend", "suspend-days": "7", "suspend-reason": "Insults in a thread"},
    )
    assert response.status_code == 302
    thread = Post.objects.filter(community=demo, status="published").first()
    client.force_login(other)
    page = client.get(thread.get_absolute_url())
    assert page.status_code == 200 and "You are suspended from writing in" in page.content.decode()
    refused = client.post(reverse("comment_create", args=[thread.pk]), {"body": "Hello"})
    assert refused.status_code == 400
    assert not Comment.objects.filter(author=other, body="Hello").exists()
