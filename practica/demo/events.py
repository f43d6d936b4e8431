"""Demo events: past and upcoming, every kind, several time zones, some full with a waiting
list, some with materials and recordings, a monthly leadership meeting."""

import random
from datetime import date, datetime, timedelta

from django.utils import timezone

from practica.communities.models import LEADER_ROLES, Community, Membership
from practica.core.markdown import render_markdown
from practica.events.models import Event, Material, Registration
from practica.events.services import occurrences

PLAN = [
    # community slug, title, kind, zone, days from now, hour, capacity, audience, online
    (
        "drug-treatment-courts",
        "Webinar: incentives that work",
        "webinar",
        "America/Chicago",
        9,
        12,
        25,
        "public",
        True,
    ),
    (
        "drug-treatment-courts",
        "Workshop: writing a participant handbook",
        "workshop",
        "America/Chicago",
        24,
        10,
        8,
        "members",
        False,
    ),
    (
        "domestic-violence-courts",
        "Risk assessment in practice",
        "webinar",
        "Europe/London",
        12,
        15,
        None,
        "members",
        True,
    ),
    (
        "youth-justice",
        "Diversion programmes: a year in review",
        "conference",
        "Africa/Nairobi",
        45,
        9,
        200,
        "public",
        False,
    ),
    (
        "legal-aid-innovation",
        "Demo day: triage tools",
        "workshop",
        "America/Toronto",
        5,
        13,
        4,
        "public",
        True,
    ),
    (
        "indigenous-wellness-courts",
        "Healing plans roundtable",
        "meeting",
        "Pacific/Auckland",
        16,
        10,
        20,
        "members",
        True,
    ),
    ("justice-data", "Evaluation clinic", "workshop", "Europe/Paris", -20, 14, 15, "members", True),
    (
        "drug-treatment-courts",
        "Peer specialists on the team",
        "webinar",
        "America/Chicago",
        -35,
        12,
        100,
        "public",
        True,
    ),
    (
        "restorative-justice",
        "Facilitator training day",
        "workshop",
        "Australia/Sydney",
        -60,
        9,
        12,
        "members",
        False,
    ),
    (
        "mental-health-courts",
        "Crisis diversion: what changed",
        "webinar",
        "America/New_York",
        -10,
        16,
        None,
        "public",
        True,
    ),
]
DESCRIPTION = (
    "A practical session for practitioners.\n\n- short presentations\n- questions from "
    "members\n- time to exchange examples\n\nBring a case (anonymised) to discuss."
)


def seed_events(rng: random.Random) -> None:
    now = timezone.now()
    communities = {c.slug: c for c in Community.objects.all()}
    for slug, title, kind, zone, days, hour, capacity, audience, online in PLAN:
        community = communities.get(slug)
        if community is None:
            continue
        members = list(Membership.objects.filter(community=community).select_related("user"))
        leader = next(m.user for m in members if m.role in LEADER_ROLES)
        day = (now + timedelta(days=days)).date()
        start = datetime(day.year, day.month, day.day, hour, 0)
        event = _event(community, leader, title, kind, zone, start, capacity, audience, online)
        people = [m.user for m in members]
        rng.shuffle(people)
        wanted = min(len(people), (capacity or 12) + (3 if capacity and capacity < 10 else 0))
        for position, person in enumerate(people[:wanted]):
            full = capacity is not None and position >= capacity
            Registration.objects.create(
                event=event,
                user=person,
                status="waitlisted" if full else "confirmed",
                attended=days < 0 and not full and rng.random() < 0.8,
                created_at=now - timedelta(days=abs(days) + 5 - position / 10),
            )
        if days < 0:
            Material.objects.create(
                event=event,
                kind="material",
                title="Slides",
                url="https://example.org/slides.pdf",
                added_by=leader,
            )
            Material.objects.create(
                event=event,
                kind="recording",
                title="Recording",
                url="https://example.org/recording",
                added_by=leader,
            )
    # A monthly leadership meeting on the second Tuesday, for one community's leaders.
    community = communities.get("drug-treatment-courts")
    if community is not None:
        chair = Membership.objects.filter(community=community, role="chair").first()
        first = _second_tuesday_after(now.date())
        for local in occurrences(
            datetime(first.year, first.month, first.day, 18, 0),
            "monthly_weekday",
            first + timedelta(days=160),
        ):
            _event(
                community,
                chair.user if chair else None,
                "Leadership meeting",
                "meeting",
                "America/Chicago",
                local,
                None,
                "leaders",
                True,
            )


def _second_tuesday_after(day: date) -> date:
    month = date(day.year, day.month, 1) + timedelta(days=32)
    month = month.replace(day=1)
    offset = (1 - month.weekday()) % 7
    return month + timedelta(days=offset + 7)


def _event(community, leader, title, kind, zone, start, capacity, audience, online):  # type: ignore[no-untyped-def]
    import zoneinfo

    tz = zoneinfo.ZoneInfo(zone)
    return Event.objects.create(
        community=community,
        title=title,
        kind=kind,
        description=DESCRIPTION,
        description_html=render_markdown(DESCRIPTION),
        time_zone=zone,
        starts_at=start.replace(tzinfo=tz),
        ends_at=(start + timedelta(hours=1, minutes=30)).replace(tzinfo=tz),
        is_online=online,
        meeting_url="https://meet.example.org/practica-demo" if online else "",
        joining_instructions="Passcode: demo" if online else "",
        venue="" if online else "Community Justice Centre, Room 2",
        address="" if online else "12 Court Street",
        audience=audience,
        capacity=capacity,
        allow_self_attendance=True,
        created_by=leader,
    )
