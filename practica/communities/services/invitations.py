"""Invitations by email: sent by leaders, accepted only by the invited address, withdrawn,
and cleaned up once they can no longer be used."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write
from practica.accounts.selectors import conduct_current
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.notifications.models import Category
from practica.notifications.services import email_later

from ..models import (
    Community,
    Invitation,
    Membership,
)
from ..notify import tell
from ..permissions import (
    check_lead,
    check_not_suspended,
    invitation_is_for,
    is_member,
)
from .joining import accept_conduct_for_join, membership_add


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_send(
    *, actor: User, community: Community, emails: list[str], message: str = ""
) -> list[Invitation]:
    """Email each address a single-use link that expires after PRACTICA_INVITATION_DAYS."""
    check_lead(actor, community)
    check_not_suspended(actor, community)
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
    check_not_suspended(actor, invitation.community)
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
    if not invitation_is_for(actor, invitation):
        raise ServiceError(
            _("This invitation was sent to another email address: sign in with that address.")
        )
    if is_member(actor, community):
        raise ServiceError(_("You are already a member of this community."))
    if not community.is_active:
        raise ServiceError(_("This community is archived and no longer takes members."))
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
    accept_conduct_for_join(actor, conduct)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = actor
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership = membership_add(
        user=actor, community=community, agreement_version=community.agreement_accepted_on_join
    )
    audit_record(actor=actor, action="invitation.accept", target=invitation, scope=community.slug)
    if invitation.invited_by_id:
        tell(
            community,
            to=[invitation.invited_by_id],
            verb="invitation.accepted",
            actor=actor,
            target=invitation,
            category=Category.DECISIONS,
            title=_("%(who)s accepted your invitation to %(community)s")
            % {"who": actor.name, "community": community.name},
            url=community.get_absolute_url(),
        )
    return membership


def invitations_delete_expired(*, older_than: timedelta) -> int:
    """Delete invitations that can no longer be used (expired, or revoked) for longer than
    `older_than`, with the address they were sent to; accepted ones stay as a record.
    The number deleted."""
    cutoff = timezone.now() - older_than
    unused = Invitation.objects.filter(accepted_at__isnull=True)
    expired, _ = unused.filter(expires_at__lt=cutoff).delete()
    revoked, _ = unused.filter(revoked_at__lt=cutoff).delete()
    return expired + revoked
