"""Writes for working groups: each in a transaction, each recorded as one activity, and
creation, archiving and leaders' membership decisions written to the audit log."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write
from practica.communities.models import Community
from practica.communities.notify import community_activity, note, tell
from practica.communities.permissions import is_member, roles_forget
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.notifications.models import Category

from .models import (
    GOAL_MAX,
    NAME_MAX,
    SUMMARY_MAX,
    GroupMembership,
    GroupMemberStatus,
    GroupVisibility,
    WorkingGroup,
)
from .permissions import (
    check_ask_to_join,
    check_create_group,
    check_leave,
    check_manage_group,
    groups_forget,
)


def _unique_slug(community: Community, name: str, exclude: int | None = None) -> str:
    base = slugify(name)[:70] or "group"
    if base == "new":  # the address of the form that starts a group
        base = "new-group"
    slug, n = base, 2
    taken = WorkingGroup.objects.filter(community=community)
    if exclude:
        taken = taken.exclude(pk=exclude)
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_fields(
    *, community: Community, name: str, goal: str, lead: User, ends_on: date, visibility: str
) -> None:
    if not name.strip() or len(name) > NAME_MAX:
        raise ServiceError(
            _("Give the group a name of at most %(n)s characters.") % {"n": NAME_MAX}
        )
    if not goal.strip() or len(goal) > GOAL_MAX:
        raise ServiceError(_("Say what the group sets out to do (its goal)."))
    if visibility not in GroupVisibility.values:
        raise ServiceError(_("Choose who sees the group's posts and resources."))
    if not lead.is_active or not is_member(lead, community):
        raise ServiceError(_("The lead must be a member of the community."))
    if ends_on < timezone.localdate():
        raise ServiceError(_("The end date cannot be in the past."))


def _add(group: WorkingGroup, user_id: int) -> None:
    GroupMembership.objects.update_or_create(
        group=group, user_id=user_id, defaults={"status": GroupMemberStatus.MEMBER}
    )


@transaction.atomic
def group_create(
    *,
    actor: User,
    community: Community,
    name: str,
    goal: str,
    lead: User,
    ends_on: date,
    visibility: str = GroupVisibility.COMMUNITY,
) -> WorkingGroup:
    """Start a working group in `community` led by `lead` (a member), who joins it."""
    check_create_group(actor, community)
    check_can_write(actor)
    roles_forget(lead)
    _check_fields(
        community=community, name=name, goal=goal, lead=lead, ends_on=ends_on,
        visibility=visibility,
    )  # fmt: skip
    group = WorkingGroup.objects.create(
        community=community,
        slug=_unique_slug(community, name),
        name=name.strip(),
        goal=goal,
        lead=lead,
        ends_on=ends_on,
        visibility=visibility,
        created_by=actor,
    )
    _add(group, lead.pk)
    audit_record(actor=actor, action="group.create", target=group, scope=community.slug)
    community_activity(
        community,
        actor=actor,
        verb="group.created",
        target=group,
        notes=[
            note(
                community, to=[lead.pk] if lead.pk != actor.pk else [],
                category=Category.DECISIONS, kind="group.lead",
                title=_("You lead the new working group “%(name)s” in %(community)s")
                % {"name": group.name, "community": community.name},
                url=group.get_absolute_url(),
            )
        ],
    )  # fmt: skip
    return group


@transaction.atomic
def group_update(
    *,
    actor: User,
    group: WorkingGroup,
    name: str,
    goal: str,
    lead: User,
    ends_on: date,
    visibility: str,
) -> WorkingGroup:
    """Change a group's description, lead, end date or visibility."""
    group = WorkingGroup.objects.select_for_update().select_related("community").get(pk=group.pk)
    check_manage_group(actor, group)
    check_can_write(actor)
    roles_forget(lead)
    _check_fields(
        community=group.community, name=name, goal=goal, lead=lead, ends_on=ends_on,
        visibility=visibility,
    )  # fmt: skip
    new_lead = lead.pk != group.lead_id
    if new_lead and not (actor.pk == group.lead_id or _is_leader(actor, group)):
        raise ServiceError(_("Only the community's leaders name another lead."))
    group.name = name.strip()
    group.goal = goal
    group.lead = lead
    group.ends_on = ends_on
    group.visibility = visibility
    group.save()
    if new_lead:
        _add(group, lead.pk)
        audit_record(
            actor=actor, action="group.lead", target=group, scope=group.community.slug,
            data={"lead": lead.pk},
        )  # fmt: skip
    community_activity(group.community, actor=actor, verb="group.updated", target=group)
    return group


def _is_leader(actor: User, group: WorkingGroup) -> bool:
    from practica.communities.permissions import can_lead

    return can_lead(actor, group.community)


@transaction.atomic
def group_archive(*, actor: User, group: WorkingGroup, summary: str) -> WorkingGroup:
    """Close the group with a summary of what it did: from then on it is read-only."""
    group = WorkingGroup.objects.select_for_update().select_related("community").get(pk=group.pk)
    check_manage_group(actor, group)
    check_can_write(actor)
    if not summary.strip():
        raise ServiceError(_("Write a closing summary: what the group did and where it left off."))
    if len(summary) > SUMMARY_MAX:
        raise ServiceError(_("The summary is too long."))
    group.closing_summary = summary
    group.archived_at = timezone.now()
    group.save()
    GroupMembership.objects.filter(group=group, status=GroupMemberStatus.REQUESTED).delete()
    audit_record(actor=actor, action="group.archive", target=group, scope=group.community.slug)
    tell(
        group.community,
        actor=actor,
        verb="group.archived",
        target=group,
        to=[uid for uid in _member_ids(group) if uid != actor.pk],
        category=Category.WATCHED,
        title=_("The working group “%(name)s” is closed, with a summary") % {"name": group.name},
        url=group.get_absolute_url(),
    )
    return group


def _member_ids(group: WorkingGroup) -> list[int]:
    return list(
        GroupMembership.objects.filter(group=group, status=GroupMemberStatus.MEMBER).values_list(
            "user_id", flat=True
        )
    )


@transaction.atomic
def group_join(*, actor: User, group: WorkingGroup) -> GroupMembership:
    """Ask to join: the lead (and the community's leaders) decide."""
    check_ask_to_join(actor, group)
    check_can_write(actor)
    membership = GroupMembership.objects.create(
        group=group, user=actor, status=GroupMemberStatus.REQUESTED
    )
    groups_forget(actor)
    tell(
        group.community,
        actor=actor,
        verb="group.join_requested",
        target=group,
        to=[group.lead_id],
        category=Category.DUTIES,
        title=_("%(who)s asks to join the working group “%(name)s”")
        % {"who": actor.name, "name": group.name},
        url=group.get_absolute_url() + "#members",
    )
    return membership


@transaction.atomic
def group_leave(*, actor: User, group: WorkingGroup) -> None:
    """Leave the group, or withdraw one's request to join."""
    check_leave(actor, group)
    GroupMembership.objects.filter(group=group, user=actor).delete()
    groups_forget(actor)
    community_activity(group.community, actor=actor, verb="group.left", target=group)


@transaction.atomic
def group_member_add(*, actor: User, group: WorkingGroup, user: User) -> GroupMembership:
    """Add a member of the community to the group (or accept their request)."""
    check_manage_group(actor, group)
    roles_forget(user)
    if not user.is_active or not is_member(user, group.community):
        raise ServiceError(_("Only the community's members can join its working groups."))
    membership, _created = GroupMembership.objects.update_or_create(
        group=group, user=user, defaults={"status": GroupMemberStatus.MEMBER}
    )
    groups_forget(user)
    if actor.pk != group.lead_id:
        audit_record(actor=actor, action="group.member_add", target=group,
                     scope=group.community.slug, data={"user": user.pk})  # fmt: skip
    tell(
        group.community,
        actor=actor,
        verb="group.member_added",
        target=group,
        to=[user.pk] if user.pk != actor.pk else [],
        category=Category.DECISIONS,
        title=_("You are now a member of the working group “%(name)s”") % {"name": group.name},
        url=group.get_absolute_url(),
    )
    return membership


@transaction.atomic
def group_member_remove(*, actor: User, group: WorkingGroup, user: User, reason: str = "") -> None:
    """Remove a member from the group, or decline their request. The lead stays."""
    check_manage_group(actor, group)
    if user.pk == group.lead_id:
        raise ServiceError(_("The lead cannot be removed: name another lead first."))
    deleted, _rows = GroupMembership.objects.filter(group=group, user=user).delete()
    if not deleted:
        raise ServiceError(_("This person is not in the group."))
    groups_forget(user)
    if actor.pk != group.lead_id:
        audit_record(actor=actor, action="group.member_remove", target=group,
                     scope=group.community.slug, reason=reason, data={"user": user.pk})  # fmt: skip
    tell(
        group.community,
        actor=actor,
        verb="group.member_removed",
        target=group,
        to=[user.pk],
        category=Category.DECISIONS,
        title=_("You are no longer in the working group “%(name)s”") % {"name": group.name},
        url=group.get_absolute_url(),
        decision=True,
    )
