"""Demo conversations: featured posts open, closed and summarised, discussions, questions
answered and not, proposals waiting for review, long threads with replies and reactions.

Written for Practica; the text is generic practice talk, not any organisation's own words.
"""

import random
from datetime import timedelta

from django.utils import timezone

from practica.accounts.models import User
from practica.communities.models import LEADER_ROLES, Community, Membership
from practica.core.markdown import render_markdown
from practica.discussions.models import Comment, Post, PostKind, PostStatus, Reaction, Tag
from practica.discussions.services import author_snapshot

FEATURED = [
    ("What makes a phase system work for participants?",
     "Many programmes move participants through phases with different requirements. "
     "We would like to hear:\n\n- how many phases you use and why;\n- what a participant "
     "must show to move up;\n- whether anyone has **dropped phases** altogether.\n\n"
     "Please share forms or handbooks if you can."),
    ("Measuring outcomes beyond recidivism",
     "Re-arrest rates tell part of the story. Which other outcomes do you track "
     "(employment, housing, family reunification, health) and how do you collect them "
     "without burdening staff?"),
    ("Bringing people with lived experience onto the team",
     "Several courts now employ peer specialists. What did it take to create the role, "
     "how is it supervised, and what changed for participants?"),
    ("Remote hearings two years on: keep, adapt or drop?",
     "Video appearances spread quickly. Which hearings are better remote, which are "
     "worse, and how do you make sure people without good connections are not left "
     "behind?"),
    ("Designing a risk-needs screen that staff trust",
     "| Step | Who | When |\n|---|---|---|\n| Screen | Coordinator | Before plea |\n"
     "| Full assessment | Clinician | Within 10 days |\n\nIs this the order you use? "
     "What happens when the two disagree?"),
]  # fmt: skip
DISCUSSIONS = [
    ("Incentives that cost nothing", "Praise from the bench, early dismissal from a hearing, "
     "a handshake. Which no-cost incentives work best where you are?"),
    ("Onboarding new team members", "We wrote a two-page guide for new staff. What do you "
     "include in yours?"),
    ("Working with defence counsel who are sceptical", "How do you explain the programme to "
     "lawyers who worry their clients give up too many rights?"),
    ("Language access in hearings", "Interpreters, translated forms, plain language: what "
     "has made the biggest difference?"),
    ("Data sharing agreements", "Which clauses took longest to agree with your health "
     "partners, and why?"),
]  # fmt: skip
QUESTIONS = [
    ("Has anyone faced a challenge to sanctions without a hearing?",
     "A participant argued that a short jail sanction imposed at a status hearing needed a "
     "separate hearing. Has anyone faced this, and how was it resolved?"),
    ("Where can I find an example of a participant handbook?",
     "We are writing ours and would like to see how others explain the rules in plain "
     "language."),
    ("Template for a memorandum of understanding with treatment providers?",
     "Looking for a model MOU covering confidentiality, reporting and payment."),
    ("How long should a review hearing take?", "Ours average four minutes per participant. "
     "Is that enough?"),
    ("Evaluating a small programme with no control group", "What designs have you used "
     "when a randomised study is impossible?"),
]  # fmt: skip
COMMENTS = [
    "We saw the same thing in our county. What helped was writing the criteria down and "
    "sharing them with participants on day one.",
    "Thank you for raising this. Our team discussed it last week and we are still divided.",
    "In our court the coordinator meets each new participant within 48 hours. It made a "
    "real difference to attendance.",
    "I would be careful here: **due process** questions come up quickly when the rules are "
    "not written.",
    "From the participant side: knowing exactly what was expected was what kept me going.",
    "Our evaluation found the effect mostly in the first six months. After that it levelled "
    "off.",
    "Can you say more about how you handled confidentiality with the employer?",
    "We tried this and dropped it after a year: the paperwork was too heavy for a small team.",
    "> the paperwork was too heavy\n\nSame for us. We moved to a one-page form and it works.",
    "I can share our handbook; it is in English and Spanish.",
    "Peer specialists changed the tone of our hearings more than any rule did.",
    "The bench book from our state has a chapter on this; see section 4.",
    "Agree with the previous comments. The key is consistency between judges.",
    "We track housing at entry and exit only. Monthly was not realistic.",
    "Has anyone measured how long participants wait for a treatment slot?",
]  # fmt: skip
TAGS = [
    "incentives and sanctions", "evaluation", "peer support", "remote hearings",
    "risk assessment", "confidentiality", "handbooks", "language access", "due process",
    "data sharing", "training", "housing",
]  # fmt: skip


def _post(
    rng: random.Random,
    community: Community,
    author: User,
    kind: str,
    title: str,
    body: str,
    *,
    days_ago: float,
    status: str = PostStatus.PUBLISHED,
    open_days: int | None = None,
    tags: list[Tag],
    **extra: object,
) -> Post:
    published = timezone.now() - timedelta(days=days_ago)
    post = Post.objects.create(
        community=community,
        author=author,
        kind=kind,
        title=title,
        body=body,
        body_html=render_markdown(body),
        status=status,
        created_at=published,
        published_at=published if status == PostStatus.PUBLISHED else None,
        last_activity_at=published,
        open_until=published + timedelta(days=open_days) if open_days else None,
        **author_snapshot(author),
        **extra,  # type: ignore[arg-type]
    )
    post.tags.set(rng.sample(tags, rng.randint(1, 3)))
    return post


def _thread(
    rng: random.Random, post: Post, people: list[User], count: int, span_days: float
) -> list[Comment]:
    """`count` comments over `span_days`, a third of them replies, with reactions."""
    comments: list[Comment] = []
    start = post.published_at or timezone.now()
    for i in range(count):
        author = rng.choice(people)
        parent = rng.choice(comments) if comments and rng.random() < 0.35 else None
        body = rng.choice(COMMENTS)
        when = start + timedelta(days=span_days * (i + 1) / (count + 1))
        comments.append(
            Comment(
                post=post,
                parent=parent,
                author=author,
                body=body,
                body_html=render_markdown(body),
                created_at=when,
                **author_snapshot(author),
            )
        )
        comments[-1].save()  # one by one: a reply needs its parent's id
    reactions = []
    for comment in comments:
        for reactor in rng.sample(people, min(len(people), rng.randint(0, 4))):
            if reactor.pk != comment.author_id:
                reactions.append(
                    Reaction(
                        comment=comment,
                        user=reactor,
                        kind=rng.choice(["helpful", "agree", "thanks"]),
                    )
                )
    Reaction.objects.bulk_create(reactions, ignore_conflicts=True)
    if comments:
        Post.objects.filter(pk=post.pk).update(
            comment_count=len(comments), last_activity_at=comments[-1].created_at
        )
    return comments


def seed_discussions(rng: random.Random) -> None:
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name.replace(" ", "-")})[0]
            for name in TAGS]  # fmt: skip
    chair = User.objects.get(email="chair@example.org")
    member = User.objects.get(email="member@example.org")
    for index, community in enumerate(Community.objects.order_by("name")):
        memberships = list(Membership.objects.filter(community=community).select_related("user"))
        people = [m.user for m in memberships]
        if len(people) < 4:
            continue
        leaders = [m.user for m in memberships if m.role in LEADER_ROLES]
        ordinary = [m.user for m in memberships if m.role not in LEADER_ROLES] or people
        lead = chair if community.slug == "drug-treatment-courts" else leaders[0]
        archived = community.status != "active"

        # An open featured post; the drug treatment courts' one is the long, platform-wide pick.
        big = community.slug == "drug-treatment-courts"
        title, body = FEATURED[index % len(FEATURED)]
        if not archived:
            open_post = _post(
                rng, community, lead, PostKind.FEATURED, title, body, days_ago=6 + index % 5,
                open_days=60, tags=tags, platform_featured=big, pinned=big,
            )  # fmt: skip
            _thread(rng, open_post, people, 64 if big else rng.randint(5, 18), 5)

        # A closed featured post, summarised in every other community.
        title, body = FEATURED[(index + 2) % len(FEATURED)]
        closed = _post(
            rng, community, lead, PostKind.FEATURED, f"{title} (spring round)", body,
            days_ago=120 + index, open_days=60, tags=tags, closure_recorded_at=timezone.now(),
        )  # fmt: skip
        _thread(rng, closed, people, rng.randint(8, 25), 50)
        if big:  # the demo chair always finds a thread to summarise
            title, body = FEATURED[(index + 3) % len(FEATURED)]
            waiting = _post(
                rng,
                community,
                lead,
                PostKind.FEATURED,
                f"{title} (autumn round)",
                body,
                days_ago=80,
                open_days=60,
                tags=tags,
                closure_recorded_at=timezone.now(),
            )
            _thread(rng, waiting, people, 12, 55)
        if index % 2 == 0:
            _post(
                rng, community, lead, PostKind.SUMMARY, f"Summary: {closed.title}",
                "What we heard:\n\n1. Write the rules down and share them early.\n"
                "2. Consistency between judges matters more than any single rule.\n"
                "3. Several members offered templates; see the library.",
                days_ago=55 + index, tags=tags, summary_of=closed,
            )  # fmt: skip

        # Discussions and questions, some answered.
        for n in range(2):
            title, body = DISCUSSIONS[(index + n) % len(DISCUSSIONS)]
            post = _post(
                rng, community, rng.choice(ordinary), PostKind.DISCUSSION, title, body,
                days_ago=rng.uniform(0.5, 12), tags=tags,
            )  # fmt: skip
            _thread(rng, post, people, rng.randint(0, 9), 2)
        for n in range(2):
            title, body = QUESTIONS[(index + n) % len(QUESTIONS)]
            post = _post(
                rng, community, rng.choice(ordinary), PostKind.QUESTION, title, body,
                days_ago=rng.uniform(1, 20), tags=tags,
            )  # fmt: skip
            answers = _thread(rng, post, people, rng.randint(1, 6), 3)
            # An answer comes from someone other than the person who asked.
            answer = next((c for c in answers if c.author_id != post.author_id), None)
            if n == 0 and answer is not None:
                Post.objects.filter(pk=post.pk).update(accepted_answer=answer)

        # An old discussion, for the archives.
        title, body = DISCUSSIONS[(index + 3) % len(DISCUSSIONS)]
        old = _post(
            rng, community, rng.choice(ordinary), PostKind.DISCUSSION, f"{title} (last year)",
            body, days_ago=300 + index * 7, tags=tags,
        )  # fmt: skip
        _thread(rng, old, people, rng.randint(2, 6), 4)

        # Proposals waiting for the leaders, and one returned with comments.
        if not archived and (index % 3 == 0 or big):
            proposer = member if member in people else rng.choice(ordinary)
            _post(
                rng, community, proposer, PostKind.FEATURED,
                "Proposed: sharing our intake forms across courts",
                "I would like to open a discussion on common intake forms. I can start with "
                "ours and a short note on what we changed after a year.",
                days_ago=1, status=PostStatus.PENDING, tags=tags,
            )  # fmt: skip
        if not archived and index % 4 == 1:
            _post(
                rng, community, rng.choice(ordinary), PostKind.FEATURED,
                "Proposed: a reading list for new coordinators",
                "A list of ten readings for people new to the field.",
                days_ago=3, status=PostStatus.RETURNED, tags=tags,
                review_note="Good idea. Could you add one line on why each reading matters?",
            )  # fmt: skip
