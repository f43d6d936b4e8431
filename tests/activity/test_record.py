"""The activity record: one activity per change, in its transaction; notifications follow
after commit, for the people it concerns and those who watch, asked again when emailed."""

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from practica.activity.models import Activity
from practica.communities.models import Membership
from practica.discussions.services import comment_create, post_create
from practica.notifications.models import Delivery, Level, Notification, Preference, Watch
from practica.notifications.tasks import notification_email_send
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db


def _post(community, author, kind="discussion", title="Diversion at first appearance"):
    return post_create(
        actor=author, community=community, kind=kind, title=title, body="What works?"
    )


def _notified(person, **filters):
    return list(Notification.objects.filter(recipient=person, **filters))


def test_a_comment_is_recorded_once_and_told_only_after_commit(community, on_commit):
    author, writer, watcher = (make_member(community) for _ in range(3))
    Watch.objects.create(user=watcher, key=f"community:{community.pk}", level=Level.WATCHING)
    with on_commit():
        post = _post(community, author)
    with on_commit():
        comment = comment_create(actor=writer, post=post, body="Peer support helps.")
        # Recorded in the change's transaction; nobody is told before it commits.
        activity = Activity.objects.get(verb="comment.created")
        assert activity.target == comment and activity.community_id == community.pk
        assert f"post:{post.pk}" in activity.places
        assert not _notified(watcher, kind="comment.new")
    (told,) = _notified(author, kind="comment.new")
    assert told.url == comment.get_absolute_url() and told.activity == activity
    assert _notified(watcher, kind="comment.new")
    assert not _notified(writer, kind="comment.new")  # never told of one's own doing


def test_a_change_rolled_back_records_nothing_and_tells_no_one(community, on_commit):
    author, writer = make_member(community), make_member(community)
    with on_commit():
        post = _post(community, author)
    with on_commit():
        try:
            with transaction.atomic():
                comment_create(actor=writer, post=post, body="Gone with the rollback.")
                raise RuntimeError
        except RuntimeError:
            pass
    assert not Activity.objects.filter(verb="comment.created").exists()
    assert not _notified(author, kind="comment.new")


def test_levels_decide_who_hears_of_new_posts_and_comments(community, on_commit):
    author, writer = make_member(community), make_member(community)
    watching, tracking, normal = (make_member(community) for _ in range(3))
    key = f"community:{community.pk}"
    Watch.objects.create(user=watching, key=key, level=Level.WATCHING)
    Watch.objects.create(user=tracking, key=key, level=Level.TRACKING)
    with on_commit():
        post = _post(community, author)
    assert _notified(watching, kind="post.new") and _notified(tracking, kind="post.new")
    assert not _notified(normal, kind="post.new")
    with on_commit():
        comment_create(actor=writer, post=post, body="A comment.")
    assert _notified(watching, kind="comment.new")
    assert not _notified(tracking, kind="comment.new") and not _notified(normal)


def test_muting_a_thread_or_a_person_always_wins(community, on_commit):
    author, writer = make_member(community), make_member(community)
    mutes_thread, mutes_person, watches_thread = (make_member(community) for _ in range(3))
    with on_commit():
        post = _post(community, author)
    for person in (mutes_thread, mutes_person):
        Watch.objects.create(user=person, key=f"community:{community.pk}", level=Level.WATCHING)
    Watch.objects.create(user=mutes_thread, key=f"post:{post.pk}", level=Level.MUTED)
    Watch.objects.create(user=mutes_person, key=f"person:{writer.pk}", level=Level.MUTED)
    # A thread watched in a muted community is still heard of.
    Watch.objects.create(user=watches_thread, key=f"community:{community.pk}", level=Level.MUTED)
    Watch.objects.create(user=watches_thread, key=f"post:{post.pk}", level=Level.WATCHING)
    with on_commit():
        comment_create(actor=writer, post=post, body=f"Thanks @{mutes_thread.handle}!")
    assert not _notified(mutes_thread)  # not even the mention: the thread is muted
    assert not _notified(mutes_person)
    assert _notified(watches_thread, kind="comment.new")


def test_writing_tracks_a_thread_and_asking_watches_it(community, on_commit):
    asker, writer = make_member(community), make_member(community)
    with on_commit():
        question = _post(community, asker, kind="question", title="Which screening tool?")
        comment_create(actor=writer, post=question, body="We use one we built.")
    assert Watch.objects.get(user=asker, key=f"post:{question.pk}").level == Level.WATCHING
    assert Watch.objects.get(user=writer, key=f"post:{question.pk}").level == Level.TRACKING


def test_a_featured_post_reaches_every_member_who_did_not_mute(community, chair, on_commit):
    member, muter = make_member(community), make_member(community)
    Watch.objects.create(user=muter, key=f"community:{community.pk}", level=Level.MUTED)
    outsider = make_member(CommunityFactory())
    with on_commit():
        _post(community, chair, kind="featured", title="This month: bail reform")
    assert _notified(member, kind="post.new", category="featured")
    assert not _notified(muter) and not _notified(outsider)


def test_email_follows_each_members_choice_for_the_kind(community, on_commit):
    author = make_member(community)
    at_once, daily, never = (make_member(community) for _ in range(3))
    for person, delivery in ((daily, Delivery.DAILY), (never, Delivery.NEVER)):
        Preference.objects.create(user=person, category="watched", delivery=delivery)
    Preference.objects.create(user=at_once, category="watched", delivery=Delivery.NOW)
    for person in (at_once, daily, never):
        Watch.objects.create(user=person, key=f"community:{community.pk}", level=Level.TRACKING)
    mail.outbox.clear()
    with on_commit():
        _post(community, author, title="Court navigators")
    assert [message.to for message in mail.outbox] == [[at_once.email]]
    assert "Court navigators" in mail.outbox[0].subject
    # Daily ones wait for the digest; all three see it on the site.
    assert all(_notified(person, kind="post.new") for person in (at_once, daily, never))
    assert _notified(daily)[0].emailed_at is None


def test_someone_who_left_hears_nothing_more_even_of_what_was_queued(on_commit):
    private = CommunityFactory(visibility="members")
    author, stays, leaves = make_member(private), make_member(private), make_member(private)
    for person in (stays, leaves):
        Watch.objects.create(user=person, key=f"community:{private.pk}", level=Level.WATCHING)
    with on_commit():
        post = _post(private, author, title="Sealed matter")
    Preference.objects.create(user=leaves, category="watched", delivery=Delivery.DAILY)
    mail.outbox.clear()
    with on_commit():
        comment_create(actor=author, post=post, body="An update.")
    (queued,) = _notified(leaves, kind="comment.new")
    Membership.objects.filter(user=leaves, community=private).delete()
    notification_email_send(queued.pk)  # asked now, not when it was made
    assert all(leaves.email not in message.to for message in mail.outbox)
    with on_commit():
        comment_create(actor=author, post=post, body="Another update.")
    assert len(_notified(leaves, kind="comment.new")) == 1
    assert len(_notified(stays, kind="comment.new")) == 2


def test_restricted_content_stays_inside_the_email(on_commit):
    private = CommunityFactory(visibility="members", email_content=False)
    author, watcher = make_member(private), make_member(private)
    Watch.objects.create(user=watcher, key=f"community:{private.pk}", level=Level.WATCHING)
    Preference.objects.create(user=watcher, category="watched", delivery=Delivery.NOW)
    mail.outbox.clear()
    with on_commit():
        _post(private, author, title="Sealed matter")
    (message,) = mail.outbox
    assert "Sealed matter" not in message.subject + message.body
    assert private.name in message.subject
    assert _notified(watcher)[0].title.endswith("“Sealed matter”")  # the site shows it


def test_fan_out_is_chunked_and_safe_to_run_again(community, on_commit, settings):
    settings.NOTIFY_CHUNK = 2
    author = make_member(community)
    watchers = [make_member(community) for _ in range(5)]
    for person in watchers:
        Watch.objects.create(user=person, key=f"community:{community.pk}", level=Level.TRACKING)
        Preference.objects.create(user=person, category="watched", delivery=Delivery.NOW)
    mail.outbox.clear()
    with on_commit():
        _post(community, author)
    assert Notification.objects.filter(kind="post.new").count() == 5
    assert len(mail.outbox) == 5
    # A retried dispatch (a worker died after sending) makes and sends nothing twice.
    from practica.activity.tasks import activity_dispatch

    activity_dispatch.call(Activity.objects.get(verb="post.published").pk)
    assert Notification.objects.filter(kind="post.new").count() == 5
    assert len(mail.outbox) == 5


def test_posting_costs_the_same_queries_however_many_watch(client, community):
    author = make_member(community)
    post = _post(community, author)
    writer = make_member(community)
    client.force_login(writer)
    url = reverse("comment_create", args=[post.pk])
    counts = []
    for watchers in (0, 1, 40):  # the first request warms caches (content types)
        for _ in range(watchers):
            person = make_member(community)
            Watch.objects.create(user=person, key=f"community:{community.pk}", level="watching")
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url, {"body": f"Comment with {watchers} watching."})
        assert response.status_code == 302
        counts.append(len(queries))
    assert counts[1] == counts[2], counts


def test_watching_a_series_brings_its_new_dates_changes_and_cancellations(
    community, chair, on_commit
):
    from datetime import datetime, timedelta

    from practica.events.services import event_cancel, event_create

    follower, bystander = make_member(community), make_member(community)
    start = datetime.now() + timedelta(days=7)
    with on_commit():
        first, *_rest = event_create(
            actor=chair, community=community, title="Monthly case clinic", kind="meeting",
            description="Bring a case.", local_start=start, local_end=start + timedelta(hours=1),
            time_zone="America/Toronto", repeat="monthly",
            repeat_until=(start + timedelta(days=100)).date(), audience="members",
        )  # fmt: skip
    Watch.objects.create(user=follower, key=f"series:{first.series_id}", level=Level.TRACKING)
    with on_commit():
        event_cancel(actor=chair, event=first, reason="Holiday")
    assert _notified(follower, kind="event.cancelled")
    assert not _notified(bystander, kind="event.cancelled")
