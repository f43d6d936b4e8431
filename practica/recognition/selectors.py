"""Reads for recognition: badges as each viewer may see them, and a member's professional
development record."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from practica.accounts.models import User
from practica.communities.models import Community, Membership
from practica.directory.selectors import people_visible_to

from .badges import RULES, Definition
from .models import Award, Preference
from .permissions import award_shown_q


def hides_badges(user_id: int) -> bool:
    return Preference.objects.filter(user_id=user_id, hide_badges=True).exists()


def _hiding() -> QuerySet[Any, Any]:
    return Preference.objects.filter(hide_badges=True).values("user_id")


@dataclass
class Held:
    """One badge on a profile, with the communities (that the viewer may see) it was
    earned in; `platform` when it was earned outside any community."""

    definition: Definition
    communities: list[Community]
    platform: bool = False


def badges_of(*, viewer: Any, person: Any) -> list[Held]:
    """The badges on `person`'s profile as `viewer` may see them (the profile itself is
    already allowed): none if they hide them, unless it is themself. Two queries."""
    if getattr(viewer, "pk", None) != person.pk and hides_badges(person.pk):
        return []
    awards = (
        Award.objects.filter(user_id=person.pk)
        .filter(award_shown_q(viewer))
        .select_related("community")
        .order_by("badge", "community__name")
    )
    held: dict[str, Held] = {}
    for award in awards:
        entry = held.setdefault(award.badge, Held(RULES[award.badge], []))
        if award.community is None:
            entry.platform = True
        else:
            entry.communities.append(award.community)
    return [held[code] for code in RULES if code in held]


def holders_of(*, viewer: Any, badge: str) -> QuerySet[Award]:
    """Who holds `badge`, where `viewer` may see it: people whose profile they may see,
    who do not hide their badges, in communities whose members they may know."""
    return (
        Award.objects.filter(badge=badge)
        .filter(award_shown_q(viewer))
        .filter(user__in=people_visible_to(viewer))
        .exclude(user_id__in=_hiding())
        .select_related("user", "community")
        .order_by("-earned_at", "-id")
    )


def community_recognition(
    *, viewer: Any, community: Community
) -> list[tuple[Definition, list[Award]]]:
    """The badges earned in `community` by its current members (those who left are no
    longer listed), whose profiles `viewer` may see and who do not hide them; by badge."""
    awards = (
        Award.objects.filter(community=community)
        .filter(user_id__in=Membership.objects.filter(community=community).values("user_id"))
        .filter(user__in=people_visible_to(viewer))
        .exclude(user_id__in=_hiding())
        .select_related("user")
        .order_by("user__display_name", "user_id")
    )
    by_badge: dict[str, list[Award]] = {}
    for award in awards:
        by_badge.setdefault(award.badge, []).append(award)
    return [(RULES[code], by_badge[code]) for code in RULES if code in by_badge]


# --- Professional development record ----------------------------------------------------

ATTENDED, ORGANISED = "attended", "organised"


@dataclass
class Entry:
    event: Any
    role: str
    hours: Decimal
    certificate_url: str

    @property
    def role_label(self) -> str:
        from django.utils.translation import gettext

        return gettext("Attended") if self.role == ATTENDED else gettext("Organised")


def event_hours(starts_at: datetime, ends_at: datetime, zone: Any) -> Decimal:
    """Hours an event counts for: its scheduled length from start to end, at most
    PRACTICA_DEVELOPMENT_HOURS_A_DAY for each calendar day it spans in its own time zone,
    to the nearest quarter hour."""
    span = max(ends_at - starts_at, timedelta(0))
    days = (ends_at.astimezone(zone).date() - starts_at.astimezone(zone).date()).days + 1
    cap = timedelta(hours=settings.PRACTICA_DEVELOPMENT_HOURS_A_DAY * max(days, 1))
    hours = Decimal(min(span, cap).total_seconds()) / Decimal(3600)
    return (hours * 4).quantize(Decimal("1"), rounding=ROUND_HALF_UP) / 4


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime(year, 1, 1, tzinfo=zone),
        datetime(year + 1, 1, 1, tzinfo=zone),
    )


def development_record(*, person: User, year: int) -> list[Entry]:
    """The events `person` attended (marked present by the organisers, or by themself
    where allowed) or organised, that took place in `year` (in the reader's time zone) and
    were not cancelled; an event both organised and attended counts once, as organised.
    Two queries."""
    from practica.events.models import Event, EventStatus, Registration, RegistrationStatus

    start, end = _year_bounds(year)
    now = timezone.now()
    held = Event.objects.filter(
        status=EventStatus.SCHEDULED, starts_at__gte=start, starts_at__lt=end, ends_at__lte=now
    ).select_related("community")
    organised = {e.pk: e for e in held.filter(created_by=person)}
    attended = {
        r.event_id: r.event
        for r in Registration.objects.filter(
            user=person, status=RegistrationStatus.CONFIRMED, attended=True, event__in=held
        ).select_related("event", "event__community")
    }
    entries = [
        Entry(event, ORGANISED, event_hours(event.starts_at, event.ends_at, event.zone), "")
        for event in organised.values()
    ]
    entries += [
        Entry(
            event,
            ATTENDED,
            event_hours(event.starts_at, event.ends_at, event.zone),
            reverse("event_certificate", args=[event.pk]),
        )
        for pk, event in attended.items()
        if pk not in organised
    ]
    entries.sort(key=lambda e: (e.event.starts_at, e.event.pk))
    return entries


def development_years(*, person: User) -> list[int]:
    """Years to choose from: this one and any the member has entries in, newest first."""
    from practica.events.models import Event, EventStatus, Registration, RegistrationStatus

    zone = timezone.get_current_timezone()
    held = Event.objects.filter(status=EventStatus.SCHEDULED, ends_at__lte=timezone.now())
    starts = list(held.filter(created_by=person).values_list("starts_at", flat=True)) + list(
        Registration.objects.filter(
            user=person, status=RegistrationStatus.CONFIRMED, attended=True, event__in=held
        ).values_list("event__starts_at", flat=True)
    )
    years = {timezone.localdate(timezone=zone).year, *(s.astimezone(zone).year for s in starts)}
    return sorted(years, reverse=True)


def total_hours(entries: list[Entry]) -> Decimal:
    return sum((e.hours for e in entries), Decimal(0))


def today() -> date:
    return timezone.localdate()
