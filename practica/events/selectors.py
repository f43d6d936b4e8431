"""Reads for events, filtered by what the reader may see."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Community, Membership, Visibility
from practica.communities.selectors import users_with_roles
from practica.core.queries import filtered

from .models import ACTIVE_STATUSES, Audience, Event, Registration, RegistrationStatus
from .permissions import can_follow_event, can_see_joining_details, check_see_event


def events_visible_to(user: Any) -> QuerySet[Event]:
    """Events the reader may see: public communities' and their own communities' events,
    platform-wide ones, and leadership meetings only for their leaders."""
    qs = Event.objects.select_related("community").filter(hidden_at__isnull=True)
    if is_staff(user):
        return qs
    if not is_active_user(user):
        return qs.filter(
            Q(community__isnull=True, audience=Audience.PUBLIC)
            | Q(
                community__visibility=Visibility.PUBLIC,
                audience__in=[Audience.PUBLIC, Audience.MEMBERS],
            )
        )
    mine = Membership.objects.filter(user_id=user.pk)
    member_of = mine.values("community_id")
    leading = mine.exclude(role="member").values("community_id")
    return qs.filter(
        Q(community__isnull=True)
        | (
            (Q(community__visibility=Visibility.PUBLIC) | Q(community__in=member_of))
            & ~Q(audience=Audience.LEADERS)
        )
        | Q(audience=Audience.LEADERS, community__in=leading)
    )


@dataclass
class EventFilters:
    community: str = ""
    kind: str = ""
    month: str = ""  # "YYYY-MM"


def upcoming(*, user: Any, filters: EventFilters, past: bool = False) -> QuerySet[Event]:
    now = timezone.now()
    qs = events_visible_to(user)
    qs = (
        qs.filter(ends_at__lte=now).order_by("-starts_at")
        if past
        else qs.filter(ends_at__gt=now).order_by("starts_at", "id")
    )
    qs = filtered(qs, community__slug=filters.community, kind=filters.kind)
    if filters.month:
        year, month = (int(part) for part in filters.month.split("-"))
        qs = qs.filter(starts_at__year=year, starts_at__month=month)
    return qs.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed"))
    )


def community_events(*, user: Any, community: Community) -> QuerySet[Event]:
    return upcoming(user=user, filters=EventFilters(community=community.slug))


def access_event(*, user: Any, pk: int) -> Event:
    event = Event.objects.select_related("community", "followup_post").filter(pk=pk).first()
    if event is None:
        raise Http404
    check_see_event(user, event)
    return event


def registration_of(*, user: Any, event: Event) -> Registration | None:
    if not is_active_user(user):
        return None
    return Registration.objects.filter(event=event, user_id=user.pk).first()


def registration_counts(*, event: Event) -> dict[str, int]:
    """Registrations by status, and under "attended" how many were marked present."""
    rows = list(
        event.registrations.values("status").annotate(
            n=Count("pk"), present=Count("pk", filter=Q(attended=True))
        )
    )
    counts = {row["status"]: row["n"] for row in rows}
    counts["attended"] = sum(row["present"] for row in rows)
    return counts


def event_registrations(*, event: Event) -> QuerySet[Registration]:
    return (
        event.registrations.filter(status__in=[*ACTIVE_STATUSES, RegistrationStatus.DECLINED])
        .select_related("user")
        .order_by("status", "created_at", "id")
    )


def my_events(*, user: Any, upcoming_only: bool = False) -> list[Event]:
    """Events the person is registered for (or waitlisted) and may still see and attend:
    whoever lost access (removed, demoted) no longer finds them here, nor in their feed."""
    qs = (
        Event.objects.filter(
            registrations__user_id=user.pk,
            registrations__status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED],
        )
        .select_related("community")
        .order_by("starts_at", "id")
    )
    if upcoming_only:
        qs = qs.filter(ends_at__gt=timezone.now())
    return [event for event in qs if can_follow_event(user, event)]


def joining_event_ids(*, user: Any, events: list[Event]) -> set[int]:
    """The events among `events` whose joining details `user` may have, as the permission
    layer decides for each (confirmed and still allowed to attend, or an organiser)."""
    registrations = {
        r.event_id: r for r in Registration.objects.filter(user_id=user.pk, event__in=events)
    }
    return {
        event.pk
        for event in events
        if can_see_joining_details(user, event, registrations.get(event.pk))
    }


def followers_of(*, event: Event, user_ids: Iterable[int]) -> list[int]:
    """Those of `user_ids` who may still see and attend `event` (asked when telling them)."""
    users = users_with_roles(user_ids=user_ids)
    return [user.pk for user in users if can_follow_event(user, event)]
