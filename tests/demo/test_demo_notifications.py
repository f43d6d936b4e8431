"""The demo members follow things and hear of them: watches, preferences and email settings,
and a notification centre filled from real activities, each about something its reader may
see (issue 12)."""

from collections import Counter
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from practica.accounts.models import User
from practica.activity.models import Activity
from practica.communities.models import Community, CommunityProposal, JoinRequest
from practica.communities.permissions import can_lead, can_see_content
from practica.discussions.models import Comment, Post
from practica.discussions.permissions import can_see_post
from practica.events.models import Event
from practica.events.permissions import can_see_event
from practica.library.models import Resource
from practica.library.permissions import can_see_resource
from practica.notifications.models import EmailSettings, Notification, Preference, Watch

# Seeding commits for real, as `make run` does: activities reach their subscribers after
# commit, and the notifications they make are what is checked here.
pytestmark = pytest.mark.django_db(transaction=True)

LOGINS = ["staff@example.org", "chair@example.org", "member@example.org", "applicant@example.org"]


def _migrations_data() -> None:
    """What the data migrations put in a new database (the code of conduct, the focus
    areas), put back when an earlier test with real commits emptied it: the seed needs it.
    Both functions leave what is already there alone."""
    for module, function in (
        ("practica.accounts.migrations.0002_default_conduct", "publish_default"),
        ("practica.communities.migrations.0002_default_focus_areas", "create_defaults"),
    ):
        getattr(import_module(module), function)(apps, None)


@pytest.fixture
def demo(capsys):
    _migrations_data()
    call_command("seed_demo")
    capsys.readouterr()


def _may_see(user: User, activity: Activity | None) -> bool:
    """Whether `user` may see what `activity` is about, asked of the domain's permissions."""
    if activity is None:
        return True  # checked through its link below
    target = activity.target
    if isinstance(target, Comment):
        return target.deleted_at is None and can_see_post(user, target.post)
    if isinstance(target, Post):
        return can_see_post(user, target)
    if isinstance(target, Event):
        return can_see_event(user, target)
    if isinstance(target, Resource):
        return can_see_resource(user, target)
    if isinstance(target, JoinRequest):
        return target.user_id == user.pk or can_lead(user, target.community)
    if isinstance(target, CommunityProposal):
        return target.proposer_id == user.pk or user.is_staff
    community = Community.objects.filter(pk=activity.community_id).first()
    return community is None or can_see_content(user, community)


def test_each_demo_login_has_a_notification_centre_about_what_they_may_see(demo, client):
    for email in LOGINS:
        user = User.objects.get(email=email)
        notes = list(Notification.objects.filter(recipient=user).select_related("activity"))
        unread = [n for n in notes if n.read_at is None]
        assert unread, email
        assert len(unread) < len(notes), email  # some read already
        for note in notes:
            assert _may_see(user, note.activity), (email, note.title)

        # What the reader sees: the centre lists them, and every unread one opens.
        client.force_login(user)
        page = client.get(reverse("notification_list"))
        assert page.status_code == 200
        for note in unread:
            assert note.url, (email, note.title)
            response = client.get(note.url, follow=True)
            assert response.status_code == 200, (email, note.title, note.url)
        client.logout()

    # The demo member hears of every kind of thing.
    member = User.objects.get(email="member@example.org")
    kinds = Counter(Notification.objects.filter(recipient=member).values_list("kind", flat=True))
    assert kinds["comment.reply"] and kinds["mention"], kinds
    assert kinds["post.new"] and kinds["comment.new"] and kinds["event.new"], kinds
    assert kinds["post.returned"], kinds  # a decision about him
    # Comments on the thread he watches come as a group ("5 new comments on …").
    groups = Counter(
        Notification.objects.filter(recipient=member)
        .exclude(group="")
        .values_list("group", flat=True)
    ).most_common(1)
    assert groups and groups[0][1] >= 3, groups
    # The chair hears of her duties, the staff of proposals for new communities, the
    # applicant of the decision on her request.
    assert Notification.objects.filter(
        recipient__email="chair@example.org", kind="request.submitted"
    ).exists()
    assert Notification.objects.filter(
        recipient__email="staff@example.org", kind="proposal.submitted"
    ).exists()
    assert Notification.objects.filter(
        recipient__email="applicant@example.org", kind="request.declined"
    ).exists()
    # The newest wait unread.
    newest = Notification.objects.filter(recipient=member).order_by("-created_at").first()
    assert newest is not None and newest.read_at is None


def test_demo_members_watch_mute_follow_and_choose_their_email(demo):
    member = User.objects.get(email="member@example.org")
    levels = dict(Watch.objects.filter(user=member).values_list("key", "level"))
    youth = Community.objects.get(slug="youth-justice")
    assert levels[f"community:{youth.pk}"] == "watching"
    assert "tracking" in {v for k, v in levels.items() if k.startswith("post:")}
    assert "muted" in {v for k, v in levels.items() if k.startswith("post:")}
    chair = User.objects.get(email="chair@example.org")
    assert levels[f"person:{chair.pk}"] == "watching"
    chosen = dict(Preference.objects.filter(user=member).values_list("category", "delivery"))
    assert chosen["replies"] == "now" and chosen["watched"] == "daily"
    assert EmailSettings.objects.get(user=member).digest_hour == 7
    for email in LOGINS:
        assert EmailSettings.objects.filter(user__email=email).exists(), email
        assert Preference.objects.filter(user__email=email).exists(), email
    # Every membership holds its community at some level, as joining does.
    assert Watch.objects.filter(key__startswith="community:").count() >= (
        User.objects.filter(memberships__isnull=False).distinct().count()
    )

    counts = (Watch.objects.count(), Notification.objects.count(), Activity.objects.count())
    call_command("seed_demo")  # again: nothing changes
    assert counts == (Watch.objects.count(), Notification.objects.count(), Activity.objects.count())
