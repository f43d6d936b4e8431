"""The plan's pages: the current plan and its progress, the draft with the members'
comments, and the leaders' editors for the plan, its goals and its activities."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.communities import selectors as community_selectors
from practica.communities.models import Community
from practica.communities.permissions import check_can_write_in, community_abilities
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.markdown import render_markdown

from .. import selectors, services
from ..forms import (
    ActivityForm,
    CommentPeriodForm,
    DraftCommentForm,
    GoalForm,
    PlanForm,
    StatusForm,
)
from ..models import Goal, Plan, PlanActivity
from ..permissions import (
    can_comment_on,
    can_draft,
    can_see_plan,
    can_update_activity,
    check_draft,
    check_see_agreement,
    check_see_plan,
    check_update_activity,
)
from .commenting import post_draft_comment


def _community(request: HttpRequest, slug: str) -> Community:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_agreement(request.user, community)  # the plan is the community's content too
    return community


def _plan_context(request: HttpRequest, community: Community, plan: Plan | None) -> dict[str, Any]:
    user = request.user
    editable: set[int] = set()
    if plan is not None:
        for goal in plan.goals.all():
            for activity in goal.activities.all():
                if can_update_activity(user, activity, community):
                    editable.add(activity.pk)
    return {
        "community": community,
        "can": community_abilities(user, community),
        "plan": plan,
        "progress": selectors.progress_of(plan) if plan is not None else None,
        "intro_html": render_markdown(plan.introduction) if plan is not None else "",
        "editable": editable,
        "status_form": StatusForm(),
        "can_draft": can_draft(user, community),
    }


def plan(request: HttpRequest, slug: str) -> HttpResponse:
    """The community's current plan and its progress."""
    community = _community(request, slug)
    current = selectors.plan_current(community=community)
    draft = selectors.plan_draft(community=community)
    return render(
        request,
        "governance/plan.html",
        {
            **_plan_context(request, community, current),
            "draft": draft if draft is not None and can_see_plan(request.user, draft) else None,
            "earlier": [p for p in selectors.plans_published(community=community) if p != current],
        },
    )


def plan_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    community = _community(request, slug)
    found = selectors.plan_get(community=community, pk=pk)
    if found is None:
        raise Http404
    if found.is_draft:
        return redirect("plan_draft", community.slug)
    return render(
        request,
        "governance/plan.html",
        {**_plan_context(request, community, found), "draft": None, "earlier": []},
    )


def plan_draft(request: HttpRequest, slug: str) -> HttpResponse:
    """The draft plan, and the members' comments while they are asked."""
    if request.method == "POST":
        return _plan_comment(request, slug)
    community = _community(request, slug)
    draft = selectors.plan_draft(community=community)
    if draft is None:
        raise Http404
    check_see_plan(request.user, draft)
    return _draft_page(request, community, draft, DraftCommentForm(form_data(request)))


def _draft_page(
    request: HttpRequest, community: Community, draft: Plan, form: DraftCommentForm
) -> HttpResponse:
    return render(
        request,
        "governance/plan_draft.html",
        {
            **_plan_context(request, community, draft),
            "comments": selectors.draft_comments(community=community, plan=draft),
            "can_comment": can_comment_on(
                request.user, community, comments_open=draft.comments_open
            ),
            "form": form,
        },
    )


@write_gate()
@require_POST
def _plan_comment(request: HttpRequest, slug: str) -> HttpResponse:
    community = _community(request, slug)
    draft = selectors.plan_draft(community=community)
    if draft is None:
        raise Http404
    check_see_plan(request.user, draft)
    check_can_write_in(request.user, community)
    return post_draft_comment(
        request,
        community,
        page=lambda form: _draft_page(request, community, draft, form),
        done="plan_draft",
        plan=draft,
    )


@write_gate()
def plan_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """The leaders' editor: start or change the draft, add goals, ask for comments."""
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_draft(request.user, community)
    draft = selectors.plan_draft(community=community)
    action = request.POST.get("action", "plan")
    initial = (
        {
            "title": draft.title,
            "starts_on": draft.starts_on,
            "ends_on": draft.ends_on,
            "introduction": draft.introduction,
        }
        if draft
        else {}
    )
    form = PlanForm(form_data(request) if action == "plan" else None, initial=initial)
    goal_form = GoalForm(request.POST if action == "goal" else None)
    period = CommentPeriodForm(request.POST if action == "comments" else None)
    if request.method == "POST":
        try:
            if action == "plan" and form.is_valid():
                services.plan_draft_save(
                    actor=request.user, community=community, plan=draft, **form.cleaned_data
                )
                messages.success(request, _("The draft plan is saved."))
                return redirect("plan_edit", community.slug)
            if action == "goal" and draft is not None and goal_form.is_valid():
                services.goal_add(actor=request.user, plan=draft, **goal_form.cleaned_data)
                messages.success(request, _("The goal is added."))
                return redirect("plan_edit", community.slug)
            if action == "comments" and draft is not None and period.is_valid():
                services.plan_comments_open(
                    actor=request.user, plan=draft, days=period.cleaned_data["days"]
                )
                messages.success(request, _("The draft plan is open for the members' comments."))
                return redirect("plan_draft", community.slug)
        except ServiceError as error:
            {"goal": goal_form, "comments": period}.get(action, form).add_error(None, error.message)
    return render(
        request,
        "governance/plan_edit.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "draft": draft,
            "form": form,
            "goal_form": goal_form,
            "period": period,
        },
    )


@login_required
@require_POST
def plan_publish(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_draft(request.user, community)
    draft = selectors.plan_draft(community=community)
    if draft is None:
        raise Http404
    try:
        published = services.plan_publish(actor=request.user, plan=draft)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("plan_edit", community.slug)
    messages.success(request, _("The plan is published."))
    return redirect(published)


@write_gate()
def goal_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A goal of the draft plan: its wording, and its activities."""
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_draft(request.user, community)
    goal = get_object_or_404(
        Goal.objects.select_related("plan__community"), pk=pk, plan__community=community
    )
    if not goal.plan.is_draft:
        raise Http404
    action = request.POST.get("action", "goal")
    form = GoalForm(
        form_data(request) if action == "goal" else None,
        initial={"title": goal.title, "description": goal.description},
    )
    activity_form = ActivityForm(
        request.POST if action == "activity" else None, community=community
    )
    if request.method == "POST":
        try:
            if action == "delete":
                services.goal_delete(actor=request.user, goal=goal)
                messages.success(request, _("The goal is removed."))
                return redirect("plan_edit", community.slug)
            if action == "goal" and form.is_valid():
                services.goal_update(actor=request.user, goal=goal, **form.cleaned_data)
                messages.success(request, _("The goal is saved."))
                return redirect("goal_edit", community.slug, goal.pk)
            if action == "activity" and activity_form.is_valid():
                services.activity_add(actor=request.user, goal=goal, **activity_form.cleaned_data)
                messages.success(request, _("The activity is added."))
                return redirect("goal_edit", community.slug, goal.pk)
        except ServiceError as error:
            (activity_form if action == "activity" else form).add_error(None, error.message)
    return render(
        request,
        "governance/goal_edit.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "goal": goal,
            "activities": goal.activities.select_related("owner", "post", "event", "resource"),
            "form": form,
            "activity_form": activity_form,
        },
    )


@write_gate()
def activity_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """An activity: the leaders change all of it; its owner says how it is going."""
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_agreement(request.user, community)
    activity = get_object_or_404(
        PlanActivity.objects.select_related("goal__plan__community", "owner"),
        pk=pk,
        goal__plan__community=community,
    )
    check_update_activity(request.user, activity, community)
    plan = activity.goal.plan
    action = request.POST.get("action", "activity")
    full = can_draft(request.user, community)
    initial = {
        "title": activity.title, "owner": activity.owner, "due_on": activity.due_on,
        "status": activity.status, "post": activity.post_id, "event": activity.event_id,
        "resource": activity.resource_id,
    }  # fmt: skip
    form = (
        ActivityForm(
            form_data(request) if action == "activity" else None,
            community=community,
            initial=initial,
        )
        if full
        else None
    )
    status_form = StatusForm(
        request.POST if action == "status" else None, initial={"status": activity.status}
    )
    if request.method == "POST":
        try:
            if action == "status" and status_form.is_valid():
                services.activity_status_set(
                    actor=request.user, activity=activity, status=status_form.cleaned_data["status"]
                )
                messages.success(request, _("The status is saved."))
                return redirect(plan.get_absolute_url())
            if action == "delete" and full:
                services.activity_delete(actor=request.user, activity=activity)
                messages.success(request, _("The activity is removed."))
                return redirect("goal_edit", community.slug, activity.goal_id)
            if action == "activity" and form is not None and form.is_valid():
                services.activity_update(actor=request.user, activity=activity, **form.cleaned_data)
                messages.success(request, _("The activity is saved."))
                return redirect(plan.get_absolute_url())
        except ServiceError as error:
            (form if form is not None and action == "activity" else status_form).add_error(
                None, error.message
            )
    return render(
        request,
        "governance/activity_edit.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "activity": activity,
            "plan": plan,
            "form": form,
            "status_form": status_form,
        },
    )
