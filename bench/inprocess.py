"""Where the time of one page goes, in process, with the benchmark's data and settings.

    DATABASE_URL=sqlite:///var/bench/medium.sqlite3 SECRET_KEY=x ALLOWED_HOSTS=testserver \\
        SECURE_SSL_REDIRECT=false DJANGO_SETTINGS_MODULE=config.settings.production \\
        .venv/bin/python bench/inprocess.py [page ...]

Pages are the benchmark's names ("home", "thread 50", …, signed in unless the name ends in
" anon"). For each it prints the median time of a request through the whole middleware
stack (Django's test client, as a server thread would run it, warm caches), then a cProfile
of 200 requests, by cumulative time, restricted to the project's and Django's code.
PROFILE_SORT=tottime sorts by own time; PROFILE_LINES sets how many lines (40). COLD=1
empties the cache before every request: each page is then built from nothing (a search
reads its words' matches afresh), as for a reader whose words nobody searched before.
"""

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    django.setup()
    from django.core.cache import cache
    from django.db.models import Q
    from django.test import Client

    from practica.accounts.models import User
    from practica.communities.models import Community
    from practica.demo import scale
    from practica.discussions.models import Post, PostKind, PostStatus
    from practica.search import selectors as search_selectors

    public = Q(community__visibility="public", community__status="active")
    readable = Post.objects.filter(public, status=PostStatus.PUBLISHED, deleted_at=None)

    def thread(comments: int) -> str:
        post = readable.filter(kind=PostKind.DISCUSSION, comment_count=comments).order_by("id")
        return f"/posts/{post.values_list('id', flat=True)[0]}/"

    community = Community.objects.filter(visibility="public").order_by("id").first()
    assert community is not None
    from django.db.models import Count

    biggest = Community.objects.annotate(n=Count("posts")).order_by("-n", "id").first()
    assert biggest is not None
    pages = {
        "ceiling": "/ping/",
        "home": "/",
        "community": f"/communities/{community.slug}/posts/",
        "all posts": "/posts/",
        "thread 50": thread(50),
        "thread 200": thread(200),
        "search common": "/search/?q=court",
        "search rare": "/search/?q=urquhart",
        "search phrase": "/search/?q=%22bail+conditions%22",
        "search filtered": f"/search/?q=housing&kind=post&community={community.slug}",
        "report": f"/communities/{biggest.slug}/report/?period=quarter",
        "platform report": "/reports/?period=quarter",
    }
    wanted = sys.argv[1:] or ["home", "community", "all posts", "thread 50", "thread 200"]
    signed = Client(HTTP_ACCEPT_ENCODING="gzip")
    signed.force_login(User.objects.get(email=scale.bench_email(0)))
    signed.get("/")  # the CSRF cookie, as a browser has it
    anonymous = Client(HTTP_ACCEPT_ENCODING="gzip")
    from bench.staff import bench_staff

    staff = Client(HTTP_ACCEPT_ENCODING="gzip")
    staff.force_login(bench_staff())  # the reports are for leaders and staff
    lines = int(os.environ.get("PROFILE_LINES", "40"))
    cold = os.environ.get("COLD") == "1"

    def forget() -> None:
        cache.clear()
        search_selectors._CLAUSES.clear()  # the compiled permission clauses, kept per process

    for name in wanted:
        anon = name.endswith(" anon")
        path = pages[name.removesuffix(" anon")]
        client = anonymous if anon else signed
        client = staff if "report" in name else client
        for _ in range(5):
            assert client.get(path).status_code == 200
        times = []
        for _ in range(100):
            if cold:
                forget()
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        print(f"\n=== {name} {path}: median {statistics.median(times):.2f} ms per request ===")
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(200):
            if cold:
                forget()
            client.get(path)
        profile.disable()
        stats = pstats.Stats(profile)
        stats.sort_stats(os.environ.get("PROFILE_SORT", "cumulative"))
        stats.print_stats(r"practica|django|allauth|csp|whitenoise", lines)


if __name__ == "__main__":
    main()
