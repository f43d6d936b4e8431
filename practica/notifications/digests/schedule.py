"""When each member's digest is due: at their chosen hour, in their own time zone.

A member's daily digest is scheduled at `digest_hour`:00 every day of their local
calendar, the weekly one at that hour on `weekly_day`. The scheduler asks every few
minutes; a digest is due from its scheduled hour for DIGEST_CATCH_UP_HOURS (a scheduler
that was down for a while still sends it, late), and its period (the local date of the
scheduled hour) names it, so that whatever asks again within those hours finds it
claimed.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from practica.core.zones import is_valid_zone

from ..models import DEFAULT_DIGEST_HOUR as DEFAULT_HOUR
from ..models import DEFAULT_WEEKLY_DAY as DEFAULT_DAY
from .models import DigestKind, DigestSent
from .registry import Window

LENGTH = {DigestKind.DAILY: timedelta(days=1), DigestKind.WEEKLY: timedelta(days=7)}


def stale_after() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "DIGEST_CLAIM_STALE_MINUTES", 30)))


def catch_up_hours() -> int:
    return max(1, int(getattr(settings, "DIGEST_CATCH_UP_HOURS", 3)))


def zone_of(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name if name and is_valid_zone(name) else settings.TIME_ZONE)


@dataclass(frozen=True)
class Slot:
    """A digest scheduled at `hour` (and on `weekday`, for weekly ones) that is due now."""

    hour: int
    weekday: int
    scheduled: datetime  # aware, in the member's zone

    @property
    def period(self) -> str:
        return self.scheduled.date().isoformat()

    def window(self, kind: str) -> Window:
        # Wall-clock arithmetic in the member's zone: a day is a calendar day across DST.
        start = datetime.combine(
            self.scheduled.date() - LENGTH[DigestKind(kind)], time(self.hour), self.scheduled.tzinfo
        )
        return Window(kind=kind, start=start, end=self.scheduled)


def due_slots(kind: str, zone: zoneinfo.ZoneInfo, now: datetime) -> list[Slot]:
    """The (hour, weekday) choices whose digest of `kind` is due at `now` in `zone`."""
    local = now.astimezone(zone)
    slots = []
    for back in range(catch_up_hours()):
        moment = local - timedelta(hours=back)
        day: date = moment.date()
        scheduled = datetime.combine(day, time(moment.hour), zone)
        slots.append(Slot(hour=moment.hour, weekday=day.weekday(), scheduled=scheduled))
    # A wall-clock hour a DST change skipped or repeated gives the same slot twice.
    unique = {(slot.hour, slot.weekday): slot for slot in slots}
    return list(unique.values())


def slot_for(
    kind: str, zone: zoneinfo.ZoneInfo, hour: int, weekday: int, now: datetime
) -> Slot | None:
    """The due slot of a member who chose `hour` (and `weekday`), or None if not due."""
    for slot in due_slots(kind, zone, now):
        if slot.hour == hour and (kind == DigestKind.DAILY or slot.weekday == weekday):
            return slot
    return None


def due_member_ids(kind: str, now: datetime) -> list[int]:
    """Active members whose digest of `kind` is due at `now` and not yet served (nor
    claimed by a worker still at it), whose address still takes mail. A query for the
    zones in use, then one for the members."""
    users = get_user_model().objects.filter(is_active=True)
    fresh = timezone.now() - stale_after()  # older claims never sent: a worker died
    zones = set(users.values_list("time_zone", flat=True).distinct())
    site = settings.TIME_ZONE
    valid = {name for name in zones if name and is_valid_zone(name)}
    # Members with no (valid) zone of their own follow the site's.
    by_zone: dict[str, Q] = {name: Q(time_zone=name) for name in valid}
    by_zone[site] = by_zone.get(site, Q(time_zone=site)) | ~Q(time_zone__in=valid)
    wanted = Q(pk__in=[])
    for name, in_zone in by_zone.items():
        choices = Q(pk__in=[])
        for slot in due_slots(kind, zone_of(name), now):
            chosen = Q(email_settings__digest_hour=slot.hour)
            default = slot.hour == DEFAULT_HOUR
            if kind == DigestKind.WEEKLY:
                chosen &= Q(email_settings__weekly_day=slot.weekday)
                default = default and slot.weekday == DEFAULT_DAY
            if default:
                chosen |= Q(email_settings__isnull=True)
            claimed = DigestSent.objects.filter(
                Q(sent_at__isnull=False) | Q(claimed_at__gte=fresh),
                user_id=OuterRef("pk"),
                kind=kind,
                period=slot.period,
            )
            choices |= chosen & Q(~Exists(claimed))
        wanted |= in_zone & choices
    stopped = Q(email_settings__stopped_at__isnull=False)
    return list(users.filter(wanted).exclude(stopped).order_by("pk").values_list("pk", flat=True))
