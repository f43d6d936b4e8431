"""Writes for communities, membership and leadership.

Each service takes the acting user, checks permission through `permissions`, changes the
data in one transaction, writes an audit row and tells the people concerned.
"""

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from practica.accounts.models import CodeOfConduct, User
from practica.accounts.permissions import check_can_write
from practica.accounts.selectors import conduct_current
from practica.accounts.services import conduct_accept
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.notifications.services import email_later, notify

from .models import (
    MAX_MEMBERS_AT_LARGE,
    SINGLE_SEAT_ROLES,
    Community,
    CommunityProposal,
    FocusArea,
    Invitation,
    JoinRequest,
    Membership,
    ProposalStatus,
    RequestStatus,
    Role,
)
from .permissions import (
    check_edit_community,
    check_join,
    check_lead,
    check_leave,
    check_manage_roles,
    check_remove_member,
    check_review_proposals,
    is_member,
    roles_forget,
)
from .selectors import leader_ids

# --- Communities ----------------------------------------------------------------------------


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "community"
    slug, n = base, 2
    while Community.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def community_create(
    *,
    actor: User,
    name: str,
    summary: str,
    domain: str,
    chair: User | None = None,
    focus_areas: list[FocusArea] | None = None,
    **settings_fields: Any,
) -> Community:
    """Create a community; `chair` (if given) becomes its chair."""
    if Community.objects.filter(name__iexact=name.strip()).exists():
        raise ServiceError(_("A community with this name already exists."))
    community = Community.objects.create(
        name=name.strip(),
        slug=settings_fields.pop("slug", None) or _unique_slug(name),
        summary=summary.strip(),
        domain=domain.strip(),
        **settings_fields,
    )
    if focus_areas:
        community.focus_areas.set(focus_areas)
    if chair is not None:
        Membership.objects.create(user=chair, community=community, role=Role.CHAIR)
        roles_forget(chair)
    audit_record(actor=actor, action="community.create", target=community, scope=community.slug)
    return community


@transaction.atomic
def community_update(*, actor: User, community: Community, **fields: Any) -> Community:
    check_edit_community(actor, community)
    focus = fields.pop("focus_areas", None)
    changed = sorted(name for name, value in fields.items() if getattr(community, name) != value)
    for name, value in fields.items():
        setattr(community, name, value)
    community.save()
    if focus is not None:
        community.focus_areas.set(focus)
    audit_record(
        actor=actor,
        action="community.update",
        target=community,
        scope=community.slug,
        data={"changed": changed},
    )
    return community


@transaction.atomic
def community_set_status(*, actor: User, community: Community, status: str) -> Community:
    check_edit_community(actor, community)
    community.status = status
    community.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action=f"community.{status}", target=community, scope=community.slug)
    return community


# --- Proposals -----------------------------------------------------------------------------------


@transaction.atomic
def proposal_submit(
    *, actor: User, name: str, domain: str, rationale: str, audience: str
) -> CommunityProposal:
    check_can_write(actor)
    proposal = CommunityProposal.objects.create(
        proposer=actor,
        name=name.strip(),
        domain=domain.strip(),
        rationale=rationale.strip(),
        audience=audience.strip(),
    )
    audit_record(actor=actor, action="proposal.submit", target=proposal)
    staff_ids = User.objects.filter(is_staff=True, is_active=True).values_list("pk", flat=True)
    notify(
        user_ids=staff_ids,
        kind="proposal.submitted",
        title=_("New community proposed: %(name)s") % {"name": proposal.name},
        body=_("%(who)s proposed a new community.") % {"who": actor.name},
        url=reverse("proposal_review", args=[proposal.pk]),
    )
    return proposal


def _check_pending(proposal: CommunityProposal) -> None:
    if proposal.status != ProposalStatus.PENDING:
        raise ServiceError(_("This proposal has already been reviewed."))


@transaction.atomic
def proposal_accept(
    *, actor: User, proposal: CommunityProposal, summary: str = "", **community_fields: Any
) -> Community:
    """Create the community with the proposer as its chair and tell the proposer."""
    check_review_proposals(actor)
    proposal = CommunityProposal.objects.select_for_update().get(pk=proposal.pk)
    _check_pending(proposal)
    community = community_create(
        actor=actor,
        name=community_fields.pop("name", proposal.name),
        summary=summary or proposal.domain[:300],
        domain=community_fields.pop("domain", proposal.domain),
        chair=proposal.proposer,
        **community_fields,
    )
    proposal.status = ProposalStatus.ACCEPTED
    proposal.reviewed_by = actor
    proposal.reviewed_at = timezone.now()
    proposal.community = community
    proposal.save()
    audit_record(actor=actor, action="proposal.accept", target=proposal)
    notify(
        user_ids=[proposal.proposer_id],
        kind="proposal.accepted",
        title=_("Your community “%(name)s” has been created") % {"name": community.name},
        body=_("You are its chair. Invite members and set its rules from its page."),
        url=community.get_absolute_url(),
    )
    return community


@transaction.atomic
def proposal_decline(*, actor: User, proposal: CommunityProposal, reason: str) -> None:
    check_review_proposals(actor)
    proposal = CommunityProposal.objects.select_for_update().get(pk=proposal.pk)
    _check_pending(proposal)
    if not reason.strip():
        raise ServiceError(_("Please give the proposer a reason."))
    proposal.status = ProposalStatus.DECLINED
    proposal.reviewed_by = actor
    proposal.reviewed_at = timezone.now()
    proposal.reason = reason.strip()
    proposal.save()
    audit_record(actor=actor, action="proposal.decline", target=proposal, reason=reason)
    notify(
        user_ids=[proposal.proposer_id],
        kind="proposal.declined",
        title=_("Your proposal “%(name)s” was declined") % {"name": proposal.name},
        body=_("Reason: %(reason)s") % {"reason": proposal.reason},
        url=reverse("proposal_mine"),
    )


# --- Joining -------------------------------------------------------------------------------------


def _accept_conduct_for_join(user: User, conduct: CodeOfConduct | None) -> int:
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
    if community.is_restricted and not eligibility_declared:
        raise ServiceError(
            _("This community is for: %(who)s. Please confirm that you are eligible.")
            % {"who": community.eligibility}
        )
    if JoinRequest.objects.filter(
        user=actor, community=community, status=RequestStatus.PENDING
    ).exists():
        raise ServiceError(_("You have already asked to join; the leaders will reply soon."))
    version = _accept_conduct_for_join(actor, conduct)
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
    )
    if not community.needs_review:
        request.status = RequestStatus.APPROVED
        request.decided_at = timezone.now()
        request.save()
        _membership_add(user=actor, community=community)
        audit_record(actor=actor, action="membership.join", target=request, scope=community.slug)
        return request
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError as error:  # a second tab submitted at the same moment
        raise ServiceError(_("You have already asked to join.")) from error
    audit_record(actor=actor, action="request.submit", target=request, scope=community.slug)
    notify(
        user_ids=leader_ids(community=community),
        kind="request.submitted",
        title=_("%(who)s asks to join %(community)s")
        % {"who": actor.name, "community": community.name},
        url=reverse("community_requests", args=[community.slug]),
    )
    return request


def _membership_add(*, user: User, community: Community, role: str = Role.MEMBER) -> Membership:
    membership, _created = Membership.objects.get_or_create(
        user=user, community=community, defaults={"role": role}
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
    membership = _membership_add(user=request.user, community=community)
    audit_record(actor=actor, action="request.approve", target=request, scope=community.slug)
    notify(
        user_ids=[request.user_id],
        kind="request.approved",
        title=_("Welcome to %(community)s") % {"community": community.name},
        body=_("Your request to join %(community)s was approved.") % {"community": community.name},
        url=community.get_absolute_url(),
    )
    return membership


@transaction.atomic
def join_request_decline(*, actor: User, request: JoinRequest, reason: str) -> None:
    community = request.community
    check_lead(actor, community)
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
    notify(
        user_ids=[request.user_id],
        kind="request.declined",
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


# --- Invitations -------------------------------------------------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_send(
    *, actor: User, community: Community, emails: list[str], message: str = ""
) -> list[Invitation]:
    """Email each address a single-use link that expires after PRACTICA_INVITATION_DAYS."""
    check_lead(actor, community)
    if not community.is_active:
        raise ServiceError(_("An archived community cannot invite new members."))
    expires = timezone.now() + timedelta(days=settings.PRACTICA_INVITATION_DAYS)
    sent = []
    for email in dict.fromkeys(e.strip().lower() for e in emails if e.strip()):
        token = secrets.token_urlsafe(32)
        invitation = Invitation.objects.create(
            community=community,
            email=email,
            token_hash=_token_hash(token),
            message=message.strip(),
            invited_by=actor,
            expires_at=expires,
        )
        link = settings.SITE_URL + reverse("invitation_accept", args=[token])
        body = _(
            "%(who)s invites you to join %(community)s on Practica.\n\n%(summary)s\n\n"
            "%(message)s\n\nAccept the invitation (the link works once, until %(date)s):\n"
            "%(link)s"
        ) % {
            "who": actor.name,
            "community": community.name,
            "summary": community.summary,
            "message": message.strip(),
            "date": expires.strftime("%Y-%m-%d"),
            "link": link,
        }
        email_later(
            to=email,
            subject=_("Invitation to join %(community)s") % {"community": community.name},
            body=body,
        )
        audit_record(actor=actor, action="invitation.send", target=invitation, scope=community.slug)
        sent.append(invitation)
    return sent


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.filter(token_hash=_token_hash(token)).select_related("community").first()
    )


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> None:
    check_lead(actor, invitation.community)
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            action="invitation.revoke",
            target=invitation,
            scope=invitation.community.slug,
        )


@transaction.atomic
def invitation_accept(
    *, actor: User, token: str, conduct_accepted: bool, eligibility_declared: bool = False
) -> Membership:
    check_can_write(actor, needs_conduct=False)
    invitation = invitation_by_token(token)
    if invitation is None:
        raise ServiceError(_("This invitation link is not valid."))
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    state = invitation.state
    if state == "accepted":
        raise ServiceError(_("This invitation has already been used."))
    if state in ("expired", "revoked"):
        raise ServiceError(
            _("This invitation has expired or was withdrawn. Ask the leaders for a new one.")
        )
    community = invitation.community
    if is_member(actor, community):
        raise ServiceError(_("You are already a member of this community."))
    if not community.is_active:
        raise ServiceError(_("This community is archived and no longer takes members."))
    conduct = conduct_current()
    if conduct is not None and not conduct_accepted:
        raise ServiceError(_("Joining requires accepting the code of conduct."))
    if community.is_restricted and not eligibility_declared:
        raise ServiceError(
            _("This community is for: %(who)s. Please confirm that you are eligible.")
            % {"who": community.eligibility}
        )
    _accept_conduct_for_join(actor, conduct)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = actor
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership = _membership_add(user=actor, community=community)
    audit_record(actor=actor, action="invitation.accept", target=invitation, scope=community.slug)
    if invitation.invited_by_id:
        notify(
            user_ids=[invitation.invited_by_id],
            kind="invitation.accepted",
            title=_("%(who)s accepted your invitation to %(community)s")
            % {"who": actor.name, "community": community.name},
            url=community.get_absolute_url(),
            email=False,
        )
    return membership


# --- Leaving, removing, roles -------------------------------------------------------------------


@transaction.atomic
def membership_leave(*, actor: User, community: Community) -> None:
    check_leave(actor, community)
    membership = Membership.objects.select_for_update().get(user=actor, community=community)
    membership.delete()
    roles_forget(actor)
    audit_record(
        actor=actor,
        action="membership.leave",
        target=community,
        scope=community.slug,
        data={"user_id": actor.pk, "role": membership.role},
    )


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership, reason: str) -> None:
    community = membership.community
    check_remove_member(actor, community, membership)
    if not reason.strip():
        raise ServiceError(_("Please give a reason; the member will see it."))
    membership.delete()
    roles_forget(membership.user)
    audit_record(
        actor=actor,
        action="membership.remove",
        target=community,
        scope=community.slug,
        reason=reason,
        data={"user_id": membership.user_id, "role": membership.role},
    )
    notify(
        user_ids=[membership.user_id],
        kind="membership.removed",
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
    audit_record(
        actor=actor,
        action="membership.role",
        target=community,
        scope=community.slug,
        data={"user_id": membership.user_id, "from": previous, "to": role},
    )
    notify(
        user_ids=[membership.user_id],
        kind="membership.role",
        title=_("Your role in %(community)s is now: %(role)s")
        % {"community": community.name, "role": Role(role).label},
        url=community.get_absolute_url(),
    )
    return membership
