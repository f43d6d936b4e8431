"""Flagging, the moderation queues, a case's page and its actions, a member's own page."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.communities import selectors as community_selectors
from practica.communities.permissions import community_abilities
from practica.core.errors import ServiceError
from practica.core.headers import keep_private
from practica.core.http import paginate, report
from practica.core.markdown import render_markdown

from . import items, selectors, services
from .forms import ActionForm, FlagForm, SettingsForm
from .models import CaseState, CommunityModeration, Flag, Kind
from .permissions import (
    can_flag,
    can_see_flaggers,
    check_flag,
    check_moderate_community,
    check_moderate_platform,
)
from .rules import rules_for

PER_PAGE = 25
ACTIONS = ("dismiss", "hide", "restore", "edit", "warn", "suspend", "unsuspend")


@login_required
def flag_item(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """The flag form for any item: a page of its own, so it works without JavaScript."""
    target = items.load(kind, pk)
    if target is None or not items.can_see(request.user, target):
        raise Http404
    own = target.author is not None and target.author.pk == request.user.pk
    mine = Flag.objects.filter(
        case__kind=kind, case__object_id=pk, flagger_id=request.user.pk
    ).first()
    allowed = can_flag(request.user, target.community)
    form = FlagForm(request.POST or None, community=target.community)
    if request.method == "POST":
        check_flag(request.user, target.community)
        if form.is_valid():
            try:
                services.flag_create(
                    actor=request.user,  # type: ignore[arg-type]
                    kind=kind,
                    object_id=pk,
                    rule=form.cleaned_data["rule"],
                    note=form.cleaned_data["note"],
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you: the moderators will review it. You will be told the "
                        "outcome; nobody will learn that you flagged it."
                    ),
                )
                return redirect(target.back or target.url or reverse("my_moderation"))
    context = {
        "target": target,
        "form": form,
        "own": own,
        "mine": mine,
        "allowed": allowed,
        "rules": rules_for(target.community),
        "text_html": _item_html(target),
    }
    return keep_private(render(request, "moderation/flag.html", context))


@login_required
@require_POST
def flag_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(Flag, pk=pk, flagger_id=request.user.pk)
    report(
        request,
        lambda: services.flag_withdraw(actor=request.user, flag=flag),  # type: ignore[arg-type]
        _("Your flag is withdrawn."),
    )
    return redirect("my_moderation")


def _filters(request: HttpRequest) -> selectors.QueueFilters:
    kinds = {k for k, _label in Kind.choices}
    kind = request.GET.get("kind", "")
    state = request.GET.get("state", "")
    return selectors.QueueFilters(
        kind=kind if kind in kinds else "",
        rule=request.GET.get("rule", "")[:40],
        state=state if state in ("open", "hidden", "resolved", "held") else "",
    )


def _queue_page(request: HttpRequest, community: Any) -> HttpResponse:
    filters = _filters(request)
    held = selectors.held_posts(community=community)
    if filters.state == "held":
        page = paginate(request, held, PER_PAGE)
        held_preview: list[Any] = []
    else:
        page = paginate(
            request, selectors.queue(user=request.user, community=community, filters=filters),
            PER_PAGE,
        )  # fmt: skip
        held_preview = list(held[:5]) if not filters.state and not filters.kind else []
    context = {
        "community": community,
        "can": community_abilities(request.user, community) if community else None,
        "page": page,
        "filters": filters,
        "held_preview": held_preview,
        "kinds": Kind.choices,
        "rules": rules_for(community),
        "states": [
            ("", _("Everything waiting")),
            ("open", _("Flagged")),
            ("hidden", _("Hidden pending review")),
            ("held", _("Posts held for review")),
            ("resolved", _("Resolved")),
        ],
    }
    return keep_private(render(request, "moderation/queue.html", context))


@login_required
def community_queue(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_moderate_community(request.user, community)
    return _queue_page(request, community)


@login_required
def platform_queue(request: HttpRequest) -> HttpResponse:
    check_moderate_platform(request.user)
    return _queue_page(request, None)


def _item_html(target: items.Target | None) -> str:
    if target is None:
        return ""
    obj = target.obj
    if target.kind in (Kind.POST, Kind.COMMENT, Kind.MESSAGE):
        return str(obj.body_html)
    if target.kind == Kind.EVENT:
        return str(obj.description_html)
    if target.kind == Kind.RESOURCE:
        return render_markdown(obj.summary)
    return ""


def _act(request: HttpRequest, case: Any, action: str, form: ActionForm) -> str:
    """Run one action; returns the message to show."""
    data = form.cleaned_data
    actor, reason, rule = request.user, data["reason"], data.get("rule") or ""
    if action == "dismiss":
        services.case_dismiss(actor=actor, case=case, reason=reason)  # type: ignore[arg-type]
        return _("The flags are dismissed.")
    if action == "hide":
        services.case_hide(actor=actor, case=case, reason=reason, rule=rule)  # type: ignore[arg-type]
        return _("The item is hidden.")
    if action == "restore":
        services.case_restore(actor=actor, case=case, reason=reason)  # type: ignore[arg-type]
        return _("The item shows again.")
    if action == "edit":
        services.case_edit(  # type: ignore[misc]
            actor=actor, case=case, text=data.get("text") or "", reason=reason, rule=rule
        )
        return _("The item is edited; its author is told what changed and why.")
    if action == "warn":
        if not rule:
            raise ServiceError(_("Choose the rule the warning cites."))
        services.member_warn(actor=actor, case=case, rule=rule, reason=reason)  # type: ignore[arg-type]
        return _("The warning is sent to the author privately.")
    return _suspension(request, case, action, data)


def _suspension(request: HttpRequest, case: Any, action: str, data: dict[str, Any]) -> str:
    """Suspensions are the communities app's (trust and standing, issue 14)."""
    try:
        from practica.communities.services import standing
    except ImportError as missing:
        raise ServiceError(_("Suspensions are not available yet.")) from missing
    if case.author is None:
        raise ServiceError(_("This item's author has closed their account."))
    if action == "suspend":
        if not data.get("days"):
            raise ServiceError(_("Say for how many days."))
        standing.member_suspend(
            actor=request.user, member=case.author, community=case.community,
            days=data["days"], reason=data["reason"], rule=data.get("rule") or "",
        )  # fmt: skip
        return _("The member is suspended.")
    standing.member_unsuspend(
        actor=request.user, member=case.author, community=case.community, reason=data["reason"]
    )
    return _("The suspension is lifted.")


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.access_case(user=request.user, pk=pk)
    target = items.load(case.kind, case.object_id)
    form = ActionForm(
        request.POST or None,
        community=case.community,
        initial={"text": target.text if target and target.editable else ""},
    )
    action = request.POST.get("action", "")
    if request.method == "POST":
        if action not in ACTIONS:
            raise PermissionDenied(_("Unknown action."))
        if form.is_valid():
            try:
                done = _act(request, case, action, form)
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, done)
                return redirect("case_detail", pk=case.pk)
    staff_view = can_see_flaggers(request.user)
    context = {
        "case": case,
        "target": target,
        "text_html": _item_html(target),
        "form": form,
        "failed_action": action,
        "groups": selectors.flags_by_rule(case, with_names=staff_view),
        "history": selectors.author_history(user=request.user, case=case),
        "warnings": case.warnings.order_by("-created_at"),
        "staff_view": staff_view,
        "waiting": case.state != CaseState.RESOLVED,
        "queue_url": reverse("community_moderation", args=[case.community.slug])
        if case.community is not None and not staff_view
        else reverse("moderation_queue"),
    }
    return keep_private(render(request, "moderation/case.html", context))


@login_required
def moderation_settings(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_moderate_community(request.user, community)
    row = CommunityModeration.objects.filter(community=community).first()
    form = SettingsForm(request.POST or None, instance=row or CommunityModeration())
    if request.method == "POST" and form.is_valid():
        try:
            services.settings_update(
                actor=request.user,  # type: ignore[arg-type]
                community=community,
                flag_threshold=form.cleaned_data["flag_threshold"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Moderation settings saved."))
            return redirect("community_moderation", slug=community.slug)
    context = {
        "community": community,
        "form": form,
        "can": community_abilities(request.user, community),
    }
    return keep_private(render(request, "moderation/settings.html", context))


@login_required
def my_moderation(request: HttpRequest) -> HttpResponse:
    """A member's "Moderation notices": warnings to them, what moderators did to what they
    wrote (with the changes of an edit), and their own flags with the outcome."""
    context = {
        "warnings": list(selectors.my_warnings(user=request.user)[:50]),
        "notices": list(selectors.my_notices(user=request.user)[:50]),
        "flags": list(selectors.my_flags(user=request.user)[:50]),
    }
    return keep_private(render(request, "moderation/mine.html", context))
