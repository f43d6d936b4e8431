"""A small community whose every figure is counted by hand in the tests (see `small`)."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from practica.communities.models import Membership
from practica.communities.services.membership import membership_leave, membership_remove
from practica.discussions.models import Comment, Post, PostKind, PostRead, PostStatus
from practica.events.models import Event, Registration, RegistrationStatus
from practica.library.models import Resource
from practica.reports.rollups import rollups_rebuild
from tests.factories import CommunityFactory, make_member, make_request


@dataclass
class Small:
    community: object
    other: object
    chair: object
    a: object
    b: object
    quiet: object
    silent: object
    q1: object
    q2: object
    q3: object
    other_chair: object


def _joined(user, community, days):
    Membership.objects.filter(user=user, community=community).update(
        joined_at=timezone.now() - timedelta(days=days)
    )


def _post(community, author, title, hours_ago, kind=PostKind.QUESTION):
    return Post.objects.create(
        community=community, author=author, author_name=author.name, kind=kind,
        status=PostStatus.PUBLISHED, title=title, body="Text.",
        published_at=timezone.now() - timedelta(hours=hours_ago),
        created_at=timezone.now() - timedelta(hours=hours_ago),
    )  # fmt: skip


def _comment(post, author, hours_ago, parent=None):
    return Comment.objects.create(
        post=post, author=author, author_name=author.name, body="A comment.", parent=parent,
        created_at=timezone.now() - timedelta(hours=hours_ago),
    )  # fmt: skip


@pytest.fixture
def small(db):
    """Members (period: the last 30 days):
    chair (joined 100 days ago, ON, court): asks q1 (12 h ago), q2 (5 h), q3 (10 h) and
      comments on q1 itself: 4 contributions, active; q1 answered only by its asker;
    a (100 days, ON): answers q2 1 h ago (4 h), 8 more comments and 1 reply: 10, core;
    b (joined 10 days ago, QC): answers q3 8 h ago (2 h): 1, occasional;
    quiet (100 days, New York): read q2 in the period: reading only;
    silent (100 days, no region): nothing;
    c (joined 50 days ago) left; d (joined 5 days ago) was removed; one join request waits.
    """
    community = CommunityFactory(name="Tidewater Circle")
    other = CommunityFactory(name="Other Circle")
    other_chair = make_member(other, role="chair")
    chair = make_member(community, role="chair", region="CA-ON", affiliation_type="court")
    a = make_member(community, region="CA-ON")
    b = make_member(community, region="CA-QC")
    quiet = make_member(community, region="US-NY", country="United States")
    silent = make_member(community, country="")
    c = make_member(community)
    d = make_member(community)
    for user, days in (
        (chair, 100),
        (a, 100),
        (b, 10),
        (quiet, 100),
        (silent, 100),
        (c, 50),
        (d, 5),
    ):
        _joined(user, community, days)
    membership_leave(actor=c, community=community)
    membership_remove(
        actor=chair, membership=Membership.objects.get(user=d, community=community), reason="Spam."
    )
    make_request(community)
    q1 = _post(community, chair, "Who handles bail reviews?", 12)
    q2 = _post(community, chair, "Diversion forms in Ontario", 5)
    q3 = _post(community, chair, "Interpreters at hearings", 10)
    _comment(q1, chair, 11)  # the asker adds detail: not an answer
    first = _comment(q2, a, 1)
    for _i in range(8):
        _comment(q3, a, 0.5)
    _comment(q3, a, 0.25, parent=first.__class__.objects.filter(post=q3).first())
    _comment(q3, b, 8)
    PostRead.objects.create(user=quiet, post=q2, read_at=timezone.now() - timedelta(days=1))
    # Something long ago, outside both periods.
    _post(community, a, "An old discussion", 24 * 200, kind=PostKind.DISCUSSION)
    now = timezone.now()
    held = Event.objects.create(
        community=community, title="Bail clinic", kind="webinar", description="x",
        starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=2, hours=-1),
        time_zone="America/Toronto",
    )  # fmt: skip
    Event.objects.create(
        community=community, title="Cancelled", kind="webinar", description="x",
        starts_at=now - timedelta(days=3), ends_at=now - timedelta(days=3, hours=-1),
        time_zone="America/Toronto", status="cancelled",
    )  # fmt: skip
    for user, present in ((a, True), (b, True), (quiet, False)):
        Registration.objects.create(
            event=held, user=user, status=RegistrationStatus.CONFIRMED, attended=present
        )
    Registration.objects.create(event=held, user=silent, status=RegistrationStatus.CANCELLED)
    today = date.today()
    Resource.objects.create(
        community=community, title="Bail guide", kind="guide", summary="x", language="English",
        licence="cc_by", current_as_of=today, status="published", download_count=7, created_by=a,
        created_at=now - timedelta(days=3),
    )  # fmt: skip
    Resource.objects.create(
        community=community, title="Old form", kind="template", summary="x", language="English",
        licence="cc_by", current_as_of=today - timedelta(days=730), status="published",
        download_count=3, created_at=now - timedelta(days=100), created_by=a,
    )  # fmt: skip
    rollups_rebuild()
    return Small(community, other, chair, a, b, quiet, silent, q1, q2, q3, other_chair)
