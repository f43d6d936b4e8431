"""Proposals for new communities: submitted by anyone signed in, reviewed by staff."""

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.text import single_line
from practica.notifications.models import Category

from ..models import (
    Community,
    CommunityProposal,
    ProposalStatus,
)
from ..notify import tell
from ..permissions import (
    check_review_proposals,
)
from ..selectors import community_name_taken
from .communities import community_create


@transaction.atomic
def proposal_submit(
    *, actor: User, name: str, domain: str, rationale: str, audience: str
) -> CommunityProposal:
    check_can_write(actor)
    name = single_line(name)
    if community_name_taken(name=name, user=actor):
        raise ServiceError(
            _("A community with this name already exists or has already been proposed: "
              "choose another name.")
        )  # fmt: skip
    proposal = CommunityProposal.objects.create(
        proposer=actor,
        name=name,
        domain=domain.strip(),
        rationale=rationale.strip(),
        audience=audience.strip(),
    )
    audit_record(actor=actor, action="proposal.submit", target=proposal)
    staff_ids = User.objects.filter(is_staff=True, is_active=True).values_list("pk", flat=True)
    tell(
        None,
        to=staff_ids,
        verb="proposal.submitted",
        actor=actor,
        target=proposal,
        category=Category.DUTIES,
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
        summary=summary or proposal.default_summary(),
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
    tell(
        None,
        to=[proposal.proposer_id],
        verb="proposal.accepted",
        actor=actor,
        target=proposal,
        category=Category.DECISIONS,
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
    tell(
        None,
        to=[proposal.proposer_id],
        verb="proposal.declined",
        actor=actor,
        target=proposal,
        category=Category.DECISIONS,
        title=_("Your proposal “%(name)s” was declined") % {"name": proposal.name},
        body=_("Reason: %(reason)s") % {"reason": proposal.reason},
        url=reverse("proposal_mine"),
    )
