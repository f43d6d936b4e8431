"""The agreement's pages: the version in force (accept, endorse), its draft with the
members' comments, the leaders' editor, and the kept versions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.communities import selectors as community_selectors
from practica.communities.models import Community
from practica.communities.permissions import (
    check_can_write_in,
    community_abilities,
    must_accept_agreement,
)
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import safe_next
from practica.core.markdown import render_markdown

from .. import selectors, services
from ..forms import AcceptForm, AgreementDraftForm, CommentPeriodForm, DraftCommentForm
from ..models import Agreement
from ..permissions import (
    can_comment_on,
    can_draft,
    can_endorse,
    can_see_agreement_draft,
    check_draft,
    check_see_agreement,
    check_see_agreement_draft,
)
from .commenting import post_draft_comment


def _community(request: HttpRequest, slug: str) -> Community:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_agreement(request.user, community)
    return community


def agreement(request: HttpRequest, slug: str) -> HttpResponse:
    """The version in force. A member with a new version to accept is sent here by the
    community-level write check, with `next` the page they were writing on."""
    community = _community(request, slug)
    user = request.user
    current = selectors.agreement_current(community=community)
    needs_acceptance = current is not None and must_accept_agreement(user, community)
    form = AcceptForm(request.POST if request.POST.get("action") == "accept" else None)
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if current is None:
            raise Http404
        try:
            if request.POST.get("action") == "endorse":
                services.agreement_endorse(actor=user, community=community)
                messages.success(
                    request,
                    _("Thank you: you endorsed version %(n)s.") % {"n": current.number},
                )
                return redirect(safe_next(request, request.path))
            if form.is_valid():
                services.agreement_accept(user=user, community=community)
                messages.success(
                    request, _("Thank you: you accepted version %(n)s.") % {"n": current.number}
                )
                return redirect(safe_next(request, request.path))
        except ServiceError as error:
            messages.error(request, error.message)
    draft = selectors.agreement_draft(community=community)
    return render(
        request,
        "governance/agreement.html",
        {
            "community": community,
            "can": community_abilities(user, community),
            "current": current,
            "body_html": render_markdown(current.body) if current else "",
            "needs_acceptance": needs_acceptance,
            "form": form,
            "next": request.GET.get("next") or request.POST.get("next", ""),
            "endorsed": selectors.endorsed_number(user=user, community=community),
            "can_endorse": current is not None and can_endorse(user, community),
            "can_draft": can_draft(user, community),
            "draft": draft,
            "can_see_draft": can_see_agreement_draft(user, community, draft),
        },
    )


def agreement_draft(request: HttpRequest, slug: str) -> HttpResponse:
    """The draft of the next version, and the members' comments while they are asked."""
    if request.method == "POST":
        return _agreement_comment(request, slug)
    community = _community(request, slug)
    draft = selectors.agreement_draft(community=community)
    check_see_agreement_draft(request.user, community, draft)
    return _draft_page(request, community, draft, DraftCommentForm(form_data(request)))


def _draft_page(
    request: HttpRequest, community: Community, draft: Agreement | None, form: DraftCommentForm
) -> HttpResponse:
    number = community.agreement_version + 1
    return render(
        request,
        "governance/agreement_draft.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "draft": draft,
            "number": number,
            "body_html": render_markdown(draft.draft) if draft else "",
            "comments": selectors.draft_comments(community=community, agreement_number=number),
            "can_comment": can_comment_on(
                request.user, community, comments_open=bool(draft and draft.comments_open)
            ),
            "can_draft": can_draft(request.user, community),
            "form": form,
        },
    )


@write_gate()
@require_POST
def _agreement_comment(request: HttpRequest, slug: str) -> HttpResponse:
    community = _community(request, slug)
    draft = selectors.agreement_draft(community=community)
    check_see_agreement_draft(request.user, community, draft)
    check_can_write_in(request.user, community)  # a new agreement to accept first: kept text
    return post_draft_comment(
        request,
        community,
        page=lambda form: _draft_page(request, community, draft, form),
        done="agreement_draft",
    )


@write_gate()
def agreement_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """The leaders' editor: the draft's text, then the comment period."""
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_draft(request.user, community)
    draft = selectors.agreement_draft(community=community)
    current = selectors.agreement_current(community=community)
    initial_body = draft.draft if draft and draft.draft else (current.body if current else "")
    action = request.POST.get("action", "save")
    form = AgreementDraftForm(
        form_data(request) if action == "save" else None,
        initial={
            "body": initial_body,
            "summary_of_changes": draft.summary_of_changes if draft else "",
        },
    )
    period = CommentPeriodForm(request.POST if action == "comments" else None)
    if request.method == "POST":
        try:
            if action == "comments" and period.is_valid():
                draft = services.agreement_comments_open(
                    actor=request.user, community=community, days=period.cleaned_data["days"]
                )
                messages.success(request, _("The draft is open for the members' comments."))
                return redirect("agreement_draft", community.slug)
            if action == "save" and form.is_valid():
                services.agreement_draft_save(
                    actor=request.user, community=community, **form.cleaned_data
                )
                messages.success(request, _("The draft is saved."))
                return redirect("agreement_edit", community.slug)
        except ServiceError as error:
            (period if action == "comments" else form).add_error(None, error.message)
    return render(
        request,
        "governance/agreement_edit.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "form": form,
            "period": period,
            "draft": draft,
            "current": current,
            "number": community.agreement_version + 1,
        },
    )


@login_required
@require_POST
def agreement_publish(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_draft(request.user, community)
    try:
        version = services.agreement_publish(actor=request.user, community=community)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("agreement_edit", community.slug)
    messages.success(
        request,
        _("Version %(n)s is in force. Members will be asked to accept it.") % {"n": version.number},
    )
    return redirect("agreement", community.slug)


def agreement_versions(request: HttpRequest, slug: str) -> HttpResponse:
    community = _community(request, slug)
    return render(
        request,
        "governance/agreement_versions.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "versions": selectors.agreement_versions(community=community),
        },
    )


def agreement_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    community = _community(request, slug)
    version = selectors.agreement_version(community=community, number=number)
    if version is None:
        raise Http404
    return render(
        request,
        "governance/agreement_version.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "version": version,
            "body_html": render_markdown(version.body),
            "endorsers": selectors.endorsers(version=version),
        },
    )
