"""The one place that answers "may this user do that in this community?".

Views, templates (through `can_*` booleans and `community_abilities`) and selectors (which
filter what a user may see) all ask these functions. `check_*` raises: `Http404` where the
user may not know the object exists, `PermissionDenied` where they may. A PermissionDenied
carries a message saying why, in words safe to show the person refused (the 403 page shows
it): what they would need, never anything about the object they may not see.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.permissions import WriteBlocked, is_active_user, is_staff
from practica.accounts.selectors import user_addresses

from .models import (
    LEADER_ROLES,
    Community,
    Invitation,
    JoinPolicy,
    Membership,
    Role,
    Visibility,
)

_ROLES_ATTR = "_practica_roles"
_AGREEMENTS_ATTR = "_practica_agreements"
_SUSPENDED_ATTR = "_practica_suspended_until"


def roles_of(user: Any) -> dict[int, str]:
    """community id → role for every membership of `user`; one query per request, which
    also reads the versions of the communities' agreements they accepted and where they
    are suspended (`suspended_until_in`)."""
    if not is_active_user(user):
        return {}
    roles = getattr(user, _ROLES_ATTR, None)
    if roles is None:
        rows = Membership.objects.filter(user_id=user.pk).values_list(
            "community_id", "role", "agreement_version", "suspended_until"
        )
        roles = {community_id: role for community_id, role, _version, _until in rows}
        setattr(user, _ROLES_ATTR, roles)
        setattr(user, _AGREEMENTS_ATTR, {cid: version for cid, _role, version, _until in rows})
        setattr(user, _SUSPENDED_ATTR, {c: until for c, _role, _v, until in rows if until})
    return roles


def suspended_until_in(user: Any) -> dict[int, Any]:
    """community id → end of `user`'s suspension there (maybe past), read with the roles."""
    if not is_active_user(user):
        return {}
    found = getattr(user, _SUSPENDED_ATTR, None)
    if found is None:
        if getattr(user, _ROLES_ATTR, None) is None:
            roles_of(user)
            return dict(getattr(user, _SUSPENDED_ATTR))
        found = dict(
            Membership.objects.filter(user_id=user.pk, suspended_until__isnull=False).values_list(
                "community_id", "suspended_until"
            )
        )
        setattr(user, _SUSPENDED_ATTR, found)
    return dict(found)


def roles_forget(user: Any) -> None:
    """Call after changing `user`'s memberships so that later checks see the change."""
    for attr in (_ROLES_ATTR, _AGREEMENTS_ATTR, _SUSPENDED_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)


def roles_prime(
    user: Any, roles: dict[int, str], *, suspended: dict[int, Any] | None = None
) -> None:
    """Give `user` their complete community id → role map, read in bulk by a selector
    (`users_with_roles`), so that checks for many people cost no query each; and where
    they are suspended, when read too."""
    setattr(user, _ROLES_ATTR, dict(roles))
    if suspended is not None:
        setattr(user, _SUSPENDED_ATTR, dict(suspended))
    elif hasattr(user, _SUSPENDED_ATTR):
        delattr(user, _SUSPENDED_ATTR)


def role_in(user: Any, community: Community) -> str | None:
    return roles_of(user).get(community.pk)


def is_member(user: Any, community: Community) -> bool:
    return role_in(user, community) is not None


def is_leader(user: Any, community: Community) -> bool:
    return role_in(user, community) in LEADER_ROLES


def is_chair(user: Any, community: Community) -> bool:
    return role_in(user, community) == Role.CHAIR


# --- Writing: the community's agreement --------------------------------------------------


def accepted_agreement_version(user: Any, community: Community) -> int:
    """The version of `community`'s agreement `user` accepted (0: none, or not a member)."""
    roles_of(user)
    versions = getattr(user, _AGREEMENTS_ATTR, None)
    if versions is None:  # roles primed in bulk by a selector: read this one
        versions = dict(
            Membership.objects.filter(user_id=user.pk).values_list(
                "community_id", "agreement_version"
            )
        )
        setattr(user, _AGREEMENTS_ATTR, versions)
    return int(versions.get(community.pk, 0))


def must_accept_agreement(user: Any, community: Community) -> bool:
    """A member who has not accepted the version of the community's agreement in force,
    as `accounts.permissions.must_accept_conduct` is for the code of conduct. Staff who
    are not members write under the platform's rules only."""
    if not community.agreement_version or not is_member(user, community):
        return False
    return accepted_agreement_version(user, community) < community.agreement_version


def check_agreement_accepted(user: Any, community: Community) -> None:
    """Raise WriteBlocked(AGREEMENT), which the write gate turns into a visit to the
    agreement that keeps what was written, if `user` must accept `community`'s first."""
    if must_accept_agreement(user, community):
        raise WriteBlocked(
            WriteBlocked.AGREEMENT, unblock_url=reverse("agreement", args=[community.slug])
        )


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
        raise PermissionDenied(_("This community shares its content with its members only."))


def can_see_members(user: Any, community: Community) -> bool:
    return is_staff(user) or is_member(user, community)


def check_see_members(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_see_members(user, community):
        raise PermissionDenied(_("Only the community's members can see who belongs to it."))


def can_see_membership(viewer: Any, membership: Membership) -> bool:
    """May `viewer` learn that this person belongs to this community (profiles, cards,
    directories, exports)? Everyone sees their own; public communities show who belongs;
    a leadership seat is on the about page of any community the viewer may know of;
    otherwise only those who may see the member list (members and staff)."""
    community = membership.community
    if getattr(viewer, "pk", None) is not None and viewer.pk == membership.user_id:
        return is_active_user(viewer)
    if not can_see_community(viewer, community):
        return False
    if community.visibility == Visibility.PUBLIC or membership.role in LEADER_ROLES:
        return True
    return can_see_members(viewer, community)


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
    if can_join(user, community):
        return
    if not is_active_user(user):
        raise PermissionDenied(_("Sign in to join a community."))
    if is_member(user, community):
        raise PermissionDenied(_("You are already a member of this community."))
    if not community.is_active:
        raise PermissionDenied(_("This community is archived: it takes no new members."))
    raise PermissionDenied(
        _("This community takes new members by invitation only: ask one of its leaders.")
    )


def invitation_is_for(user: Any, invitation: Invitation) -> bool:
    """An invitation is for the address it was sent to: the account's own address or one
    of its verified addresses. Anyone else holding the link is someone else."""
    if not is_active_user(user):
        return False
    return invitation.email.lower() in user_addresses(user)


def can_leave(user: Any, community: Community) -> bool:
    """Any member but the chair, who must hand over first."""
    role = role_in(user, community)
    return role is not None and role != Role.CHAIR


def check_leave(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if can_leave(user, community):
        return
    if role_in(user, community) == Role.CHAIR:
        raise PermissionDenied(_("The chair cannot leave: make someone else chair first."))
    raise PermissionDenied(_("You are not a member of this community."))


# --- Leading ------------------------------------------------------------------------------


def can_lead(user: Any, community: Community) -> bool:
    """Review join requests, invite, see the member list with roles, remove members."""
    return is_staff(user) or is_leader(user, community)


def check_lead(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_lead(user, community):
        raise PermissionDenied(_("Only the community's leaders and the host staff can do this."))


def can_manage_roles(user: Any, community: Community) -> bool:
    return is_staff(user) or is_chair(user, community)


def check_manage_roles(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_manage_roles(user, community):
        raise PermissionDenied(_("Only the community's chair and the host staff change roles."))


def can_edit_community(user: Any, community: Community) -> bool:
    return is_staff(user) or is_chair(user, community)


def check_edit_community(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_edit_community(user, community):
        raise PermissionDenied(
            _("Only the community's chair and the host staff change its settings.")
        )


def can_remove_member(user: Any, community: Community, membership: Membership) -> bool:
    """Leaders remove members; only the chair or staff remove a leader; nobody the chair."""
    if membership.user_id == getattr(user, "pk", None) or membership.role == Role.CHAIR:
        return False
    if membership.role in LEADER_ROLES:
        return can_manage_roles(user, community)
    return can_lead(user, community)


def check_remove_member(user: Any, community: Community, membership: Membership) -> None:
    check_lead(user, community)
    if can_remove_member(user, community, membership):
        return
    if membership.user_id == getattr(user, "pk", None):
        raise PermissionDenied(_("You cannot remove yourself: leave the community instead."))
    if membership.role == Role.CHAIR:
        raise PermissionDenied(_("The chair cannot be removed: a new chair must be named first."))
    raise PermissionDenied(
        _("Only the chair and the host staff remove a member of the leadership group.")
    )


# --- Platform-wide --------------------------------------------------------------------------


def can_propose_community(user: Any) -> bool:
    return is_active_user(user)


def can_review_proposals(user: Any) -> bool:
    return is_staff(user)


def check_review_proposals(user: Any) -> None:
    if not can_review_proposals(user):
        raise PermissionDenied(_("Only the host staff review proposals for new communities."))


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
    suspended_until: Any = None  # the end of the user's suspension here, if suspended now

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
        suspended_until=_suspended_here(user, community),
    )


def _suspended_here(user: Any, community: Community) -> Any:
    """When `user`'s suspension here ends (a platform-wide one counts), if suspended now."""
    now = timezone.now()
    ends = [until for until in (suspended_until_in(user).get(community.pk),) if until]
    everywhere = getattr(user, "suspended_until", None) if is_active_user(user) else None
    if everywhere:
        ends.append(everywhere)
    live = [until for until in ends if until > now]
    return max(live) if live else None


# Standing (suspensions, trust levels): their own module, part of this layer.
from .standing_permissions import (  # noqa: E402, F401
    active_suspensions,
    blocked_message,
    can_flag,
    can_judge_standing,
    can_see_audit,
    can_see_standing,
    can_start_conversation,
    check_can_write_in,
    check_judge_standing,
    check_not_suspended,
    check_see_audit,
    check_see_standing,
    check_suspend_platform_wide,
    is_suspended_in,
    standing_forget,
    suspended_now,
    suspension_in,
    suspension_message,
    trust_level,
    write_blocker_in,
)
