"""The people and things every URL is requested with (the `world` fixture), and the
shorthand rows of expected statuses."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from practica.communities.models import CommunityProposal, Invitation, Membership
from practica.core.pictures import replace_pictures
from practica.demo.files import make_pdf
from practica.discussions.services import comment_create, post_create
from practica.events.models import Event, Registration
from practica.events.services import calendar_token_for, event_create, registration_create
from practica.library.services import resource_create
from practica.notifications.services import notify
from tests.factories import CommunityFactory, UserFactory, make_member, make_request

ROLES = (
    "anonymous",
    "outsider",
    "applicant",
    "member",
    "other_leader",
    "leader",
    "staff",
    "deactivated",
)
TOKEN = "a-known-invitation-token"


@dataclass
class World:
    community: object
    other: object
    users: dict
    proposal: object
    join_request: object
    invitation: object
    post: object
    comment: object
    pending: object
    event: object
    past_event: object
    token: str
    resource: object
    hidden: object = None


@pytest.fixture
def world(db):
    community = CommunityFactory(
        visibility="members", join_policy="approval", name="Marram Members Circle"
    )
    other = CommunityFactory()
    leader = make_member(community, role="chair")
    member = make_member(community)
    # A hidden community the member also belongs to: only they and staff may know of it.
    hidden = CommunityFactory(visibility="hidden", name="Quiet Harbour Circle")
    Membership.objects.create(user=member, community=hidden)
    # Faces: the member's photo and the hidden community's emblem.
    for owner, fields in ((member, ("photo", "photo_small")), (hidden, ("emblem", "emblem_small"))):
        replace_pictures(owner, fields, {"l": b"\xff\xd8l", "s": b"\xff\xd8s"})
        owner.save()
    other_leader = make_member(other, role="chair")
    applicant = UserFactory()
    join_request = make_request(community, applicant)
    users = {
        "anonymous": None,
        "outsider": UserFactory(),
        "applicant": applicant,
        "member": member,
        "other_leader": other_leader,
        "leader": leader,
        "staff": UserFactory(is_staff=True, is_superuser=True),
        "deactivated": UserFactory(is_active=False),
    }
    proposal = CommunityProposal.objects.create(
        proposer=member, name="New", domain="d", rationale="r", audience="a"
    )
    invitation = Invitation.objects.create(
        community=community,
        email="guest@example.org",
        token_hash=hashlib.sha256(TOKEN.encode()).hexdigest(),
        invited_by=leader,
        expires_at="2999-01-01T00:00:00Z",
    )
    notify(user_ids=[member.pk], kind="test", title="Hello", email=False)
    post = post_create(
        actor=member, community=community, kind="discussion", title="Marram private thread",
        body="B", tags="members only tag",
    )  # fmt: skip
    comment = comment_create(actor=member, post=post, body="A comment")
    pending = post_create(actor=member, community=community, kind="featured", title="P", body="B")
    start = (timezone.now() + timedelta(days=5)).replace(tzinfo=None)
    event, past = (
        event_create(
            actor=leader,
            community=community,
            title=title,
            kind="webinar",
            description="d",
            local_start=start,
            local_end=start + timedelta(hours=1),
            time_zone="UTC",
            meeting_url="https://meet.example.org/x",
        )[0]
        for title in ("Upcoming", "Past")
    )
    registration_create(actor=member, event=event)
    registration_create(actor=member, event=past)
    Event.objects.filter(pk=past.pk).update(
        starts_at=timezone.now() - timedelta(days=2), ends_at=timezone.now() - timedelta(days=2)
    )
    Registration.objects.filter(event=past).update(attended=True)
    token = calendar_token_for(member).token
    resource = resource_create(
        actor=member, community=community, title="Marram private guide", kind="guide",
        summary="s",
        language="English", licence="cc_by", licence_confirmed=True,
        current_as_of=timezone.localdate(),
        upload=SimpleUploadedFile("r.pdf", make_pdf("r"), "application/pdf"),
    )  # fmt: skip
    return World(
        community,
        other,
        users,
        proposal,
        join_request,
        invitation,
        post,
        comment,
        pending,
        event,
        past,
        token,
        resource,
        hidden,
    )


def row(anonymous, outsider, applicant, member, other_leader, leader, staff, deactivated=None):
    values = (anonymous, outsider, applicant, member, other_leader, leader, staff)
    return dict(
        zip(ROLES, (*values, anonymous if deactivated is None else deactivated), strict=True)
    )


ALL_200 = row(200, 200, 200, 200, 200, 200, 200)
SIGNED_IN = row(302, 200, 200, 200, 200, 200, 200)
POST_ONLY = row(302, 405, 405, 405, 405, 405, 405)
LEADERS = row(302, 403, 403, 403, 403, 200, 200)
STAFF = row(302, 403, 403, 403, 403, 403, 200)
ANON_ONLY = row(200, 302, 302, 302, 302, 302, 302)
# A members-only community: content is hidden from non-members (404 for one object, 403 for
# the community's own pages, whose existence is public).
MEMBERS_404 = row(404, 404, 404, 200, 404, 200, 200)
MEMBERS_403 = row(403, 403, 403, 200, 403, 200, 200)
AUTHOR_OR_LEADERS = row(302, 404, 404, 200, 404, 200, 200)  # the member wrote it
LEADERS_404 = row(302, 404, 404, 403, 404, 200, 200)
STAFF_404 = row(302, 404, 404, 404, 404, 404, 200)
