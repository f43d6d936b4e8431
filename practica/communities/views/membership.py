"""Joining and leaving; leaders' decisions on requests, removals and roles."""

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
from practica.core.http import report

from .. import selectors, services
from ..forms import (
    DecisionForm,
    JoinForm,
    ReasonForm,
    RoleForm,
)
from ..models import JoinRequest, Role
from ..permissions import (
    check_join,
    check_lead,
    check_leave,
    check_manage_roles,
    check_remove_member,
    community_abilities,
    is_member,
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
        form_data(request), community=community, user=request.user, has_conduct=bool(conduct)
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
    form = DecisionForm(form_data(request), community=community)
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
    form = ReasonForm(form_data(request))
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
