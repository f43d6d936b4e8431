"""Invitations: the leaders' list, withdrawing one, and accepting one by its link."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.accounts.selectors import conduct_current
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.markdown import render_markdown

from .. import selectors, services
from ..forms import (
    InvitationAcceptForm,
    InvitationForm,
)
from ..permissions import (
    check_lead,
    community_abilities,
    invitation_is_for,
)


@login_required
def community_invitations(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_lead(request.user, community)
    form = InvitationForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.invitation_send(
                actor=request.user,
                community=community,
                emails=form.cleaned_data["emails"],
                message=form.cleaned_data["message"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("%(n)s invitation(s) sent by email.") % {"n": len(sent)})
            return redirect("community_invitations", slug=community.slug)
    return render(
        request,
        "communities/community_invitations.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "form": form,
            "invitations": selectors.community_invitations(community=community),
        },
    )


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_lead(request.user, community)
    invitation = get_object_or_404(community.invitations, pk=pk)
    services.invitation_revoke(actor=request.user, invitation=invitation)
    messages.success(
        request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email}
    )
    return redirect("community_invitations", slug=community.slug)


def _masked(email: str) -> str:
    """Enough of an address for its owner to recognise it: "g…@example.org"."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Only an open link shows what it invites to, and only its invitee may use it.

    A used, expired or withdrawn link answers like a made-up one (404, naming nothing);
    someone signed in with another address is told to sign in with the invited one,
    without the community's name."""
    invitation = services.invitation_by_token(token)
    user = request.user
    if invitation is not None and user.is_authenticated and invitation.accepted_by_id == user.pk:
        messages.info(request, _("You are already a member of this community."))
        return redirect(invitation.community)
    if invitation is None or invitation.state != "open":
        return render(request, "communities/invitation_invalid.html", status=404)
    if not user.is_authenticated:
        # Invitees often have no account yet: the link, sent to their address, shows what
        # they are invited to and the way in.
        return render(
            request,
            "communities/invitation_accept.html",
            {
                "invitation": invitation,
                "community": invitation.community,
                "needs_account": True,
                "invited": _masked(invitation.email),
            },
        )
    if not invitation_is_for(user, invitation):
        return render(
            request,
            "communities/invitation_elsewhere.html",
            {"invited": _masked(invitation.email)},
            status=403,
        )
    return _invitation_accept_signed_in(request, token, invitation)


@write_gate(needs_conduct=False)
def _invitation_accept_signed_in(request: HttpRequest, token: str, invitation: Any) -> HttpResponse:
    community = invitation.community
    conduct = conduct_current()
    form = InvitationAcceptForm(form_data(request), community=community, has_conduct=bool(conduct))
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_accept(
                actor=request.user,
                token=token,
                conduct_accepted=form.cleaned_data.get("conduct_accepted", False),
                eligibility_declared=form.cleaned_data.get("eligibility_declared", False),
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Welcome! You are now a member."))
            return redirect(community)
    return render(
        request,
        "communities/invitation_accept.html",
        {
            "invitation": invitation,
            "community": community,
            "form": form,
            "conduct": conduct,
            "rules_html": render_markdown(community.rules),
        },
    )
