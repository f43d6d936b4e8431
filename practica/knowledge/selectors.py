"""Reads for requests for information: lists as each viewer may see them, and the members
a request could be routed to."""

from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404

from practica.accounts.models import User
from practica.accounts.permissions import is_active_user
from practica.communities.models import Community
from practica.communities.permissions import is_member
from practica.communities.selectors import users_with_roles
from practica.directory.selectors import people_visible_to
from practica.discussions.models import Post
from practica.discussions.permissions import can_see_post
from practica.discussions.selectors import posts_visible_to

from .mapping import knowledge_map, topic_keys
from .models import InformationRequest, RequestStatus, Routing

SUGGESTIONS_MAX = 10


def access_post(*, user: Any, pk: int) -> Post:
    """A post the user may see, or 404 (missing and forbidden alike)."""
    post = Post.objects.select_related("community", "author").filter(pk=pk).first()
    if post is None or not can_see_post(user, post):
        raise Http404
    return post


def request_of(post: Post) -> InformationRequest | None:
    return InformationRequest.objects.filter(post=post).first()


def requests_visible_to(user: Any) -> QuerySet[InformationRequest]:
    return (
        InformationRequest.objects.filter(post__in=posts_visible_to(user).values("pk"))
        .select_related("post", "post__community", "post__author")
        .annotate(routed=Count("routings", distinct=True), need=Count("followers", distinct=True))
    )


def open_requests(*, user: Any, community: Community | None = None) -> QuerySet[InformationRequest]:
    qs = requests_visible_to(user).filter(status=RequestStatus.OPEN)
    if community is not None:
        qs = qs.filter(post__community=community)
    return qs.order_by("deadline", "pk")


def requests_for(*, user: Any) -> QuerySet[InformationRequest]:
    """Requests routed to `user` (that they may still see), open first."""
    if not is_active_user(user):
        return InformationRequest.objects.none()
    mine = Routing.objects.filter(user_id=user.pk).values("request_id")
    return requests_visible_to(user).filter(pk__in=mine).order_by("-status", "deadline", "pk")


def request_people(request: InformationRequest, *, viewer: Any) -> tuple[list[User], list[User]]:
    """Those routed to (only the people `viewer` may see), and those who need it too."""
    visible = people_visible_to(viewer).values("pk")
    routed = list(
        User.objects.filter(pk__in=request.routings.values("user_id")).filter(pk__in=visible)
    )
    need = [f.user for f in request.followers.select_related("user").order_by("created_at")]
    return routed, need


def suggestions(*, request: InformationRequest, asker: Any) -> list[dict[str, Any]]:
    """Members whose declared expertise or contributions match the question's tags, who
    can see the question and whom `asker` may see, who welcome questions or belong to the
    community; ranked by the map's score, plus 2 for a shared jurisdiction and 1 for
    belonging to the community. Those already routed to are marked."""
    post = request.post
    from practica.directory.models import ExpertiseArea

    areas = list(ExpertiseArea.objects.all())
    keys = {k for slug in post.tags.values_list("slug", flat=True) for k in topic_keys(slug, areas)}
    if not keys:
        return []
    found: dict[int, dict[str, Any]] = {}
    for topic in knowledge_map(asker):
        if topic.key not in keys:
            continue
        for row in topic.ranked(limit=50):
            entry = found.setdefault(
                row["user"].pk, {"user": row["user"], "score": 0, "why": [], "level": 0}
            )
            entry["score"] += row["score"]
            entry["level"] = max(entry["level"], row["level"])
            entry["why"] += row["why"]
    found.pop(post.author_id, None)
    visible = set(people_visible_to(asker).filter(pk__in=found).values_list("pk", flat=True))
    wanted = {j.lower() for j in request.jurisdiction_list}
    routed = set(request.routings.values_list("user_id", flat=True))
    result = []
    for user in users_with_roles(user_ids=[uid for uid in found if uid in visible]):
        if not can_see_post(user, post):
            continue
        member = is_member(user, post.community)
        if not (member or user.welcomes_questions):
            continue
        entry = found[user.pk]
        shared = sorted(j for j in user.jurisdiction_list if j.lower() in wanted)
        entry["score"] += (2 if shared else 0) + (1 if member else 0)
        entry["shared"] = shared
        entry["member"] = member
        entry["routed"] = user.pk in routed
        entry["user"] = user
        result.append(entry)
    result.sort(key=lambda e: (-e["score"], -e["level"], e["user"].name.lower()))
    return result[:SUGGESTIONS_MAX]
