"""iCalendar (RFC 5545) files: one event, or a feed of many, with their time zones.

Every text property is built by the icalendar library (which escapes and folds it) from a
value cleaned here, so that text stored before the forms refused control characters (or
written by an administrator) still makes a valid file: one-line properties lose their line
breaks, the description keeps its own but no other control character."""

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, vText
from icalendar import Event as VEvent

from practica.core.text import multi_line, single_line

from .models import Event


def _vevent(event: Event, *, with_joining: bool) -> VEvent:
    item = VEvent()
    item.add("uid", f"{event.uid}@practica")
    item.add("sequence", event.sequence)
    item.add("dtstamp", timezone.now())
    item.add("last-modified", event.updated_at)
    item.add("summary", single_line(event.title))
    # The event's own zone: calendar programs then keep the wall-clock time across DST.
    item.add("dtstart", event.local_start)
    item.add("dtend", event.local_end)
    url = settings.SITE_URL + event.get_absolute_url()
    item.add("url", url)
    description = [event.description, "", url]
    if event.is_online:
        if with_joining and event.meeting_url:
            item.add("location", single_line(event.meeting_url))
            description += ["", event.meeting_url, event.joining_instructions]
        else:
            item.add("location", "Online")
    else:
        place = (single_line(p) for p in (event.venue, event.address))
        item.add("location", ", ".join(p for p in place if p))
    item.add("description", multi_line("\n".join(description).strip()))
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return item


def calendar(
    events: Iterable[Event],
    *,
    name: str,
    joining_for: set[int] | None = None,
    method: str = "PUBLISH",
) -> bytes:
    """An .ics file. Joining details only for the event ids in `joining_for`."""
    cal = Calendar()
    cal.add("prodid", "-//Practica//Events//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    # An X- property has no type of its own: without vText its text would not be escaped.
    cal.add("x-wr-calname", vText(single_line(name)))
    for event in events:
        cal.add_component(_vevent(event, with_joining=event.pk in (joining_for or set())))
    cal.add_missing_timezones()
    return cal.to_ical()


def single(event: Event, *, with_joining: bool) -> bytes:
    method = "CANCEL" if event.is_cancelled else "PUBLISH"
    joining = {event.pk} if with_joining else set()
    return calendar([event], name=event.title, joining_for=joining, method=method)


def filename(event: Event) -> str:
    return f"{slugify(event.title)[:60] or 'event'}.ics"
