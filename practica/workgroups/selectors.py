"""Reads for working groups, filtered by what the reader may see."""

from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from practica.communities.models import Community, Membership

from .models import GroupMembership, GroupMemberStatus, WorkingGroup
from .permissions import check_see_group


def _count(status: str) -> Coalesce:
    rows = (
        GroupMembership.objects.filter(group=OuterRef("pk"), status=status)
        .values("group")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def community_groups(*, community: Community, archived: bool = False) -> QuerySet[WorkingGroup]:
    """A community's working groups (current or archived), with their lead and number of
    members, in one query. What each reader may see inside is the permission layer's."""
    order = ("-archived_at", "id") if archived else ("ends_on", "name", "id")
    return (
        WorkingGroup.objects.filter(community=community, archived_at__isnull=not archived)
        .select_related("lead", "community")
        .annotate(member_count=_count(GroupMemberStatus.MEMBER))
        .order_by(*order)
    )


def access_group(*, community: Community, slug: str, user: Any) -> WorkingGroup:
    """Fetch and authorise: missing and not visible answer the same 404."""
    group = (
        WorkingGroup.objects.filter(community=community, slug=slug)
        .select_related("lead", "community")
        .first()
    )
    if group is None:
        raise Http404
    check_see_group(user, group)
    return group


def group_members(*, group: WorkingGroup) -> QuerySet[GroupMembership]:
    return (
        GroupMembership.objects.filter(group=group, status=GroupMemberStatus.MEMBER)
        .select_related("user")
        .order_by("user__display_name", "id")
    )


def join_requests(*, group: WorkingGroup) -> QuerySet[GroupMembership]:
    return (
        GroupMembership.objects.filter(group=group, status=GroupMemberStatus.REQUESTED)
        .select_related("user")
        .order_by("created_at", "id")
    )


def candidates(*, group: WorkingGroup) -> QuerySet[Membership]:
    """The community's members who are not in the group yet, for its lead to add."""
    inside = GroupMembership.objects.filter(group=group, status=GroupMemberStatus.MEMBER).values(
        "user_id"
    )
    return (
        Membership.objects.filter(community_id=group.community_id, user__is_active=True)
        .exclude(user_id__in=inside)
        .select_related("user")
        .order_by("user__display_name", "id")
    )


def groups_for_posting(*, user: Any, community: Community) -> list[WorkingGroup]:
    """The current groups of `community` in which `user` may post (post form's choice)."""
    from .permissions import can_contribute

    groups = WorkingGroup.objects.filter(
        community=community, archived_at__isnull=True
    ).select_related("community")
    return [group for group in groups if can_contribute(user, group)]


def member_ids(*, group: WorkingGroup) -> list[int]:
    return list(
        GroupMembership.objects.filter(group=group, status=GroupMemberStatus.MEMBER).values_list(
            "user_id", flat=True
        )
    )


def group_for_form(request: Any, community: Community) -> WorkingGroup | None:
    """The working group named by `?group=<slug>` on a post or resource form opened from
    the group's page (a form posts back to its own address, so the name stays), or None.
    A group the reader may not see answers 404; the service checks the right to add."""
    slug = request.GET.get("group", "")
    if not slug:
        return None
    return access_group(community=community, slug=slug[:80], user=request.user)
