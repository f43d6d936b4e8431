"""Tags and posts: kinds, statuses, summaries of closed featured threads."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.utils.text import slugify

from practica.accounts.models import User
from practica.discussions.models import Post, PostKind, PostStatus, Tag

from .base import Seeding
from .bulk import heavy_tail, insert
from .words import TAG_WORDS


class Posts(Seeding):
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
        self.post_rows = []
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
