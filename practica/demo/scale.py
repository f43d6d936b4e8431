"""A large, realistic site for the benchmark: `manage.py seed_scale --size small|medium|large`.

Everything is drawn from one seeded random generator and anchored at midnight UTC of the day
it runs, so the same size gives the same site. Rows are written with bulk inserts and ids
chosen here (the database starts empty), which is what makes a million comments quick.

Shapes follow real communities: a few communities and members do most of the talking
(heavy-tailed weights), threads range from silent to hundreds of comments, featured posts are
open or closed, questions are answered or not, and events and resources come in proportion.
"""

import itertools
import random
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from practica.accounts.models import CodeOfConduct, ConductAcceptance, Occupation, User
from practica.communities.models import Community, FocusArea, Membership, Role
from practica.core.markdown import render_markdown
from practica.discussions.models import Comment, Post, PostKind, PostRead, PostStatus, Reaction, Tag
from practica.events.models import Event, Registration, RegistrationStatus
from practica.library.models import Resource, ResourceStatus

BENCH_PASSWORD = "practica-bench-2026"  # noqa: S105 - benchmark accounts on a throwaway database
BENCH_EMAIL_DOMAIN = "scale.example"
SEED = 20261121
BATCH = 2000


@dataclass(frozen=True)
class Size:
    members: int
    communities: int
    posts: int
    comments: int


SIZES = {
    "small": Size(members=500, communities=20, posts=2_000, comments=20_000),
    "medium": Size(members=2_000, communities=50, posts=20_000, comments=200_000),
    "large": Size(members=100_000, communities=500, posts=200_000, comments=1_000_000),
}

# The benchmark signs in as the first few members: active people in several communities.
BENCH_USERS = 8


def bench_email(index: int) -> str:
    return f"member{index}@{BENCH_EMAIL_DOMAIN}"


# --- Words ------------------------------------------------------------------------------------

FIRST = ["Ada", "Amara", "Bilal", "Carmen", "Chen", "Dara", "Elif", "Emeka", "Fatima", "Gustavo",
         "Hana", "Ines", "Ivan", "Jamal", "Kofi", "Leila", "Lucía", "Malik", "Mei", "Nadia",
         "Noah", "Olga", "Priya", "Rafael", "Rosa", "Samir", "Sofia", "Tariq", "Uma", "Wen",
         "Yusuf", "Zainab", "Aroha", "Björn", "Chiara", "Dmitri", "Esi", "Farid", "Greta",
         "Hugo"]  # fmt: skip
LAST = ["Abara", "Bianchi", "Castillo", "Dubois", "Eze", "Fischer", "García", "Haddad", "Ibrahim",
        "Jensen", "Kaur", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Petrov", "Quispe",
        "Rahman", "Silva", "Tanaka", "Urquhart", "Varga", "Walker", "Xu", "Yilmaz", "Zulu",
        "Moreau", "Novak", "Ortiz", "Park"]  # fmt: skip
PLACES = ["Accra", "Auckland", "Bogotá", "Cape Town", "Chicago", "Dublin", "Glasgow", "Lagos",
          "Lima", "Lyon", "Manila", "Melbourne", "Montréal", "Nairobi", "Ottawa", "Phoenix",
          "Quito", "Toronto", "Vancouver", "Winnipeg"]  # fmt: skip
BODIES = ["District Court", "Legal Aid Office", "Public Defender", "Treatment Centre",
          "Law School", "Family Court", "Community Legal Clinic", "Probation Service",
          "Bar Association", "Recovery Network"]  # fmt: skip
TOPICS = ["Drug Treatment", "Domestic Violence", "Youth Justice", "Mental Health", "Veterans",
          "Eviction Defence", "Immigration", "Wellness", "Re-entry", "Restorative Justice",
          "Family Treatment", "Community Courts", "Legal Aid", "Racial Justice Litigation",
          "Court Interpreting", "Self-Represented Litigants", "Bail Reform", "Victim Services",
          "Juvenile Diversion", "Elder Justice", "Disability Rights", "Housing Courts",
          "Human Trafficking", "Gun Violence", "DUI Courts", "Peacemaking", "Probation",
          "Sentencing", "Jury Management", "Court Technology", "Access to Justice",
          "Civil Legal Aid", "Prison Education", "Child Protection", "Indigenous Justice",
          "Tenant Organising", "Public Interest Litigation", "Evidence-Based Practice",
          "Trauma-Informed Courts", "Judicial Education"]  # fmt: skip
KINDS_OF_GROUP = ["Courts", "Practitioners", "Network", "Forum", "Circle"]
SUBJECTS = ["the phase system", "peer mentors", "sanctions", "incentives", "screening",
            "family engagement", "data sharing", "remote hearings", "case management",
            "housing referrals", "interpreters", "bail conditions", "risk assessment",
            "graduation", "aftercare", "court fines", "drug testing", "trauma screening",
            "victim safety plans", "plain-language forms", "intake interviews", "caseloads",
            "programme evaluation", "staff training", "community partners"]  # fmt: skip
OPENERS = ["How do you handle", "What works for", "Rethinking", "Lessons from a year of",
           "Questions about", "A practical guide to", "Evidence on", "Who decides on",
           "Funding for", "Measuring"]  # fmt: skip
SENTENCES = [
    "In our court the team meets every Tuesday before the docket to go through {s}.",
    "We changed how we approach {s} last spring, and attendance went up within weeks.",
    "The research is mixed, but most programmes report better retention when {s} is "
    "explained on the first day.",
    "Our coordinator keeps a short checklist for {s}; I can share it if it helps.",
    "Participants told us that {s} felt arbitrary until we wrote the rules down.",
    "The defence bar was sceptical at first, mostly about {s}, and we had to earn their trust.",
    "Funding rules shaped {s} more than we would like to admit.",
    "We learned the hard way that {s} needs a named person responsible for it.",
    "A peer specialist on the team made the biggest difference to {s}.",
    "Has anyone evaluated {s} with a comparison group rather than before and after?",
    "I would be careful with {s} where caseloads are above forty per coordinator.",
    "The state guidelines say little about {s}, so each court has found its own way.",
    "Our treatment partners asked for weekly reports on {s}, which took time to set up.",
    "For people without stable housing, {s} has to be flexible or it simply fails.",
    "When we review {s} we always include someone with lived experience in the room.",
]  # fmt: skip
REPLIES = [
    "Thank you, this is very useful.",
    "We saw the same thing in our programme.",
    "Could you say more about how long that took?",
    "Agreed, and the training matters as much as the policy.",
    "We tried this and went back; happy to explain why.",
]
LINKS = [
    "https://www.example.org/guides/practice-note",
    "https://www.example.org/research/evaluation-2025",
    "https://www.example.org/toolkits/intake",
]
TAG_WORDS = ["sanctions", "incentives", "peer support", "data", "evaluation", "housing",
             "screening", "training", "funding", "remote hearings", "family", "youth",
             "language access", "trauma", "research", "forms", "policy", "partnerships",
             "case law", "ethics", "technology", "outcomes", "aftercare", "victims", "bail",
             "interpreters", "evidence", "mental health", "recovery", "diversion"]  # fmt: skip
ZONES = ["UTC", "Europe/London", "America/Toronto", "America/Chicago", "Africa/Lagos",
         "Australia/Melbourne", "America/Lima"]  # fmt: skip


class Words:
    """Markdown bodies of realistic length, written once and rendered once, then reused."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.posts = [self._body(rng.randint(3, 7), rich=True) for _ in range(120)]
        self.comments = [self._body(rng.randint(1, 3), rich=rng.random() < 0.3) for _ in range(400)]
        self.comments += [(text, render_markdown(text)) for text in REPLIES]

    def _paragraph(self) -> str:
        rng = self.rng
        count = rng.randint(2, 5)
        return " ".join(rng.choice(SENTENCES).format(s=rng.choice(SUBJECTS)) for _ in range(count))

    def _body(self, paragraphs: int, *, rich: bool) -> tuple[str, str]:
        rng = self.rng
        parts = [self._paragraph() for _ in range(paragraphs)]
        if rich:
            items = rng.sample(SUBJECTS, 3)
            parts.insert(1, "\n".join(f"- **{item.capitalize()}**: see below" for item in items))
            parts.append(f"More in [this practice note]({rng.choice(LINKS)}).")
            if rng.random() < 0.3:
                parts.insert(0, "> " + rng.choice(SENTENCES).format(s=rng.choice(SUBJECTS)))
        text = "\n\n".join(parts)
        return text, render_markdown(text)

    def title(self) -> str:
        rng = self.rng
        return f"{rng.choice(OPENERS)} {rng.choice(SUBJECTS)} in {rng.choice(PLACES)}"[:200]


def heavy_tail(rng: random.Random, n: int, alpha: float) -> list[float]:
    """Weights where a few items get most of the activity (Pareto)."""
    return [rng.paretovariate(alpha) for _ in range(n)]


def batched(rows: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    it = iter(rows)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def insert(model: type[models.Model], rows: Iterable[models.Model]) -> int:
    total = 0
    for chunk in batched(rows):
        model.objects.bulk_create(chunk)  # type: ignore[attr-defined]
        total += len(chunk)
    return total


class ScaleSeeder:
    def __init__(self, size: Size, *, log: Callable[[str], None]) -> None:
        self.size = size
        self.log = log
        self.rng = random.Random(SEED)  # noqa: S311 - made-up data, not secrets
        now = timezone.now().astimezone(UTC)
        self.now = now.replace(hour=0, minute=0, second=0, microsecond=0)
        self.words = Words(self.rng)

    def run(self) -> None:
        with transaction.atomic():
            self.people()
            self.communities()
            self.memberships()
        with transaction.atomic():
            self.posts()
        with transaction.atomic():
            self.comments()
        with transaction.atomic():
            self.events()
            self.resources()
        self.reset_sequences()

    def _ago(self, days: float) -> datetime:
        return self.now - timedelta(days=days)

    # --- People -------------------------------------------------------------------------------

    def people(self) -> None:
        rng = self.rng
        password = make_password(BENCH_PASSWORD)
        conduct = CodeOfConduct.objects.order_by("-version").first()
        version = conduct.version if conduct else 0
        occupations = [choice.value for choice in Occupation]
        n = self.size.members
        self.activity = heavy_tail(rng, n, 1.3)
        for i in range(BENCH_USERS):  # the benchmark's signed-in people are regulars
            self.activity[i] = max(self.activity[i], 5.0)

        def users() -> Iterator[User]:
            for i in range(n):
                first, last = rng.choice(FIRST), rng.choice(LAST)
                yield User(
                    id=i + 1,
                    email=bench_email(i),
                    password=password,
                    display_name=f"{first} {last}",
                    handle=f"{slugify(first)}-{slugify(last)}-{i}"[:40],
                    affiliation=f"{rng.choice(PLACES)} {rng.choice(BODIES)}",
                    occupation=rng.choice(occupations),
                    country=rng.choice(["Canada", "Nigeria", "Peru", "Australia", "Ireland"]),
                    languages=rng.choice(["English", "English, French", "Spanish, English"]),
                    interests=", ".join(rng.sample(TAG_WORDS, 2)),
                    date_joined=self._ago(30 + rng.random() * 1500),
                    accepted_conduct_version=version,
                    is_active=True,
                )

        insert(User, users())
        insert(
            EmailAddress,
            (
                EmailAddress(id=i + 1, user_id=i + 1, email=bench_email(i), verified=True,
                             primary=True)
                for i in range(n)
            ),
        )  # fmt: skip
        if conduct:
            insert(
                ConductAcceptance,
                (ConductAcceptance(user_id=i + 1, conduct=conduct) for i in range(n)),
            )
        self.log(f"{n} members")

    # --- Communities and memberships -------------------------------------------------------------

    def communities(self) -> None:
        rng = self.rng
        n = self.size.communities
        names = [f"{t} {k}" for k in KINDS_OF_GROUP for t in TOPICS]
        names += [f"{t} {k} {p}" for p in PLACES for k in KINDS_OF_GROUP for t in TOPICS]
        self.community_weight = sorted(heavy_tail(rng, n, 1.1), reverse=True)
        visibility = ["public"] * 16 + ["members"] * 3 + ["hidden"]
        rows = []
        for i in range(n):
            name = names[i]
            rows.append(
                Community(
                    id=i + 1,
                    name=name,
                    slug=slugify(name)[:80],
                    summary=f"Practitioners working on {name.lower()} compare what works.",
                    domain=self.words.posts[i % len(self.words.posts)][0][:1500],
                    # The busiest communities are public, as on real platforms.
                    visibility="public" if i < 3 else rng.choice(visibility),
                    join_policy=rng.choice(["open", "open", "approval"]),
                    created_at=self._ago(1200 + rng.random() * 300),
                )
            )
        insert(Community, rows)
        self.visibility = {c.id: c.visibility for c in rows}
        areas = list(FocusArea.objects.values_list("id", flat=True))
        if areas:
            through = Community.focus_areas.through
            insert(
                through,
                (through(community_id=c.id, focusarea_id=rng.choice(areas)) for c in rows),
            )
        self.log(f"{n} communities")

    def memberships(self) -> None:
        rng = self.rng
        n_users, n_comm = self.size.members, self.size.communities
        communities = list(range(1, n_comm + 1))
        joined: dict[int, list[int]] = {c: [] for c in communities}
        for user in range(1, n_users + 1):
            count = rng.choice([1, 1, 1, 2, 2, 3, 4, 6])
            if user <= BENCH_USERS:
                count = 6
            picks = set(rng.choices(communities, weights=self.community_weight, k=count))
            if user <= BENCH_USERS:
                picks |= {1, 2, 3}
            for community in picks:
                joined[community].append(user)
        # Every community has a chair and a few leaders, even a quiet one.
        rows = []
        ident = itertools.count(1)
        for community, users in joined.items():
            leaders = [u for u in users if u > BENCH_USERS][:3]
            if not leaders:  # the benchmark's people are plain members everywhere
                leaders = [rng.randint(BENCH_USERS + 1, n_users)]
                users.insert(0, leaders[0])
            roles = dict(zip(leaders, [Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY], strict=False))
            for user in users:
                rows.append(
                    Membership(
                        id=next(ident),
                        user_id=user,
                        community_id=community,
                        role=roles.get(user, Role.MEMBER),
                        joined_at=self._ago(30 + rng.random() * 1000),
                    )
                )
        insert(Membership, rows)
        self.members_of = joined
        # Cumulative activity weights per community, to pick authors quickly.
        self.author_weights = {
            c: list(itertools.accumulate(self.activity[u - 1] for u in users))
            for c, users in joined.items()
        }
        self.log(f"{len(rows)} memberships")

    def _author(self, community: int) -> int:
        users = self.members_of[community]
        return self.rng.choices(users, cum_weights=self.author_weights[community])[0]

    # --- Posts ------------------------------------------------------------------------------------

    def posts(self) -> None:
        rng = self.rng
        n = self.size.posts
        names = sorted({*TAG_WORDS, *(f"{a} {b}" for a in TAG_WORDS[:12] for b in TAG_WORDS[12:])})
        tags = [Tag(id=i + 1, name=name, slug=slugify(name)) for i, name in enumerate(names)]
        insert(Tag, tags)
        tag_weight = heavy_tail(rng, len(tags), 1.2)
        users = {
            u.id: u for u in User.objects.only("id", "display_name", "occupation", "affiliation")
        }
        self.snapshots = {
            uid: {
                "author_name": u.display_name,
                "author_occupation": str(u.get_occupation_display()),
                "author_affiliation": u.affiliation,
            }
            for uid, u in users.items()
        }
        community_ids = list(range(1, self.size.communities + 1))
        post_community = rng.choices(community_ids, weights=self.community_weight, k=n)
        self.post_rows: list[tuple[int, int, datetime, str]] = []  # id, community, published, kind
        closed_featured: list[tuple[int, datetime]] = []
        through = Post.tags.through
        tag_rows = []

        community_of: dict[int, int] = {}

        def rows() -> Iterator[Post]:
            for i in range(n):
                pid = i + 1
                community = post_community[i]
                roll = rng.random()
                kind = (
                    PostKind.FEATURED if roll < 0.08
                    else PostKind.QUESTION if roll < 0.38
                    else PostKind.SUMMARY if roll < 0.41 and closed_featured
                    else PostKind.DISCUSSION
                )  # fmt: skip
                summary_of, closed_at = None, None
                if kind == PostKind.SUMMARY:
                    summary_of, closed_at = closed_featured.pop(rng.randrange(len(closed_featured)))
                    community = community_of[summary_of]
                community_of[pid] = community
                author = self._author(community)
                status = PostStatus.PUBLISHED
                if kind != PostKind.SUMMARY and rng.random() < 0.02:
                    status = rng.choice([PostStatus.PENDING, PostStatus.RETURNED])
                # Recent months are busier than old ones.
                published = self._ago(1095 * rng.random() ** 1.6 + rng.random())
                if closed_at:  # a summary comes after its thread closed
                    published = min(closed_at + timedelta(days=rng.randint(1, 20)), self.now)
                body, html = rng.choice(self.words.posts)
                post = Post(
                    id=pid,
                    community_id=community,
                    author_id=author,
                    kind=kind,
                    status=status,
                    title=self.words.title(),
                    body=body,
                    body_html=html,
                    created_at=published,
                    published_at=published if status == PostStatus.PUBLISHED else None,
                    last_activity_at=published,
                    summary_of_id=summary_of,
                    **self.snapshots[author],
                )
                if kind == PostKind.FEATURED:
                    post.open_until = published + timedelta(days=60)
                    if post.open_until <= self.now and status == PostStatus.PUBLISHED:
                        post.closure_recorded_at = post.open_until
                        closed_featured.append((pid, post.open_until))
                if status == PostStatus.PUBLISHED:
                    self.post_rows.append((pid, community, published, kind))
                for tag in set(rng.choices(tags, weights=tag_weight, k=rng.choice([0, 1, 2, 3]))):
                    tag_rows.append(through(post_id=pid, tag_id=tag.id))
                yield post

        insert(Post, rows())
        insert(through, tag_rows)
        self.log(f"{n} posts, {len(tag_rows)} tags on posts")

    # --- Comments -----------------------------------------------------------------------------

    def comments(self) -> None:
        rng = self.rng
        published = self.post_rows
        weights = [
            rng.lognormvariate(0, 1.4) * (3 if kind == PostKind.FEATURED else 1)
            for _, _, _, kind in published
        ]
        picks = rng.choices(range(len(published)), weights=weights, k=self.size.comments)
        counts = [0] * len(published)
        for index in picks:
            counts[index] += 1
        self._pin_bench_threads(counts)
        comment_id = itertools.count(1)
        accepted: list[tuple[int, int]] = []
        last_activity: list[tuple[int, datetime, int]] = []
        reactions: set[tuple[int, int, str]] = set()

        def rows() -> Iterator[Comment]:
            for (pid, community, start, kind), count in zip(published, counts, strict=True):
                if not count:
                    continue
                span = max((self.now - start).total_seconds(), 3600.0)
                times = sorted(start + timedelta(seconds=rng.random() * span) for _ in range(count))
                ids: list[int] = []
                kept: list[int] = []
                removed = 0
                for when in times:
                    cid = next(comment_id)
                    author = self._author(community)
                    parent = rng.choice(ids) if ids and rng.random() < 0.3 else None
                    body, html = rng.choice(self.words.comments)
                    deleted = rng.random() < 0.005 and pid not in self.pinned_posts
                    removed += deleted
                    if not deleted:
                        kept.append(cid)
                    ids.append(cid)
                    if rng.random() < 0.1:
                        voter = self._author(community)
                        reactions.add((cid, voter, rng.choice(["helpful", "agree", "thanks"])))
                    yield Comment(
                        id=cid,
                        post_id=pid,
                        parent_id=parent,
                        author_id=author,
                        body=body,
                        body_html=html,
                        created_at=when,
                        deleted_at=when + timedelta(hours=1) if deleted else None,
                        **self.snapshots[author],
                    )
                if kind == PostKind.QUESTION and kept and rng.random() < 0.6:
                    accepted.append((pid, kept[0]))
                # Removed comments stay in the thread but not in its count, as in the app.
                last_activity.append((pid, times[-1], count - removed))

        total = insert(Comment, rows())
        insert(
            Reaction,
            (Reaction(comment_id=c, user_id=u, kind=k) for c, u, k in sorted(reactions)),
        )
        self._update_posts(last_activity, accepted)
        self.log(f"{total} comments, {len(reactions)} reactions")

    def _pin_bench_threads(self, counts: list[int]) -> None:
        """The benchmark reads threads of exactly 50 and 200 comments in a public community."""
        public = [
            i
            for i, (_, community, _, kind) in enumerate(self.post_rows)
            if self.visibility[community] == "public" and kind == PostKind.DISCUSSION
        ]
        pinned = set(public[:12])
        self.pinned_posts = {self.post_rows[i][0] for i in pinned}
        for index, wanted in zip(public[:12], [50, 200] * 6, strict=False):
            counts[index] = wanted
        # Take the difference from the busiest other threads, so the total stays exact.
        excess = sum(counts) - self.size.comments
        for index in sorted(range(len(counts)), key=lambda i: -counts[i]):
            if excess <= 0:
                break
            if index not in pinned:
                taken = min(excess, counts[index] - 1)
                counts[index] -= taken
                excess -= taken

    def _update_posts(
        self, last_activity: list[tuple[int, datetime, int]], accepted: list[tuple[int, int]]
    ) -> None:
        """Counts, last activity and accepted answers, written in bulk."""
        answers = dict(accepted)
        posts = []
        for pid, when, count in last_activity:
            posts.append(
                Post(id=pid, comment_count=count, last_activity_at=when,
                     accepted_answer_id=answers.get(pid))
            )  # fmt: skip
        for chunk in batched(posts, 1000):
            Post.objects.bulk_update(
                chunk, ["comment_count", "last_activity_at", "accepted_answer"]
            )
        # The benchmark's members have read some threads, so lists show read and unread.
        reads = [
            PostRead(user_id=user, post_id=pid, read_at=when)
            for user in range(1, BENCH_USERS + 1)
            for pid, when, _ in last_activity[user::7]
        ]
        insert(PostRead, reads)
        # Each read went as far as the comments written before it.
        newest = (
            Comment.objects.filter(
                post_id=models.OuterRef("post_id"), created_at__lte=models.OuterRef("read_at")
            )
            .values("post_id")
            .annotate(m=models.Max("id"))
            .values("m")
        )
        PostRead.objects.update(
            last_comment_id=models.functions.Coalesce(models.Subquery(newest), models.Value(0))
        )

    # --- Events and resources --------------------------------------------------------------------

    def events(self) -> None:
        rng = self.rng
        n = max(self.size.posts // 50, self.size.communities)
        community_ids = list(range(1, self.size.communities + 1))
        kinds = ["webinar", "webinar", "workshop", "meeting", "conference"]
        events = []
        registrations = []
        for i in range(n):
            community = rng.choices(community_ids, weights=self.community_weight)[0]
            starts = self._ago(730 * rng.random() - 120).replace(hour=rng.choice([13, 15, 17]))
            body, html = rng.choice(self.words.posts)
            capacity = rng.choice([None, 30, 100])
            events.append(
                Event(
                    id=i + 1,
                    community_id=community,
                    uid=uuid.UUID(int=rng.getrandbits(128), version=4),
                    title=self.words.title(),
                    kind=rng.choice(kinds),
                    description=body,
                    description_html=html,
                    starts_at=starts,
                    ends_at=starts + timedelta(minutes=rng.choice([60, 90, 120])),
                    time_zone=rng.choice(ZONES),
                    meeting_url="https://meet.example.org/" + uuid.UUID(int=i).hex[:12],
                    audience=rng.choice(["public", "public", "members"]),
                    capacity=capacity,
                    created_by_id=self.members_of[community][0],
                )
            )
            people = self.members_of[community]
            chosen = rng.sample(people, min(len(people), rng.randint(0, 40)))
            for position, user in enumerate(chosen):
                full = capacity is not None and position >= capacity
                registrations.append(
                    Registration(
                        event_id=i + 1,
                        user_id=user,
                        status=RegistrationStatus.WAITLISTED
                        if full
                        else RegistrationStatus.CONFIRMED,
                        created_at=starts - timedelta(days=rng.randint(1, 30)),
                        attended=starts < self.now and rng.random() < 0.7,
                    )
                )
        insert(Event, events)
        insert(Registration, registrations)
        self.log(f"{n} events, {len(registrations)} registrations")

    def resources(self) -> None:
        rng = self.rng
        n = max(self.size.posts // 20, self.size.communities)
        community_ids = list(range(1, self.size.communities + 1))
        kinds = ["document", "template", "guide", "case_study", "toolkit", "link", "recording"]
        licences = ["cc_by", "cc_by", "cc_by_sa", "all_rights_reserved", "public_domain"]
        rows = []
        for i in range(n):
            community = rng.choices(community_ids, weights=self.community_weight)[0]
            created = self._ago(1000 * rng.random())
            rows.append(
                Resource(
                    id=i + 1,
                    community_id=community,
                    title=self.words.title(),
                    kind=rng.choice(kinds),
                    summary=rng.choice(self.words.comments)[0][:3000],
                    link_url=f"https://library.example.org/items/{i + 1}",
                    language=rng.choice(["English", "English", "French", "Spanish"]),
                    licence=rng.choice(licences),
                    current_as_of=created.date(),
                    review_months=rng.choice([6, 12, 24]),
                    status=ResourceStatus.PUBLISHED,
                    download_count=int(rng.paretovariate(1.2) * 3),
                    created_by_id=self._author(community),
                    created_at=created,
                )
            )
        insert(Resource, rows)
        self.log(f"{n} resources")

    def reset_sequences(self) -> None:
        """Ids were chosen here; PostgreSQL's sequences must continue after them."""
        seeded = [User, EmailAddress, Community, Membership, Tag, Post, Comment, Event, Resource]
        statements = connection.ops.sequence_reset_sql(no_style(), seeded)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
            # Fresh statistics, as after a day of autovacuum or `PRAGMA optimize`.
            cursor.execute("ANALYZE")


def already_seeded() -> bool:
    return User.objects.filter(email=bench_email(0)).exists()


def describe() -> str:
    counts = {
        "members": User.objects.count(),
        "communities": Community.objects.count(),
        "posts": Post.objects.count(),
        "comments": Comment.objects.count(),
        "events": Event.objects.count(),
        "resources": Resource.objects.count(),
    }
    return ", ".join(f"{value:,} {name}" for name, value in counts.items())
