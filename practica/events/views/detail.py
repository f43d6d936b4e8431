"""One event: its page, registering and cancelling, the organisers' list and decisions."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.accounts.permissions import WriteBlocked
from practica.communities.permissions import blocked_message
from practica.core.http import report

from .. import selectors, services
from ..forms import MaterialForm
from ..models import Registration, RegistrationStatus
from ..permissions import (
    REGISTRATION_BLOCKED,
    can_change_event,
    can_download_certificate,
    can_manage_events,
    can_mark_own_attendance,
    can_see_joining_details,
    check_manage_events,
    registration_blocker,
)


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    user = request.user
    current = selectors.registration_of(user=user, event=event)
    blocker = registration_blocker(user, event, current)
    manage = can_manage_events(user, event.community)
    counts = selectors.registration_counts(event=event)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "registration": current,
            "active": current is not None
            and current.status
            in (
                RegistrationStatus.PENDING,
                RegistrationStatus.CONFIRMED,
                RegistrationStatus.WAITLISTED,
            ),
            "can_register": blocker is None,
            "blocked": (
                blocked_message(user, event.community, blocker)
                if blocker == WriteBlocked.SUSPENDED
                else REGISTRATION_BLOCKED.get(blocker or "")
                if blocker not in (None, "registered")
                else None
            ),
            "write_blocked": blocker in ("profile", "conduct"),
            "show_joining": can_see_joining_details(user, event, current),
            "can_manage": manage,
            "can_change": can_change_event(user, event),
            "counts": counts if manage else {},
            "confirmed": counts.get("confirmed", 0),
            "materials": event.materials.all(),
            "material_form": MaterialForm() if manage else None,
            "can_self_mark": can_mark_own_attendance(user, event, current),
            "can_certificate": can_download_certificate(user, event, current),
            "viewer_zone": timezone.get_current_timezone_name(),
            "siblings": event.series.events.exclude(pk=event.pk).filter(
                starts_at__gt=timezone.now()
            )[:6]
            if event.series_id
            else [],
        },
    )


@write_gate(return_to=lambda request, pk: reverse("event_detail", args=[pk]))
@require_POST
def event_register(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    said = {
        RegistrationStatus.CONFIRMED: _("You are registered."),
        RegistrationStatus.WAITLISTED: _(
            "The event is full: you are on the waiting list and will be told if a place frees up."
        ),
        RegistrationStatus.PENDING: _("Your registration waits for a leader's approval."),
    }
    report(
        request,
        lambda: services.registration_create(actor=request.user, event=event),
        lambda registration: said[registration.status],
    )
    return redirect(event)


def act_on_own(request: HttpRequest, pk: int, action: Any, done: str) -> HttpResponse:
    """Run a service about the reader's own registration and say how it went."""
    event = selectors.access_event(user=request.user, pk=pk)
    report(request, lambda: action(actor=request.user, event=event), done)
    return redirect(event)


@login_required
@require_POST
def event_unregister(request: HttpRequest, pk: int) -> HttpResponse:
    return act_on_own(
        request, pk, services.registration_cancel, _("Your registration is cancelled.")
    )


@login_required
def event_registrations(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    check_manage_events(request.user, event.community)
    return render(
        request,
        "events/event_registrations.html",
        {
            "event": event,
            "registrations": selectors.event_registrations(event=event),
            "started": event.starts_at <= timezone.now(),
            "past": event.is_past,
        },
    )


@login_required
@require_POST
def registration_decide(request: HttpRequest, pk: int, rid: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    check_manage_events(request.user, event.community)
    registration = get_object_or_404(Registration, pk=rid, event=event)
    report(
        request,
        lambda: services.registration_decide(
            actor=request.user,
            registration=registration,
            approve=request.POST.get("approve") == "1",
        ),
        _("Decision recorded; the person has been told."),
    )
    return redirect("event_registrations", pk=event.pk)
