"""Event pages, registration, after-event tools and calendar files."""

import csv
import zoneinfo
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.communities import selectors as community_selectors
from practica.communities.models import Community, Visibility
from practica.communities.permissions import community_abilities
from practica.core.errors import ServiceError
from practica.core.http import paginate, report

from . import ics, selectors, services
from .forms import CancelForm, EventFilterForm, EventForm, MaterialForm
from .models import Audience, CalendarToken, Registration, RegistrationStatus
from .permissions import (
    REGISTRATION_BLOCKED,
    can_download_certificate,
    can_manage_events,
    can_mark_own_attendance,
    can_see_joining_details,
    check_manage_events,
    registration_blocker,
)

# --- Lists -------------------------------------------------------------------------------


def _event_list(request: HttpRequest, *, past: bool) -> HttpResponse:
    communities = community_selectors.communities_visible_to(request.user).order_by("name")
    form = EventFilterForm(request.GET or None, communities=communities)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.EventFilters(
        community=data.get("community", ""), kind=data.get("kind", ""), month=data.get("month", "")
    )
    page = paginate(request, selectors.upcoming(user=request.user, filters=filters, past=past), 20)
    return render(
        request,
        "events/event_list.html",
        {
            "form": form,
            "page": page,
            "past": past,
            "can_create": can_manage_events(request.user, None),
        },
    )


def event_list(request: HttpRequest) -> HttpResponse:
    return _event_list(request, past=False)


def event_past(request: HttpRequest) -> HttpResponse:
    return _event_list(request, past=True)


def community_events(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    page = paginate(request, selectors.community_events(user=request.user, community=community), 20)
    return render(
        request,
        "events/community_events.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "page": page,
            "can_create": can_manage_events(request.user, community),
        },
    )


# --- Creating and changing ---------------------------------------------------------------------


def _details(data: dict[str, Any]) -> dict[str, Any]:
    details = {
        name: data[name]
        for name in (
            "is_online",
            "meeting_url",
            "joining_instructions",
            "venue",
            "address",
            "audience",
            "capacity",
            "needs_approval",
            "allow_self_attendance",
        )
    }
    local_deadline = data.get("registration_deadline_local")
    details["registration_deadline"] = (
        local_deadline.replace(tzinfo=zoneinfo.ZoneInfo(data["time_zone"]))
        if local_deadline
        else None
    )
    return details


def _create(request: HttpRequest, community: Community | None) -> HttpResponse:
    check_manage_events(request.user, community)
    form = EventForm(request.POST or None, platform=community is None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            events = services.event_create(
                actor=request.user,
                community=community,
                title=data["title"],
                kind=data["kind"],
                description=data["description"],
                local_start=data["local_start"],
                local_end=data["local_end"],
                time_zone=data["time_zone"],
                repeat=data.get("repeat", ""),
                repeat_until=data.get("repeat_until"),
                **_details(data),
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            if len(events) > 1:
                messages.success(
                    request, _("%(n)s occurrences were scheduled.") % {"n": len(events)}
                )
            else:
                messages.success(request, _("The event is scheduled."))
            return redirect(events[0])
    return render(request, "events/event_form.html", {"form": form, "community": community})


@write_gate()
def event_create(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    return _create(request, community)


@write_gate()
def event_create_platform(request: HttpRequest) -> HttpResponse:
    return _create(request, None)


@write_gate()
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    check_manage_events(request.user, event.community)
    start, end = event.local_start, event.local_end
    deadline = (
        event.registration_deadline.astimezone(event.zone) if event.registration_deadline else None
    )
    initial = {
        "title": event.title,
        "kind": event.kind,
        "description": event.description,
        "start_date": start.date(),
        "start_time": start.time(),
        "end_date": end.date(),
        "end_time": end.time(),
        "time_zone": event.time_zone,
        "is_online": "online" if event.is_online else "in_person",
        "meeting_url": event.meeting_url,
        "joining_instructions": event.joining_instructions,
        "venue": event.venue,
        "address": event.address,
        "audience": event.audience,
        "capacity": event.capacity,
        "needs_approval": event.needs_approval,
        "allow_self_attendance": event.allow_self_attendance,
        "registration_deadline": timezone.make_aware(deadline.replace(tzinfo=None))
        if deadline
        else None,
    }
    form = EventForm(
        request.POST or None, initial=initial, editing=True, platform=event.community is None
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.event_update(
                actor=request.user,
                event=event,
                local_start=data["local_start"],
                local_end=data["local_end"],
                time_zone=data["time_zone"],
                title=data["title"],
                kind=data["kind"],
                description=data["description"],
                **_details(data),
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved. Everyone registered has been told of changes."))
            return redirect(event)
    return render(
        request,
        "events/event_form.html",
        {"form": form, "event": event, "community": event.community},
    )


@login_required
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    check_manage_events(request.user, event.community)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report(
            request,
            lambda: services.event_cancel(
                actor=request.user, event=event, reason=form.cleaned_data["reason"]
            ),
            _("The event is cancelled; everyone registered was told."),
        )
        return redirect(event)
    return render(request, "events/event_cancel.html", {"event": event, "form": form})


# --- One event -----------------------------------------------------------------------------------


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
            "blocked": REGISTRATION_BLOCKED.get(blocker or "")
            if blocker not in (None, "registered")
            else None,
            "write_blocked": blocker in ("profile", "conduct"),
            "show_joining": can_see_joining_details(user, event, current),
            "can_manage": manage,
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


@write_gate()
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


def _act_on_own(request: HttpRequest, pk: int, action: Any, done: str) -> HttpResponse:
    """Run a service about the reader's own registration and say how it went."""
    event = selectors.access_event(user=request.user, pk=pk)
    report(request, lambda: action(actor=request.user, event=event), done)
    return redirect(event)


@login_required
@require_POST
def event_unregister(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_on_own(
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
    return _act_on_own(
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


@write_gate()
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
    if not can_download_certificate(request.user, event, current):
        raise PermissionDenied
    hours, minutes = divmod(event.duration_minutes, 60)
    return render(
        request,
        "events/certificate.html",
        {"event": event, "person": request.user, "hours": hours, "minutes": minutes},
    )


# --- Calendars ------------------------------------------------------------------------


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    current = selectors.registration_of(user=request.user, event=event)
    with_joining = can_see_joining_details(request.user, event, current)
    return _ics_response(ics.single(event, with_joining=with_joining), ics.filename(event))


def community_feed_public(request: HttpRequest, slug: str) -> HttpResponse:
    """A public community's events for anyone: no joining details, no leadership meetings."""
    community = get_object_or_404(Community, slug=slug, visibility=Visibility.PUBLIC)
    events = community.events.exclude(audience=Audience.LEADERS).order_by("starts_at")
    return _ics_response(ics.calendar(events, name=community.name), f"{slug}.ics")


@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        services.calendar_token_reset(user=request.user)
        messages.success(request, _("New addresses made; the old ones no longer work."))
        return redirect("calendar_settings")
    token = services.calendar_token_for(request.user)
    return render(
        request,
        "events/calendar_settings.html",
        {
            "token": token,
            "memberships": community_selectors.my_memberships(user=request.user),
            "my_events": selectors.my_events(user=request.user).filter(ends_at__gt=timezone.now()),
        },
    )


def _token_user(token: str) -> Any:
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        raise Http404
    return found.user


def feed_personal(request: HttpRequest, token: str) -> HttpResponse:
    """ "My events": everything the person is registered for, with their joining details."""
    user = _token_user(token)
    events = list(selectors.my_events(user=user))
    joining = selectors.confirmed_event_ids(user=user, events=events)
    return _ics_response(
        ics.calendar(events, name=_("My Practica events"), joining_for=joining), "my-events.ics"
    )


def feed_community(request: HttpRequest, token: str, slug: str) -> HttpResponse:
    """A community's events as this person may see them; joining details stay in "my events"."""
    user = _token_user(token)
    community = community_selectors.access_community(user=user, slug=slug)
    events = selectors.events_visible_to(user).filter(community=community).order_by("starts_at")
    return _ics_response(ics.calendar(events, name=community.name), f"{slug}.ics")
