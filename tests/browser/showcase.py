"""A small site with realistic content on every page, for the every-page browser test: a
thread with replies and reactions, tables with several rows, long names and long unbroken
words where people type them, events past and future, a library with versions.

Built through the services, as the site itself would be, so that what the pages show is
what a real community would show.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from practica.communities.models import CommunityProposal, Invitation, Membership
from practica.demo.files import make_pdf
from practica.discussions.models import Reaction
from practica.discussions.services import (
    answer_accept,
    comment_create,
    post_create,
    post_edit,
    summary_create,
)
from practica.events.models import Event, Material, Registration
from practica.events.services import calendar_token_for, event_create, registration_create
from practica.library.services import comment_add, resource_create, version_add
from practica.notifications.services import notify
from practica.notifications.watching import watch_set
from tests.browser.showcase_consultations import build_consultations
from tests.browser.showcase_directory import directory_showcase
from tests.browser.showcase_knowledge import build_knowledge
from tests.browser.showcase_messaging import messaging_showcase
from tests.browser.showcase_moderation import moderation_showcase
from tests.browser.showcase_recognition import build_recognition
from tests.browser.showcase_standing import standing_showcase
from tests.browser.showcase_workgroups import build_workgroups
from tests.factories import CommunityFactory, UserFactory, make_member, make_request

# Someone leaning on a key, or a pasted identifier: it must wrap, not widen the page.
LONG_WORD = "Unterlassungsklagengesetzänderungsverordnung" * 3
INVITATION_TOKEN = "a-known-invitation-token"

PEOPLE = [
    ("Amara Okonkwo-Lindqvist", "Family Court of Western Australia"),
    ("Jean-Baptiste Moreau", "Tribunal judiciaire de Lyon, service de l'application des peines"),
    ("Priya Raghunathan", "Legal Aid Society"),
    ("Tomás Ó Briain", "Probation Service"),
    ("Keiko Watanabe", "Ministry of Justice"),
    ("Wiremu Tane", "Rangatahi Court"),
    ("Sofía Martínez Arregui", "Defensoría Pública"),
    ("Daniel Friedman", "Treatment Court Programme, County of Marin"),
]

THREAD = [
    # (author index, reply-to index or None, body)
    (
        0,
        None,
        "We tried **weekly review hearings** for the first 90 days and attendance went up. "
        "The hard part was keeping the treatment team in the room.",
    ),
    (1, 0, "Same here. We moved the staffing meeting to the hour before the docket."),
    (2, 0, "Did you keep the same judge for every hearing? Our participants noticed."),
    (0, 2, "Yes, one judge per cohort. It matters more than the frequency, I think."),
    (3, None, f"A link someone pasted: https://example.org/{LONG_WORD}"),
    (4, None, "- Incentives first\n- Sanctions graduated\n- Never jail for a relapse alone"),
    (5, 4, "The last point is the one our funders question most. Any research to cite?"),
    (6, 5, "The best-practice standards, volume I, section on incentives and sanctions."),
    (7, None, "Thanks all: we will pilot this in March and report back here."),
]


@dataclass
class Showcase:
    community: object
    quiet: object
    elsewhere: object
    users: dict
    thread: object
    question: object
    featured: object
    summary: object
    pending: object
    comment: object
    event: object
    past_event: object
    resource: object
    proposal: object
    join_request: object
    calendar_token: str
    extra: dict = field(default_factory=dict)


def _people(community, count):
    return [
        make_member(community, display_name=name, affiliation=affiliation)
        for name, affiliation in PEOPLE[:count]
    ]


def build() -> Showcase:
    now = timezone.now()
    community = CommunityFactory(
        name="Treatment Courts and Problem-Solving Justice",
        slug="treatment-courts",
        summary="Judges, coordinators and treatment teams running courts that pair "
        "supervision with recovery.",
        domain="We compare how treatment courts screen participants, use incentives and "
        f"sanctions and keep people in recovery. {LONG_WORD}",
        rules="- Remove every detail that could identify a participant.\n"
        "- Cite the source when you quote research or a standard.",
        join_policy="approval",
        hold_first_posts=False,
    )
    # A members-only community: what it hides is shown as the site's refusal pages.
    quiet = CommunityFactory(
        name="Quiet Harbour Circle", slug="quiet-harbour", visibility="members"
    )
    # A community the member and leader are not in: its join form.
    elsewhere = CommunityFactory(
        name="Restorative Practice in Schools and Youth Justice",
        slug="restorative-practice",
        join_policy="approval",
        eligibility="Practitioners working with young people in a justice setting.",
    )
    leader = make_member(
        community, role="chair", display_name="Margaret Eleanor Thompson-Wells",
        affiliation="Supreme Court of Victoria, Drug Court Division",
    )  # fmt: skip
    member = make_member(
        community, display_name="Samuel Adeyemi", affiliation=f"Legal Aid {LONG_WORD}"
    )
    Membership.objects.create(user=member, community=quiet)
    Membership.objects.create(user=leader, community=quiet, role="chair")
    others = _people(community, len(PEOPLE))
    staff = UserFactory(is_staff=True, is_superuser=True, display_name="Site Steward")
    users = {"visitor": None, "member": member, "leader": leader, "staff": staff}

    thread = post_create(
        actor=member,
        community=community,
        kind="discussion",
        title="How often should review hearings be in the first phase?",
        body="Our court holds review hearings every two weeks in phase one. Some teams say "
        "weekly is better for engagement; others worry about the load on participants "
        "who work.\n\nWhat do you do, and what changed when you changed it?",
        tags="review hearings, phase one, engagement",
    )
    comments = []
    for author, parent, body in THREAD:
        actor = others[author]
        comments.append(
            comment_create(
                actor=actor,
                post=thread,
                body=body,
                parent=comments[parent] if parent is not None else None,
            )
        )
    mine = comment_create(actor=member, post=thread, body="Thank you, this is very helpful.")
    leaders_note = comment_create(
        actor=leader, post=thread, body="Pinning this for the next newsletter.", parent=mine
    )
    for person in others[:5]:
        Reaction.objects.create(comment=comments[0], user=person, kind="helpful")
    Reaction.objects.create(comment=comments[1], user=member, kind="agree")
    post_edit(
        actor=member,
        post=thread,
        title=thread.title,
        body=thread.body + "\n\nEdited: we serve a rural district.",
        tags="review hearings, phase one, engagement, rural courts",
        reason="Added context",
    )

    question = post_create(
        actor=others[2],
        community=community,
        kind="question",
        title=f"Is there a template for a participant handbook? {LONG_WORD[:60]}",
        body="We are writing ours from scratch and would rather not.",
        tags="handbooks",
    )
    answer = comment_create(
        actor=others[3], post=question, body="Ours is in the library, under “Handbooks”."
    )
    comment_create(actor=others[4], post=question, body="Seconded, it is a good start.")
    answer_accept(actor=others[2], post=question, comment=answer)

    featured = post_create(
        actor=leader,
        community=community,
        kind="featured",
        title="Featured discussion: sanctions that do not interrupt treatment",
        body="For two weeks, let us collect sanctions that hold people to account without "
        "pulling them out of treatment.",
        tags="sanctions",
    )
    for person in others[:3]:
        comment_create(actor=person, post=featured, body="Community service hours on weekends.")
    closed = post_create(
        actor=leader,
        community=community,
        kind="featured",
        title="Featured discussion: the first thirty days",
        body="What happens in the first thirty days decides most of what follows.",
        tags="phase one",
    )
    comment_create(actor=others[0], post=closed, body="A named contact at the court.")
    summary = summary_create(
        actor=leader,
        thread=closed,
        title="Summary: the first thirty days",
        body="1. A named contact.\n2. A written plan.\n3. A first review within a week.",
    )
    pending = post_create(
        actor=member,
        community=community,
        kind="featured",
        title="Proposal: a featured discussion on peer mentors",
        body="Several of us use peer mentors; a featured discussion would collect what works.",
    )
    for number in range(3):
        post_create(
            actor=others[number],
            community=community,
            kind="discussion",
            title=f"Coordinators' round-up, week {number + 1}",
            body="What happened this week in our courts.",
            tags="round-up",
        )

    start = (now + timedelta(days=6)).replace(tzinfo=None, hour=14, minute=0, second=0)
    event = event_create(
        actor=leader,
        community=community,
        title="Webinar: graduated sanctions in practice",
        kind="webinar",
        description="A one-hour webinar with **three courts** comparing their sanction "
        f"grids.\n\nSee {LONG_WORD}.",
        local_start=start,
        local_end=start + timedelta(hours=1),
        time_zone="Europe/London",
        meeting_url="https://meet.example.org/graduated-sanctions",
        capacity=40,
    )[0]
    for person in [member, *others]:
        registration_create(actor=person, event=event)
    Material.objects.create(
        event=event, kind="material", title="Slides: sanction grids", url="https://example.org/s",
        added_by=leader,
    )  # fmt: skip
    in_person = event_create(
        actor=leader,
        community=community,
        title="Regional meeting of treatment court coordinators",
        kind="meeting",
        description="A day of case studies.",
        local_start=start + timedelta(days=20),
        local_end=start + timedelta(days=20, hours=6),
        time_zone="Europe/London",
        is_online=False,
        venue="Manchester Civil Justice Centre",
        address="1 Bridge Street West, Manchester M60 9DJ",
    )[0]
    past_event = event_create(
        actor=leader,
        community=community,
        title="Workshop: writing a participant handbook",
        kind="workshop",
        description="How three courts wrote theirs.",
        local_start=start,
        local_end=start + timedelta(hours=2),
        time_zone="Europe/London",
        meeting_url="https://meet.example.org/handbook",
    )[0]
    registration_create(actor=member, event=past_event)
    registration_create(actor=others[0], event=past_event)
    Event.objects.filter(pk=past_event.pk).update(
        starts_at=now - timedelta(days=9), ends_at=now - timedelta(days=9) + timedelta(hours=2)
    )
    Registration.objects.filter(event=past_event).update(attended=True)
    event_create(
        actor=staff,
        community=None,
        title="Platform-wide: an introduction to Practica",
        kind="webinar",
        description="For new members of every community.",
        local_start=start + timedelta(days=2),
        local_end=start + timedelta(days=2, hours=1),
        time_zone="UTC",
        meeting_url="https://meet.example.org/intro",
    )

    today = timezone.localdate()
    resource = resource_create(
        actor=member,
        community=community,
        title="Participant handbook template",
        kind="guide",
        summary="A handbook template that courts can adapt: phases, incentives, sanctions "
        "and who to call.",
        language="English",
        licence="cc_by",
        licence_confirmed=True,
        current_as_of=today,
        upload=SimpleUploadedFile("handbook.pdf", make_pdf("Handbook v1"), "application/pdf"),
        co_authors=[others[1]],
        tags="handbooks",
        jurisdictions="England and Wales, Scotland",
    )
    for number in (2, 3):
        version_add(
            actor=member,
            resource=resource,
            upload=SimpleUploadedFile(
                f"handbook-{number}.pdf", make_pdf(f"Handbook v{number}"), "application/pdf"
            ),
            note=f"Version {number}: updated the sanctions table after the March review.",
        )
    comment_add(actor=others[0], resource=resource, body="We adapted it in a week. Thank you.")
    resource_create(
        actor=leader,
        community=community,
        title="Adult Drug Court Best Practice Standards",
        kind="link",
        summary="The national standards, two volumes.",
        language="English",
        licence="all_rights_reserved",
        licence_confirmed=True,
        current_as_of=today - timedelta(days=400),
        link_url="https://example.org/standards",
    )

    join_request = make_request(community, UserFactory(display_name="Helena Vasquez-Ortiz"))
    for name in ("Ravi Chandrasekhar", f"Someone {LONG_WORD[:40]}"):
        make_request(community, UserFactory(display_name=name))
    for number, email in enumerate(("clerk@example.org", "coordinator@example.org")):
        Invitation.objects.create(
            community=community,
            email=email,
            token_hash=hashlib.sha256(
                (INVITATION_TOKEN if number == 0 else f"other-{number}").encode()
            ).hexdigest(),
            invited_by=leader,
            message="Join us: we would value your experience.",
            expires_at=now + timedelta(days=14),
        )
    proposal = CommunityProposal.objects.create(
        proposer=member,
        name="Veterans Treatment Courts",
        domain="Courts serving veterans, with mentors who served.",
        rationale="No community covers veterans' courts yet; twelve of us run one.",
        audience="Judges, coordinators and veteran mentors.",
    )
    # What the member follows: the community closely, one thread, a muted person.
    watch_set(user_id=member.pk, key=f"community:{community.pk}", level="watching")
    watch_set(user_id=member.pk, key=f"post:{thread.pk}", level="tracking")
    watch_set(user_id=member.pk, key=f"person:{leader.pk}", level="muted")
    for user in (member, leader, staff):
        for number in range(3):
            notify(
                user_ids=[user.pk],
                kind="test",
                title=f"New reply in “How often should review hearings be…” ({number + 1})",
                url=thread.get_absolute_url(),
                email=False,
            )

    return Showcase(
        community=community,
        quiet=quiet,
        elsewhere=elsewhere,
        users=users,
        thread=thread,
        question=question,
        featured=featured,
        summary=summary,
        pending=pending,
        comment=mine,
        event=event,
        past_event=past_event,
        resource=resource,
        proposal=proposal,
        join_request=join_request,
        calendar_token=calendar_token_for(member).token,
        extra={
            "in_person": in_person,
            "leaders_note": leaders_note,
            **_newsletter(staff),
            **directory_showcase(leader, member, others),
            **build_knowledge(community, member, leader, others),
            **_governance(community, member, leader, others, thread, event, resource),
            **build_consultations(community, member, leader, others, thread),
            **messaging_showcase(member=member, leader=leader, asker=others[0]),
            **moderation_showcase(
                member=member,
                leader=leader,
                others=others,
                featured=featured,
                question=question,
                mine=mine,
            ),
            **standing_showcase(community=community, leader=leader, others=others),
            **build_recognition(community, member, leader, others),
            **build_workgroups(community, member, leader, others),
        },
    )


def _governance(community, member, leader, others, thread, event, resource) -> dict:
    from tests.browser.showcase_governance import build_governance  # it uses LONG_WORD

    return build_governance(
        community, member, leader, others, thread=thread, event=event, resource=resource
    )


def _newsletter(staff) -> dict:
    """Sent issues in the archive, a draft for a community, and the links of its emails."""
    from practica.newsletter.models import Issue, Subscriber
    from practica.newsletter.services import issue_create
    from practica.newsletter.tokens import confirm_token, unsubscribe_token

    body = (
        "## What happened this season\n\nThree communities met in person, and the library "
        "gained a **bench book on treatment courts**. Read the "
        f"[summary of the featured discussion](/posts/).\n\n- Webinars\n- Workshops\n\n{LONG_WORD}"
    )
    sent = []
    for number, subject in enumerate(("Spring in the communities", "Autumn news")):
        issue = issue_create(actor=staff, subject=subject, body=body, audience="all")
        Issue.objects.filter(pk=issue.pk).update(
            status="sent",
            sent_at=timezone.now() - timedelta(days=90 * (2 - number)),
            recipients_total=120,
        )
        sent.append(issue)
    draft = issue_create(
        actor=staff, subject=f"Winter issue {LONG_WORD}", body=body, audience="all"
    )
    reader = Subscriber.objects.create(email="reader@example.org", status="subscribed")
    pending = Subscriber.objects.create(email="pending@example.org")
    return {
        "newsletter_issue": sent[-1],
        "newsletter_draft": draft,
        "unsubscribe_token": unsubscribe_token(reader.pk),
        "confirm_token": confirm_token(subscriber_id=pending.pk, email=pending.email, version=1),
    }
