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


def setup() -> list[int]:
    """Step 1, in its own process, so that the worker's peak memory is the run's own."""
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from practica.accounts.models import User
    from practica.activity.models import Activity
    from practica.communities.models import Membership
    from practica.communities.notify import email_badge
    from practica.discussions.models import Post
    from practica.notifications.digests.models import DigestSent
    from practica.notifications.digests.schedule import zone_of
    from practica.notifications.models import EmailSettings, Notification

    wanted = int(os.environ.get("BENCH_DIGESTS", "5000"))
    per_member = int(os.environ.get("BENCH_DIGEST_NOTES", "8"))
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
    posts = {
        cid: list(
            Post.objects.filter(community_id=cid, status="published", deleted_at=None)
            .select_related("community")
            .order_by("-published_at")[:per_member]
        )
        for cid in wanted_communities
    }
    post_type = ContentType.objects.get_for_model(Post)
    activities = {
        post.pk: Activity(
            verb="bench.digest", target_type=post_type, target_id=post.pk,
            community_id=post.community_id, created_at=now,
        )
        for community_posts in posts.values()
        for post in community_posts
    }  # fmt: skip
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
    return ids


def worker(ids: list[int]) -> dict[str, Any]:
    import django

    django.setup()
    import zoneinfo

    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from practica.accounts.models import User
    from practica.activity.models import Activity
    from practica.notifications.digests.schedule import due_member_ids
    from practica.notifications.digests.send import digest_chunk_send
    from practica.notifications.models import Notification

    settings.EMAIL_BACKEND = "__main__.SerializingBackend"
    chunk = int(getattr(settings, "DIGEST_CHUNK", 500))
    now = timezone.now()
    total = User.objects.filter(is_active=True).count()
    pending = Notification.objects.filter(kind="bench.digest").count()
    before = rss_mb()
    load = os.getloadavg()[0]

    # 2. The planner over every member of the site.
    started = time.perf_counter()
    due = due_member_ids("daily", now)
    plan_seconds = time.perf_counter() - started
    # And at 07:00 in the site's zone, when every member who kept the default hour is due.
    seven = now.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)).replace(
        hour=7, minute=5, second=0, microsecond=0
    )
    started = time.perf_counter()
    due_at_seven = len(due_member_ids("daily", seven))
    seven_seconds = time.perf_counter() - started

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
        "notifications pending": pending,
        "planner: due members": len(due),
        "planner seconds": round(plan_seconds, 2),
        "planner at 07:00: due members": due_at_seven,
        "planner at 07:00: seconds": round(seven_seconds, 2),
        "seconds per 1,000 digests": round(run / max(sent, 1) * 1000, 1),
        "chunk seconds (median)": round(statistics.median(seconds), 2),
        "queries per chunk (median, max)": [int(statistics.median(counts)), max(counts)],
        "mean message bytes": round(SerializingBackend.bytes / max(SerializingBackend.sent, 1)),
        "peak memory MB before the run": round(before, 1),
        "peak memory MB after the run": round(rss_mb(), 1),
        "load average (1 min) before, after": [round(load, 1), round(os.getloadavg()[0], 1)],
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
    ids = step(env, "setup")
    chosen = HERE.parent / "var" / "bench" / "digest-members.json"  # too long for argv
    chosen.write_text(json.dumps(ids))
    figures = step(env, "worker", str(chosen))
    for name, value in figures.items():
        print(f"  {name:36} {value}")


def step(env: dict[str, str], *args: str) -> Any:
    out = subprocess.run(  # noqa: S603
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=False
    )
    if out.returncode:
        sys.exit(out.stderr[-4000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    if sys.argv[1:2] == ["setup"]:
        print(json.dumps(setup()))
    elif sys.argv[1:2] == ["worker"]:
        print(json.dumps(worker(json.loads(Path(sys.argv[2]).read_text()))))
    else:
        main()
