"""Inside Django, with the benchmark's settings: which pages to load, and their query counts.

Run by bench/run.py as `python bench/run.py probe`; prints one line of JSON.
"""

import json
import os
import re
from typing import Any


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    django.setup()

    from django.db import connection
    from django.db.models import Count, Q
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from practica.accounts.models import User
    from practica.communities.models import Community
    from practica.core.pagecache import bump
    from practica.demo import scale
    from practica.discussions.models import Post, PostKind, PostStatus, Tag

    public = Q(community__visibility="public", community__status="active")
    readable = Post.objects.filter(public, status=PostStatus.PUBLISHED, deleted_at=None)

    def thread(comments: int) -> str:
        post = readable.filter(kind=PostKind.DISCUSSION, comment_count=comments).order_by("id")
        return f"/posts/{post.values_list('id', flat=True)[0]}/"

    community = Community.objects.filter(visibility="public").order_by("id").first()
    assert community is not None
    tag = (
        Tag.objects.annotate(n=Count("posts", filter=Q(posts__in=readable)))
        .order_by("-n", "id")
        .first()
    )
    assert tag is not None
    from django.contrib.auth.models import AnonymousUser

    from practica.discussions.selectors import archive_months

    # The newest month of the archives: closed and quiet posts, as readers find them there.
    last_month = archive_months(user=AnonymousUser())[0]["month"]
    writers = [scale.bench_email(i) for i in range(scale.BENCH_USERS)]
    member = User.objects.get(email=writers[0])
    # Threads open to comments in the communities every benchmark member belongs to.
    shared = Community.objects.filter(memberships__user__email__in=writers).annotate(
        n=Count("memberships")
    )
    shared_ids = [c.id for c in shared if c.n == len(writers)]
    # One of them gets 10,000 watchers (added once); the comment target stays out of it,
    # so that it measures a comment in a quiet community.
    from bench.watchers import prepare

    watched = prepare(shared=shared_ids, avoid=community.pk)
    shared_ids = [pk for pk in shared_ids if pk != watched["community"]]
    open_threads = list(
        Post.objects.filter(
            community_id__in=shared_ids,
            status=PostStatus.PUBLISHED,
            deleted_at=None,
            locked=False,
            kind__in=[PostKind.DISCUSSION, PostKind.QUESTION],
        )
        .order_by("-last_activity_at")
        .values_list("id", flat=True)[:40]
    )
    from bench.staff import bench_staff

    staff = bench_staff()
    biggest = Community.objects.annotate(n=Count("posts")).order_by("-n", "id").first()
    assert biggest is not None
    report_path = f"/communities/{biggest.slug}/report/?period=quarter"
    targets: list[dict[str, Any]] = [
        {"name": "ceiling", "paths": ["/ping/"], "signed_in": False},
        {"name": "home", "paths": ["/"], "signed_in": False},
        {"name": "home", "paths": ["/"], "signed_in": True},
        {
            "name": "community",
            "paths": [f"/communities/{community.slug}/posts/"],
            "signed_in": False,
        },
        {
            "name": "community",
            "paths": [f"/communities/{community.slug}/posts/"],
            "signed_in": True,
        },
        {"name": "all posts", "paths": ["/posts/"], "signed_in": False},
        {"name": "all posts", "paths": ["/posts/"], "signed_in": True},
        {"name": "thread 50", "paths": [thread(50)], "signed_in": False},
        {"name": "thread 50", "paths": [thread(50)], "signed_in": True},
        {"name": "thread 200", "paths": [thread(200)], "signed_in": False},
        {"name": "thread 200", "paths": [thread(200)], "signed_in": True},
        {"name": "tag", "paths": [f"/tags/{tag.slug}/"], "signed_in": False},
        {"name": "archive", "paths": [f"/archives/{last_month:%Y/%m}/"], "signed_in": False},
        # Search (issue 13): a word in a third of everything, a rare name, a phrase, and a
        # common word narrowed to one community's posts.
        {"name": "search common", "paths": ["/search/?q=court"], "signed_in": True},
        {"name": "search rare", "paths": ["/search/?q=urquhart"], "signed_in": True},
        {"name": "search phrase", "paths": ["/search/?q=%22bail+conditions%22"], "signed_in": True},
        {
            "name": "search filtered",
            "paths": [f"/search/?q=housing&kind=post&community={community.slug}"],
            "signed_in": True,
        },
        # Reports, as the host staff read them (a leader's view is the same page): a
        # quarter of the largest community's figures, and every community side by side.
        {"name": "report", "paths": [report_path], "signed_in": True, "as": "staff"},
        {
            "name": "comment",
            "paths": [f"/posts/{pk}/comments/" for pk in open_threads],
            "signed_in": True,
            "method": "POST",
        },
    ]
    anonymous, signed, as_staff = Client(), Client(), Client()
    signed.force_login(member)
    as_staff.force_login(staff)
    for target in targets:
        if target.get("method") == "POST":
            target["queries"] = "-"
            continue
        client = signed if target["signed_in"] else anonymous
        client = as_staff if target.get("as") == "staff" else client
        path = target["paths"][0]
        counts = []
        # Cold: every cached page and part is dropped, as after a change (clearing the cache
        # would also end the signed-in session when sessions live in Redis).
        bump("content", "communities", *(f"post:{pk}" for pk in re.findall(r"/posts/(\d+)/", path)))
        for _ in range(2):  # cold, then as the server answers it most of the time
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code == 200, (target, response.status_code)
            counts.append(len(queries))
        target["queries"] = f"{counts[0]}/{counts[1]}"
    print(
        json.dumps(
            {
                "targets": targets,
                "emails": writers,
                "staff_email": staff.email,
                "password": scale.BENCH_PASSWORD,
                "data": scale.describe(),
                "watched": watched,
            }
        )
    )


def cleanup(since: str) -> None:
    """Take back what the write benchmark added, so that every run reads the same site."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    django.setup()

    from django.db import transaction
    from django.db.models import Count, Max, Q
    from django.utils.dateparse import parse_datetime

    from practica.activity.models import Activity
    from practica.discussions.models import Comment, Post
    from practica.discussions.signals import post_changed
    from practica.notifications.models import Notification, Watch

    started = parse_datetime(since)
    written = Comment.objects.filter(created_at__gte=started, body__startswith=BENCH_COMMENT)
    with transaction.atomic():
        post_ids = set(written.values_list("post_id", flat=True))
        removed, _ = written.delete()
        Notification.objects.filter(created_at__gte=started).delete()
        # The activities the comments recorded, and the threads their writers now track.
        Activity.objects.filter(created_at__gte=started).delete()
        Watch.objects.filter(created_at__gte=started).delete()
        for post in Post.objects.filter(pk__in=post_ids).annotate(
            n=Count("comments", filter=Q(comments__deleted_at=None)),
            last=Max("comments__created_at"),
        ):
            Post.objects.filter(pk=post.pk).update(
                comment_count=post.n, last_activity_at=post.last or post.published_at
            )
        post_changed(*post_ids)
    print(f"Removed the {removed} comments the benchmark wrote.")


BENCH_COMMENT = "A benchmark comment"
