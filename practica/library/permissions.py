"""Who may see, add to and look after the library; builds on the community layer."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Community
from practica.communities.permissions import (
    can_lead,
    can_see_content,
    check_can_write_in,
    check_not_suspended,
    is_member,
    is_suspended_in,
)
from practica.workgroups.permissions import can_see_group_content

from .models import Resource, ResourceStatus


def _is_author(user: Any, resource: Resource) -> bool:
    if not is_active_user(user):
        return False
    cache = getattr(resource, "_author_ids", None)
    if cache is None:
        cache = set(resource.authors.values_list("pk", flat=True))
        resource._author_ids = cache  # type: ignore[attr-defined]
    return user.pk in cache


def can_see_resource(user: Any, resource: Resource) -> bool:
    """Published resources follow the community; pending ones their authors and leaders;
    retired ones only leaders and staff."""
    if not can_see_content(user, resource.community):
        return False
    if resource.group is not None and not can_see_group_content(
        user, resource.group, resource.community
    ):
        return False
    if resource.hidden_at is not None:
        return _is_author(user, resource) or can_lead(user, resource.community)
    if resource.status == ResourceStatus.PUBLISHED:
        return True
    if resource.status == ResourceStatus.PENDING and _is_author(user, resource):
        return True
    return can_lead(user, resource.community)


def check_see_resource(user: Any, resource: Resource) -> None:
    if not can_see_resource(user, resource):
        raise Http404


def can_add_resource(user: Any, community: Community) -> bool:
    return (
        is_active_user(user)
        and community.is_active
        and (is_member(user, community) or is_staff(user))
        and not is_suspended_in(user, community)
    )


def check_add_resource(user: Any, community: Community) -> None:
    if can_add_resource(user, community):
        check_can_write_in(user, community, needs_conduct=False)  # a new agreement to accept
        return
    check_not_suspended(user, community)
    if is_active_user(user) and not community.is_active:
        raise PermissionDenied(_("This community is archived: its library takes no new resources."))
    raise PermissionDenied(_("Only the community's members can add to its library."))


def can_add_version(user: Any, resource: Resource) -> bool:
    if is_suspended_in(user, resource.community):
        return False
    return _is_author(user, resource) or can_lead(user, resource.community)


def check_add_version(user: Any, resource: Resource) -> None:
    check_not_suspended(user, resource.community)
    if not can_add_version(user, resource):
        raise PermissionDenied(
            _("Only the resource's authors and the community's leaders add new versions.")
        )


def can_manage_resource(user: Any, resource: Resource) -> bool:
    """Approve, edit, move, retire and delete: the community's leaders and staff."""
    return can_lead(user, resource.community)


def check_manage_resource(user: Any, resource: Resource) -> None:
    if not can_manage_resource(user, resource):
        raise PermissionDenied(
            _("Only the community's leaders and the host staff look after its library.")
        )


def can_edit_resource(user: Any, resource: Resource) -> bool:
    if is_suspended_in(user, resource.community):
        return False
    return _is_author(user, resource) or can_manage_resource(user, resource)


def check_edit_resource(user: Any, resource: Resource) -> None:
    check_not_suspended(user, resource.community)
    if not can_edit_resource(user, resource):
        raise PermissionDenied(
            _("Only the resource's authors and the community's leaders can edit it.")
        )


def can_take_part(user: Any, resource: Resource) -> bool:
    """Comment on it and confirm it is still current: the community's members and staff."""
    return (
        is_active_user(user)
        and resource.status == ResourceStatus.PUBLISHED
        and not (resource.group is not None and resource.group.is_archived)
        and (is_member(user, resource.community) or is_staff(user))
        and not is_suspended_in(user, resource.community)
    )


def check_take_part(user: Any, resource: Resource) -> None:
    if can_take_part(user, resource):
        check_can_write_in(user, resource.community, needs_conduct=False)  # a new agreement
        return
    check_not_suspended(user, resource.community)
    if resource.status != ResourceStatus.PUBLISHED:
        raise PermissionDenied(_("This resource is not published yet."))
    if resource.group is not None and resource.group.is_archived:
        raise PermissionDenied(_("This working group is archived: it is read-only."))
    raise PermissionDenied(_("Only the community's members can take part here."))
