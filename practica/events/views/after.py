"""After an event: attendance, the registrations export, materials, a follow-up, certificates."""

import csv
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.core.errors import ServiceError
from practica.core.http import report

from .. import selectors, services
from ..forms import MaterialForm
from ..permissions import (
    check_download_certificate,
    check_manage_events,
)
from .detail import act_on_own


@login_required
@require_POST
def event_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    ids = {int(v) for v in request.POST.getlist("attended") if v.isdigit()}
    report(
        request,
        lambda: services.attendance_record(actor=request.user, event=event, attended_user_ids=ids),
        lambda count: _("Attendance saved: %(n)s attended.") % {"n": count},
    )
    return redirect("event_registrations", pk=event.pk)


@login_required
@require_POST
def event_attended_self(request: HttpRequest, pk: int) -> HttpResponse:
    return act_on_own(
        request, pk, services.attendance_self_mark, _("Thank you: your attendance is recorded.")
    )


@login_required
def registrations_csv(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    check_manage_events(request.user, event.community)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="registrations-{event.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["name", "email", "affiliation", "occupation", "status", "registered", "attended"]
    )
    for r in selectors.event_registrations(event=event):
        writer.writerow(
            [
                _csv_safe(v)
                for v in (
                    r.user.name,
                    r.user.email,
                    r.user.affiliation,
                    r.user.get_occupation_display(),
                    r.get_status_display(),
                    r.created_at.isoformat(),
                    "yes" if r.attended else "no",
                )
            ]
        )
    return response


def _csv_safe(value: Any) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: defuse them."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
@require_POST
def material_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    check_manage_events(request.user, event.community)
    form = MaterialForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a title and a valid web link."))
    else:
        report(
            request,
            lambda: services.material_add(actor=request.user, event=event, **form.cleaned_data),
            _("Added to the event's materials."),
        )
    return redirect(event)


@write_gate(return_to=lambda request, pk: reverse("event_detail", args=[pk]))
@require_POST
def event_followup(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    try:
        post = services.followup_create(actor=request.user, event=event)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(event)
    messages.success(request, _("The follow-up discussion is open."))
    return redirect(post)


@login_required
def event_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    current = selectors.registration_of(user=request.user, event=event)
    check_download_certificate(request.user, event, current)
    hours, minutes = divmod(event.duration_minutes, 60)
    return render(
        request,
        "events/certificate.html",
        {"event": event, "person": request.user, "hours": hours, "minutes": minutes},
    )
