"""Demo conversations: in every community its own featured posts (open, closed, summarised),
discussions, questions answered and not, proposals waiting for review, and threads whose
length varies from a few comments to one of more than two hundred, with replies to replies,
@mentions, quotes and reactions, spread over weeks.

Everything is written for Practica (`practica.demo.topics`); comments are composed by
`practica.demo.conversation` from each community's own material.
"""

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from practica.accounts.models import User
from practica.communities.models import LEADER_ROLES, Community, Membership
from practica.core.markdown import render_with_mentions
from practica.discussions.models import Comment, Post, PostKind, PostStatus, Reaction, Tag
from practica.discussions.services import author_snapshot

from .conversation import Conversation
from .topics import TOPICS, Topic

# The longest threads: the platform's flagship discussion and a second long one.
LONG_THREADS = {"drug-treatment-courts": (236, 34), "youth-justice": (72, 21)}
REVIEW_NOTES = [
    "Good idea. Could you add one line on why each item matters?",
    "Thank you. Please shorten it to one page and say who it is for.",
]
Render = Callable[[str], str]


def _renderer() -> Render:
    """Markdown with @mentions linked to profiles, without a query per comment."""
    urls = {
        handle: reverse("person_detail", args=[pk])
        for handle, pk in User.objects.exclude(handle=None).values_list("handle", "pk")
    }

    def resolve(handles: list[str]) -> dict[str, str]:
        return {h: urls[h] for h in handles if h in urls}

    return lambda body: render_with_mentions(body, resolve)[0]


def _tags(names: set[str]) -> dict[str, Tag]:
    existing = {t.name: t for t in Tag.objects.filter(name__in=names)}
    Tag.objects.bulk_create(
        [Tag(name=n, slug=slugify(n, allow_unicode=True)) for n in sorted(names - set(existing))]
    )
    return {t.name: t for t in Tag.objects.filter(name__in=names)}


class CommunitySeeder:
    """Posts and threads for one community."""

    def __init__(
        self,
        rng: random.Random,
        community: Community,
        topic: Topic,
        memberships: list[Membership],
        tags: list[Tag],
        render: Render,
    ) -> None:
        self.rng, self.community, self.topic, self.tags, self.render = (
            rng,
            community,
            topic,
            tags,
            render,
        )
        self.people = [m.user for m in memberships]
        self.snapshots: dict[int, dict[str, str]] = {}
        self.ordinary = [m.user for m in memberships if m.role not in LEADER_ROLES] or self.people

    def post(
        self,
        author: User,
        kind: str,
        title: str,
        body: str,
        *,
        days_ago: float,
        status: str = PostStatus.PUBLISHED,
        open_days: int | None = None,
        **extra: object,
    ) -> Post:
        published = timezone.now() - timedelta(days=days_ago)
        post = Post.objects.create(
            community=self.community,
            author=author,
            kind=kind,
            title=title,
            body=body,
            body_html=self.render(body),
            status=status,
            created_at=published,
            published_at=published if status == PostStatus.PUBLISHED else None,
            last_activity_at=published,
            open_until=published + timedelta(days=open_days) if open_days else None,
            **author_snapshot(author),
            **extra,  # type: ignore[arg-type]
        )
        post.tags.set(self.rng.sample(self.tags, self.rng.randint(1, min(3, len(self.tags)))))
        return post

    def thread(
        self, post: Post, count: int, span_days: float, *, answer: str = ""
    ) -> list[Comment]:
        """`count` comments over `span_days` after the post: about two in five are replies
        (often to replies), each naming whom it answers; `answer`, if given, comes first
        from someone other than the author. Saved in one insert per depth of reply."""
        rng = self.rng
        talk = Conversation(self.topic, rng)
        start = post.published_at or timezone.now()
        moments = self._moments(start, span_days, count)
        comments: list[Comment] = []
        depth: dict[int, int] = {}
        for i in range(count):
            parent = None
            if comments and rng.random() < 0.42:
                parent = rng.choice(comments[-6:])
                if depth[id(parent)] >= 5:
                    parent = None
            author = self._speaker(post, parent, comments[-1] if comments else None)
            if count >= 40 and i % 45 == 30:  # the host steps in now and then
                parent, author = None, post.author
                body = talk.host_note()
            elif i == 0 and answer:
                body = answer
            elif parent is not None:
                body = talk.comment(
                    author.occupation, reply_to=parent.author.handle or "", parent_text=parent.body
                )
            else:
                body = talk.comment(author.occupation)
            comment = Comment(
                post=post,
                parent=parent,
                author=author,
                body=body,
                body_html=self.render(body),
                created_at=moments[i],
                **self._snapshot(author),
            )
            depth[id(comment)] = depth[id(parent)] + 1 if parent else 0
            comments.append(comment)
        for level in range(max(depth.values(), default=-1) + 1):
            # A reply's parent was saved with the level before, so its id is known.
            Comment.objects.bulk_create([c for c in comments if depth[id(c)] == level])
        reactions = [
            Reaction(comment=c, user=reactor, kind=rng.choice(["helpful", "agree", "thanks"]))
            for c in comments
            for reactor in rng.sample(self.people, min(len(self.people), rng.randint(0, 4)))
            if reactor.pk != c.author_id
        ]
        Reaction.objects.bulk_create(reactions, ignore_conflicts=True)
        if comments:
            Post.objects.filter(pk=post.pk).update(
                comment_count=len(comments), last_activity_at=comments[-1].created_at
            )
        return comments

    def _moments(self, start: datetime, span_days: float, count: int) -> list[datetime]:
        """When `count` comments were written: over `span_days` after `start` (never in
        the future), busier towards the end, mostly in working hours from Europe to the
        Americas (8:00 to 23:00 UTC)."""
        now = timezone.now()
        span = min(span_days, max(0.1, (now - start).total_seconds() / 86400 - 0.05))
        moments = []
        for _ in range(count):
            when = start + timedelta(days=span * self.rng.random() ** 0.8)
            if not 8 <= when.hour < 23 and self.rng.random() < 0.85:
                when = when.replace(hour=self.rng.randint(8, 22))
            moments.append(
                min(max(when, start + timedelta(minutes=20)), now - timedelta(minutes=5))
            )
        return sorted(moments)

    def _snapshot(self, author: User) -> dict[str, str]:
        if author.pk not in self.snapshots:
            self.snapshots[author.pk] = author_snapshot(author)
        return self.snapshots[author.pk]

    def _speaker(self, post: Post, parent: Comment | None, last: Comment | None) -> User:
        """Who writes next: the person a question was put to answers it; otherwise anyone
        but the author of the post, of the comment replied to, or of the last comment."""
        if parent is not None and parent.body.startswith("@") and parent.body.endswith("?"):
            asked = parent.body[1:].split(" ", 1)[0]
            for person in self.people:
                if person.handle == asked and person.pk != parent.author_id:
                    return person
        skip = {
            post.author_id,
            getattr(parent, "author_id", None),
            getattr(last, "author_id", None),
        }
        return self.rng.choice([p for p in self.people if p.pk not in skip] or self.people)

    def seed(self, index: int, *, lead: User, member: User, flagship: bool) -> None:
        rng, topic = self.rng, self.topic
        archived = self.community.status != "active"

        # An open featured post; some communities' long threads are the platform's picks.
        title, body, _summary = topic.featured[0]
        if not archived:
            long = LONG_THREADS.get(self.community.slug)
            days = long[1] + 2 if long else 6 + index % 5
            open_post = self.post(
                lead, PostKind.FEATURED, title, body, days_ago=days, open_days=60,
                platform_featured=bool(long), pinned=flagship,
            )  # fmt: skip
            count, span = long or (rng.randint(5, 18), 5)
            self.thread(open_post, count, span)

        # A closed featured post, summarised in every other community.
        title, body, summary = topic.featured[1]
        closed = self.post(
            lead, PostKind.FEATURED, title, body, days_ago=120 + index, open_days=60,
            closure_recorded_at=timezone.now(),
        )  # fmt: skip
        self.thread(closed, rng.randint(8, 25), 50)
        if index % 2 == 0 and summary:
            self.post(
                lead, PostKind.SUMMARY, f"Summary: {title}", summary, days_ago=55 + index,
                summary_of=closed,
            )  # fmt: skip
        for title, body, _summary in topic.featured[2:]:  # closed, waiting for a summary
            waiting = self.post(
                lead, PostKind.FEATURED, title, body, days_ago=80, open_days=60,
                closure_recorded_at=timezone.now(),
            )  # fmt: skip
            self.thread(waiting, 12, 55)

        # Discussions and questions, the first question answered.
        for title, body in topic.discussions[:2]:
            post = self.post(
                rng.choice(self.ordinary), PostKind.DISCUSSION, title, body,
                days_ago=rng.uniform(0.5, 12),
            )  # fmt: skip
            self.thread(post, rng.randint(0, 9), 2)
        for n, (title, body, answer) in enumerate(topic.questions):
            post = self.post(
                rng.choice(self.ordinary), PostKind.QUESTION, title, body,
                days_ago=rng.uniform(1, 20),
            )  # fmt: skip
            comments = self.thread(post, rng.randint(2, 6), 3, answer=answer if n == 0 else "")
            if n == 0:
                Post.objects.filter(pk=post.pk).update(accepted_answer=comments[0])

        # An old discussion, for the archives.
        for title, body in topic.discussions[2:]:
            old = self.post(
                rng.choice(self.ordinary), PostKind.DISCUSSION, title, body,
                days_ago=300 + index * 7,
            )  # fmt: skip
            self.thread(old, rng.randint(2, 6), 4)

        # Proposals waiting for the leaders, and one returned with a note.
        if not archived and (index % 3 == 0 or flagship):
            title, body = topic.proposals[0]
            proposer = member if member in self.people else rng.choice(self.ordinary)
            self.post(proposer, PostKind.FEATURED, title, body, days_ago=1,
                      status=PostStatus.PENDING)  # fmt: skip
        if not archived and index % 4 == 1:
            title, body = topic.proposals[1]
            author = rng.choice(self.ordinary)
            # The demo member's own, once, where he belongs: his notifications show the
            # decision.
            if (
                member in self.people
                and not Post.objects.filter(author=member, status=PostStatus.RETURNED).exists()
            ):
                author = member
            self.post(
                author, PostKind.FEATURED, title, body, days_ago=3,
                status=PostStatus.RETURNED, review_note=rng.choice(REVIEW_NOTES),
            )  # fmt: skip


def seed_discussions(rng: random.Random) -> None:
    chair = User.objects.get(email="chair@example.org")
    member = User.objects.get(email="member@example.org")
    render = _renderer()
    tags = _tags({name for topic in TOPICS.values() for name in topic.tags})
    for index, community in enumerate(Community.objects.order_by("name")):
        topic = TOPICS.get(community.slug)
        memberships = list(Membership.objects.filter(community=community).select_related("user"))
        if topic is None or len(memberships) < 4:
            continue
        flagship = community.slug == "drug-treatment-courts"
        leaders = [m.user for m in memberships if m.role in LEADER_ROLES]
        seeder = CommunitySeeder(
            rng, community, topic, memberships, [tags[n] for n in topic.tags], render
        )
        seeder.seed(index, lead=chair if flagship else leaders[0], member=member,
                    flagship=flagship)  # fmt: skip
