"""A comment in a community with 10,000 watchers (issue 12): the POST must answer as fast as
one in a quiet community, because the fan-out to the watchers runs after the response, in
tasks; and how long that fan-out takes the task worker to make the 10,000 notifications.

Part of `make bench` (bench/run.py); read bench/README.md first. `prepare` runs inside the
probe (it adds the watchers once to the benchmark's database); `measure` runs in its own
Django process while the server, with its own task worker, is up: it sends the comments
over HTTP, as a browser does, and reads the notifications the worker makes from the
database.
"""

import http.client
import json
import os
import re
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

WATCHERS = int(os.environ.get("BENCH_WATCHERS", "10000"))
POSTS = int(os.environ.get("BENCH_WATCH_POSTS", "8"))  # comments in each series
PAUSE = float(os.environ.get("BENCH_WATCH_PAUSE", "0.5"))  # seconds between comments
SOLO = int(os.environ.get("BENCH_WATCH_SOLO", "3"))  # comments timed alone
FANOUT_LIMIT = float(os.environ.get("BENCH_FANOUT_LIMIT", "600"))  # seconds
DOMAIN = "watchers.scale.example"
MARK = "A benchmark comment"  # probe.BENCH_COMMENT: the cleanup removes them


def prepare(*, shared: list[int], avoid: int) -> dict[str, Any]:
    """Give one public community the benchmark's members share WATCHERS watchers (people
    holding it at "watching"), once; returns it and open threads in it."""
    from practica.accounts.models import User
    from practica.communities.models import Community, Membership
    from practica.demo.scale.bulk import insert
    from practica.discussions.models import Post, PostKind, PostStatus
    from practica.notifications.models import Watch

    candidates = Community.objects.filter(pk__in=shared, status="active").exclude(pk=avoid)
    community = candidates.filter(visibility="public").order_by("pk").first()
    community = community or candidates.order_by("pk").first()
    assert community is not None, "the benchmark's members share no second community"
    key = f"community:{community.pk}"
    # Watchers a run stopped while they were turned off (measure) are turned on again.
    Watch.objects.filter(key__startswith="bench-off:").delete()
    have = User.objects.filter(email__endswith=f"@{DOMAIN}").count()
    if have < WATCHERS:
        insert(
            User,
            (
                User(
                    email=f"watcher{have + i:05d}@{DOMAIN}",
                    password="!",  # noqa: S106 - no password: they never sign in
                    display_name=f"Watcher {have + i}",
                    is_active=True,
                )
                for i in range(WATCHERS - have)
            ),
        )
    watchers = User.objects.filter(email__endswith=f"@{DOMAIN}").order_by("pk")[:WATCHERS]
    ids = list(watchers.values_list("pk", flat=True))
    Watch.objects.bulk_create(
        [Watch(user_id=uid, key=key, level="watching") for uid in ids],
        ignore_conflicts=True,
        batch_size=2000,
    )
    if community.visibility != "public":  # only members may read it: they are members
        Membership.objects.bulk_create(
            [Membership(user_id=uid, community=community) for uid in ids],
            ignore_conflicts=True,
            batch_size=2000,
        )
    threads = list(
        Post.objects.filter(
            community=community,
            status=PostStatus.PUBLISHED,
            deleted_at=None,
            locked=False,
            kind__in=[PostKind.DISCUSSION, PostKind.QUESTION],
        )
        .order_by("-last_activity_at")
        .values_list("id", flat=True)[:20]
    )
    return {
        "community": community.pk,
        "slug": community.slug,
        "watchers": Watch.objects.filter(key=key, level="watching").count(),
        "paths": [f"/posts/{pk}/comments/" for pk in threads],
    }


# --- While the server runs ---------------------------------------------------------------------


def _post(path: str, person: dict[str, str], text: str) -> float:
    """One comment through the real form; milliseconds until the answer (a redirect)."""
    from server import HOST, PORT

    body = urlencode({"csrfmiddlewaretoken": person["csrf"], "body": text})
    headers = {
        "Cookie": person["cookie"],
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "text/html",
    }
    conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
    try:
        started = time.perf_counter()
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        took = (time.perf_counter() - started) * 1000
    finally:
        conn.close()
    if response.status not in (302, 303):
        raise SystemExit(f"A comment to {path} answered {response.status}.")
    return took


def _notified(token: str) -> tuple[int, float | None, bool]:
    """How many notifications the comment holding `token` has made so far, the seconds from
    its activity to the newest of them (database clock), and whether it recorded one."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Max

    from practica.activity.models import Activity
    from practica.discussions.models import Comment
    from practica.notifications.models import Notification

    comment = Comment.objects.filter(body__contains=token).values_list("pk", flat=True).first()
    activity = Activity.objects.filter(
        target_type=ContentType.objects.get_for_model(Comment), target_id=comment
    ).first()
    if activity is None:
        return 0, None, False
    made = Notification.objects.filter(activity=activity).aggregate(last=Max("created_at"))
    count = Notification.objects.filter(activity=activity).count()
    last = made["last"]
    return count, (last - activity.created_at).total_seconds() if last else None, True


def _worker_rss_mb() -> float:
    """The task worker's resident memory now (db_worker or rqworker)."""
    biggest = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            status = (entry / "status").read_text()
        except OSError:
            continue
        if b"db_worker" in cmdline or b"rqworker" in cmdline:
            match = re.search(r"VmRSS:\s+(\d+) kB", status)
            if match:
                biggest = max(biggest, int(match.group(1)))
    return biggest / 1024


def _wait(tokens: list[str], expected: int) -> tuple[float, float]:
    """Wait until each comment's fan-out is complete (or stops growing); returns the seconds
    waited and the worker's peak memory meanwhile."""
    started = time.monotonic()
    peak, last_total, still_since = 0.0, -1, time.monotonic()
    while time.monotonic() - started < FANOUT_LIMIT:
        peak = max(peak, _worker_rss_mb())
        counts = [_notified(t) for t in tokens]
        total = sum(c[0] for c in counts)
        if not all(recorded for _, _, recorded in counts):
            if time.monotonic() - started > 30:
                break  # no activity recorded: nothing will come
        elif all(c[0] >= expected for c in counts):
            break
        if total != last_total:
            last_total, still_since = total, time.monotonic()
        elif time.monotonic() - still_since > 60:
            break  # nothing more for a minute: the rest is not coming
        time.sleep(0.1)
    return time.monotonic() - started, peak


def _watchers_on(community: int, on: bool) -> None:
    """Turn the community's watchers on or off (their rows are kept under another key)."""
    from practica.notifications.models import Watch

    key, off = f"community:{community}", f"bench-off:community:{community}"
    Watch.objects.filter(key=off if on else key).update(key=key if on else off)


def _queries(path: str, email: str, token: str) -> int:
    """The queries one comment POST makes, in process (the same view and middleware)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from practica.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, {"body": f"{MARK} {token}."})
    assert response.status_code in (302, 303), response.status_code
    return len(queries)


def measure(plan: dict[str, Any]) -> dict[str, Any]:
    """Comments sent one at a time, PAUSE apart, as people write them, in the same threads
    of the watched community: first with its watchers turned off and the worker idle (a
    comment as it is today), then with the 10,000 watching, alternating with comments in
    quiet communities, while the worker fans the earlier ones out. Once the worker has
    caught up, one more in the watched community, whose fan-out is timed alone."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    django.setup()

    sessions, quiet, watched = plan["sessions"], plan["quiet"], plan["watched"]["paths"]
    expected = plan["watched"]["watchers"]  # every watcher may read it; the writer is not one
    community = plan["watched"]["community"]
    run = f"{time.time_ns():x}"

    def send(paths: list[str], i: int, token: str) -> float:
        took = _post(paths[i % len(paths)], sessions[i % len(sessions)], f"{MARK} {token}.")
        time.sleep(PAUSE)
        return took

    email = plan["emails"][0]
    _watchers_on(community, False)
    try:
        _queries(watched[0], email, f"u{run}warm")  # the first request in process warms up
        unwatched_q = _queries(watched[0], email, f"u{run}q")
        time.sleep(2)
        unwatched_ms = [send(watched, i, f"u{run}x{i}") for i in range(POSTS)]
    finally:
        _watchers_on(community, True)
    watched_q = _queries(watched[0], email, f"w{run}q")
    _wait([f"w{run}q"], expected)
    time.sleep(2)  # the worker finishes the last of those (nobody to tell)
    busy_ms, watched_ms, tokens = [], [], []
    for i in range(POSTS):
        tokens.append(f"w{run}x{i}")
        watched_ms.append(send(watched, i, tokens[-1]))
        busy_ms.append(send(quiet, i, f"q{run}x{i}"))
    backlog_s, backlog_peak = _wait(tokens, expected)
    backlog = [_notified(t)[0] for t in tokens]

    # Alone: each comment waits for the worker to be idle, and its fan-out is timed.
    solo_ms, spans, made, solo_peak = [], [], 0, 0.0
    for i in range(SOLO):
        token = f"w{run}solo{i}"
        solo_ms.append(_post(watched[i % len(watched)], sessions[i % len(sessions)],
                             f"{MARK} {token}."))  # fmt: skip
        _, peak = _wait([token], expected)
        solo_peak = max(solo_peak, peak)
        made, span_s, recorded = _notified(token)
        if span_s is not None:
            spans.append(span_s)
    span_s = statistics.median(spans) if spans else None
    return {
        "watchers": expected,
        "community": plan["watched"]["slug"],
        "posts": POSTS,
        "pause_s": PAUSE,
        "unwatched_ms": _summary(unwatched_ms),
        "watched_ms": _summary(watched_ms),
        "quiet_ms": _summary(busy_ms),
        "queries": {"unwatched": unwatched_q, "watched": watched_q},
        "recorded": recorded,
        "backlog": {
            "comments": POSTS,
            "notifications": sum(backlog),
            "seconds": round(backlog_s, 1),
            "worker_peak_mb": round(backlog_peak, 1),
        },
        "solo": {
            "post_ms": _summary(solo_ms),
            "notifications": made,
            "fanout_s": round(span_s, 2) if span_s is not None else None,
            "fanout_all_s": [round(x, 2) for x in spans],
            "per_second": round(made / span_s) if span_s else None,
            "worker_peak_mb": round(solo_peak, 1),
        },
    }


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50": round(statistics.median(values), 1),
        "mean": round(statistics.fmean(values), 1),
        "max": round(max(values), 1),
    }


def main(plan_json: str) -> None:
    print(json.dumps(measure(json.loads(plan_json))))
