"""What are we missing: for the communities a leader leads (or all, for staff), the
questions left unanswered, the topics asked about with no declared expert, the areas with
no current resource and the requests that expired unanswered."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify

from practica.accounts.permissions import is_staff
from practica.communities.models import Community, Membership
from practica.directory.models import Expertise, ExpertiseArea
from practica.discussions.models import Post, PostKind, PostStatus
from practica.library.models import Resource, ResourceStatus

from .mapping import area_key, asked_topics, knowledge_map, topic_keys
from .models import InformationRequest, RequestStatus
from .permissions import led_community_ids

LIST_MAX = 50


def gap_communities(viewer: Any, community: Community | None = None) -> list[Community]:
    """The communities `viewer` sees gaps for (callers check permission first)."""
    if community is not None:
        return [community]
    qs = (
        Community.objects.all()
        if is_staff(viewer)
        else Community.objects.filter(pk__in=led_community_ids(viewer))
    )
    return list(qs.order_by("name"))


def _questions(ids: list[int]) -> QuerySet[Post]:
    return Post.objects.filter(
        community_id__in=ids,
        kind=PostKind.QUESTION,
        status=PostStatus.PUBLISHED,
        deleted_at__isnull=True,
        hidden_at__isnull=True,
    )


def unanswered_questions(ids: list[int]) -> list[Post]:
    """Questions with no comment and no accepted answer after the set number of days."""
    before = timezone.now() - timedelta(days=settings.PRACTICA_UNANSWERED_AFTER_DAYS)
    return list(
        _questions(ids)
        .filter(accepted_answer__isnull=True, comment_count=0, published_at__lte=before)
        .select_related("community")
        .order_by("published_at", "pk")[:LIST_MAX]
    )


@dataclass
class Gaps:
    communities: list[Community]
    unanswered: list[Post]
    no_expert: list[dict[str, Any]]
    no_resource: list[dict[str, Any]]
    expired: list[InformationRequest]
    matrix: list[dict[str, Any]]

    @property
    def only(self) -> Community | None:
        """The one community these gaps are about, where the page's actions apply."""
        return self.communities[0] if len(self.communities) == 1 else None


def gaps(viewer: Any, community: Community | None = None) -> Gaps:
    communities = gap_communities(viewer, community)
    ids = [c.pk for c in communities]
    areas = list(ExpertiseArea.objects.all())
    questions = _questions(ids)
    asked = asked_topics(questions)

    # Declared experts among the members of these communities, by topic.
    members = Membership.objects.filter(community_id__in=ids).values("user_id")
    declared: set[str] = set()
    for area_slug, tag in Expertise.objects.filter(user__in=members).values_list(
        "area__slug", "tag"
    ):
        if area_slug:
            declared.add(area_key(area_slug))
        else:
            declared.update(topic_keys(slugify(tag, True), areas))
    # Platform-wide experts the viewer may see, to invite.
    platform = {t.key: t for t in knowledge_map(viewer) if t.declared_count}
    names = {area_key(a.slug): a.name for a in areas}
    no_expert = []
    for key, n in sorted(asked.items(), key=lambda kv: -kv[1]):
        if key in declared:
            continue
        topic = platform.get(key)
        no_expert.append(
            {
                "key": key,
                "slug": key.split(":", 1)[1],
                "name": names.get(key) or key.split(":", 1)[1].replace("-", " "),
                "asked": n,
                "experts": [p for p in topic.ranked(3) if p["level"]] if topic else [],
            }
        )

    # Resources by area: current, or all out of date. A resource counts for an area when
    # one of its tags belongs to it by the knowledge map's rule (topic_keys).
    current: dict[str, int] = {}
    stale: dict[str, int] = {}
    for res in (
        Resource.objects.filter(status=ResourceStatus.PUBLISHED, community_id__in=ids)
        .prefetch_related("tags")
        .only("pk", "current_as_of", "last_reviewed_at", "review_months")
    ):
        keys = {k for tag in res.tags.all() for k in topic_keys(tag.slug, areas)}
        bucket = stale if res.may_be_out_of_date else current
        for key in keys:
            bucket[key] = bucket.get(key, 0) + 1
    no_resource = [
        {
            "area": a,
            "out_of_date": stale.get(area_key(a.slug), 0),
            "asked": asked.get(area_key(a.slug), 0),
        }
        for a in areas
        if not current.get(area_key(a.slug))
        # Only areas somebody here cares about: asked about, or with a declared expert.
        and (area_key(a.slug) in asked or area_key(a.slug) in declared)
    ]
    no_resource.sort(key=lambda row: -row["asked"])

    expired = list(
        InformationRequest.objects.filter(
            status=RequestStatus.UNANSWERED,
            post__community_id__in=ids,
            post__deleted_at__isnull=True,
            post__hidden_at__isnull=True,
        )
        .select_related("post", "post__community")
        .order_by("-closed_at")[:LIST_MAX]
    )
    return Gaps(
        communities=communities,
        unanswered=unanswered_questions(ids),
        no_expert=no_expert,
        no_resource=no_resource,
        expired=expired,
        matrix=_matrix(areas, communities, questions),
    )


def _matrix(
    areas: list[ExpertiseArea], communities: list[Community], questions: QuerySet[Post]
) -> list[dict[str, Any]]:
    """Rows of areas, a cell per community: questions asked, and how many are unanswered."""
    rows = (
        questions.filter(tags__isnull=False)
        .values_list("community_id", "tags__slug")
        .annotate(
            n=Count("pk", distinct=True),
            open=Count("pk", distinct=True, filter=Q(accepted_answer__isnull=True)),
        )
        .order_by()
    )
    cells: dict[tuple[str, int], list[int]] = {}
    for cid, slug, n, open_ in rows:
        for key in topic_keys(slug, areas):
            cell = cells.setdefault((key, cid), [0, 0])
            cell[0] += n
            cell[1] += open_
    return [
        {
            "area": a,
            "cells": [cells.get((area_key(a.slug), c.pk), [0, 0]) for c in communities],
        }
        for a in areas
        if any(cells.get((area_key(a.slug), c.pk)) for c in communities)
    ]
