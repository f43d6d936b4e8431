"""Demo agreement and plans (issue 14 §3), in Drug Treatment Courts: version 1 of its
agreement, in force since the spring and endorsed by several members; the draft of version 2
open for the members' comments (with two already), which the chair can publish; the plan
for this year, published, with goals and activities linked to the community's own posts,
events and resources; and next year's plan, a draft open for comments.

Written directly (dated in the past, no notifications), like the other demo parts' history;
what a visitor then does goes through the services."""

from datetime import date, timedelta

from django.utils import timezone

from practica.communities.models import LEADER_ROLES, Community, Membership
from practica.discussions.models import Post, PostStatus
from practica.events.models import Audience, Event
from practica.governance.models import (
    ActivityStatus,
    Agreement,
    AgreementVersion,
    DraftComment,
    Endorsement,
    Goal,
    Plan,
    PlanActivity,
    PlanStatus,
)
from practica.library.models import Resource, ResourceStatus

COMMUNITY = "drug-treatment-courts"

AGREEMENT_V1 = """\
This agreement sets out how we work together in Drug Treatment Courts. It adds to the
platform's code of conduct and our community rules; every member accepts it on joining.

## Respect
- We come from the bench, the clinic, the prosecution and defence, probation, and from
  recovery itself. Every one of these views is welcome, and no one's is worth less.
- We criticise practices, rulings and ideas on their merits, with reasons and sources,
  never the person who holds them.
- We write as we would speak in a case conference: plainly, courteously, without sarcasm.

## Confidentiality of participants and clients
- We never post anything that could identify a participant, a client or a victim: no
  names, initials, docket numbers, dates of hearings, photographs or rare details that
  would point to someone in a small jurisdiction.
- Case stories are composites or are stripped of detail, and say so.
- What is said in a members-only thread or meeting stays in the community unless the
  author agrees to share it.

## No legal advice on live cases
- This is a place to learn from each other's practice, not to obtain or give advice on a
  matter before a court. We do not ask for or offer an opinion on a pending case, and a
  judge never discusses a matter they may hear.
- Questions about a live case are rephrased as general questions of practice, or taken to
  the proper channel (counsel, the court, a supervisor).

## Sharing what we know
- We cite research and standards when we rely on them, and say when we speak from
  experience only.
- Templates and forms shared in the library are ours to adapt; we credit their authors.

## When things go wrong
- Flag a post that breaks this agreement rather than answering it in kind; the leaders
  will deal with it and tell you the outcome.
- The leaders review this agreement every year with the members, who are invited to
  comment on each draft before it is published.
"""

AGREEMENT_V2_ADDITION = """
## Recordings and tools
- Meetings are recorded only when everyone present agrees, and recordings stay in the
  community's library.
- We do not paste other members' posts or any participant information into outside
  tools (translation, transcription or AI services) without the author's consent.
"""

V1_COMMENTS = [
    "Could we say explicitly that peer-support specialists are members like any other? "
    "Some of them told me they were not sure they could post.",
]
V2_COMMENTS = [
    "Good addition. Our court already forbids pasting case material into translation "
    "tools; it would help to link to a short guide on what is safe to use.",
    "Should the consent to record be given in writing? In our jurisdiction we keep a "
    "record of it for every session.",
]


def _members(community: Community) -> tuple[list[Membership], list[Membership]]:
    rows = list(
        Membership.objects.filter(community=community)
        .select_related("user")
        .order_by("joined_at", "pk")
    )
    # The chair first: they wrote and published the agreement.
    leaders = sorted((m for m in rows if m.role in LEADER_ROLES), key=lambda m: m.role != "chair")
    return leaders, [m for m in rows if m.role not in LEADER_ROLES]


def _agreement(community: Community, leaders: list[Membership], others: list[Membership]) -> None:
    now = timezone.now()
    chair = leaders[0].user
    published = now - timedelta(days=200)
    v1 = AgreementVersion.objects.create(
        community=community,
        number=1,
        body=AGREEMENT_V1,
        summary_of_changes="Our first agreement.",
        published_at=published,
        published_by=chair,
    )
    v1.authors.set([m.user for m in leaders[:2]])
    Community.objects.filter(pk=community.pk).update(agreement_version=1)
    Membership.objects.filter(community=community).update(agreement_version=1)
    endorsers = [m.user for m in (leaders + others)[:7]]
    for user in endorsers:
        Endorsement.objects.create(version=v1, user=user)
    for text in V1_COMMENTS:
        DraftComment.objects.create(
            community=community, agreement_number=1, author=others[0].user if others else chair,
            body=text, created_at=published - timedelta(days=10),
        )  # fmt: skip
    draft = Agreement.objects.create(
        community=community,
        draft=AGREEMENT_V1 + AGREEMENT_V2_ADDITION,
        summary_of_changes="A new section on recording meetings and on outside tools.",
        comments_until=now + timedelta(days=12),
        updated_at=now - timedelta(days=2),
    )
    draft.authors.set([chair])
    for n, text in enumerate(V2_COMMENTS):
        author = others[n + 1].user if len(others) > n + 1 else chair
        DraftComment.objects.create(
            community=community, agreement_number=2, author=author, body=text,
            created_at=now - timedelta(days=1, hours=n * 5),
        )  # fmt: skip


def _pick(qs: list, n: int) -> object | None:
    return qs[n] if len(qs) > n else None


PLAN_2026 = [
    (
        "Share what works in screening and assessment",
        "Compare how our courts decide who is eligible, and publish a common checklist.",
        [
            ("Collect screening forms from five courts", ActivityStatus.DONE, "resource", 30),
            ("Webinar: validated risk and needs tools", ActivityStatus.DONE, "event", 90),
            ("Publish a shared eligibility checklist", ActivityStatus.IN_PROGRESS, "", 40),
        ],
    ),
    (
        "Support people after graduation",
        "Keep alumni connected to recovery support and learn from their experience.",
        [
            ("Featured discussion on alumni programmes", ActivityStatus.DONE, "post", 120),
            ("Invite two alumni to speak at the annual meeting", ActivityStatus.PLANNED, "", 25),
            ("Survey courts on aftercare funding", ActivityStatus.DROPPED, "", 60),
        ],
    ),
    (
        "Welcome and mentor new teams",
        "Pair courts starting a programme with an experienced team.",
        [
            ("Match three new teams with mentors", ActivityStatus.IN_PROGRESS, "", 20),
            ("Write a starter guide for new coordinators", ActivityStatus.PLANNED, "", 35),
        ],
    ),
]

PLAN_2027 = [
    (
        "Measure what matters",
        "Agree on a few outcome measures every court can collect.",
        [
            (
                "Working session on retention and recidivism measures",
                ActivityStatus.PLANNED,
                "",
                75,
            ),
            ("Publish a one-page data dictionary", ActivityStatus.PLANNED, "", 160),
        ],
    ),
    (
        "Bring treatment and bench closer",
        "More clinicians in our conversations and events.",
        [
            ("Joint webinar with treatment providers", ActivityStatus.PLANNED, "", 120),
        ],
    ),
]


def _plan(
    community: Community, title: str, year: int, goals: list, *, published: bool,
    leaders: list[Membership], others: list[Membership],
) -> Plan:  # fmt: skip
    now = timezone.now()
    chair = leaders[0].user
    plan = Plan.objects.create(
        community=community,
        title=title,
        introduction=(
            "Our plan for the year, drafted by the leadership group and discussed with the "
            "members. Each activity has an owner; tell them if you want to help."
        ),
        starts_on=date(year, 1, 1),
        ends_on=date(year, 12, 31),
        status=PlanStatus.PUBLISHED if published else PlanStatus.DRAFT,
        published_at=now - timedelta(days=300) if published else None,
        published_by=chair if published else None,
        comments_until=None if published else now + timedelta(days=20),
    )
    plan.authors.set([m.user for m in leaders[:2]])
    posts = list(
        Post.objects.filter(
            community=community, status=PostStatus.PUBLISHED, deleted_at=None
        ).order_by("pk")[:5]
    )
    events = list(
        Event.objects.filter(community=community)
        .exclude(audience=Audience.LEADERS)
        .order_by("pk")[:5]
    )
    resources = list(
        Resource.objects.filter(community=community, status=ResourceStatus.PUBLISHED).order_by(
            "pk"
        )[:5]
    )
    owners = [m.user for m in leaders + others] or [chair]
    n = 0
    for position, (goal_title, description, activities) in enumerate(goals, start=1):
        goal = Goal.objects.create(
            plan=plan, title=goal_title, description=description, position=position
        )
        for activity_title, status, link, days in activities:
            n += 1
            due = date(year, 1, 1) + timedelta(days=days * (1 + n % 3))
            PlanActivity.objects.create(
                goal=goal, title=activity_title, status=status, owner=owners[n % len(owners)],
                due_on=min(due, date(year, 12, 31)),
                post=_pick(posts, n % 5) if link == "post" else None,  # type: ignore[misc]
                event=_pick(events, n % 5) if link == "event" else None,  # type: ignore[misc]
                resource=_pick(resources, n % 5) if link == "resource" else None,  # type: ignore[misc]
            )  # fmt: skip
    if not published and others:
        DraftComment.objects.create(
            community=community, plan=plan, author=others[0].user,
            body="Could the data dictionary include measures that matter to participants, "
            "such as housing and employment, not only re-arrest?",
            created_at=now - timedelta(hours=20),
        )  # fmt: skip
    return plan


def seed_governance() -> None:
    """Once: does nothing if an agreement version exists."""
    if AgreementVersion.objects.exists():
        return
    community = Community.objects.filter(slug=COMMUNITY).first()
    if community is None:
        return
    leaders, others = _members(community)
    if not leaders:
        return
    _agreement(community, leaders, others)
    year = timezone.localdate().year
    _plan(community, f"Our plan for {year}", year, PLAN_2026, published=True,
          leaders=leaders, others=others)  # fmt: skip
    _plan(community, f"Our plan for {year + 1}", year + 1, PLAN_2027, published=False,
          leaders=leaders, others=others)  # fmt: skip
