"""Lists of events: coming, past, and a community's."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from practica.communities import selectors as community_selectors
from practica.communities.permissions import community_abilities
from practica.core.http import paginate

from .. import selectors
from ..forms import EventFilterForm
from ..permissions import (
    can_manage_events,
)


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
