"""Community pages: thin interfaces over selectors, services and the permission layer."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.accounts.models import User
from practica.accounts.permissions import check_can_view_profiles, is_staff
from practica.accounts.selectors import conduct_current
from practica.core.errors import ServiceError
from practica.core.http import paginate, report
from practica.core.markdown import render_markdown

from . import selectors, services
from .forms import (
    CommunitySettingsForm,
    DecisionForm,
    DirectoryFilterForm,
    InvitationAcceptForm,
    InvitationForm,
    JoinForm,
    ProposalForm,
    ProposalReviewForm,
    ReasonForm,
    RoleForm,
)
from .models import CommunityProposal, JoinRequest, Role
from .permissions import (
    can_propose_community,
    check_edit_community,
    check_join,
    check_lead,
    check_leave,
    check_manage_roles,
    check_remove_member,
    check_review_proposals,
    check_see_members,
    community_abilities,
    is_member,
)


def community_list(request: HttpRequest) -> HttpResponse:
    areas = list(selectors.focus_areas())
    form = DirectoryFilterForm(request.GET or None, focus_areas=areas)
    filters = form.cleaned_data if form.is_valid() else {}
    communities = selectors.community_directory(
        user=request.user, focus=filters.get("focus", ""), query=filters.get("q", "")
    )
    page = paginate(request, communities, per_page=24)
    return render(
        request,
        "communities/community_list.html",
        {"form": form, "page": page, "can_propose": can_propose_community(request.user)},
    )


def community_detail(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    abilities = community_abilities(request.user, community)
    return render(
        request,
        "communities/community_detail.html",
        {
            "community": community,
            "can": abilities,
            "domain_html": render_markdown(community.domain),
            "rules_html": render_markdown(community.rules),
            "leaders": selectors.community_leaders(community=community),
            "member_count": selectors.community_member_count(community=community),
            "pending": selectors.pending_request_of(user=request.user, community=community),
            "pending_count": (
                selectors.pending_requests(community=community).count() if abilities.lead else 0
            ),
        },
    )


def community_members(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_see_members(request.user, community)
    query = request.GET.get("q", "").strip()[:100]
    page = paginate(request, selectors.community_members(community=community, query=query), 50)
    return render(
        request,
        "communities/community_members.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "page": page,
            "q": query,
            "roles": Role.choices,
        },
    )


@write_gate(needs_conduct=False)
def community_join(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    pending = selectors.pending_request_of(user=request.user, community=community)
    if pending is not None:
        messages.info(request, _("You have already asked to join; the leaders will reply soon."))
        return redirect(community)
    if is_member(request.user, community):
        messages.info(request, _("You are already a member of this community."))
        return redirect(community)
    check_join(request.user, community)
    conduct = conduct_current()
    form = JoinForm(
        request.POST or None, community=community, user=request.user, has_conduct=bool(conduct)
    )
    if request.method == "POST" and form.is_valid():
        try:
            join = services.join_request_submit(
                actor=request.user,
                community=community,
                occupation=form.cleaned_data["occupation"],
                affiliation=form.cleaned_data["affiliation"],
                interest=form.cleaned_data["interest"],
                statement=form.cleaned_data["statement"],
                eligibility_declared=form.cleaned_data.get("eligibility_declared", False),
                conduct_accepted=form.cleaned_data.get("conduct_accepted", False),
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            if join.status == "approved":
                messages.success(request, _("Welcome! You are now a member."))
            else:
                messages.success(
                    request,
                    _("Your request has been sent to the leaders. You will be told by email "
                      "and here when they decide."),
                )  # fmt: skip
            return redirect(community)
    return render(
        request,
        "communities/community_join.html",
        {"community": community, "form": form, "conduct": conduct},
    )


@login_required
def community_leave(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_leave(request.user, community)
    if request.method == "POST":
        services.membership_leave(actor=request.user, community=community)
        messages.success(request, _("You have left %(name)s.") % {"name": community.name})
        return redirect("community_list")
    return render(request, "communities/community_leave.html", {"community": community})


@login_required
def community_requests(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_lead(request.user, community)
    return render(
        request,
        "communities/community_requests.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "requests": selectors.pending_requests(community=community),
            "decided": selectors.recent_decisions(community=community),
        },
    )


def _pending_request(community: Any, pk: int) -> JoinRequest:
    return get_object_or_404(
        JoinRequest.objects.select_related("user", "community"), pk=pk, community=community
    )


@login_required
def request_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_lead(request.user, community)
    join = _pending_request(community, pk)
    form = DecisionForm(request.POST or None, community=community)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == DecisionForm.APPROVE:
                services.join_request_approve(
                    actor=request.user,
                    request=join,
                    eligibility_verified=form.cleaned_data.get("eligibility_verified", False),
                )
                messages.success(request, _("%(who)s is now a member.") % {"who": join.user.name})
            else:
                services.join_request_decline(
                    actor=request.user, request=join, reason=form.cleaned_data["reason"]
                )
                messages.success(
                    request,
                    _("The request from %(who)s was declined; they have been told.")
                    % {"who": join.user.name},
                )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            return redirect("community_requests", slug=community.slug)
    return render(
        request,
        "communities/request_decide.html",
        {"community": community, "join": join, "form": form},
    )


@login_required
@require_POST
def request_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    join = get_object_or_404(JoinRequest, pk=pk, community=community, user=request.user)
    report(
        request,
        lambda: services.join_request_withdraw(actor=request.user, request=join),
        _("Your request has been withdrawn."),
    )
    return redirect(community)


@login_required
def member_remove(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_lead(request.user, community)
    membership = selectors.membership_of(community=community, user_id=user_id)
    check_remove_member(request.user, community, membership)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.membership_remove(
            actor=request.user, membership=membership, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request, _("%(who)s has been removed and told why.") % {"who": membership.user.name}
        )
        return redirect("community_members", slug=community.slug)
    return render(
        request,
        "communities/member_remove.html",
        {"community": community, "membership": membership, "form": form},
    )


@login_required
@require_POST
def member_role(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_manage_roles(request.user, community)
    membership = selectors.membership_of(community=community, user_id=user_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role from the list."))
    else:
        role = form.cleaned_data["role"]
        report(
            request,
            lambda: services.membership_set_role(
                actor=request.user, membership=membership, role=role
            ),
            _("%(who)s is now %(role)s.") % {"who": membership.user.name, "role": Role(role).label},
        )
    return redirect("community_members", slug=community.slug)


@login_required
def community_invitations(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_lead(request.user, community)
    form = InvitationForm(request.POST or None)
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


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_by_token(token)
    if invitation is None:
        raise Http404
    community = invitation.community
    if not request.user.is_authenticated:
        # Invitees often have no account yet: show what they are invited to, and the way in.
        return render(
            request,
            "communities/invitation_accept.html",
            {"invitation": invitation, "community": community, "needs_account": True},
        )
    return _invitation_accept_signed_in(request, token, invitation)


@write_gate(needs_conduct=False)
def _invitation_accept_signed_in(request: HttpRequest, token: str, invitation: Any) -> HttpResponse:
    community = invitation.community
    conduct = conduct_current()
    form = InvitationAcceptForm(
        request.POST or None, community=community, has_conduct=bool(conduct)
    )
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


@login_required
def community_settings(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_edit_community(request.user, community)
    form = CommunitySettingsForm(
        request.POST or None, instance=community, allow_status=is_staff(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        form.instance.refresh_from_db()  # the service compares against what is stored
        services.community_update(actor=request.user, community=form.instance, **data)
        messages.success(request, _("The community's settings have been saved."))
        return redirect(community)
    return render(
        request,
        "communities/community_settings.html",
        {"community": community, "form": form, "can": community_abilities(request.user, community)},
    )


# --- Proposals ---------------------------------------------------------------------------------


@write_gate()
def proposal_create(request: HttpRequest) -> HttpResponse:
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.proposal_submit(actor=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Thank you. The host staff will review your proposal and tell you what they "
              "decide."),
        )  # fmt: skip
        return redirect("proposal_mine")
    return render(request, "communities/proposal_form.html", {"form": form})


@login_required
def proposal_mine(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "communities/proposal_mine.html",
        {"proposals": selectors.proposals_of(user=request.user)},
    )


@login_required
def proposal_queue(request: HttpRequest) -> HttpResponse:
    check_review_proposals(request.user)
    page = paginate(request, selectors.proposals_for_review(), per_page=25)
    return render(request, "communities/proposal_queue.html", {"page": page})


@login_required
def proposal_review(request: HttpRequest, pk: int) -> HttpResponse:
    check_review_proposals(request.user)
    proposal = get_object_or_404(CommunityProposal.objects.select_related("proposer"), pk=pk)
    form = ProposalReviewForm(request.POST or None, initial={"summary": proposal.domain[:300]})
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == ProposalReviewForm.ACCEPT:
                community = services.proposal_accept(
                    actor=request.user,
                    proposal=proposal,
                    summary=form.cleaned_data["summary"],
                    focus_areas=list(form.cleaned_data["focus_areas"]),
                )
                messages.success(
                    request,
                    _("%(name)s has been created with %(who)s as its chair.")
                    % {"name": community.name, "who": proposal.proposer.name},
                )
                return redirect(community)
            services.proposal_decline(
                actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The proposal was declined; the proposer has been told."))
            return redirect("proposal_queue")
        except ServiceError as error:
            form.add_error(None, error.message)
    return render(request, "communities/proposal_review.html", {"proposal": proposal, "form": form})


# --- People -------------------------------------------------------------------------------------


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    check_can_view_profiles(request.user)
    person = get_object_or_404(User, pk=pk, is_active=True)
    return render(
        request,
        "communities/person_detail.html",
        {
            "person": person,
            "memberships": selectors.memberships_visible_to(viewer=request.user, member=person),
            "is_me": person.pk == request.user.pk,
        },
    )
