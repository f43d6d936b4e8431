"""Read marks: the benchmark's members have read some threads, as far as the comments before."""

from datetime import datetime

from django.db import models

from practica.discussions.models import Comment, PostRead

from .base import Seeding
from .bulk import insert
from .sizes import BENCH_USERS


class ReadMarks(Seeding):
    def _mark_reads(self, last_activity: list[tuple[int, datetime, int]]) -> None:
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
