"""Who may see and do what in a working group; builds on the community permission layer.

A group open to the whole community shows its posts and resources to whoever may read the
community's content. A members-only group shows them to its members, the community's
leaders and the host staff only: `can_see_group_content` for one object and
`group_visible_q` for querysets are the one rule that discussions, library, search,
digests and notifications ask.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import LEADER_ROLES, Community, Membership
from practica.communities.permissions import (
    can_lead,
    can_see_community,
    can_see_content,
    is_member,
)

from .models import GroupMembership, GroupMemberStatus, GroupVisibility, WorkingGroup

_GROUPS_ATTR = "_practica_groups"


def groups_of(user: Any) -> dict[int, str]:
    """group id → membership status for every working group of `user`; one query per
    request, kept on the user object like communities' `roles_of`."""
    if not is_active_user(user):
        return {}
    found = getattr(user, _GROUPS_ATTR, None)
    if found is None:
        found = dict(
            GroupMembership.objects.filter(user_id=user.pk).values_list("group_id", "status")
        )
        setattr(user, _GROUPS_ATTR, found)
    return found


def groups_forget(user: Any) -> None:
    if hasattr(user, _GROUPS_ATTR):
        delattr(user, _GROUPS_ATTR)


def is_group_member(user: Any, group: WorkingGroup) -> bool:
    return groups_of(user).get(group.pk) == GroupMemberStatus.MEMBER


def has_asked(user: Any, group: WorkingGroup) -> bool:
    return groups_of(user).get(group.pk) == GroupMemberStatus.REQUESTED


def is_group_lead(user: Any, group: WorkingGroup) -> bool:
    return is_active_user(user) and group.lead_id == user.pk


# --- Seeing -------------------------------------------------------------------------


def can_see_group(user: Any, group: WorkingGroup) -> bool:
    """A group's page (name, goal, lead, end date) shows to whoever may read its
    community's content; a members-only group keeps its posts, resources and members to
    itself (`can_see_group_content`)."""
    return can_see_community(user, group.community) and can_see_content(user, group.community)


def check_see_group(user: Any, group: WorkingGroup) -> None:
    if not can_see_group(user, group):
        raise Http404


def can_see_group_content(
    user: Any, group: WorkingGroup, community: Community | None = None
) -> bool:
    """May `user` see the group's posts, resources and members? `community` is the
    group's, when the caller has it already (a post's), to save reading it again."""
    community = community or group.community
    if not (can_see_community(user, community) and can_see_content(user, community)):
        return False
    if group.visibility != GroupVisibility.MEMBERS:
        return True
    return is_staff(user) or can_lead(user, community) or is_group_member(user, group)


def group_visible_q(user: Any, field: str = "group") -> Q:
    """Rows (posts, resources) whose `field` is no group, or a group whose content `user`
    may see: `can_see_group_content` as a filter, with no query of its own. The
    community's own visibility is filtered by the caller, as before groups existed."""
    if is_staff(user):
        return Q()
    shown = Q(visibility=GroupVisibility.COMMUNITY)
    if is_active_user(user):
        led = Membership.objects.filter(user_id=user.pk, role__in=LEADER_ROLES).values(
            "community_id"
        )
        mine = GroupMembership.objects.filter(
            user_id=user.pk, status=GroupMemberStatus.MEMBER
        ).values("group_id")
        shown |= Q(community_id__in=led) | Q(pk__in=mine)
    return Q(**{f"{field}__isnull": True}) | Q(
        **{f"{field}__in": WorkingGroup.objects.filter(shown).values("pk")}
    )


def open_to_community_q(field: str = "group") -> Q:
    """Rows in no group or in a group open to the whole community: what lists shared by
    readers of the same communities (the home page's cached lists, the knowledge map) may
    show, since a members-only group's content differs from reader to reader."""
    return Q(**{f"{field}__isnull": True}) | Q(
        **{f"{field}__visibility": GroupVisibility.COMMUNITY}
    )


# --- Managing -----------------------------------------------------------------------


def can_create_group(user: Any, community: Community) -> bool:
    """The community's leaders (and staff) start working groups and choose their lead."""
    return community.is_active and can_lead(user, community)


def check_create_group(user: Any, community: Community) -> None:
    if not can_create_group(user, community):
        raise PermissionDenied(
            _("Only the community's leaders and the host staff start working groups.")
        )


def can_manage_group(user: Any, group: WorkingGroup) -> bool:
    """Edit, add and remove members, archive: its lead, the community's leaders, staff."""
    if not is_active_user(user):
        return False
    return is_group_lead(user, group) or can_lead(user, group.community)


def check_manage_group(user: Any, group: WorkingGroup) -> None:
    if not can_manage_group(user, group):
        raise PermissionDenied(
            _("Only the group's lead and the community's leaders look after a working group.")
        )
    if group.is_archived:
        raise PermissionDenied(_("This working group is archived: it is read-only."))


def can_contribute(user: Any, group: WorkingGroup) -> bool:
    """Post and add resources in the group: its members (the lead included), the
    community's leaders and staff, while the group and its community are active."""
    if not is_active_user(user) or group.is_archived or not group.community.is_active:
        return False
    if is_staff(user) or can_lead(user, group.community):
        return True
    return is_member(user, group.community) and (
        is_group_member(user, group) or is_group_lead(user, group)
    )


def check_contribute(user: Any, group: WorkingGroup) -> None:
    if can_contribute(user, group):
        return
    if group.is_archived:
        raise PermissionDenied(_("This working group is archived: it is read-only."))
    raise PermissionDenied(
        _("Only the working group's members can post and share resources in it.")
    )


def can_ask_to_join(user: Any, group: WorkingGroup) -> bool:
    return (
        is_active_user(user)
        and not group.is_archived
        and is_member(user, group.community)
        and group.pk not in groups_of(user)
        and not is_group_lead(user, group)
    )


def check_ask_to_join(user: Any, group: WorkingGroup) -> None:
    if can_ask_to_join(user, group):
        return
    if group.is_archived:
        raise PermissionDenied(_("This working group is archived: it takes no new members."))
    if group.pk in groups_of(user):
        raise PermissionDenied(_("You are already in this group, or have asked to join it."))
    raise PermissionDenied(_("Only the community's members can join its working groups."))


def can_leave(user: Any, group: WorkingGroup) -> bool:
    return (
        is_active_user(user)
        and not group.is_archived
        and group.pk in groups_of(user)
        and not is_group_lead(user, group)
    )


def check_leave(user: Any, group: WorkingGroup) -> None:
    if can_leave(user, group):
        return
    if is_group_lead(user, group):
        raise PermissionDenied(
            _("The lead cannot leave the group: a community leader can name another lead first.")
        )
    if group.is_archived:
        raise PermissionDenied(_("This working group is archived: it is read-only."))
    raise PermissionDenied(_("You are not in this group."))
