"""Proposals for new communities: the form, the proposer's list, the staff's queue and review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from practica.accounts.gates import write_gate
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import paginate
from practica.core.markdown import render_markdown

from .. import selectors, services
from ..forms import (
    ProposalForm,
    ProposalReviewForm,
)
from ..models import CommunityProposal
from ..permissions import (
    check_review_proposals,
)


@write_gate()
def proposal_create(request: HttpRequest) -> HttpResponse:
    form = ProposalForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_submit(actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error("name", error.message)
        else:
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
    form = ProposalReviewForm(form_data(request), initial={"summary": proposal.default_summary()})
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
    return render(
        request,
        "communities/proposal_review.html",
        # The domain becomes the community's about text, which is shown as Markdown.
        {"proposal": proposal, "form": form, "domain_html": render_markdown(proposal.domain)},
    )
