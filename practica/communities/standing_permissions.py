"""Who may write given their standing (suspensions, trust levels), and who may judge it.

Part of the permission layer: `practica.communities.permissions` re-exports everything here,
and that is where everyone imports it from (importing this module first would find the
layer half built).
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from practica.accounts.permissions import (
    WriteBlocked,
    is_active_user,
    is_staff,
    is_suspended_everywhere,
    platform_suspension_provider,
    write_blocker,
)

from .models import LEADER_ROLES, Community, Suspension, TrustLevel
from .permissions import (
    can_lead,
    check_lead,
    check_see_community,
    must_accept_agreement,
    role_in,
    roles_forget,
    suspended_until_in,
)
from .trust import at_least, trust_forget, trust_level_of

_SUSPENSIONS_ATTR = "_practica_suspensions"


def is_suspended_in(user: Any, community: Community | None) -> bool:
    """Is `user` kept from writing in `community` now (anywhere, with None, only by a
    platform-wide suspension)? No query: the ends are read with the user and their roles."""
    if not is_active_user(user):
        return False
    if is_suspended_everywhere(user):
        return True
    if community is None:
        return False
    until = suspended_until_in(user).get(community.pk)
    return bool(until and until > timezone.now())


def suspended_now(user: Any) -> list[int]:
    """Where `user` is suspended now: community ids, 0 for everywhere. No query."""
    if not is_active_user(user):
        return []
    now = timezone.now()
    found = sorted(c for c, until in suspended_until_in(user).items() if until > now)
    return [0, *found] if is_suspended_everywhere(user) else found


def active_suspensions(user: Any) -> list[Suspension]:
    """`user`'s suspensions in force now, platform-wide first; one query per request, only
    for people suspended somewhere."""
    if not is_active_user(user):
        return []
    now = timezone.now()
    suspended_somewhere = is_suspended_everywhere(user) or any(
        until > now for until in suspended_until_in(user).values()
    )
    if not suspended_somewhere:
        return []
    found = getattr(user, _SUSPENSIONS_ATTR, None)
    if found is None:
        found = list(
            Suspension.objects.active()
            .filter(user_id=user.pk)
            .select_related("community")
            .order_by("-ends_at")
        )
        setattr(user, _SUSPENSIONS_ATTR, found)
    # One read earlier in a long request may have ended since.
    live = [s for s in found if s.is_active(now)]
    return sorted(live, key=lambda s: s.community_id is not None)


def standing_forget(user: Any) -> None:
    """Call after suspending or lifting, so that later checks on `user` see the change."""
    if hasattr(user, _SUSPENSIONS_ATTR):
        delattr(user, _SUSPENSIONS_ATTR)
    roles_forget(user)
    trust_forget(user)


def suspension_in(user: Any, community: Community | None) -> Suspension | None:
    """The suspension that keeps `user` from writing in `community` (a platform-wide one
    counts everywhere), or None; with `community` None, only a platform-wide one."""
    if not is_suspended_in(user, community):
        return None
    for suspension in active_suspensions(user):
        if suspension.community_id is None or (
            community is not None and suspension.community_id == community.pk
        ):
            return suspension
    return None


def suspension_message(suspension: Suspension) -> str:
    """What a suspended person is told when they try to write: where, until when and why."""
    until = formats.date_format(timezone.localtime(suspension.ends_at), "DATETIME_FORMAT")
    if suspension.community_id is None:
        text = _("You are suspended from writing anywhere on the platform until %(until)s.") % {
            "until": until
        }
    else:
        text = _("You are suspended from writing in %(community)s until %(until)s.") % {
            "community": suspension.community.name,  # type: ignore[union-attr]
            "until": until,
        }
    text += " " + _("Reason: %(reason)s") % {"reason": suspension.reason}
    return text + " " + _("You can still read.")


def _platform_message(user: Any) -> str | None:
    suspension = suspension_in(user, None)
    return suspension_message(suspension) if suspension else None


platform_suspension_provider(_platform_message)


def write_blocker_in(
    user: Any, community: Community | None, *, needs_conduct: bool = True
) -> str | None:
    """What stands between `user` and writing in `community`: `write_blocker`'s reasons
    (sign in, profile, code of conduct), a suspension there (WriteBlocked.SUSPENDED), then
    the community's agreement to accept (WriteBlocked.AGREEMENT)."""
    reason = write_blocker(user, needs_conduct=needs_conduct)
    if reason is None and is_suspended_in(user, community):
        return WriteBlocked.SUSPENDED
    if reason is None and community is not None and must_accept_agreement(user, community):
        return WriteBlocked.AGREEMENT
    return reason


def check_can_write_in(
    user: Any, community: Community | None, *, needs_conduct: bool = True
) -> None:
    """Raise WriteBlocked (a PermissionDenied and a ServiceError) if `user` may not write in
    `community` now; a suspension's message says where, until when and why."""
    reason = write_blocker_in(user, community, needs_conduct=needs_conduct)
    if reason == WriteBlocked.SUSPENDED:
        suspension = suspension_in(user, community)
        raise WriteBlocked(reason, suspension_message(suspension) if suspension else None)
    if reason == WriteBlocked.AGREEMENT and community is not None:
        # The write gate sends the member to accept it, keeping what they wrote.
        raise WriteBlocked(reason, unblock_url=reverse("agreement", args=[community.slug]))
    if reason:
        raise WriteBlocked(reason)


def check_not_suspended(user: Any, community: Community | None) -> None:
    """Raise WriteBlocked, saying where, until when and why, if `user` is suspended there."""
    suspension = suspension_in(user, community)
    if suspension is not None:
        raise WriteBlocked(WriteBlocked.SUSPENDED, suspension_message(suspension))


def blocked_message(user: Any, community: Community | None, reason: str | None) -> str:
    """The words for a `write_blocker_in` reason, for pages that show why a form is absent."""
    if reason == WriteBlocked.SUSPENDED:
        suspension = suspension_in(user, community)
        if suspension:
            return suspension_message(suspension)
    return str(WriteBlocked.MESSAGES.get(reason or "", ""))


# --- Trust levels ---------------------------------------------------------------------------


def trust_level(user: Any, community: Community | None) -> TrustLevel:
    """`user`'s trust level in `community` (its leaders' decision if any), or on the
    platform (None)."""
    return TrustLevel(trust_level_of(user, community))


def can_flag(user: Any, community: Community | None) -> bool:
    """Flags are for people past the lowest level who may write there (not suspended)."""
    if not is_active_user(user):
        return False
    if not at_least(trust_level(user, community), TrustLevel.MEMBER):
        return False
    return not is_suspended_in(user, community)


def can_start_conversation(user: Any) -> bool:
    """Private conversations are not open to the lowest level (replies are)."""
    return is_active_user(user) and at_least(trust_level(user, None), TrustLevel.MEMBER)


# --- Judging a member's standing ----------------------------------------------------------------


def _is_protected(membership_role: str | None, user: Any) -> bool:
    return membership_role in LEADER_ROLES or bool(getattr(user, "is_staff", False))


def can_judge_standing(actor: Any, community: Community, member: Any) -> bool:
    """Suspend, lift, set the level of `member` in `community`: its leaders and staff, never
    for themselves; leaders not for other leaders or staff (only staff may)."""
    if not is_active_user(actor) or not can_lead(actor, community):
        return False
    if member.pk == actor.pk or is_suspended_in(actor, community):
        return False
    if is_staff(actor):
        return True
    return not _is_protected(role_in(member, community), member)


def check_judge_standing(actor: Any, community: Community, member: Any) -> None:
    check_lead(actor, community)
    if role_in(member, community) is None and not is_staff(actor):
        raise Http404  # not a member here: a leader has nothing to decide about them
    if can_judge_standing(actor, community, member):
        return
    check_not_suspended(actor, community)
    if member.pk == actor.pk:
        raise PermissionDenied(_("You cannot decide on your own standing."))
    raise PermissionDenied(
        _("Leaders cannot suspend or set the level of other leaders or the host staff: "
          "ask the host staff.")
    )  # fmt: skip


def check_suspend_platform_wide(actor: Any, member: Any) -> None:
    if not is_staff(actor):
        raise PermissionDenied(_("Only the host staff suspend someone from the whole platform."))
    check_not_suspended(actor, None)
    if member.pk == actor.pk:
        raise PermissionDenied(_("You cannot decide on your own standing."))


def can_see_standing(user: Any, community: Community) -> bool:
    return can_lead(user, community)


def check_see_standing(user: Any, community: Community) -> None:
    """Members' standing pages: the community's leaders and staff (404 for non-members)."""
    check_see_community(user, community)
    check_lead(user, community)


def can_see_audit(user: Any, community: Community | None) -> bool:
    if community is None:
        return is_staff(user)
    return can_lead(user, community)


def check_see_audit(user: Any, community: Community | None) -> None:
    if community is None:
        if not is_staff(user):
            raise PermissionDenied(_("Only the host staff see the whole audit log."))
        return
    check_see_community(user, community)
    if not can_lead(user, community):
        raise PermissionDenied(_("Only the community's leaders and the host staff see its log."))
