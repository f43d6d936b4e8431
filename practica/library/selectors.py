"""Reads for the library, filtered by what the reader may see."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from practica.core.queries import filtered
from practica.discussions.models import Tag
from practica.discussions.selectors import readable_communities
from practica.workgroups.permissions import group_visible_q

from .models import Resource, ResourceStatus, ResourceVersion
from .permissions import check_see_resource

SORTS = {
    "new": ("-created_at", "-id"),
    "downloads": ("-download_count", "-id"),
    "reviewed": ("-last_reviewed_at", "-id"),
}


@dataclass
class ResourceFilters:
    community: str = ""
    kind: str = ""
    tag: str = ""
    jurisdiction: str = ""
    language: str = ""
    licence: str = ""
    sort: str = "new"


def resources_visible_to(user: Any) -> QuerySet[Resource]:
    """Published resources of communities whose content `user` may read, but for those of
    members-only working groups, which only their members and leaders see."""
    return Resource.objects.filter(
        group_visible_q(user),
        status=ResourceStatus.PUBLISHED,
        hidden_at__isnull=True,
        community__in=readable_communities(user).values("pk"),
    )


def group_resources(*, user: Any, group: Any) -> QuerySet[Resource]:
    """A working group's folder: its published resources `user` may see, newest first."""
    return (
        resources_visible_to(user)
        .filter(community_id=group.community_id, group=group)
        .order_by("-created_at", "-id")
    )


def library(*, user: Any, filters: ResourceFilters) -> QuerySet[Resource]:
    qs = filtered(
        resources_visible_to(user),
        community__slug=filters.community,
        kind=filters.kind,
        tags__slug=filters.tag,
        jurisdictions__icontains=filters.jurisdiction,
        language__iexact=filters.language,
        licence=filters.licence,
    )
    return (
        qs.select_related("community")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")), "authors")
        .order_by(*SORTS.get(filters.sort, SORTS["new"]))
    )


def access_resource(*, user: Any, pk: int) -> Resource:
    resource = (
        Resource.objects.select_related("community", "last_reviewed_by", "group")
        .filter(pk=pk)
        .first()
    )
    if resource is None:
        raise Http404
    check_see_resource(user, resource)
    return resource


def access_version(*, user: Any, resource_pk: int, version_pk: int) -> ResourceVersion:
    resource = access_resource(user=user, pk=resource_pk)
    version = resource.versions.filter(pk=version_pk).first()
    if version is None:
        raise Http404
    version.resource = resource
    return version


def pending_resources(*, community: Any) -> QuerySet[Resource]:
    return Resource.objects.filter(
        community=community, status=ResourceStatus.PENDING
    ).select_related("created_by")


def languages(*, user: Any) -> list[str]:
    return sorted(set(resources_visible_to(user).values_list("language", flat=True)))
