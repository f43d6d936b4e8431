"""The platform's plumbing, as an operator would notice it."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from practica.accounts.models import User
from practica.communities.models import Community, CommunityProposal, JoinRequest, Membership
from practica.core.markdown import render_markdown
from practica.notifications.models import Notification
from practica.notifications.services import notify

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_sqlite_is_set_up_for_concurrent_use():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]


def test_markdown_is_rendered_and_sanitised():
    html = render_markdown(
        "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<iframe src=x></iframe>\n\n"
        "[x](javascript:alert(1)) ![img](data:image/png;base64,AAA) <b onclick=x>hi</b>"
    )
    assert "<h1>Title</h1>" in html and "<table>" in html
    assert "<iframe" not in html and 'href="javascript:' not in html
    assert "<b onclick" not in html and 'src="data:' not in html
    assert "&lt;iframe" in html  # raw HTML is shown as text, not dropped silently


def test_seed_demo_builds_a_full_site_and_is_idempotent(capsys):
    call_command("seed_demo")
    counts = (User.objects.count(), Community.objects.count(), Membership.objects.count())
    call_command("seed_demo")
    assert counts == (User.objects.count(), Community.objects.count(), Membership.objects.count())
    assert Community.objects.count() >= 12
    assert User.objects.count() >= 60
    assert JoinRequest.objects.filter(status="pending").exists()
    assert CommunityProposal.objects.filter(status="pending").exists()
    for community in Community.objects.filter(status="active"):
        roles = set(community.memberships.values_list("role", flat=True))
        assert {"chair", "vice_chair", "secretary", "member_at_large"} <= roles, community
    assert len(set(User.objects.values_list("occupation", flat=True))) >= 8
    out = capsys.readouterr().out
    for login in ("staff@example.org", "chair@example.org", "member@example.org",
                  "applicant@example.org"):  # fmt: skip
        assert login in out


def test_demo_logins_work_in_the_browser_flow(client):
    call_command("seed_demo")
    from practica.demo.content import DEMO_PASSWORD

    response = client.post(
        reverse("account_login"), {"login": "chair@example.org", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    page = client.get(reverse("community_requests", args=["drug-treatment-courts"]))
    assert "Sophie Lambert" in page.content.decode()  # the pending applicant


def test_notifications_are_shown_and_emailed_after_commit(client, user, on_commit):
    with on_commit():
        notify(user_ids=[user.pk], kind="test", title="Your request was approved", url="/x/")
        assert not mail.outbox  # nothing leaves before the transaction commits
    assert mail.outbox[0].to == [user.email]
    assert f"{settings.SITE_URL}/x/" in mail.outbox[0].body
    client.force_login(user)
    page = client.get(reverse("notification_list")).content.decode()
    assert "Your request was approved" in page
    assert '<span class="badge">1' in client.get(reverse("home")).content.decode()
    client.post(reverse("notifications_read"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_notification_list_query_count_is_constant(client, user, assert_page_queries):
    client.force_login(user)
    notify(user_ids=[user.pk], kind="t", title="one", email=False)
    client.get(reverse("notification_list"))
    with assert_page_queries(4):
        client.get(reverse("notification_list"))
    for n in range(20):
        notify(user_ids=[user.pk], kind="t", title=f"n{n}", email=False)
    with assert_page_queries(4):
        client.get(reverse("notification_list"))


def test_pages_are_translatable_to_french(client):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()


def test_no_asset_is_loaded_from_another_host(client):
    import re

    page = client.get(reverse("home")).content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', page.split("<body")[0])
    assert not re.search(r'src="(https?:)?//', page)


def test_errors_use_the_site_layout(client):
    response = client.get("/communities/does-not-exist/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_seed_demo_has_conversations_in_every_state():
    from django.db.models import Count

    from practica.discussions.models import Comment, Post, Reaction

    call_command("seed_demo")
    posts = Post.objects.all()
    assert {"featured", "discussion", "question", "summary"} <= set(
        posts.values_list("kind", flat=True)
    )
    assert {"published", "pending", "returned"} <= set(posts.values_list("status", flat=True))
    featured = posts.filter(kind="featured", status="published")
    assert any(p.is_closed for p in featured) and any(not p.is_closed for p in featured)
    assert posts.filter(kind="summary", summary_of__isnull=False).exists()
    assert posts.filter(kind="question", accepted_answer__isnull=False).exists()
    assert posts.filter(kind="question", accepted_answer__isnull=True).exists()
    longest = posts.annotate(n=Count("comments")).order_by("-n").first()
    assert longest.n >= 50
    assert Comment.objects.filter(post=longest, parent__isnull=False).exists()
    assert Reaction.objects.filter(comment__post=longest).exists()
    # What the README tells the demo chair to try is there.
    from practica.communities.models import Community
    from practica.discussions.selectors import review_queue, to_summarise

    drug_courts = Community.objects.get(slug="drug-treatment-courts")
    assert review_queue(community=drug_courts).exists()
    assert to_summarise(community=drug_courts).exists()
    counts = (Post.objects.count(), Comment.objects.count())
    call_command("seed_demo")
    assert counts == (Post.objects.count(), Comment.objects.count())


def test_the_scheduler_runs_periodic_work_without_cron(on_commit):
    from datetime import timedelta

    from django.utils import timezone

    from practica.discussions.models import Post
    from practica.discussions.services import post_create
    from tests.factories import CommunityFactory, make_member

    community = CommunityFactory()
    chair = make_member(community, role="chair")
    post = post_create(actor=chair, community=community, kind="featured", title="T", body="B")
    Post.objects.filter(pk=post.pk).update(open_until=timezone.now() - timedelta(minutes=1))
    with on_commit():  # tests run tasks inline; the worker does it live
        call_command("scheduler", "--once")
    post.refresh_from_db()
    assert post.closure_recorded_at is not None
    assert Notification.objects.filter(recipient=chair, kind="post.closed").exists()


def test_seed_demo_has_events_of_every_kind_past_upcoming_full_and_recurring():
    from django.db.models import Count, Q
    from django.utils import timezone

    from practica.events.models import Event

    call_command("seed_demo")
    events = Event.objects.all()
    kinds = {"webinar", "workshop", "meeting", "conference"}
    assert kinds <= set(events.values_list("kind", flat=True))
    assert events.filter(starts_at__lt=timezone.now()).exists()
    assert events.filter(starts_at__gt=timezone.now()).exists()
    assert len(set(events.values_list("time_zone", flat=True))) >= 4
    assert events.filter(registrations__status="waitlisted").exists()
    assert events.filter(materials__kind="recording").exists()
    assert events.filter(audience="leaders").count() >= 4
    full = events.annotate(n=Count("registrations", filter=Q(registrations__status="confirmed")))
    assert any(e.capacity and e.n >= e.capacity for e in full)


def test_seed_demo_library_has_every_kind_versions_overdue_and_real_files():
    from practica.library.models import Resource, ResourceVersion

    call_command("seed_demo")
    resources = Resource.objects.all()
    assert {"document", "template", "guide", "case_study", "toolkit", "link", "recording"} <= set(
        resources.values_list("kind", flat=True)
    )
    assert ResourceVersion.objects.filter(number=2).exists()
    assert any(r.may_be_out_of_date for r in resources)
    assert any(not r.may_be_out_of_date for r in resources)
    version = ResourceVersion.objects.filter(original_name__endswith=".pdf").first()
    with version.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
