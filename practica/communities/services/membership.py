"""Leaving, removal by leaders, and roles in the leadership group."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.notifications.models import Category

from ..models import (
    LEADER_ROLES,
    MAX_MEMBERS_AT_LARGE,
    SINGLE_SEAT_ROLES,
    Community,
    Membership,
    Role,
)
from ..notify import tell
from ..permissions import (
    check_leave,
    check_manage_roles,
    check_not_suspended,
    check_remove_member,
    roles_forget,
)
from ..signals import access_reduced


@transaction.atomic
def membership_leave(*, actor: User, community: Community) -> None:
    check_leave(actor, community)
    membership = Membership.objects.select_for_update().get(user=actor, community=community)
    membership.delete()
    roles_forget(actor)
    access_reduced.send(Community, community=community, user_id=actor.pk)
    audit_record(
        actor=actor,
        action="membership.leave",
        target=community,
        scope=community.slug,
        data={
            "user_id": actor.pk,
            "role": membership.role,
            "joined_at": membership.joined_at.isoformat(),  # for the reports
        },
    )


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership, reason: str) -> None:
    community = membership.community
    check_remove_member(actor, community, membership)
    check_not_suspended(actor, community)
    if not reason.strip():
        raise ServiceError(_("Please give a reason; the member will see it."))
    membership.delete()
    roles_forget(membership.user)
    access_reduced.send(Community, community=community, user_id=membership.user_id)
    audit_record(
        actor=actor,
        action="membership.remove",
        target=membership.user,  # the person removed; the community is the scope
        scope=community.slug,
        reason=reason,
        data={
            "community_id": community.pk,
            "user_id": membership.user_id,
            "role": membership.role,
            "joined_at": membership.joined_at.isoformat(),  # for the reports
        },
    )
    tell(
        community,
        decision=True,
        to=[membership.user_id],
        verb="membership.removed",
        actor=actor,
        target=membership.user,
        category=Category.DECISIONS,
        title=_("You were removed from %(community)s") % {"community": community.name},
        body=_("Reason: %(reason)s") % {"reason": reason.strip()},
        url=reverse("community_detail", args=[community.slug]),
    )


@transaction.atomic
def membership_set_role(*, actor: User, membership: Membership, role: str) -> Membership:
    """Give `membership` a new role, respecting the seats of the leadership group.

    Making someone chair hands the chair over: the previous chair becomes a member.
    The chair cannot step down except by handing over.
    """
    community = membership.community
    check_manage_roles(actor, community)
    check_not_suspended(actor, community)
    if role not in Role.values:
        raise ServiceError(_("Unknown role."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    previous = membership.role
    if role == previous:
        return membership
    if previous == Role.CHAIR:
        raise ServiceError(
            _("The chair steps down by handing over: make another member chair first.")
        )
    others = (
        Membership.objects.select_for_update().filter(community=community).exclude(pk=membership.pk)
    )
    if role == Role.CHAIR:
        for old in others.filter(role=Role.CHAIR):
            old.role = Role.MEMBER
            old.save(update_fields=["role"])
            roles_forget(old.user)
            access_reduced.send(Community, community=community, user_id=old.user_id)
    elif role in SINGLE_SEAT_ROLES and others.filter(role=role).exists():
        raise ServiceError(
            _("This community already has a %(role)s. Change their role first.")
            % {"role": Role(role).label.lower()}
        )
    elif role == Role.MEMBER_AT_LARGE and (
        others.filter(role=Role.MEMBER_AT_LARGE).count() >= MAX_MEMBERS_AT_LARGE
    ):
        raise ServiceError(
            _("A community has at most %(n)s members-at-large.") % {"n": MAX_MEMBERS_AT_LARGE}
        )
    membership.role = role
    membership.save(update_fields=["role"])
    roles_forget(membership.user)
    roles_forget(actor)
    if previous in LEADER_ROLES and role not in LEADER_ROLES:
        access_reduced.send(Community, community=community, user_id=membership.user_id)
    audit_record(
        actor=actor,
        action="membership.role",
        target=membership.user,  # the person whose role changed; the community is the scope
        scope=community.slug,
        data={"user_id": membership.user_id, "from": previous, "to": role},
    )
    tell(
        community,
        decision=True,
        to=[membership.user_id],
        verb="membership.role",
        actor=actor,
        target=membership,
        category=Category.DECISIONS,
        title=_("Your role in %(community)s is now: %(role)s")
        % {"community": community.name, "role": Role(role).label},
        url=community.get_absolute_url(),
    )
    return membership
