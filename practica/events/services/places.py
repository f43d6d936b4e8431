"""Places at an event: who holds one, whether there is room, and the waiting list moving up."""

from django.utils.translation import gettext as _

from practica.communities.notify import tell
from practica.notifications.models import Category

from ..models import (
    ACTIVE_STATUSES,
    Event,
    Registration,
    RegistrationStatus,
)
from ..selectors import followers_of


def registered_ids(event: Event, statuses: tuple[str, ...] = ACTIVE_STATUSES) -> list[int]:
    """Registered people who may still see and attend the event: only they are told."""
    ids = event.registrations.filter(status__in=statuses).values_list("user_id", flat=True)
    return followers_of(event=event, user_ids=ids)


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def has_room(event: Event) -> bool:
    return event.capacity is None or confirmed_count(event) < event.capacity


def promote_waitlist(event: Event) -> list[Registration]:
    """Move waitlisted people up, oldest first, while there is room; tell each of them."""
    promoted = []
    waiting = list(
        event.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
            "created_at", "id"
        )
    )
    may_attend = set(followers_of(event=event, user_ids=[r.user_id for r in waiting]))
    for registration in waiting:
        if not has_room(event):
            break
        if registration.user_id not in may_attend:
            # Lost access while waiting: the place goes to the next person instead.
            registration.status = RegistrationStatus.CANCELLED
            registration.save(update_fields=["status", "updated_at"])
            continue
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        promoted.append(registration)
        tell(
            event.community,
            to=[registration.user_id],
            verb="event.promoted",
            actor=None,
            target=registration.event,
            category=Category.EVENTS,
            title=_("A place is free: you are registered for “%(title)s”") % {"title": event.title},
            body=_("You were on the waiting list; you now have a place."),
            url=event.get_absolute_url(),
        )
    return promoted
