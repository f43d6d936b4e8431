"""Calendar files and feeds: one event's .ics, community feeds and personal feeds."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from practica.communities import selectors as community_selectors
from practica.communities.models import Community, Visibility
from practica.core.headers import private_response

from .. import ics, selectors, services
from ..models import Audience, CalendarToken
from ..permissions import (
    can_see_joining_details,
)


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
            "my_events": selectors.my_events(user=request.user, upcoming_only=True),
        },
    )


def _token_user(token: str) -> Any:
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        raise Http404
    return found.user


@private_response
def feed_personal(request: HttpRequest, token: str) -> HttpResponse:
    """ "My events": everything the person is registered for, with their joining details."""
    user = _token_user(token)
    events = selectors.my_events(user=user)
    joining = selectors.joining_event_ids(user=user, events=events)
    return _ics_response(
        ics.calendar(events, name=_("My Practica events"), joining_for=joining), "my-events.ics"
    )


@private_response
def feed_community(request: HttpRequest, token: str, slug: str) -> HttpResponse:
    """A community's events as this person may see them; joining details stay in "my events"."""
    user = _token_user(token)
    community = community_selectors.access_community(user=user, slug=slug)
    events = selectors.events_visible_to(user).filter(community=community).order_by("starts_at")
    return _ics_response(ics.calendar(events, name=community.name), f"{slug}.ics")
