"""Creating, changing and cancelling events."""

import zoneinfo
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from practica.accounts.gates import write_gate
from practica.communities import selectors as community_selectors
from practica.communities.models import Community
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import report
from practica.core.versioning import EditConflict, show_conflict

from .. import selectors, services
from ..forms import CancelForm, EventForm
from ..permissions import (
    check_change_event,
    check_manage_events,
)


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
    details["language"] = data.get("language") or ""
    local_deadline = data.get("registration_deadline_local")
    details["registration_deadline"] = (
        local_deadline.replace(tzinfo=zoneinfo.ZoneInfo(data["time_zone"]))
        if local_deadline
        else None
    )
    return details


def _create(request: HttpRequest, community: Community | None) -> HttpResponse:
    check_manage_events(request.user, community)
    form = EventForm(
        form_data(request), platform=community is None, initial={"language": get_language()}
    )
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
    check_change_event(request.user, event)
    start, end = event.local_start, event.local_end
    deadline = (
        event.registration_deadline.astimezone(event.zone) if event.registration_deadline else None
    )
    initial = {
        "title": event.title,
        "kind": event.kind,
        "language": event.language or get_language(),
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
        "version": event.version,
    }
    form = EventForm(
        form_data(request), initial=initial, editing=True, platform=event.community is None
    )
    conflict = None
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
                version=data["version"],
                **_details(data),
            )
        except EditConflict as error:
            show_conflict(form, error)
            conflict = _event_as_saved(error.current)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved. Everyone registered has been told of changes."))
            return redirect(event)
    return render(
        request,
        "events/event_form.html",
        {"form": form, "event": event, "community": event.community, "conflict": conflict},
    )


def _event_as_saved(event: Any) -> list[tuple[str, str]]:
    start, end = event.local_start, event.local_end
    when = _("%(start)s to %(end)s (%(zone)s)") % {
        "start": f"{start:%Y-%m-%d %H:%M}",
        "end": f"{end:%Y-%m-%d %H:%M}",
        "zone": event.time_zone,
    }
    places = (event.venue, event.address)
    place = event.meeting_url if event.is_online else ", ".join(p for p in places if p)
    return [
        (_("Title"), event.title),
        (_("When"), when),
        (_("Where"), place),
        (_("Description"), event.description),
        (_("Joining instructions"), event.joining_instructions),
    ]


@login_required
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.access_event(user=request.user, pk=pk)
    check_change_event(request.user, event)
    form = CancelForm(form_data(request))
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
