"""Registering for events, cancelling, leaders' decisions; reminders; registrations dropped
when access is lost."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.models import Community
from practica.communities.notify import tell
from practica.communities.permissions import check_can_write_in, check_not_suspended
from practica.communities.selectors import users_with_roles
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.notifications.models import Category

from ..models import (
    ACTIVE_STATUSES,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from ..permissions import (
    REGISTRATION_BLOCKED,
    can_follow_event,
    check_manage_events,
    registration_blocker,
)
from .places import has_room, promote_waitlist


@transaction.atomic
def registration_create(*, actor: User, event: Event) -> Registration:
    """Register: confirmed while there is room, else waitlisted; pending if approval is needed."""
    event = (
        Event.objects.select_for_update(of=("self",)).select_related("community").get(pk=event.pk)
    )
    current = Registration.objects.filter(event=event, user=actor).first()
    blocker = registration_blocker(actor, event, current)
    if blocker in REGISTRATION_BLOCKED:
        raise ServiceError(str(REGISTRATION_BLOCKED[blocker]))
    if blocker is not None:
        # Says what to do first (profile, code of conduct), or until when they are suspended.
        check_can_write_in(actor, event.community)
    if event.needs_approval:
        status = RegistrationStatus.PENDING
    elif has_room(event):
        status = RegistrationStatus.CONFIRMED
    else:
        status = RegistrationStatus.WAITLISTED
    if current is None:
        current = Registration.objects.create(event=event, user=actor, status=status)
    else:  # registering again after cancelling: to the back of the queue
        current.status, current.created_at, current.attended = status, timezone.now(), False
        current.reminders_sent = []
        current.save()
    if status == RegistrationStatus.PENDING:
        from practica.communities.selectors import leader_ids

        organisers = leader_ids(community=event.community) if event.community else []
        tell(
            event.community,
            to=organisers,
            verb="event.registration_pending",
            actor=actor,
            target=event,
            category=Category.DUTIES,
            title=_("%(who)s asks to attend “%(title)s”")
            % {"who": actor.name, "title": event.title},
            url=reverse("event_registrations", args=[event.pk]),
        )
    return current


@transaction.atomic
def registration_cancel(*, actor: User, event: Event) -> Registration:
    event = Event.objects.select_for_update().get(pk=event.pk)
    registration = Registration.objects.filter(
        event=event, user=actor, status__in=ACTIVE_STATUSES
    ).first()
    if registration is None:
        raise ServiceError(_("You are not registered for this event."))
    if event.is_past:
        raise ServiceError(_("This event is over: your registration stays on record."))
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if was_confirmed:
        promote_waitlist(event)
    return registration


@transaction.atomic
def registration_decide(*, actor: User, registration: Registration, approve: bool) -> Registration:
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    check_manage_events(actor, event.community)
    check_not_suspended(actor, event.community)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.PENDING:
        raise ServiceError(_("This registration is not waiting for a decision."))
    if event.is_past:
        raise ServiceError(_("This event is over: registrations can no longer be decided."))
    if approve:
        registration.status = (
            RegistrationStatus.CONFIRMED if has_room(event) else RegistrationStatus.WAITLISTED
        )
        title = (
            _("You are registered for “%(title)s”")
            if registration.status == RegistrationStatus.CONFIRMED
            else _("You are on the waiting list for “%(title)s”")
        ) % {"title": event.title}
    else:
        registration.status = RegistrationStatus.DECLINED
        title = _("Your registration for “%(title)s” was declined") % {"title": event.title}
    registration.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="registration.approve" if approve else "registration.decline",
        target=registration,
    )
    tell(
        event.community,
        to=[registration.user_id],
        verb="event.registration",
        actor=actor,
        target=event,
        category=Category.EVENTS,
        title=title,
        url=event.get_absolute_url(),
    )
    return registration


def reminders_send(*, now: datetime | None = None) -> int:
    """Email registered people before their events (offsets in EVENT_REMINDER_MINUTES).

    Each reminder is sent once per registration; safe to run as often as wanted.
    """
    now = now or timezone.now()
    sent = 0
    for minutes in sorted(settings.PRACTICA_EVENT_REMINDER_MINUTES, reverse=True):
        due = Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            event__status=EventStatus.SCHEDULED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + timedelta(minutes=minutes),
        ).select_related("event", "event__community")
        batch = list(due[:1000])
        # Asked now, not when they registered: someone who lost access is not reminded.
        people = {u.pk: u for u in users_with_roles(user_ids=[r.user_id for r in batch])}
        for registration in batch:
            if minutes in registration.reminders_sent:
                continue
            person = people.get(registration.user_id)
            if person is None or not can_follow_event(person, registration.event):
                continue
            with transaction.atomic():
                locked = Registration.objects.select_for_update().get(pk=registration.pk)
                if minutes in locked.reminders_sent:
                    continue
                locked.reminders_sent = [*locked.reminders_sent, minutes]
                locked.save(update_fields=["reminders_sent"])
                event = registration.event
                tell(
                    event.community,
                    to=[registration.user_id],
                    verb="event.reminder",
                    actor=None,
                    target=event,
                    category=Category.EVENTS,
                    title=_("Reminder: “%(title)s” starts %(when)s (%(zone)s)")
                    % {
                        "title": event.title,
                        "when": event.local_start.strftime("%Y-%m-%d %H:%M"),
                        "zone": event.time_zone,
                    },
                    body=_("Open the event page for the joining details."),
                    url=event.get_absolute_url(),
                )
                sent += 1
    return sent


@transaction.atomic
def registrations_drop_lost(*, user_id: int, community: Community) -> int:
    """Cancel `user_id`'s registrations for the community's coming events that they may no
    longer see or attend (after a removal, a departure or a demotion), freeing their places
    for the waiting list. Every other use asks the permission layer anyway; this keeps the
    places and the organisers' lists true. Returns how many were cancelled."""
    people = users_with_roles(user_ids=[user_id])
    registrations = Registration.objects.filter(
        user_id=user_id,
        event__community=community,
        event__ends_at__gt=timezone.now(),
        status__in=ACTIVE_STATUSES,
    ).select_related("event", "event__community")
    dropped = 0
    for registration in registrations:
        event = registration.event
        if people and can_follow_event(people[0], event):
            continue
        # The same lock as registering and cancelling, so places are counted once.
        locked = (
            Event.objects.select_for_update(of=("self",))
            .select_related("community")
            .get(pk=event.pk)
        )
        was_confirmed = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        dropped += 1
        if was_confirmed and not locked.is_cancelled:
            promote_waitlist(locked)
    return dropped
