"""A member's standing: their own suspensions and level, the standing page leaders keep for
each member (suspend, lift, set the level, the history), and the audit log."""

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import is_staff
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import paginate

from .. import audit_log, selectors
from ..models import Community, Membership, TrustLevel
from ..permissions import (
    can_judge_standing,
    check_judge_standing,
    check_see_audit,
    check_see_standing,
    community_abilities,
    trust_level,
)
from ..services import standing as services
from ..standing_forms import (
    EVERYWHERE,
    AuditFilterForm,
    LiftForm,
    PlatformSuspendForm,
    SuspendForm,
    TrustForm,
)
from ..standing_sections import sections_for
from ..trust import computed_trust_level, rules, trust_facts

AUDIT_PAGE = 50


@login_required
def my_standing(request: HttpRequest) -> HttpResponse:
    """The signed-in person's suspensions in force, their trust level and how levels grow."""
    user = request.user
    every = selectors.suspensions_of(user=user, active_only=False)
    now = timezone.now()
    return render(
        request,
        "communities/standing/mine.html",
        {
            "suspensions": [s for s in every if s.is_active(now)],
            "earlier": [s for s in every if not s.is_active(now)][::-1][:20],
            "level": TrustLevel(computed_trust_level(user)),
            "facts": trust_facts(user) if not is_staff(user) else None,
            "overrides": selectors.trust_overrides_of(user=user),
            "rules": rules(),
            "sections": sections_for(user),
        },
    )


def _member_context(request: HttpRequest, community: Community, membership: Membership) -> dict:
    member = membership.user
    actor = request.user
    suspensions = selectors.member_suspensions(
        user=member, community=community, platform=is_staff(actor)
    )
    now = timezone.now()
    history = audit_log.rows(
        audit_log.member_history(community=community, user_id=member.pk, platform=is_staff(actor))[
            :50
        ]
    )
    override = selectors.trust_override(user=member, community=community)
    return {
        "community": community,
        "can": community_abilities(actor, community),
        "membership": membership,
        "member": member,
        "judge": can_judge_standing(actor, community, member),
        "refusal": _judge_refusal(actor, community, member),
        "platform": is_staff(actor),
        "active": [s for s in suspensions if s.is_active(now)],
        "past": [s for s in suspensions if not s.is_active(now)],
        "level": TrustLevel(trust_level(member, community)),
        "computed": TrustLevel(computed_trust_level(member)),
        "facts": trust_facts(member),
        "override": override,
        "history": history,
        "rules": rules(),
    }


@login_required
def member_standing(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    """Leaders: a member's level, suspensions and moderation history here; decide on them."""
    community = selectors.access_community(user=request.user, slug=slug)
    check_see_standing(request.user, community)
    membership = selectors.membership_of(community=community, user_id=user_id)
    actor = request.user
    platform = is_staff(actor)
    data = form_data(request)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    suspend_form = SuspendForm(data if action == "suspend" else None, platform=platform)
    lift_form = LiftForm(data if action == "lift" else None)
    trust_form = TrustForm(
        data if action == "trust" else None,
        initial={"level": _override_level(community, membership)},
    )
    if action:
        done = _decide(request, community, membership, action, suspend_form, lift_form, trust_form)
        if done is not None:
            messages.success(request, done)
            return redirect("member_standing", slug=community.slug, user_id=membership.user_id)
    context = _member_context(request, community, membership)
    context.update(
        suspend_form=suspend_form,
        lift_form=lift_form,
        trust_form=trust_form,
        lift_text=lift_form["reason"].value() or "" if lift_form.is_bound else "",
    )
    return render(request, "communities/standing/member.html", context)


def _judge_refusal(actor: Any, community: Community, member: Any) -> str:
    """Why this leader may not decide on this member's standing (shown instead of the
    forms), or ""."""
    try:
        check_judge_standing(actor, community, member)
    except PermissionDenied as refusal:
        return str(refusal)
    return ""


def _override_level(community: Community, membership: Membership) -> str:
    override = selectors.trust_override(user=membership.user, community=community)
    return override.level if override else ""


def _decide(
    request: HttpRequest,
    community: Community,
    membership: Membership,
    action: str,
    suspend_form: SuspendForm,
    lift_form: LiftForm,
    trust_form: TrustForm,
) -> str | None:
    """Carry out the chosen decision; the message to show, or None (errors on the form)."""
    actor, member = request.user, membership.user
    form: Any = {"suspend": suspend_form, "lift": lift_form, "trust": trust_form}.get(action)
    if form is None or not form.is_valid():
        return None
    data = form.cleaned_data
    where = None if data.get("where") == EVERYWHERE else community
    try:
        if action == "suspend":
            suspension = services.member_suspend(
                actor=actor,  # type: ignore[arg-type]
                member=member,
                community=where,
                days=data["days"],
                reason=data["reason"],
                rule=data.get("rule", ""),
            )
            return _("%(who)s is suspended until %(until)s and has been told why.") % {
                "who": member.name,
                "until": _when(suspension.ends_at),
            }
        if action == "lift":
            services.member_unsuspend(
                actor=actor,  # type: ignore[arg-type]
                member=member,
                community=where,
                reason=data["reason"],
            )
            return _("The suspension of %(who)s is lifted; they have been told.") % {
                "who": member.name
            }
        services.trust_level_set(
            actor=actor,  # type: ignore[arg-type]
            member=member,
            community=community,
            level=data["level"],
            reason=data.get("reason", ""),
        )
        if data["level"]:
            return _("%(who)s is now at the level %(level)s here.") % {
                "who": member.name,
                "level": TrustLevel(data["level"]).label,
            }
        return _("%(who)s is back at the level they earned.") % {"who": member.name}
    except ServiceError as error:
        form.add_error(None, error.message)
        return None


def _when(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


@login_required
def person_standing(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff: a person's standing on the whole platform, for someone in no community (or
    in many): their suspensions everywhere, platform-wide suspension and lifting."""
    check_see_audit(request.user, None)  # the host staff only
    person = get_object_or_404(User, pk=pk)
    data = form_data(request)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    suspend_form = PlatformSuspendForm(data if action == "suspend" else None)
    lift_form = LiftForm(data if action == "lift" else None)
    form: Any = {"suspend": suspend_form, "lift": lift_form}.get(action)
    if form is not None and form.is_valid():
        try:
            if action == "suspend":
                suspension = services.member_suspend(
                    actor=request.user,  # type: ignore[arg-type]
                    member=person,
                    community=None,
                    days=form.cleaned_data["days"],
                    reason=form.cleaned_data["reason"],
                    rule=form.cleaned_data.get("rule", ""),
                )
                done = _("%(who)s is suspended everywhere until %(until)s and has been told why.")
                messages.success(
                    request, done % {"who": person.name, "until": _when(suspension.ends_at)}
                )
            else:
                services.member_unsuspend(
                    actor=request.user,  # type: ignore[arg-type]
                    member=person,
                    community=None,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(
                    request,
                    _("The suspension of %(who)s is lifted; they have been told.")
                    % {"who": person.name},
                )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            return redirect("person_standing", pk=person.pk)
    suspensions = selectors.suspensions_of(user=person, active_only=False)[::-1]
    now = timezone.now()
    history = audit_log.audit_entries(community=None).filter(
        target_type="accounts.user", target_id=person.pk
    )[:50]
    return render(
        request,
        "communities/standing/person.html",
        {
            "person": person,
            "judge": person.pk != request.user.pk,
            "active": [s for s in suspensions if s.is_active(now) and s.community_id is None],
            "suspensions": suspensions,
            "now": now,
            "facts": trust_facts(person),
            "level": TrustLevel(computed_trust_level(person)),
            "history": audit_log.rows(history, communities=True),
            "staff_view": True,
            "suspend_form": suspend_form,
            "lift_form": lift_form,
            "lift_text": lift_form["reason"].value() or "" if lift_form.is_bound else "",
            "rules": rules(),
        },
    )


# --- The audit log -------------------------------------------------------------------------


def _audit_filters(
    request: HttpRequest, community: Community | None
) -> tuple[AuditFilterForm, Any, bool]:
    staff_view = community is None
    entries = audit_log.audit_entries(community=community)
    actions, kinds = audit_log.audit_choices(entries)
    form = AuditFilterForm(
        request.GET or None,
        actions=[(a, audit_log.action_label(a)) for a in actions],
        kinds=[(k, audit_log.kind_label(k)) for k in kinds],
        staff=staff_view,
    )
    filters = form.cleaned_data if form.is_valid() else {}
    scope = filters.get("scope") or None
    if scope == "-":
        scope = ""
    filtered = audit_log.audit_filter(
        entries,
        action=filters.get("action", ""),
        actor=filters.get("actor", ""),
        kind=filters.get("kind", ""),
        since=filters.get("since"),
        until=filters.get("until"),
        scope=scope if staff_view else None,
    )
    return form, filtered, staff_view


def _audit_page(request: HttpRequest, community: Community | None) -> HttpResponse:
    form, entries, staff_view = _audit_filters(request, community)
    if request.GET.get("format") == "csv":
        name = f"audit-{community.slug if community else 'all'}-{timezone.localdate():%Y%m%d}.csv"
        response = StreamingHttpResponse(
            audit_log.csv_lines(entries, with_scope=staff_view),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    page = paginate(request, entries, per_page=AUDIT_PAGE)
    context: dict[str, Any] = {
        "form": form,
        "page": page,
        "rows": audit_log.rows(page.object_list, communities=staff_view),
        "staff_view": staff_view,
        "community": community,
    }
    if community is not None:
        context["can"] = community_abilities(request.user, community)
    return render(request, "communities/standing/audit.html", context)


@login_required
def community_audit(request: HttpRequest, slug: str) -> HttpResponse:
    """A community's audit log, for its leaders (and staff): filters, pages, CSV."""
    community = selectors.access_community(user=request.user, slug=slug)
    check_see_audit(request.user, community)
    return _audit_page(request, community)


@login_required
def audit_all(request: HttpRequest) -> HttpResponse:
    """Everything in the audit log, for the host staff."""
    check_see_audit(request.user, None)
    return _audit_page(request, None)
