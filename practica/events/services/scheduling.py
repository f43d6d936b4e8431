"""Scheduling events: create (with repeats), change, cancel; registered people are told."""

from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlparse

from dateutil import rrule
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.timezones import is_valid_zone
from practica.activity.services import TRACKING
from practica.communities.models import Community
from practica.communities.notify import community_activity, note, tell
from practica.communities.permissions import check_not_suspended
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.markdown import render_markdown
from practica.core.versioning import check_version
from practica.notifications.models import Category

from ..models import (
    Event,
    EventSeries,
    EventStatus,
    Repeat,
)
from ..permissions import (
    check_change_event,
    check_manage_events,
)
from .places import confirmed_count, promote_waitlist, registered_ids

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
    check_not_suspended(actor, community)
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
    first = events[0]
    words = {"title": first.title, "when": first.local_start.strftime("%Y-%m-%d %H:%M")}
    community_activity(
        community,
        actor=actor,
        verb="event.scheduled",
        target=first,
        places=series_places(first),
        watchers=note(
            community, category=Category.EVENTS, kind="event.new", level=TRACKING,
            title=_("New event: “%(title)s”, %(when)s") % words, url=first.get_absolute_url(),
            body=description[:500],
        ),
    )  # fmt: skip
    return events


@transaction.atomic
def event_update(
    *,
    actor: User,
    event: Event,
    local_start: datetime,
    local_end: datetime,
    time_zone: str,
    version: int | None = None,
    **fields: Any,
) -> Event:
    """Change an event; everyone registered is told, and calendars see a new SEQUENCE.

    `version` is the one the editor read: `EditConflict` if another leader saved since."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    check_change_event(actor, event)
    check_not_suspended(actor, event.community)
    check_version(event, version)
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
    confirmed = confirmed_count(event)
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
    promote_waitlist(event)
    changed = [name for name in SCHEDULE_FIELDS if before[name] != getattr(event, name)]
    audit_record(actor=actor, action="event.update", target=event, data={"changed": changed})
    if changed:
        tell(
            event.community,
            to=registered_ids(event),
            verb="event.changed",
            actor=actor,
            target=event,
            category=Category.EVENTS,
            places=series_places(event),
            watched=TRACKING,
            title=_("“%(title)s” has changed") % {"title": event.title},
            body=_("New time: %(start)s (%(zone)s). Open the event for the details.")
            % {"start": event.local_start.strftime("%Y-%m-%d %H:%M"), "zone": event.time_zone},
            url=event.get_absolute_url(),
        )
    return event


def series_places(event: Event) -> list[str]:
    """Those watching or tracking a repeating event's series hear of its changes."""
    return [f"series:{event.series_id}"] if event.series_id else []


@transaction.atomic
def event_cancel(*, actor: User, event: Event, reason: str = "") -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        raise ServiceError(_("This event is already cancelled."))
    check_change_event(actor, event)
    check_not_suspended(actor, event.community)
    event.status = EventStatus.CANCELLED
    event.cancel_reason = reason.strip()[:500]
    event.sequence += 1
    event.save()
    audit_record(actor=actor, action="event.cancel", target=event, reason=reason)
    tell(
        event.community,
        to=registered_ids(event),
        verb="event.cancelled",
        actor=actor,
        target=event,
        category=Category.EVENTS,
        places=series_places(event),
        watched=TRACKING,
        title=_("Cancelled: “%(title)s”") % {"title": event.title},
        body=event.cancel_reason,
        url=event.get_absolute_url(),
    )
    return event
