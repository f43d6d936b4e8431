"""Comments and reactions, then each thread's count, last activity and accepted answer."""

import itertools
from collections.abc import Iterator
from datetime import datetime, timedelta

from practica.discussions.models import Comment, Post, PostKind, Reaction

from .bulk import batched, insert
from .reads import ReadMarks


class Comments(ReadMarks):
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
        self._mark_reads(last_activity)
