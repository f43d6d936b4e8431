"""Searching: one query, filtered by what the reader may see inside the database, from
which the results, their count, the page and the facet counts all come."""

import threading
from collections import Counter
from dataclasses import astuple, dataclass, field, replace
from datetime import date, datetime, time
from operator import itemgetter
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import LEADER_ROLES, Community, Membership
from practica.communities.selectors import communities_visible_to
from practica.directory.selectors import people_visible_to
from practica.discussions.models import Comment, Post, PostKind, PostStatus
from practica.discussions.selectors import readable_communities
from practica.events.models import Audience, Event
from practica.library.models import Resource, ResourceStatus
from practica.workgroups.permissions import group_visible_q

from .candidates import candidates
from .engines import engine
from .models import Document, Kind
from .query import Query, similar_to
from .text import fold


def _led(user: Any) -> list[int]:
    if is_staff(user):
        return list(Community.objects.values_list("pk", flat=True))
    if not is_active_user(user):
        return []
    return list(
        Membership.objects.filter(user_id=user.pk, role__in=LEADER_ROLES).values_list(
            "community_id", flat=True
        )
    )


def _readable(user: Any) -> list[int]:
    """The ids of communities whose content `user` may read, read once per search: as a
    list the database plans each search's query in a fraction of the time."""
    return list(readable_communities(user).values_list("pk", flat=True))


def visible_posts(readable: list[int]) -> QuerySet[Post]:
    return Post.objects.filter(
        status=PostStatus.PUBLISHED,
        deleted_at__isnull=True,
        hidden_at__isnull=True,
        community_id__in=readable,
    )


def visible_comments(readable: list[int]) -> QuerySet[Comment]:
    return Comment.objects.filter(
        deleted_at__isnull=True,
        hidden_at__isnull=True,
        post__status=PostStatus.PUBLISHED,
        post__deleted_at__isnull=True,
        post__hidden_at__isnull=True,
        post__community_id__in=readable,
    )


def visible_events(user: Any, readable: list[int], led: list[int]) -> QuerySet[Event]:
    """As events.permissions.can_see_event, as a queryset."""
    platform = Q(community__isnull=True)
    if not is_active_user(user):
        platform &= Q(audience=Audience.PUBLIC)
    in_community = Q(community_id__in=readable) & (
        ~Q(audience=Audience.LEADERS) | Q(community_id__in=led)
    )
    return Event.objects.filter(platform | in_community, hidden_at__isnull=True)


def visible_resources(user: Any, readable: list[int], led: list[int]) -> QuerySet[Resource]:
    """As library.permissions.can_see_resource, as a queryset."""
    shown = Q(status=ResourceStatus.PUBLISHED) | Q(community_id__in=led)
    if is_active_user(user):
        authored = Resource.authors.through.objects.filter(
            resource_id=OuterRef("pk"), user_id=user.pk
        )
        shown |= Q(status=ResourceStatus.PENDING) & Q(Exists(authored))
    return Resource.objects.filter(shown, community_id__in=readable, hidden_at__isnull=True)


def _live(qs: QuerySet) -> Exists:
    return Exists(qs.filter(pk=OuterRef("object_id")).values("pk"))


def visible_documents(
    user: Any, *, readable: list[int] | None = None, led: list[int] | None = None
) -> QuerySet[Document]:
    """Documents whose live object `user` may see now, asked of the live rows (`readable`
    and `led`: the communities whose content `user` reads and leads, if known)."""
    readable = _readable(user) if readable is None else readable
    led = _led(user) if led is None else led
    # Members-only working groups' posts, comments and resources: their members only.
    posts = visible_posts(readable).filter(group_visible_q(user))
    comments = visible_comments(readable).filter(group_visible_q(user, "post__group"))
    resources = visible_resources(user, readable, led).filter(group_visible_q(user))
    return Document.objects.filter(
        (Q(kind=Kind.POST) & Q(_live(posts)))
        | (Q(kind=Kind.COMMENT) & Q(_live(comments)))
        | (Q(kind=Kind.EVENT) & Q(_live(visible_events(user, readable, led))))
        | (Q(kind=Kind.RESOURCE) & Q(_live(resources)))
        | (Q(kind=Kind.COMMUNITY) & Q(_live(communities_visible_to(user))))
        | (Q(kind=Kind.PERSON) & Q(_live(people_visible_to(user))))
    )


@dataclass
class Filters:
    kind: str = ""
    community_id: int | None = None
    tag: str = ""
    author_id: int | None = None
    since: date | None = None
    until: date | None = None
    jurisdiction: str = ""
    language: str = ""
    answered: str = ""  # "yes", "no" or ""
    newest: bool = False


def _filtered(qs: QuerySet[Document], f: Filters) -> QuerySet[Document]:
    if f.community_id:
        qs = qs.filter(community_id=f.community_id)
    if f.tag:
        qs = qs.filter(tags__contains=f"|{f.tag}|")
    if f.author_id:
        qs = qs.filter(author_id=f.author_id)
    zone = timezone.get_current_timezone()
    if f.since:
        qs = qs.filter(created_at__gte=datetime.combine(f.since, time.min, zone))
    if f.until:
        qs = qs.filter(created_at__lte=datetime.combine(f.until, time.max, zone))
    if f.jurisdiction:
        qs = qs.filter(jurisdictions__contains=f"|{fold(f.jurisdiction)}|")
    if f.language:
        qs = qs.filter(language=f.language)
    if f.answered:
        questions = Post.objects.filter(kind=PostKind.QUESTION)
        answered = Q(accepted_answer__isnull=False) | Q(comment_count__gt=0)
        wanted = questions.filter(answered) if f.answered == "yes" else questions.exclude(answered)
        qs = qs.filter(Q(kind=Kind.POST) & Q(_live(wanted)))
    return qs


# The communities listed to narrow the results: those with the most, the rest counted.
FACET_COMMUNITIES = 10


@dataclass
class Results:
    """Ids of the matching documents `user` may see, best first (or newest first), and the
    facet counts, all from one read of at most WINDOW matches."""

    ids: list[int]
    kinds: list[tuple[str, str, int]] = field(default_factory=list)
    communities: list[tuple[Community, int]] = field(default_factory=list)
    windowed: bool = False  # searched among the WINDOW newest matches only
    more_communities: int = 0  # communities with results beyond those in `communities`

    def documents(self, ids: list[int]) -> list[Document]:
        """The documents of `ids` (a page of `self.ids`), in that order."""
        found = Document.objects.in_bulk(ids)
        return [found[i] for i in ids if i in found]


def _ordered(rows: list[tuple], newest: bool, best_first: tuple[str, ...]) -> list[int]:
    """Row ids sorted by the engine's best-first fields (rows: id, kind, community_id,
    created_at, rank), or newest first; stable sorts, the last key first."""
    position = {"id": 0, "created_at": 3, "rank": 4}
    keys = ("-created_at", "-id") if newest else best_first
    for key in reversed(keys):
        rows.sort(key=itemgetter(position[key.lstrip("-")]), reverse=key.startswith("-"))
    return [row[0] for row in rows]


# The permission and filter clause, compiled once for each reader's reach and filters:
# building it with the ORM costs more than running it. Everything that varies with the
# reader is either in the key (who they are, the communities they read and lead) or asked
# inside the SQL of the live rows (memberships, statuses), so a kept clause is never stale.
_CLAUSES: dict[tuple[Any, ...], tuple[str, tuple[Any, ...]]] = {}
_CLAUSES_MAX = 4096
_clauses_lock = threading.Lock()


def _clause(user: Any, readable: list[int], led: list[int], f: Filters) -> tuple[str, tuple]:
    key = (
        connection.vendor,
        getattr(user, "pk", None),
        is_active_user(user),
        is_staff(user),
        tuple(readable),
        tuple(led),
        astuple(replace(f, kind="", newest=False)),
        timezone.get_current_timezone_name(),
    )
    with _clauses_lock:
        found = _CLAUSES.get(key)
    if found is None:
        qs = _filtered(visible_documents(user, readable=readable, led=led), f)
        try:
            sql, params = qs.query.get_compiler(qs.db).compile(qs.query.where)
            found = (str(sql), tuple(params))
        except EmptyResultSet:  # nothing can pass (e.g. an author who does not exist)
            found = ("1 = 0", ())
        except FullResultSet:  # pragma: no cover - visible_documents always narrows
            found = ("1 = 1", ())
        with _clauses_lock:
            if len(_CLAUSES) >= _CLAUSES_MAX:
                _CLAUSES.pop(next(iter(_CLAUSES)))
            _CLAUSES[key] = found
    return found


def _permitted(clause: tuple[str, tuple], ids: list[int]) -> list[tuple]:
    """(id, kind, community_id, created_at) of the documents among `ids` that pass
    `clause`, asked of the live rows in one query."""
    if not ids:
        return []
    where, params = clause
    table = connection.ops.quote_name(Document._meta.db_table)
    if connection.vendor == "postgresql":
        ids_params: list[Any] = [ids]
        among = f"{table}.id = ANY(%s)"
    else:
        among, ids_params = f"{table}.id IN ({', '.join(['%s'] * len(ids))})", ids
    sql = (
        f"SELECT {table}.id, {table}.kind, {table}.community_id, {table}.created_at "  # noqa: S608
        f"FROM {table} WHERE {among} AND ({where})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ids_params, *params])
        return list(cursor.fetchall())


def search(
    user: Any, query: Query, filters: Filters, *, communities: list[Community] | None = None
) -> Results:
    """Matching documents `user` may see, ranked (or newest first), with facet counts
    by kind and by community, from one read of the permitted matches. Needs `query.ok`.

    `communities`: those whose content `user` may read, when the caller has them already.
    """
    if communities is None:
        communities = list(readable_communities(user).only("pk", "slug", "name"))
    readable = sorted(c.pk for c in communities)
    found = candidates(query)
    clause = _clause(user, readable, _led(user), filters)
    rows = [(*row, found.ranks[row[0]]) for row in _permitted(clause, list(found.ranks))]
    by_kind = Counter(row[1] for row in rows)
    if filters.kind:
        rows = [row for row in rows if row[1] == filters.kind]
    by_community = Counter(row[2] for row in rows if row[2] is not None)
    named = sorted(
        (c for c in communities if c.pk in by_community),
        key=lambda c: (-by_community[c.pk], c.name),
    )
    return Results(
        ids=_ordered(rows, filters.newest, engine().best_first),
        kinds=[(k, str(label), by_kind[k]) for k, label in Kind.choices if by_kind.get(k)],
        communities=[(c, by_community[c.pk]) for c in named[:FACET_COMMUNITIES]],
        more_communities=max(0, len(named) - FACET_COMMUNITIES),
        windowed=found.windowed,
    )


def similar(user: Any, text: str, *, limit: int = 5) -> list[Document]:
    """Posts and resources `user` may see that are most like `text` (a question's title
    and text being written): "has this been asked before?"."""
    query = similar_to(text)
    if not query.ok:
        return []
    kinds = visible_documents(user).filter(kind__in=[Kind.POST, Kind.RESOURCE])
    ranked = engine().match(kinds, query, rank=True)
    return list(ranked.order_by(*engine().best_first)[:limit])
