"""A digest run on the benchmark's large site: time per 1,000 digests, queries per chunk
and the worker's peak memory.

    .venv/bin/python bench/digests.py          # or: make bench-digests

BENCH_SIZE (large), BENCH_DB (sqlite or postgres, as `make bench`), BENCH_DIGESTS (5000:
how many members get a digest in the run), BENCH_DIGEST_NOTES (8: pending notifications
each of them has). The site is built once by `manage.py seed_scale` (bench/README.md);
then, in one process that works as a task worker does:

1. the chosen members (spread over the whole site) get pending notifications about recent
   posts in their communities, in the "watched" category (daily by default), and their
   digest hour set to now in their time zone; earlier runs' claims are forgotten;
2. the planner (schedule.due_member_ids: which of all the members are due now) is timed;
3. their digests are sent by `digest_chunk_send`, DIGEST_CHUNK (500) members a call, as
   the chunk tasks do, to a mail backend that serialises every message to bytes (the work
   an SMTP backend does before the network) and drops it.

It prints the figures and the peak resident memory of the process (getrusage), before the
run (Django and the data set up) and after it.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


class SerializingBackend:
    """A mail backend that does the work of turning each message into bytes, then drops it."""

    sent = 0
    bytes = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def open(self) -> bool:
        return True

    def close(self) -> None:
        pass

    def send_messages(self, messages: list[Any]) -> int:
        for message in messages:
            SerializingBackend.bytes += len(message.message().as_bytes())
            SerializingBackend.sent += 1
        return len(messages)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker() -> dict[str, Any]:
    import django

    django.setup()
    import zoneinfo

    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from practica.accounts.models import User
    from practica.activity.models import Activity
    from practica.communities.models import Membership
    from practica.communities.notify import email_badge
    from practica.discussions.models import Post
    from practica.notifications.digests.models import DigestSent
    from practica.notifications.digests.schedule import due_member_ids, zone_of
    from practica.notifications.digests.send import digest_chunk_send
    from practica.notifications.models import EmailSettings, Notification

    settings.EMAIL_BACKEND = "__main__.SerializingBackend"
    wanted = int(os.environ.get("BENCH_DIGESTS", "5000"))
    per_member = int(os.environ.get("BENCH_DIGEST_NOTES", "8"))
    chunk = int(getattr(settings, "DIGEST_CHUNK", 500))
    now = timezone.now()

    # 1. The members, spread over the site, and what is pending for them.
    total = User.objects.filter(is_active=True).count()
    step = max(1, total // wanted)
    ids = list(
        User.objects.filter(is_active=True, memberships__isnull=False)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)[: wanted * step : step]
    )[:wanted]
    Notification.objects.filter(kind="bench.digest").delete()
    Activity.objects.filter(verb="bench.digest").delete()
    DigestSent.objects.filter(user_id__in=ids).delete()
    communities: dict[int, list[int]] = {}
    for uid, cid in Membership.objects.filter(user_id__in=ids).values_list(
        "user_id", "community_id"
    ):
        communities.setdefault(uid, []).append(cid)
    wanted_communities = {cid for cids in communities.values() for cid in cids}
    posts: dict[int, list[Post]] = {}
    for post in (
        Post.objects.filter(community_id__in=wanted_communities, status="published")
        .select_related("community")
        .order_by("community_id", "-published_at")
    ):
        if len(posts.setdefault(post.community_id, [])) < per_member:
            posts[post.community_id].append(post)
    activities = {
        post.pk: Activity(
            verb="bench.digest", target_id=post.pk, community_id=post.community_id, created_at=now
        )
        for community_posts in posts.values()
        for post in community_posts
    }
    Activity.objects.bulk_create(activities.values(), batch_size=2000)
    by_post = {a.target_id: a for a in Activity.objects.filter(verb="bench.digest")}
    notes = []
    for uid in ids:
        mine = [p for cid in communities.get(uid, []) for p in posts.get(cid, [])][:per_member]
        notes += [
            Notification(
                recipient_id=uid, activity=by_post[p.pk], kind="bench.digest", category="watched",
                title=f"New comments on {p.title}"[:200], body=p.body[:400],
                url=p.get_absolute_url(), email_badge=email_badge(p.community),
            )
            for p in mine
        ]  # fmt: skip
    Notification.objects.bulk_create(notes, batch_size=2000)
    zones = dict(User.objects.filter(pk__in=ids).values_list("pk", "time_zone"))
    EmailSettings.objects.filter(user_id__in=ids).delete()
    EmailSettings.objects.bulk_create(
        [
            EmailSettings(user_id=uid, digest_hour=now.astimezone(zone_of(zones[uid])).hour)
            for uid in ids
        ],
        batch_size=2000,
    )
    before = rss_mb()

    # 2. The planner over every member of the site.
    started = time.perf_counter()
    due = due_member_ids("daily", now)
    plan_seconds = time.perf_counter() - started

    # 3. The chunks.
    counts: list[int] = []
    seconds: list[float] = []
    sent = 0
    for start in range(0, len(ids), chunk):
        queries = [0]

        def count(
            execute: Any,
            sql: str,
            params: Any,
            many: bool,
            context: Any,
            queries: list[int] = queries,
        ) -> Any:
            queries[0] += 1
            return execute(sql, params, many, context)

        began = time.perf_counter()
        with connection.execute_wrapper(count):
            sent += digest_chunk_send(kind="daily", user_ids=ids[start : start + chunk], at=now)
        seconds.append(time.perf_counter() - began)
        counts.append(queries[0])
    run = sum(seconds)
    result = {
        "members on the site": total,
        "digests sent": sent,
        "notifications pending": len(notes),
        "planner: due members": len(due),
        "planner seconds": round(plan_seconds, 2),
        "seconds per 1,000 digests": round(run / max(sent, 1) * 1000, 1),
        "chunk seconds (median)": round(statistics.median(seconds), 2),
        "queries per chunk (median, max)": [int(statistics.median(counts)), max(counts)],
        "mean message bytes": round(SerializingBackend.bytes / max(SerializingBackend.sent, 1)),
        "peak memory MB before the run": round(before, 1),
        "peak memory MB after the run": round(rss_mb(), 1),
        "zone": str(zoneinfo.ZoneInfo(settings.TIME_ZONE)),
    }
    Notification.objects.filter(kind="bench.digest").delete()
    Activity.objects.filter(verb="bench.digest").delete()
    return result


def main() -> None:
    from server import environment, manage

    db = os.environ.get("BENCH_DB", "sqlite")
    size = os.environ.get("BENCH_SIZE", "large")
    env = environment(db, size)
    env["EMAIL_URL"] = "dummymail://"
    print(f"== digests on the {size} site ({db}) ==", flush=True)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "seed_scale", "--size", size)
    out = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "worker"], env=env, capture_output=True, text=True, check=False
    )
    if out.returncode:
        sys.exit(out.stderr[-4000:])
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    for name, value in figures.items():
        print(f"  {name:36} {value}")


if __name__ == "__main__":
    if sys.argv[1:] == ["worker"]:
        print(json.dumps(worker()))
    else:
        main()
