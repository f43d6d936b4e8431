"""A member's standing: suspensions (in a community, or everywhere by staff) and the trust
level a leader sets. Every decision is audited with its actor and reason, and the member
is told."""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.readercache import reader_changed
from practica.notifications.models import Category

from ..models import Community, Membership, Suspension, TrustLevel, TrustOverride
from ..notify import tell
from ..permissions import (
    check_judge_standing,
    check_suspend_platform_wide,
    standing_forget,
)

MAX_DAYS = 365
PLATFORM_SCOPE = ""  # audit scope of platform-wide decisions (a community's is its slug)


def _when(moment: Any) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _sync_ends(user: User, community: Community | None) -> None:
    """Keep the denormalised end of `user`'s suspensions (on the membership, or on the user
    for platform-wide ones) equal to the latest end of those still in force."""
    now = timezone.now()
    latest = (
        Suspension.objects.active(now)
        .filter(user=user, community=community)
        .aggregate(end=Max("ends_at"))["end"]
    )
    if community is None:
        User.objects.filter(pk=user.pk).update(suspended_until=latest)
        user.suspended_until = latest
    else:
        Membership.objects.filter(user=user, community=community).update(suspended_until=latest)
    standing_forget(user)
    reader_changed(user.pk)


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Please give a reason; the member will see it."))
    if len(reason) > 2000:
        raise ServiceError(_("Please keep the reason under 2,000 characters."))
    return reason


def _standing_url(community: Community | None) -> str:
    return reverse("my_standing")


@transaction.atomic
def member_suspend(
    *,
    actor: User,
    member: User,
    community: Community | None,
    days: int,
    reason: str,
    rule: str = "",
) -> Suspension:
    """Suspend `member` from writing in `community` (everywhere when None: staff only) for
    `days` days. They can still read; the suspension ends by itself."""
    if community is None:
        check_suspend_platform_wide(actor, member)
    else:
        check_judge_standing(actor, community, member)
    try:
        days = int(days)
    except (TypeError, ValueError):
        raise ServiceError(_("Give the number of days as a whole number.")) from None
    if not 1 <= days <= MAX_DAYS:
        raise ServiceError(_("A suspension lasts from 1 to %(n)s days.") % {"n": MAX_DAYS})
    reason = _clean_reason(reason)
    rule = (rule or "").strip()[:300]
    now = timezone.now()
    suspension = Suspension.objects.create(
        user=member,
        community=community,
        starts_at=now,
        ends_at=now + timedelta(days=days),
        reason=reason,
        rule=rule,
        created_by=actor,
    )
    _sync_ends(member, community)
    audit_record(
        actor=actor,
        action="member.suspend",
        target=member,
        scope=community.slug if community else PLATFORM_SCOPE,
        reason=reason,
        data={
            "suspension_id": suspension.pk,
            "community_id": community.pk if community else None,
            "days": days,
            "until": suspension.ends_at.isoformat(),
            "rule": rule,
        },
    )
    where = community.name if community else _("the whole platform")
    body = _("Until %(until)s you can read but not write in %(where)s. Reason: %(reason)s") % {
        "until": _when(suspension.ends_at),
        "where": where,
        "reason": reason,
    }
    if rule:
        body += " " + _("Rule: %(rule)s") % {"rule": rule}
    tell(
        community,
        decision=True,
        to=[member.pk],
        verb="member.suspended",
        actor=actor,
        target=member,
        category=Category.DECISIONS,
        title=_("You are suspended from writing in %(where)s for %(days)s days")
        % {"where": where, "days": days},
        body=body,
        url=_standing_url(community),
    )
    return suspension


@transaction.atomic
def member_unsuspend(
    *, actor: User, member: User, community: Community | None, reason: str
) -> list[Suspension]:
    """Lift `member`'s suspensions in force in `community` (platform-wide ones with None)
    before they end; returns those lifted."""
    if community is None:
        check_suspend_platform_wide(actor, member)
    else:
        check_judge_standing(actor, community, member)
    reason = _clean_reason(reason)
    now = timezone.now()
    lifted = list(
        Suspension.objects.select_for_update().active(now).filter(user=member, community=community)
    )
    if not lifted:
        raise ServiceError(_("This member is not suspended there."))
    Suspension.objects.filter(pk__in=[s.pk for s in lifted]).update(
        lifted_at=now, lifted_by=actor, lift_reason=reason, end_told=True
    )
    _sync_ends(member, community)
    audit_record(
        actor=actor,
        action="member.unsuspend",
        target=member,
        scope=community.slug if community else PLATFORM_SCOPE,
        reason=reason,
        data={
            "suspension_ids": [s.pk for s in lifted],
            "community_id": community.pk if community else None,
        },
    )
    where = community.name if community else _("the whole platform")
    tell(
        community,
        decision=True,
        to=[member.pk],
        verb="member.unsuspended",
        actor=actor,
        target=member,
        category=Category.DECISIONS,
        title=_("Your suspension in %(where)s was lifted") % {"where": where},
        body=_("You can write again. Reason: %(reason)s") % {"reason": reason},
        url=community.get_absolute_url() if community else reverse("home"),
    )
    return lifted


@transaction.atomic
def trust_level_set(
    *, actor: User, member: User, community: Community, level: str, reason: str = ""
) -> TrustOverride | None:
    """Set `member`'s trust level in `community` over the computed one; an empty `level`
    goes back to the computed level."""
    check_judge_standing(actor, community, member)
    if level and level not in TrustLevel.values:
        raise ServiceError(_("Choose one of the trust levels."))
    reason = (reason or "").strip()
    current = TrustOverride.objects.filter(community=community, user=member).first()
    before = current.level if current else ""
    if level == before:
        return current
    override: TrustOverride | None
    if level:
        override, _created = TrustOverride.objects.update_or_create(
            community=community,
            user=member,
            defaults={"level": level, "reason": reason, "set_by": actor, "set_at": timezone.now()},
        )
    else:
        TrustOverride.objects.filter(community=community, user=member).delete()
        override = None
    standing_forget(member)
    audit_record(
        actor=actor,
        action="member.trust",
        target=member,
        scope=community.slug,
        reason=reason,
        data={"community_id": community.pk, "from": before, "to": level},
    )
    return override


def suspensions_tell_ended(*, now: Any = None, limit: int = 500) -> int:
    """Tell members whose suspensions have ended by themselves, once each; returns how many."""
    now = now or timezone.now()
    due = list(
        Suspension.objects.filter(end_told=False, ends_at__lte=now, lifted_at__isnull=True)
        .select_related("community", "user")
        .order_by("ends_at")[:limit]
    )
    told = 0
    for suspension in due:
        with transaction.atomic():
            if suspension_end_told(suspension=suspension):
                told += 1
    return told


def suspension_end_told(*, suspension: Suspension) -> bool:
    """Tell the member their suspension has ended (once), clearing the end kept for checks."""
    updated = Suspension.objects.filter(pk=suspension.pk, end_told=False).update(end_told=True)
    if not updated:
        return False
    _sync_ends(suspension.user, suspension.community)
    if (
        Suspension.objects.active()
        .filter(user_id=suspension.user_id, community=suspension.community)
        .exists()
    ):
        return True  # another one holds there still: nothing has ended for them yet
    community = suspension.community
    where = community.name if community else _("the whole platform")
    tell(
        community,
        decision=True,
        to=[suspension.user_id],
        verb="member.suspension_ended",
        actor=None,
        target=suspension.user,
        category=Category.DECISIONS,
        title=_("Your suspension in %(where)s has ended") % {"where": where},
        body=_("You can write again."),
        url=community.get_absolute_url() if community else reverse("home"),
    )
    return True


def membership_suspension_restore(*, membership: Membership) -> None:
    """A member suspended here who leaves and comes back is still suspended: the end is
    kept on the new membership (called when a membership is created)."""
    latest = (
        Suspension.objects.active()
        .filter(user_id=membership.user_id, community_id=membership.community_id)
        .aggregate(end=Max("ends_at"))["end"]
    )
    if latest:
        Membership.objects.filter(pk=membership.pk).update(suspended_until=latest)
        membership.suspended_until = latest
