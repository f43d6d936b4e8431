"""Writes for events: scheduling, registration with capacity and waitlist, attendance,
materials, follow-ups and reminders. Registered people are told of every change."""

import secrets
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlparse

from dateutil import rrule
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write
from practica.accounts.timezones import is_valid_zone
from practica.communities.models import Community
from practica.communities.notify import notify_about
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.markdown import render_markdown

from .models import (
    ACTIVE_STATUSES,
    CalendarToken,
    Event,
    EventSeries,
    EventStatus,
    Material,
    Registration,
    RegistrationStatus,
    Repeat,
)
from .permissions import REGISTRATION_BLOCKED, check_manage_events, registration_blocker

MAX_OCCURRENCES = 24
SCHEDULE_FIELDS = ("starts_at", "ends_at", "time_zone", "meeting_url", "venue", "address")


def _aware(local: datetime, zone: str) -> datetime:
    """The wall-clock time `local` in `zone`, as an aware datetime (DST-correct)."""
    import zoneinfo

    return local.replace(tzinfo=zoneinfo.ZoneInfo(zone))


def _validate(
    *,
    start: datetime,
    end: datetime,
    zone: str,
    is_online: bool,
    meeting_url: str,
    venue: str,
    capacity: int | None,
    creating: bool,
) -> None:
    if not is_valid_zone(zone):
        raise ServiceError(_("Choose a time zone from the list."))
    if end <= start:
        raise ServiceError(_("The event must end after it starts."))
    if creating and start <= timezone.now():
        raise ServiceError(_("A new event must start in the future."))
    if not is_online and not venue.strip():
        raise ServiceError(_("Give the venue of an in-person event."))
    if meeting_url and urlparse(meeting_url).scheme != "https":
        raise ServiceError(_("The meeting link must start with https://"))
    if capacity is not None and capacity < 1:
        raise ServiceError(_("Capacity must be at least 1, or empty for no limit."))


def occurrences(local_start: datetime, rule: str, until: date) -> list[datetime]:
    """Wall-clock starts of a repeating event, the first included, at most MAX_OCCURRENCES."""
    end = datetime.combine(until, time.max)
    if rule == Repeat.WEEKLY:
        dates = rrule.rrule(rrule.WEEKLY, dtstart=local_start, until=end)
    elif rule == Repeat.MONTHLY_DATE:
        dates = rrule.rrule(
            rrule.MONTHLY, dtstart=local_start, until=end, bymonthday=local_start.day
        )
    elif rule == Repeat.MONTHLY_WEEKDAY:
        nth = (local_start.day - 1) // 7 + 1
        weekday = rrule.weekday(local_start.weekday())(-1 if nth == 5 else nth)
        dates = rrule.rrule(rrule.MONTHLY, dtstart=local_start, until=end, byweekday=weekday)
    else:
        return [local_start]
    return list(dates)[:MAX_OCCURRENCES]


@transaction.atomic
def event_create(
    *,
    actor: User,
    community: Community | None,
    title: str,
    kind: str,
    description: str,
    local_start: datetime,
    local_end: datetime,
    time_zone: str,
    repeat: str = "",
    repeat_until: date | None = None,
    **details: Any,
) -> list[Event]:
    """Create an event, or every occurrence of a repeating one (same wall-clock time in its
    own zone, whatever daylight saving does). Returns the events created, first first."""
    check_manage_events(actor, community)
    start, end = _aware(local_start, time_zone), _aware(local_end, time_zone)
    _validate(
        start=start,
        end=end,
        zone=time_zone,
        is_online=details.get("is_online", True),
        meeting_url=details.get("meeting_url", ""),
        venue=details.get("venue", ""),
        capacity=details.get("capacity"),
        creating=True,
    )
    series = None
    starts = [local_start]
    if repeat:
        if repeat_until is None or repeat_until <= local_start.date():
            raise ServiceError(_("Say until when the event repeats (a date after the first)."))
        series = EventSeries.objects.create(rule=repeat, until=repeat_until, created_by=actor)
        starts = occurrences(local_start, repeat, repeat_until)
    length = local_end - local_start
    deadline_offset = (
        details["registration_deadline"] - start if details.get("registration_deadline") else None
    )
    events = []
    for occurrence in starts:
        occ_start = _aware(occurrence, time_zone)
        fields = {**details}
        if deadline_offset is not None:
            fields["registration_deadline"] = occ_start + deadline_offset
        events.append(
            Event.objects.create(
                community=community,
                series=series,
                title=title.strip(),
                kind=kind,
                description=description,
                description_html=render_markdown(description),
                starts_at=occ_start,
                ends_at=_aware(occurrence + length, time_zone),
                time_zone=time_zone,
                created_by=actor,
                **fields,
            )
        )
    audit_record(
        actor=actor,
        action="event.create",
        target=events[0],
        scope=community.slug if community else "",
        data={"occurrences": len(events)},
    )
    return events


def _registered_ids(event: Event, statuses: tuple[str, ...] = ACTIVE_STATUSES) -> list[int]:
    return list(event.registrations.filter(status__in=statuses).values_list("user_id", flat=True))


def _confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


@transaction.atomic
def event_update(
    *,
    actor: User,
    event: Event,
    local_start: datetime,
    local_end: datetime,
    time_zone: str,
    **fields: Any,
) -> Event:
    """Change an event; everyone registered is told, and calendars see a new SEQUENCE."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    check_manage_events(actor, event.community)
    start, end = _aware(local_start, time_zone), _aware(local_end, time_zone)
    _validate(
        start=start,
        end=end,
        zone=time_zone,
        is_online=fields.get("is_online", event.is_online),
        meeting_url=fields.get("meeting_url", ""),
        venue=fields.get("venue", event.venue),
        capacity=fields.get("capacity"),
        creating=False,
    )
    capacity = fields.get("capacity")
    confirmed = _confirmed_count(event)
    if capacity is not None and capacity < confirmed:
        raise ServiceError(
            _("%(n)s people are already registered: capacity cannot be lower.") % {"n": confirmed}
        )
    before = {name: getattr(event, name) for name in SCHEDULE_FIELDS}
    event.starts_at, event.ends_at, event.time_zone = start, end, time_zone
    for name, value in fields.items():
        setattr(event, name, value)
    if "description" in fields:
        event.description_html = render_markdown(event.description)
    event.sequence += 1
    event.save()
    _promote_waitlist(event)
    changed = [name for name in SCHEDULE_FIELDS if before[name] != getattr(event, name)]
    audit_record(actor=actor, action="event.update", target=event, data={"changed": changed})
    if changed:
        notify_about(
            event.community,
            user_ids=_registered_ids(event),
            kind="event.changed",
            title=_("“%(title)s” has changed") % {"title": event.title},
            body=_("New time: %(start)s (%(zone)s). Open the event for the details.")
            % {"start": event.local_start.strftime("%Y-%m-%d %H:%M"), "zone": event.time_zone},
            url=event.get_absolute_url(),
        )
    return event


@transaction.atomic
def event_cancel(*, actor: User, event: Event, reason: str = "") -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    check_manage_events(actor, event.community)
    if event.is_cancelled:
        raise ServiceError(_("This event is already cancelled."))
    event.status = EventStatus.CANCELLED
    event.cancel_reason = reason.strip()[:500]
    event.sequence += 1
    event.save()
    audit_record(actor=actor, action="event.cancel", target=event, reason=reason)
    notify_about(
        event.community,
        user_ids=_registered_ids(event),
        kind="event.cancelled",
        title=_("Cancelled: “%(title)s”") % {"title": event.title},
        body=event.cancel_reason,
        url=event.get_absolute_url(),
    )
    return event


# --- Registration ---------------------------------------------------------------------------


def _has_room(event: Event) -> bool:
    return event.capacity is None or _confirmed_count(event) < event.capacity


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
        check_can_write(actor)  # says what to do first (profile, code of conduct)
    if event.needs_approval:
        status = RegistrationStatus.PENDING
    elif _has_room(event):
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
        notify_about(
            event.community,
            user_ids=organisers,
            kind="event.registration_pending",
            title=_("%(who)s asks to attend “%(title)s”")
            % {"who": actor.name, "title": event.title},
            url=reverse("event_registrations", args=[event.pk]),
        )
    return current


def _promote_waitlist(event: Event) -> list[Registration]:
    """Move waitlisted people up, oldest first, while there is room; tell each of them."""
    promoted = []
    waiting = event.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
        "created_at", "id"
    )
    for registration in waiting:
        if not _has_room(event):
            break
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        promoted.append(registration)
        notify_about(
            event.community,
            user_ids=[registration.user_id],
            kind="event.promoted",
            title=_("A place is free: you are registered for “%(title)s”") % {"title": event.title},
            body=_("You were on the waiting list; you now have a place."),
            url=event.get_absolute_url(),
        )
    return promoted


@transaction.atomic
def registration_cancel(*, actor: User, event: Event) -> Registration:
    event = Event.objects.select_for_update().get(pk=event.pk)
    registration = Registration.objects.filter(
        event=event, user=actor, status__in=ACTIVE_STATUSES
    ).first()
    if registration is None:
        raise ServiceError(_("You are not registered for this event."))
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if was_confirmed and not event.is_past:
        _promote_waitlist(event)
    return registration


@transaction.atomic
def registration_decide(*, actor: User, registration: Registration, approve: bool) -> Registration:
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    check_manage_events(actor, event.community)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.PENDING:
        raise ServiceError(_("This registration is not waiting for a decision."))
    if approve:
        registration.status = (
            RegistrationStatus.CONFIRMED if _has_room(event) else RegistrationStatus.WAITLISTED
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
    notify_about(
        event.community,
        user_ids=[registration.user_id],
        kind="event.registration",
        title=title,
        url=event.get_absolute_url(),
    )
    return registration


# --- After the event ----------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, actor: User, event: Event, attended_user_ids: set[int]) -> int:
    check_manage_events(actor, event.community)
    if event.starts_at > timezone.now():
        raise ServiceError(_("Attendance can be recorded once the event has started."))
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
    confirmed.filter(user_id__in=attended_user_ids).update(attended=True)
    confirmed.exclude(user_id__in=attended_user_ids).update(attended=False)
    audit_record(
        actor=actor, action="event.attendance", target=event, data={"n": len(attended_user_ids)}
    )
    return confirmed.filter(attended=True).count()


@transaction.atomic
def attendance_self_mark(*, actor: User, event: Event) -> None:
    from .permissions import can_mark_own_attendance

    registration = Registration.objects.filter(event=event, user=actor).first()
    if not can_mark_own_attendance(actor, event, registration):
        raise ServiceError(_("You cannot mark your attendance for this event."))
    assert registration is not None
    registration.attended = True
    registration.save(update_fields=["attended", "updated_at"])


@transaction.atomic
def material_add(*, actor: User, event: Event, kind: str, title: str, url: str) -> Material:
    check_manage_events(actor, event.community)
    if urlparse(url).scheme not in ("https", "http"):
        raise ServiceError(_("Give a web link starting with https://"))
    return Material.objects.create(
        event=event, kind=kind, title=title.strip(), url=url, added_by=actor
    )


@transaction.atomic
def followup_create(*, actor: User, event: Event) -> Any:
    """Open a discussion about the event in its community, linked both ways."""
    from practica.discussions.services import post_create

    check_manage_events(actor, event.community)
    if event.community is None:
        raise ServiceError(_("Platform-wide events have no community to discuss them in."))
    if event.followup_post_id:
        raise ServiceError(_("This event already has a follow-up discussion."))
    materials = "\n".join(f"- [{m.title}]({m.url})" for m in event.materials.all())
    body = _(
        "Follow-up to [%(title)s](%(url)s), held on %(date)s.\n\n"
        "What did you take away? What would you like to explore next?"
    ) % {
        "title": event.title,
        "url": event.get_absolute_url(),
        "date": event.local_start.strftime("%Y-%m-%d"),
    }
    if materials:
        body += "\n\n" + _("Materials:") + "\n\n" + materials
    post = post_create(
        actor=actor,
        community=event.community,
        kind="discussion",
        title=_("Follow-up: %(title)s") % {"title": event.title},
        body=body,
    )
    event.followup_post = post
    event.save(update_fields=["followup_post", "updated_at"])
    return post


# --- Reminders and calendars ----------------------------------------------------------------------


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
        ).select_related("event")
        for registration in due[:1000]:
            if minutes in registration.reminders_sent:
                continue
            with transaction.atomic():
                locked = Registration.objects.select_for_update().get(pk=registration.pk)
                if minutes in locked.reminders_sent:
                    continue
                locked.reminders_sent = [*locked.reminders_sent, minutes]
                locked.save(update_fields=["reminders_sent"])
                event = registration.event
                notify_about(
                    event.community,
                    user_ids=[registration.user_id],
                    kind="event.reminder",
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


def calendar_token_for(user: User) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return token


@transaction.atomic
def calendar_token_reset(*, user: User) -> CalendarToken:
    """A new secret: every calendar address given out before stops working."""
    CalendarToken.objects.filter(user=user).delete()
    return CalendarToken.objects.create(user=user, token=secrets.token_urlsafe(32))
