"""Demo events: past and upcoming, every kind, several time zones, some full with a waiting
list, some with materials and recordings, a monthly leadership meeting."""

import random
from datetime import date, datetime, timedelta

from django.utils import timezone

from practica.communities.models import LEADER_ROLES, Community, Membership
from practica.core.markdown import render_markdown
from practica.events.models import Event, EventSeries, Material, Registration
from practica.events.services import occurrences

PLAN = [
    # community slug, title, kind, zone, days from now, hour, capacity, audience, online
    ("drug-treatment-courts", "Webinar: responses in the first ninety days", "webinar",
     "America/Chicago", 9, 12, 25, "public", True),
    ("drug-treatment-courts", "Workshop: writing a participant handbook people read",
     "workshop", "America/Chicago", 24, 10, 8, "members", False),
    ("domestic-violence-courts", "Risk assessment at first appearance: a case walk-through",
     "webinar", "Europe/London", 12, 15, None, "members", True),
    ("youth-justice", "Diversion programmes: a year in review", "conference",
     "Africa/Nairobi", 45, 9, 200, "public", False),
    ("legal-aid-innovation", "Demo day: triage tools shared between providers", "workshop",
     "America/Toronto", 5, 13, 4, "public", True),
    ("indigenous-wellness-courts", "Healing plans roundtable with elders", "meeting",
     "Pacific/Auckland", 16, 10, 20, "members", True),
    ("justice-data", "Evaluation clinic: small programmes, honest numbers", "workshop",
     "Europe/Paris", -20, 14, 15, "members", True),
    ("drug-treatment-courts", "Peer specialists on the treatment court team", "webinar",
     "America/Chicago", -35, 12, 100, "public", True),
    ("restorative-justice", "Facilitator training day: preparing for serious harm",
     "workshop", "Australia/Sydney", -60, 9, 12, "members", False),
    ("mental-health-courts", "Crisis diversion: what changed in two cities", "webinar",
     "America/New_York", -10, 16, None, "public", True),
    ("racial-justice-litigation", "Convening: agreeing who decides in a campaign",
     "meeting", "Europe/Brussels", 30, 10, 40, "members", False),
    ("judges-roundtable", "Judicial wellbeing circle", "meeting", "America/Toronto", 19, 17,
     15, "members", True),
    ("court-management", "Caseflow measures that changed behaviour", "webinar",
     "America/Halifax", 7, 11, None, "public", True),
    ("community-paralegals", "Paralegal exchange: police station visits", "workshop",
     "Asia/Manila", 26, 9, 30, "public", False),
    ("reform-leadership-circle", "Closed session: reforms that did not last", "meeting",
     "Europe/Berlin", 40, 15, 12, "members", True),
    ("plain-language", "User testing day for the notice of hearing", "workshop",
     "America/Vancouver", -400, 10, 20, "public", False),
]  # fmt: skip
DESCRIPTIONS = {
    "Webinar: responses in the first ninety days": "Three teams show the response grids "
    "they use in the first three months and what happened to retention when they changed "
    "them.\n\n- 10 minutes per team\n- questions from members\n- a shared list of grids "
    "afterwards",
    "Workshop: writing a participant handbook people read": "Bring your handbook. We rewrite "
    "one section together, test it on two alumni, and leave with a one-page summary.",
    "Risk assessment at first appearance: a case walk-through": "A judge, an advocate and a "
    "probation officer walk through one anonymised case from arrest to the first set of "
    "conditions, and where each of them sees the risk.",
    "Diversion programmes: a year in review": "Programmes from four countries present one "
    "year of figures and one thing they would change. Young people who went through "
    "diversion open the day.",
    "Demo day: triage tools shared between providers": "Five services show how their triage "
    "tools hand people over to one another. Five minutes each, then questions. Seats are "
    "limited so that everyone can speak.",
    "Healing plans roundtable with elders": "Elders and court staff from three wellness "
    "courts talk about how healing plans are written and reviewed. Members are asked not "
    "to record.",
    "Evaluation clinic: small programmes, honest numbers": "Bring a question about your "
    "programme's data. Two evaluators help you choose a design that fits its size.",
    "Peer specialists on the treatment court team": "Two peer specialists and a judge talk "
    "about creating the role, supervising it and what changed in the courtroom.",
    "Facilitator training day: preparing for serious harm": "A day of practice for "
    "facilitators who have run at least ten meetings: preparation, pacing, and deciding "
    "not to go ahead.",
    "Crisis diversion: what changed in two cities": "Co-response teams from two cities share "
    "their first years of data and what reached the courts afterwards.",
    "Convening: agreeing who decides in a campaign": "An in-person day for lawyers and "
    "community organisers to draft, together, a clause on decision-making in community-led "
    "cases.",
    "Judicial wellbeing circle": "A confidential conversation among judicial officers about "
    "carrying difficult cases. Not recorded; nothing said leaves the circle.",
    "Caseflow measures that changed behaviour": "Registry managers from three courts show "
    "the one measure that changed how judges and the bar worked, and how they published it.",
    "Paralegal exchange: police station visits": "Paralegals from four countries describe "
    "how they negotiated access to police cells and how they stay safe.",
    "Closed session: reforms that did not last": "An off-the-record session for members of "
    "the circle. Each participant brings one reform that faded, and why.",
    "User testing day for the notice of hearing": "We tested the redrafted notice with court "
    "users in the lobby and rewrote it in the afternoon.",
}
VENUES = {
    "Europe/Brussels": ("Maison des Associations, salle 3", "Rue de la Loi 42, Brussels"),
    "Africa/Nairobi": ("Kenya School of Law, main hall", "Karen, Nairobi"),
    "Asia/Manila": ("Community Legal Centre", "14 Mabini Street, Quezon City"),
}


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
        until = first + timedelta(days=160)
        # One series, so that leaders can watch or track it (its Notifications control).
        series = EventSeries.objects.create(
            rule="monthly_weekday", until=until, created_by=chair.user if chair else None
        )
        for local in occurrences(
            datetime(first.year, first.month, first.day, 18, 0), "monthly_weekday", until
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
                series=series,
            )


def _second_tuesday_after(day: date) -> date:
    month = date(day.year, day.month, 1) + timedelta(days=32)
    month = month.replace(day=1)
    offset = (1 - month.weekday()) % 7
    return month + timedelta(days=offset + 7)


def _event(community, leader, title, kind, zone, start, capacity, audience, online, series=None):  # type: ignore[no-untyped-def]
    import zoneinfo

    tz = zoneinfo.ZoneInfo(zone)
    description = DESCRIPTIONS.get(
        title, "The monthly meeting of the leadership group: requests, events and reports."
    )
    venue, address = VENUES.get(zone, ("Community Justice Centre, Room 2", "12 Court Street"))
    return Event.objects.create(
        community=community,
        series=series,
        title=title,
        kind=kind,
        description=description,
        description_html=render_markdown(description),
        time_zone=zone,
        starts_at=start.replace(tzinfo=tz),
        ends_at=(start + timedelta(hours=1, minutes=30)).replace(tzinfo=tz),
        is_online=online,
        meeting_url="https://meet.example.org/practica-demo" if online else "",
        joining_instructions="Passcode: demo" if online else "",
        venue="" if online else venue,
        address="" if online else address,
        audience=audience,
        capacity=capacity,
        allow_self_attendance=True,
        created_by=leader,
    )
