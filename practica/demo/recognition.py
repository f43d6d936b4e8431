"""Demo recognition (issue 15 §2): member@example.org (Tomás Herrera, a legal aid lawyer)
attended and ran believable events this year and last, has been a member of the drug
treatment courts community for over a year, and answered the chair's question (accepted,
and found helpful by colleagues): badges and a professional development record to see.
Then every badge is awarded by its rule, with the notifications members get."""

from datetime import datetime, timedelta

from django.utils import timezone

from practica.accounts.models import User
from practica.communities.models import Community, Membership
from practica.discussions.models import Reaction
from practica.discussions.services import answer_accept, comment_create, post_create
from practica.events.models import Event, Registration, RegistrationStatus
from practica.recognition.services import awards_sync

HOME = "drug-treatment-courts"
# title, kind, days ago, hours long (0 = two days, 9:00 to 17:00), organised by the member
EVENTS = [
    ("Webinar: legal aid at the first appearance", "webinar", 40, 1.5, False),
    ("Workshop: youth diversion conferencing in practice", "workshop", 75, 3, False),
    ("Regional conference on access to justice in treatment courts", "conference", 120, 0, False),
    ("Duty counsel debrief: what we learnt at the bail desk", "meeting", 20, 1, True),
    ("Introduction to therapeutic jurisprudence", "webinar", 400, 2, False),
]
DESCRIPTION = (
    "Practitioners compare how they work and what they would change. Slides and notes are "
    "shared with those who attended."
)


def _events(member: User, community: Community) -> None:
    now = timezone.now()
    for title, kind, days, hours, organised in EVENTS:
        day = (now - timedelta(days=days)).date()
        start = datetime(day.year, day.month, day.day, 9, tzinfo=timezone.get_current_timezone())
        end = start + (timedelta(days=1, hours=8) if hours == 0 else timedelta(hours=hours))
        event = Event.objects.create(
            community=community, title=title, kind=kind, description=DESCRIPTION,
            description_html=f"<p>{DESCRIPTION}</p>", starts_at=start, ends_at=end,
            time_zone="America/Lima", meeting_url="https://meet.example.org/practica",
            created_by=member if organised else community_leader(community) or member,
        )  # fmt: skip
        Registration.objects.create(
            event=event, user=member, status=RegistrationStatus.CONFIRMED, attended=True,
            created_at=start - timedelta(days=7),
        )  # fmt: skip


def community_leader(community: Community) -> User | None:
    row = Membership.objects.filter(community=community, role="chair").select_related("user")
    first = row.first()
    return first.user if first is not None else None


def _answer(member: User, community: Community) -> None:
    """The chair asks; the member answers; colleagues find it helpful; the chair accepts."""
    chair = community_leader(community)
    if chair is None or chair.pk == member.pk:
        return
    question = post_create(
        actor=chair, community=community, kind="question",
        title="Who covers the duty counsel desk when the treatment court sits late?",
        body="Our sittings now run past five. How do other courts keep a lawyer on hand?",
        tags="legal aid, duty counsel",
    )  # fmt: skip
    answer = comment_create(
        actor=member, post=question,
        body="We agreed a late roster with the legal aid office: two lawyers a week take the "
        "evening list, paid at the duty rate, and the registry tells them by three o'clock "
        "whether the court will sit late.",
    )  # fmt: skip
    colleagues = (
        Membership.objects.filter(community=community)
        .exclude(user_id__in=[member.pk])
        .values_list("user_id", flat=True)[:12]
    )
    Reaction.objects.bulk_create(
        [Reaction(comment=answer, user_id=uid, kind="helpful") for uid in colleagues],
        ignore_conflicts=True,
    )
    answer_accept(actor=chair, post=question, comment=answer)


def seed_recognition() -> None:
    """Once: does nothing if the member's demo events exist."""
    member = User.objects.filter(email="member@example.org").first()
    community = Community.objects.filter(slug=HOME).first()
    if member is None or community is None or Event.objects.filter(title=EVENTS[0][0]).exists():
        return
    Membership.objects.get_or_create(user=member, community=community)
    Membership.objects.filter(user=member, community=community).update(
        joined_at=timezone.now() - timedelta(days=430)
    )
    _events(member, community)
    _answer(member, community)
    awards_sync()
