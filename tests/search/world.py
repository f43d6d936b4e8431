"""A small site with one of everything in every visibility state, each carrying the word
COMMON and a word of its own, so a search can be checked against the permission layer."""

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from practica.accounts.models import ProfileVisibility
from practica.communities.models import Membership
from practica.communities.permissions import can_see_community
from practica.directory.permissions import can_view_profile
from practica.discussions.models import Comment, Post, PostStatus
from practica.discussions.permissions import can_see_post
from practica.events.models import Audience, Event
from practica.events.permissions import can_see_event
from practica.library.models import Resource, ResourceStatus
from practica.library.permissions import can_see_resource
from tests.factories import CommunityFactory, UserFactory, make_member

COMMON = "harbour"


@dataclass
class Item:
    kind: str
    word: str
    obj: Any
    community_id: int | None

    def visible_to(self, user: Any) -> bool:
        o = self.obj
        if self.kind == "post":
            return (
                o.status == PostStatus.PUBLISHED and o.deleted_at is None and can_see_post(user, o)
            )
        if self.kind == "comment":
            p = o.post
            return (
                o.deleted_at is None
                and p.status == PostStatus.PUBLISHED
                and p.deleted_at is None
                and can_see_post(user, p)
            )
        if self.kind == "event":
            return can_see_event(user, o)
        if self.kind == "resource":
            return can_see_resource(user, o)
        if self.kind == "community":
            return can_see_community(user, o)
        return can_view_profile(user, o)


@dataclass
class World:
    users: dict[str, Any]
    communities: dict[str, Any]
    items: list[Item] = field(default_factory=list)


def build() -> World:
    communities = {
        v: CommunityFactory(
            visibility=v, summary=f"{COMMON} community zqcom{v}", name=f"The {v} place"
        )
        for v in ("public", "members", "hidden")
    }
    member, leader = UserFactory(), UserFactory()
    for c in communities.values():
        Membership.objects.create(user=member, community=c, role="member")
        Membership.objects.create(user=leader, community=c, role="chair")
    users = {
        "anonymous": AnonymousUser(),
        "outsider": UserFactory(),
        "member": member,
        "leader": leader,
        "staff": UserFactory(is_staff=True),
    }
    world = World(users=users, communities=communities)
    n = 0

    def word() -> str:
        nonlocal n
        n += 1
        return f"zqw{n}"

    now = timezone.now()
    writer = UserFactory()
    for c in communities.values():
        Membership.objects.create(user=writer, community=c)
        states = {
            "published": {},
            "pending": {"status": PostStatus.PENDING},
            "returned": {"status": PostStatus.RETURNED},
            "deleted": {"deleted_at": now},
        }
        for _state, extra in states.items():
            w = word()
            post = Post.objects.create(
                community=c,
                author=writer,
                author_name=writer.name,
                kind="question",
                title=f"{COMMON} {w} question",
                body=f"About the {COMMON}: {w}.",
                published_at=now,
                **extra,
            )
            world.items.append(Item("post", w, post, c.pk))
            for deleted in (None, now):
                w = word()
                comment = Comment.objects.create(
                    post=post,
                    author=writer,
                    author_name=writer.name,
                    body=f"On the {COMMON}, {w}.",
                    deleted_at=deleted,
                )
                world.items.append(Item("comment", w, comment, c.pk))
        for audience in Audience.values:
            w = word()
            event = Event.objects.create(
                community=c,
                title=f"{COMMON} {w} meeting",
                kind="meeting",
                description=f"{COMMON} {w}",
                starts_at=now + timedelta(days=3),
                ends_at=now + timedelta(days=3, hours=1),
                time_zone="UTC",
                audience=audience,
            )
            world.items.append(Item("event", w, event, c.pk))
        for status in ResourceStatus.values:
            w = word()
            resource = Resource.objects.create(
                community=c,
                title=f"{COMMON} {w} guide",
                kind="guide",
                summary=f"{COMMON} {w}",
                language="English",
                licence="cc_by",
                current_as_of=now.date(),
                status=status,
                created_by=writer,
            )
            resource.authors.add(writer)
            world.items.append(Item("resource", w, resource, c.pk))
        world.items.append(Item("community", f"zqcom{c.visibility}", c, c.pk))
    for audience in Audience.values:
        w = word()
        event = Event.objects.create(
            community=None,
            title=f"{COMMON} {w} platform event",
            kind="webinar",
            description=w,
            starts_at=now + timedelta(days=3),
            ends_at=now + timedelta(days=3, hours=1),
            time_zone="UTC",
            audience=audience,
        )
        world.items.append(Item("event", w, event, None))
    for visibility in ProfileVisibility.values:
        for active in (True, False):
            w = word()
            person = make_member(
                communities["public"] if visibility != "communities" else communities["hidden"],
                affiliation=f"{COMMON} {w} court",
                profile_visibility=visibility,
                is_active=active,
            )
            world.items.append(Item("person", w, person, None))
    return world
