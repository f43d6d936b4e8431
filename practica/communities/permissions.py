"""The one place that answers "may this user do that in this community?".

Views, templates (through `can_*` booleans and `community_abilities`) and selectors (which
filter what a user may see) all ask these functions. `check_*` raises: `Http404` where the
user may not know the object exists, `PermissionDenied` where they may.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from practica.accounts.permissions import is_active_user, is_staff

from .models import LEADER_ROLES, Community, JoinPolicy, Membership, Role, Visibility

_ROLES_ATTR = "_practica_roles"


def roles_of(user: Any) -> dict[int, str]:
    """community id → role for every membership of `user`; one query per request."""
    if not is_active_user(user):
        return {}
    roles = getattr(user, _ROLES_ATTR, None)
    if roles is None:
        roles = dict(Membership.objects.filter(user_id=user.pk).values_list("community_id", "role"))
        setattr(user, _ROLES_ATTR, roles)
    return roles


def roles_forget(user: Any) -> None:
    """Call after changing `user`'s memberships so that later checks see the change."""
    if hasattr(user, _ROLES_ATTR):
        delattr(user, _ROLES_ATTR)


def role_in(user: Any, community: Community) -> str | None:
    return roles_of(user).get(community.pk)


def is_member(user: Any, community: Community) -> bool:
    return role_in(user, community) is not None


def is_leader(user: Any, community: Community) -> bool:
    return role_in(user, community) in LEADER_ROLES


def is_chair(user: Any, community: Community) -> bool:
    return role_in(user, community) == Role.CHAIR


# --- Seeing -------------------------------------------------------------------------


def can_see_community(user: Any, community: Community) -> bool:
    """Hidden communities do not exist for anyone but their members and staff."""
    if community.visibility != Visibility.HIDDEN:
        return True
    return is_staff(user) or is_member(user, community)


def check_see_community(user: Any, community: Community) -> None:
    if not can_see_community(user, community):
        raise Http404


def can_see_content(user: Any, community: Community) -> bool:
    if community.visibility == Visibility.PUBLIC:
        return True
    return is_staff(user) or is_member(user, community)


def check_see_content(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_see_content(user, community):
        raise PermissionDenied


def can_see_members(user: Any, community: Community) -> bool:
    return is_staff(user) or is_member(user, community)


def check_see_members(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_see_members(user, community):
        raise PermissionDenied


# --- Joining and leaving ----------------------------------------------------------------


def can_join(user: Any, community: Community) -> bool:
    """May ask to join (or join at once) through the join form."""
    return (
        is_active_user(user)
        and community.is_active
        and community.join_policy != JoinPolicy.INVITATION
        and can_see_community(user, community)
        and not is_member(user, community)
    )


def check_join(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_join(user, community):
        raise PermissionDenied


def can_accept_invitation(user: Any, community: Community) -> bool:
    return is_active_user(user) and community.is_active and not is_member(user, community)


def can_leave(user: Any, community: Community) -> bool:
    """Any member but the chair, who must hand over first."""
    role = role_in(user, community)
    return role is not None and role != Role.CHAIR


def check_leave(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_leave(user, community):
        raise PermissionDenied


# --- Leading ------------------------------------------------------------------------------


def can_lead(user: Any, community: Community) -> bool:
    """Review join requests, invite, see the member list with roles, remove members."""
    return is_staff(user) or is_leader(user, community)


def check_lead(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_lead(user, community):
        raise PermissionDenied


def can_manage_roles(user: Any, community: Community) -> bool:
    return is_staff(user) or is_chair(user, community)


def check_manage_roles(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_manage_roles(user, community):
        raise PermissionDenied


def can_edit_community(user: Any, community: Community) -> bool:
    return is_staff(user) or is_chair(user, community)


def check_edit_community(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_edit_community(user, community):
        raise PermissionDenied


def can_remove_member(user: Any, community: Community, membership: Membership) -> bool:
    """Leaders remove members; only the chair or staff remove a leader; nobody the chair."""
    if membership.user_id == getattr(user, "pk", None) or membership.role == Role.CHAIR:
        return False
    if membership.role in LEADER_ROLES:
        return can_manage_roles(user, community)
    return can_lead(user, community)


def check_remove_member(user: Any, community: Community, membership: Membership) -> None:
    check_lead(user, community)
    if not can_remove_member(user, community, membership):
        raise PermissionDenied


# --- Platform-wide --------------------------------------------------------------------------


def can_propose_community(user: Any) -> bool:
    return is_active_user(user)


def can_review_proposals(user: Any) -> bool:
    return is_staff(user)


def check_review_proposals(user: Any) -> None:
    if not can_review_proposals(user):
        raise PermissionDenied


@dataclass(frozen=True)
class CommunityAbilities:
    """What the page may offer this user in this community, for templates."""

    role: str | None
    is_member: bool
    is_leader: bool
    see_content: bool
    see_members: bool
    join: bool
    leave: bool
    lead: bool
    manage_roles: bool
    edit: bool

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label) if self.role else ""


def community_abilities(user: Any, community: Community) -> CommunityAbilities:
    role = role_in(user, community)
    return CommunityAbilities(
        role=role,
        is_member=role is not None,
        is_leader=role in LEADER_ROLES,
        see_content=can_see_content(user, community),
        see_members=can_see_members(user, community),
        join=can_join(user, community),
        leave=can_leave(user, community),
        lead=can_lead(user, community),
        manage_roles=can_manage_roles(user, community),
        edit=can_edit_community(user, community),
    )
