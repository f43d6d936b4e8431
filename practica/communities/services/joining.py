"""Joining a community: requests, the leaders' decisions, withdrawal."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import CodeOfConduct, User
from practica.accounts.permissions import check_can_write
from practica.accounts.selectors import conduct_current
from practica.accounts.services import conduct_accept
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.notifications.models import Category

from ..models import (
    Community,
    JoinRequest,
    Membership,
    RequestStatus,
    Role,
)
from ..notify import tell
from ..permissions import (
    check_join,
    check_lead,
    check_not_suspended,
    roles_forget,
)
from ..selectors import leader_ids


def accept_conduct_for_join(user: User, conduct: CodeOfConduct | None) -> int:
    if conduct is not None:
        conduct_accept(user=user, conduct=conduct)
        return conduct.version
    return 0


def _fill_profile_blanks(user: User, *, occupation: str, affiliation: str) -> None:
    changed: list[str] = []
    if not user.occupation and occupation:
        user.occupation, changed = occupation, [*changed, "occupation"]
    if not user.affiliation and affiliation:
        user.affiliation, changed = affiliation, [*changed, "affiliation"]
    if changed:
        user.save(update_fields=changed)


@transaction.atomic
def join_request_submit(
    *,
    actor: User,
    community: Community,
    occupation: str,
    affiliation: str,
    interest: str,
    statement: str,
    eligibility_declared: bool = False,
    conduct_accepted: bool,
) -> JoinRequest:
    """Join at once (open communities) or queue the request for the leaders.

    Restricted communities always queue, because leaders must verify eligibility.
    """
    check_join(actor, community)
    check_can_write(actor, needs_conduct=False)
    conduct = conduct_current()
    if conduct is not None and not conduct_accepted:
        raise ServiceError(_("Joining requires accepting the code of conduct."))
    if community.agreement_on_join and not conduct_accepted:
        raise ServiceError(_("Joining requires accepting the community's agreement."))
    if community.is_restricted and not eligibility_declared:
        raise ServiceError(
            _("This community is for: %(who)s. Please confirm that you are eligible.")
            % {"who": community.eligibility}
        )
    if JoinRequest.objects.filter(
        user=actor, community=community, status=RequestStatus.PENDING
    ).exists():
        raise ServiceError(_("You have already asked to join; the leaders will reply soon."))
    version = accept_conduct_for_join(actor, conduct)
    _fill_profile_blanks(actor, occupation=occupation, affiliation=affiliation)
    request = JoinRequest(
        user=actor,
        community=community,
        occupation=occupation,
        affiliation=affiliation.strip(),
        interest=interest.strip(),
        statement=statement.strip(),
        eligibility_declared=eligibility_declared,
        conduct_version=version,
        agreement_version=community.agreement_accepted_on_join,
    )
    if not community.needs_review:
        request.status = RequestStatus.APPROVED
        request.decided_at = timezone.now()
        request.save()
        membership_add(user=actor, community=community, agreement_version=request.agreement_version)
        audit_record(actor=actor, action="membership.join", target=request, scope=community.slug)
        return request
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError as error:  # a second tab submitted at the same moment
        raise ServiceError(_("You have already asked to join.")) from error
    audit_record(actor=actor, action="request.submit", target=request, scope=community.slug)
    tell(
        community,
        to=leader_ids(community=community),
        verb="request.submitted",
        actor=actor,
        target=request,
        category=Category.DUTIES,
        title=_("%(who)s asks to join %(community)s")
        % {"who": actor.name, "community": community.name},
        url=reverse("community_requests", args=[community.slug]),
    )
    return request


def membership_add(
    *, user: User, community: Community, role: str = Role.MEMBER, agreement_version: int = 0
) -> Membership:
    """Make `user` a member; `agreement_version` is the version of the community's
    agreement they accepted when joining (a newer one is asked for before they write)."""
    membership, _created = Membership.objects.get_or_create(
        user=user,
        community=community,
        defaults={"role": role, "agreement_version": agreement_version},
    )
    roles_forget(user)
    return membership


def _lock_pending(request: JoinRequest) -> JoinRequest:
    locked = JoinRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status != RequestStatus.PENDING:
        raise ServiceError(_("This request has already been dealt with."))
    return locked


@transaction.atomic
def join_request_approve(
    *, actor: User, request: JoinRequest, eligibility_verified: bool = False
) -> Membership:
    community = request.community
    check_lead(actor, community)
    check_not_suspended(actor, community)
    request = _lock_pending(request)
    if community.is_restricted and not eligibility_verified:
        raise ServiceError(
            _("Confirm that you have verified the applicant's eligibility (%(who)s).")
            % {"who": community.eligibility}
        )
    request.status = RequestStatus.APPROVED
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.eligibility_verified = eligibility_verified
    request.save()
    membership = membership_add(
        user=request.user, community=community, agreement_version=request.agreement_version
    )
    audit_record(actor=actor, action="request.approve", target=request, scope=community.slug)
    tell(
        community,
        decision=True,
        to=[request.user_id],
        verb="request.approved",
        actor=actor,
        target=request,
        category=Category.DECISIONS,
        title=_("Welcome to %(community)s") % {"community": community.name},
        body=_("Your request to join %(community)s was approved.") % {"community": community.name},
        url=community.get_absolute_url(),
    )
    return membership


@transaction.atomic
def join_request_decline(*, actor: User, request: JoinRequest, reason: str) -> None:
    community = request.community
    check_lead(actor, community)
    check_not_suspended(actor, community)
    request = _lock_pending(request)
    if not reason.strip():
        raise ServiceError(_("Please give the applicant a reason."))
    request.status = RequestStatus.DECLINED
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.reason = reason.strip()
    request.save()
    audit_record(
        actor=actor, action="request.decline", target=request, scope=community.slug, reason=reason
    )
    tell(
        community,
        decision=True,
        to=[request.user_id],
        verb="request.declined",
        actor=actor,
        target=request,
        category=Category.DECISIONS,
        title=_("Your request to join %(community)s was declined") % {"community": community.name},
        body=_("Reason: %(reason)s") % {"reason": request.reason},
        url=community.get_absolute_url(),
    )


@transaction.atomic
def join_request_withdraw(*, actor: User, request: JoinRequest) -> None:
    if request.user_id != actor.pk:
        raise ServiceError(_("Only the applicant can withdraw a request."))
    request = _lock_pending(request)
    request.status = RequestStatus.WITHDRAWN
    request.decided_at = timezone.now()
    request.save()
    audit_record(
        actor=actor, action="request.withdraw", target=request, scope=request.community.slug
    )
