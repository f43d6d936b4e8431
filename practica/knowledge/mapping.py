"""Who knows what: the people who declared an area or tag, and those whose contributions
show it, counted only from what the viewer may see.

How a contribution maps to a topic (documented in the README):
- A topic is an area of the taxonomy (directory.ExpertiseArea) or a free tag.
- A post or resource tag belongs to an area when the tag's slug equals the area's slug or
  its name's, or starts with either followed by a hyphen (``bail`` and ``bail-conditions``
  belong to *Bail*; ``data-and-evaluation`` to *Data and evaluation*, slug
  ``data-evaluation``).
  Other tags are topics of their own, under their name.
- A declared free tag matches the post tag with the same slug.
- An event belongs to the topics whose name its title contains (events carry no tags).
- Accepted answers and helpful comments count for the tags of their question; resources
  for their own tags.

Ranking: a declared level counts 2 points per level (expert 6), an accepted answer 3, a
resource authored 3, an event given 2, a comment marked helpful 1.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from practica.accounts.models import User
from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Community, Membership
from practica.core.pagecache import remember
from practica.directory.models import Expertise, ExpertiseArea, Level
from practica.directory.selectors import people_visible_to
from practica.discussions.models import Post, PostStatus, Reaction, ReactionKind, Tag
from practica.discussions.selectors import readable_communities
from practica.events.models import EventStatus
from practica.events.selectors import events_visible_to
from practica.library.models import Resource, ResourceStatus
from practica.workgroups.permissions import open_to_community_q

POINTS = {"declared": 2, "accepted": 3, "resource": 3, "event": 2, "helpful": 1}
PEOPLE_PER_TOPIC = 5


def tag_key(slug: str) -> str:
    return f"tag:{slug}"


def area_key(slug: str) -> str:
    return f"area:{slug}"


def topic_keys(slug: str, areas: list[ExpertiseArea]) -> list[str]:
    """The topics a tag with `slug` counts for: its areas, else itself. An area is matched
    by its slug or by its name ("data and evaluation" is the area data-evaluation)."""
    found = [
        area_key(area.slug)
        for area in areas
        if any(slug == s or slug.startswith(f"{s}-") for s in (area.slug, _name_slug(area.name)))
    ]
    return found or [tag_key(slug)]


@lru_cache(maxsize=256)
def _name_slug(name: str) -> str:
    return slugify(name, True)


@dataclass
class Person:
    user: User
    score: int = 0
    level: int = 0
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def explain(self, topic: str) -> list[str]:
        words = []
        if self.level:
            words.append(
                _("%(level)s in %(topic)s (declared)")
                % {"level": Level(self.level).label, "topic": topic}
            )
        phrases = {
            "accepted": lambda n: ngettext(
                "%(n)s accepted answer on %(topic)s", "%(n)s accepted answers on %(topic)s", n
            ),
            "resource": lambda n: ngettext(
                "%(n)s resource on %(topic)s", "%(n)s resources on %(topic)s", n
            ),
            "event": lambda n: ngettext(
                "%(n)s event given on %(topic)s", "%(n)s events given on %(topic)s", n
            ),
            "helpful": lambda n: ngettext(
                "%(n)s comment marked helpful on %(topic)s",
                "%(n)s comments marked helpful on %(topic)s",
                n,
            ),
        }
        for kind, phrase in phrases.items():
            n = self.counts.get(kind, 0)
            if n:
                words.append(phrase(n) % {"n": n, "topic": topic})
        return words


@dataclass
class Topic:
    key: str
    name: str
    area: ExpertiseArea | None = None
    people: dict[int, Person] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.key.split(":", 1)[1]

    def ranked(self, limit: int = PEOPLE_PER_TOPIC) -> list[dict[str, Any]]:
        people = sorted(
            self.people.values(), key=lambda p: (-p.score, -p.level, p.user.name.lower())
        )
        return [
            {"user": p.user, "score": p.score, "level": p.level, "why": p.explain(self.name)}
            for p in people[:limit]
        ]

    @property
    def declared_count(self) -> int:
        return sum(1 for p in self.people.values() if p.level)


def _scope(viewer: Any, community: Community | None) -> Any:
    readable = readable_communities(viewer).values("pk")
    if community is not None:
        return Community.objects.filter(pk=community.pk, pk__in=readable).values("pk")
    return readable


Found = dict[str, dict[int, dict[str, int]]]


def _reach(viewer: Any) -> list[Any]:
    """What decides which contributions `viewer` may count, in one query: whether they are
    staff, signed in or a visitor, the communities whose content they read, and those
    they lead (leadership meetings count for their leaders only)."""
    kind = "staff" if is_staff(viewer) else "member" if is_active_user(viewer) else "visitor"
    rows = readable_communities(viewer).order_by("pk")
    if kind == "member":
        leads = Membership.objects.filter(community=OuterRef("pk"), user_id=viewer.pk).exclude(
            role="member"
        )
        return [kind, list(rows.annotate(leads=Exists(leads)).values_list("pk", "leads"))]
    return [kind, list(rows.values_list("pk", flat=True))]


def contributions(
    viewer: Any, community: Community | None = None, areas: list[ExpertiseArea] | None = None
) -> Found:
    """topic key → person id → kind → count, from the content `viewer` may read (in
    `community`, if given). Kept a few minutes (PRACTICA_KNOWLEDGE_CACHE_SECONDS), shared
    by viewers of the same reach (`_reach`) and dropped when posts, comments, reactions,
    tags or communities change; resources and events show within those minutes."""
    areas = list(ExpertiseArea.objects.all()) if areas is None else areas
    seconds = settings.PRACTICA_KNOWLEDGE_CACHE_SECONDS
    if seconds <= 0:
        return _contributions(viewer, community, areas)
    parts = [
        *_reach(viewer),
        community.pk if community is not None else None,
        [(a.slug, a.name) for a in areas],
    ]
    return remember(  # type: ignore[no-any-return]
        "knowledge-contributions",
        parts,
        ["content", "communities"],
        lambda: _contributions(viewer, community, areas),
        until=lambda _found: timezone.now() + timedelta(seconds=seconds),
    )


def _contributions(viewer: Any, community: Community | None, areas: list[ExpertiseArea]) -> Found:
    """Four grouped queries and one for events."""
    scope = _scope(viewer, community)
    found: dict[str, dict[int, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )

    def add(kind: str, rows: Any) -> None:
        for person, slug, n in rows:
            if person is None or slug is None:
                continue
            for key in topic_keys(slug, areas):
                found[key][person][kind] += n

    # Shared by readers of the same communities: members-only working groups' work is
    # left out, since it differs from reader to reader.
    posts = Post.objects.filter(
        open_to_community_q(),
        status=PostStatus.PUBLISHED,
        deleted_at__isnull=True,
        hidden_at__isnull=True,
        community__in=scope,
    )
    add(
        "accepted",
        posts.filter(accepted_answer__isnull=False, accepted_answer__deleted_at__isnull=True)
        .values_list("accepted_answer__author_id", "tags__slug")
        .annotate(n=Count("pk", distinct=True))
        .order_by(),
    )
    add(
        "helpful",
        Reaction.objects.filter(
            kind=ReactionKind.HELPFUL,
            comment__deleted_at__isnull=True,
            comment__post__in=posts.values("pk"),
        )
        .values_list("comment__author_id", "comment__post__tags__slug")
        .annotate(n=Count("comment_id", distinct=True))
        .order_by(),
    )
    add(
        "resource",
        Resource.objects.filter(
            open_to_community_q(), status=ResourceStatus.PUBLISHED, community__in=scope
        )
        .values_list("authors", "tags__slug")
        .annotate(n=Count("pk", distinct=True))
        .order_by(),
    )
    events = events_visible_to(viewer).filter(
        status=EventStatus.SCHEDULED, starts_at__lte=timezone.now(), created_by__isnull=False
    )
    events = events.filter(community__in=scope) if community is not None else events
    names = {area_key(a.slug): a.name.lower() for a in areas}
    for person, title in events.values_list("created_by_id", "title"):
        for key, name in names.items():
            if name in title.lower():
                found[key][person]["event"] += 1
    # Plain dicts: kept in the cache, which pickles (a defaultdict of lambdas would not).
    return {
        key: {uid: dict(counts) for uid, counts in people.items()} for key, people in found.items()
    }


def knowledge_map(viewer: Any, community: Community | None = None) -> list[Topic]:
    """The topics with their people, best first within each; areas in taxonomy order,
    then free tags by name. People are those `viewer` may see; in a community, its
    declared experts are its members."""
    areas = list(ExpertiseArea.objects.all())
    topics: dict[str, Topic] = {
        area_key(a.slug): Topic(key=area_key(a.slug), name=a.name, area=a) for a in areas
    }
    found = contributions(viewer, community, areas)
    declared = Expertise.objects.filter(user__in=people_visible_to(viewer))
    if community is not None:
        declared = declared.filter(
            user__in=Membership.objects.filter(community=community).values("user_id")
        )
    declared_rows = list(declared.values_list("user_id", "area__slug", "tag", "level"))
    ids = {uid for people in found.values() for uid in people} | {r[0] for r in declared_rows}
    users = people_visible_to(viewer).filter(pk__in=ids)
    people = {u.pk: u for u in users}
    tag_names = dict(
        Tag.objects.filter(slug__in=[k[4:] for k in found if k.startswith("tag:")]).values_list(
            "slug", "name"
        )
    )

    def topic(key: str, name: str = "") -> Topic:
        if key not in topics:
            topics[key] = Topic(key=key, name=name or tag_names.get(key[4:], key[4:]))
        return topics[key]

    for uid, area_slug, tag, level in declared_rows:
        if uid not in people:
            continue
        keys = [area_key(area_slug)] if area_slug else topic_keys(slugify(tag, True), areas)
        for key in keys:
            person = topic(key, tag).people.setdefault(uid, Person(user=people[uid]))
            person.level = max(person.level, level)
    for key, by_person in found.items():
        for uid, counts in by_person.items():
            if uid not in people:
                continue
            person = topic(key).people.setdefault(uid, Person(user=people[uid]))
            for kind, n in counts.items():
                person.counts[kind] += n
    for t in topics.values():
        for p in t.people.values():
            p.score = p.level * POINTS["declared"] + sum(
                POINTS[kind] * n for kind, n in p.counts.items()
            )
    areas_first = [topics[area_key(a.slug)] for a in areas]
    tags = sorted((t for t in topics.values() if t.area is None), key=lambda t: t.name.lower())
    return areas_first + [t for t in tags if t.people]


def asked_topics(posts: Any) -> dict[str, int]:
    """topic key → how many of `posts` (a queryset of questions) carry it."""
    areas = list(ExpertiseArea.objects.all())
    counts: dict[str, int] = defaultdict(int)
    rows = (
        posts.filter(tags__isnull=False)
        .values_list("tags__slug")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    for slug, n in rows:
        for key in topic_keys(slug, areas):
            counts[key] += n
    return dict(counts)


def any_declared(keys: list[str]) -> Q:
    """Expertise rows declaring any of the topic `keys`."""
    areas = [k[5:] for k in keys if k.startswith("area:")]
    tags = {k[4:] for k in keys if k.startswith("tag:")}
    q = Q(area__slug__in=areas)
    for slug in tags:
        q |= Q(tag__iexact=slug.replace("-", " ")) | Q(tag__iexact=slug)
    return q
