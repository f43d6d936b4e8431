"""Who may see, attend and run events; builds on the community permission layer."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Community
from practica.communities.permissions import (
    can_lead,
    can_see_content,
    is_member,
    write_blocker_in,
)

from .models import Audience, Event, Registration, RegistrationStatus


def can_see_event(user: Any, event: Event) -> bool:
    """Community events follow the community's content; leadership meetings only leaders;
    an event hidden by moderation only its organiser and moderators."""
    if event.hidden_at is not None and not (
        (is_active_user(user) and event.created_by_id == user.pk)
        or is_staff(user)
        or (event.community is not None and can_lead(user, event.community))
    ):
        return False
    if event.community is None:
        return event.audience == Audience.PUBLIC or is_active_user(user)
    if not can_see_content(user, event.community):
        return False
    return event.audience != Audience.LEADERS or can_lead(user, event.community)


def check_see_event(user: Any, event: Event) -> None:
    if not can_see_event(user, event):
        raise Http404


def can_manage_events(user: Any, community: Community | None) -> bool:
    """Leaders run their community's events; staff run every event and platform-wide ones."""
    if community is None:
        return is_staff(user)
    return can_lead(user, community)


def check_manage_events(user: Any, community: Community | None) -> None:
    if can_manage_events(user, community):
        return
    if community is None:
        raise PermissionDenied(gettext("Only the host staff run platform-wide events."))
    raise PermissionDenied(
        gettext("Only the community's leaders and the host staff run its events.")
    )


def can_change_event(user: Any, event: Event) -> bool:
    """Edit or cancel: the organisers, while the event is neither over nor cancelled.
    Afterwards they record attendance and add materials instead."""
    return can_manage_events(user, event.community) and not (event.is_past or event.is_cancelled)


def check_change_event(user: Any, event: Event) -> None:
    check_manage_events(user, event.community)
    if event.is_cancelled:
        raise PermissionDenied(gettext("This event was cancelled: it can no longer be changed."))
    if event.is_past:
        raise PermissionDenied(
            gettext(
                "This event is over: it can no longer be changed or cancelled. You can still "
                "record attendance and add materials."
            )
        )


def may_attend(user: Any, event: Event) -> bool:
    if not is_active_user(user):
        return False
    if event.audience == Audience.PUBLIC or is_staff(user):
        return True
    if event.community is None:
        return True
    if event.audience == Audience.LEADERS:
        return can_lead(user, event.community)
    return is_member(user, event.community)


def can_follow_event(user: Any, event: Event) -> bool:
    """May `user` still see the event and attend it? What a registration brings (the joining
    details, the calendar entry, changes, reminders, a place freed up) asks this at the
    moment it is given, so losing access (removed, demoted, left) takes effect at once."""
    return is_active_user(user) and can_see_event(user, event) and may_attend(user, event)


REGISTRATION_BLOCKED = {
    "sign_in": _("Log in to register."),
    "cancelled": _("This event was cancelled."),
    "past": _("This event has already taken place."),
    "closed": _("Registration for this event has closed."),
    "audience": _("This event is for the community's members; join the community first."),
    "leaders": _("This meeting is for the community's leadership group."),
    "registered": _("You are already registered."),
}


def registration_blocker(user: Any, event: Event, current: Registration | None) -> str | None:
    """Why `user` may not register for `event` (a key of REGISTRATION_BLOCKED), or None."""
    if not is_active_user(user):
        return "sign_in"
    if event.is_cancelled:
        return "cancelled"
    if event.starts_at <= timezone.now():
        return "past"
    if event.registration_closed:
        return "closed"
    if not may_attend(user, event):
        return "leaders" if event.audience == Audience.LEADERS else "audience"
    if current is not None and current.status in (
        RegistrationStatus.PENDING,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    ):
        return "registered"
    blocked = write_blocker_in(user, event.community)
    return blocked


def can_see_joining_details(user: Any, event: Event, current: Registration | None) -> bool:
    """The online link and joining instructions: registered people who may still attend,
    and the organisers."""
    if can_manage_events(user, event.community):
        return True
    confirmed = current is not None and current.status == RegistrationStatus.CONFIRMED
    return confirmed and can_follow_event(user, event)


def can_download_certificate(user: Any, event: Event, current: Registration | None) -> bool:
    return bool(current and current.attended and event.is_past and is_active_user(user))


def check_download_certificate(user: Any, event: Event, current: Registration | None) -> None:
    if can_download_certificate(user, event, current):
        return
    if not event.is_past:
        raise PermissionDenied(gettext("Certificates of attendance are given after the event."))
    raise PermissionDenied(
        gettext("A certificate of attendance is for people the organisers marked as present.")
    )


def can_mark_own_attendance(user: Any, event: Event, current: Registration | None) -> bool:
    return bool(
        event.allow_self_attendance
        and event.starts_at <= timezone.now()
        and current is not None
        and current.status == RegistrationStatus.CONFIRMED
        and not current.attended
    )
