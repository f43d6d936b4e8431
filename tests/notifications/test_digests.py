"""Daily and weekly digests, sent through a real SMTP server on loopback."""

import zoneinfo
from datetime import timedelta

import pytest
from django.utils import timezone

from practica.communities.models import Membership
from practica.communities.notify import community_activity, email_badge
from practica.communities.services.membership import membership_leave
from practica.discussions.models import Post
from practica.events.models import Event
from practica.library.models import Resource
from practica.notifications.digests import send
from practica.notifications.digests.models import DigestSent
from practica.notifications.digests.tasks import digests_plan
from practica.notifications.models import EmailSettings, Notification, Preference
from tests.factories import CommunityFactory, UserFactory, make_member
from tests.smtp import parts

TORONTO = "America/Toronto"


def at_their_hour(user, *, zone=TORONTO, day=None):
    """Make now `user`'s digest hour in `zone` (and today their weekly day); now."""
    now = timezone.now()
    local = now.astimezone(zoneinfo.ZoneInfo(zone))
    user.time_zone = zone
    user.save(update_fields=["time_zone"])
    EmailSettings.objects.update_or_create(
        user=user,
        defaults={"digest_hour": local.hour, "weekly_day": local.weekday() if day is None else day},
    )
    return now


def pending(user, community, title="A new comment on Tides and courts", category="watched"):
    activity = community_activity(community, actor=None, verb="comment.created", target=None)
    return Notification.objects.create(
        recipient=user,
        activity=activity,
        category=category,
        title=title,
        body="What the comment says, at some length.",
        url="/posts/1/#comment-1",
        email_badge=email_badge(community),
    )


@pytest.mark.django_db
def test_daily_digest_comes_at_the_members_local_hour_and_not_at_others(smtp, member, community):
    now = at_their_hour(member)
    note = pending(member, community)
    digests_plan(at=now - timedelta(hours=2))
    digests_plan(at=now + timedelta(hours=5))
    assert smtp.messages == []
    digests_plan(at=now)
    [message] = smtp.to(member.email)
    assert "daily digest" in message["Subject"]
    texts = parts(message)
    assert "A new comment on Tides and courts" in texts["text/plain"]
    assert "A new comment on Tides and courts" in texts["text/html"]
    assert "http://" in texts["text/plain"] and "/posts/1/#comment-1" in texts["text/plain"]
    assert "style=" not in texts["text/html"]  # attributes only: every mail program shows them
    assert len(message.as_bytes()) < 20_000
    note.refresh_from_db()
    assert note.emailed_at is not None
    # Asked again within the hour (the scheduler runs every few minutes): nothing more.
    digests_plan(at=now + timedelta(minutes=10))
    assert len(smtp.to(member.email)) == 1


@pytest.mark.django_db
def test_nothing_new_sends_nothing(smtp, member, community):
    now = at_their_hour(member)
    digests_plan(at=now)
    assert smtp.messages == []
    assert DigestSent.objects.get(user=member, kind="daily").items == 0


@pytest.mark.django_db
def test_what_goes_at_once_is_not_in_the_digest(smtp, member, community):
    now = at_their_hour(member)
    pending(member, community, category="replies")  # replies: at once by default
    digests_plan(at=now)
    assert smtp.messages == []


@pytest.mark.django_db
def test_what_was_read_on_the_site_is_not_news_in_the_digest(smtp, member, community):
    now = at_their_hour(member)
    pending(member, community, title="Already read on the site")
    Notification.objects.filter(recipient=member).update(read_at=now)
    pending(member, community, title="Still unread")
    digests_plan(at=now)
    [message] = smtp.to(member.email)
    text = parts(message)["text/plain"]
    assert "Still unread" in text and "Already read on the site" not in text


@pytest.mark.django_db
def test_weekly_digest_only_on_the_chosen_day(smtp, member, community):
    now = at_their_hour(member)
    Preference.objects.create(user=member, category="watched", delivery="weekly")
    pending(member, community)
    local = now.astimezone(zoneinfo.ZoneInfo(TORONTO))
    EmailSettings.objects.filter(user=member).update(weekly_day=(local.weekday() + 1) % 7)
    digests_plan(at=now)
    assert smtp.messages == []
    EmailSettings.objects.filter(user=member).update(weekly_day=local.weekday())
    digests_plan(at=now)
    [message] = smtp.to(member.email)
    assert "weekly digest" in message["Subject"]


@pytest.mark.django_db
def test_a_private_community_the_member_left_gives_nothing(smtp):
    private = CommunityFactory(visibility="members", name="Marram Members Circle")
    member = make_member(private)
    now = at_their_hour(member)
    author = make_member(private)
    pending(member, private, title="Marram private thread")
    Resource.objects.create(
        community=private, title="Marram private guide", kind="guide", status="published",
        current_as_of=timezone.localdate(), created_by=author, created_at=now - timedelta(hours=1),
    )  # fmt: skip
    membership_leave(actor=member, community=private)
    digests_plan(at=now)
    # (Others' digest hour may fall now too, whatever the hour the test runs at.)
    assert smtp.to(member.email) == []
    # The notification is settled: it will not come back in a later digest.
    assert Notification.objects.get(recipient=member).emailed_at is not None


@pytest.mark.django_db
def test_content_that_stays_on_the_platform_becomes_a_pointer(smtp):
    private = CommunityFactory(
        visibility="members", name="Marram Members Circle", email_content=False
    )
    member = make_member(private)
    now = at_their_hour(member)
    pending(member, private, title="Marram private thread")
    digests_plan(at=now)
    [message] = smtp.to(member.email)
    texts = parts(message)
    assert "Marram private thread" not in texts["text/plain"] + texts["text/html"]
    assert "News in Marram Members Circle" in texts["text/plain"]


@pytest.mark.django_db
def test_the_domains_sections_are_filtered_by_what_the_member_may_see(smtp, community):
    mine = CommunityFactory(visibility="members", name="Marram Members Circle", email_content=True)
    other = CommunityFactory(visibility="members", name="Quiet Harbour Circle")
    member = make_member(mine)
    Membership.objects.create(user=member, community=community)
    author = make_member(mine)
    Membership.objects.create(user=author, community=other)
    now = at_their_hour(member)
    window_end = now.astimezone(zoneinfo.ZoneInfo(TORONTO)).replace(minute=0, second=0)
    earlier = window_end - timedelta(hours=3)
    for place, title in ((mine, "Who has a template for bail?"), (other, "Quiet secret question")):
        Post.objects.create(
            community=place, author=author, author_name="A", kind="question",
            status="published", title=title, body="b", published_at=earlier,
        )  # fmt: skip
    Resource.objects.create(
        community=community, title="Public sentencing guide", kind="guide", status="published",
        current_as_of=timezone.localdate(), created_by=author, created_at=earlier,
    )  # fmt: skip
    Post.objects.create(
        community=mine, author=author, author_name="A", kind="featured", status="published",
        title="Featured: courts and care", body="b", published_at=earlier,
        open_until=earlier + timedelta(days=60),
    )  # fmt: skip
    tomorrow = window_end + timedelta(hours=20)
    for audience, title in (("members", "Webinar on bail"), ("leaders", "Leaders' meeting")):
        Event.objects.create(
            community=mine, title=title, kind="webinar", description="d", audience=audience,
            starts_at=tomorrow, ends_at=tomorrow + timedelta(hours=1), time_zone=TORONTO,
        )  # fmt: skip
    digests_plan(at=now)
    [message] = smtp.to(member.email)
    text = parts(message)["text/plain"]
    assert "Who has a template for bail?" in text
    assert "Public sentencing guide" in text
    assert "Featured: courts and care" in text and "Opened for discussion" in text
    assert "Webinar on bail" in text
    assert "Leaders' meeting" not in text  # the member is not one of its leaders
    assert "Quiet secret question" not in text and "Quiet Harbour" not in text


@pytest.mark.django_db
def test_an_interrupted_run_started_again_sends_nobody_a_second_copy(
    smtp, settings, community, monkeypatch
):
    members = [make_member(community) for _ in range(3)]
    now = timezone.now()
    for person in members:
        at_their_hour(person)
        pending(person, community)
    real = send.digest_message
    calls = []

    def dies_on_the_second(digest, *, to):
        calls.append(to)
        if len(calls) == 2:
            raise ConnectionError("the worker was stopped")
        return real(digest, to=to)

    monkeypatch.setattr(send, "digest_message", dies_on_the_second)
    digests_plan(at=now)  # the chunk's task fails (the queue records it) after one digest
    assert len(smtp.messages) == 1
    monkeypatch.setattr(send, "digest_message", real)
    # Started again at once: the others' claims are still held; the one served is skipped.
    digests_plan(at=now)
    assert len(smtp.messages) == 1
    # Once the dead worker's claims are stale, the run takes them over and serves the rest.
    settings.DIGEST_CLAIM_STALE_MINUTES = 0
    digests_plan(at=now + timedelta(minutes=20))
    digests_plan(at=now + timedelta(minutes=30))
    assert sorted(to for to, _raw in smtp.raw) == sorted([p.email] for p in members)


@pytest.mark.django_db
def test_members_with_no_zone_follow_the_sites(smtp, settings, community):
    settings.TIME_ZONE = "Europe/Paris"
    member = make_member(community)
    now = timezone.now()
    hour = now.astimezone(zoneinfo.ZoneInfo("Europe/Paris")).hour
    EmailSettings.objects.create(user=member, digest_hour=hour)
    pending(member, community)
    digests_plan(at=now)
    assert len(smtp.to(member.email)) == 1


@pytest.mark.django_db
def test_a_digest_chunk_costs_a_bounded_number_of_queries(
    settings, community, django_assert_max_num_queries
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    now = timezone.now()
    people = [UserFactory() for _ in range(30)]
    activities = [
        community_activity(community, actor=None, verb="post.published", target=None)
        for _ in range(3)
    ]
    for person in people:
        Membership.objects.create(user=person, community=community)
        at_their_hour(person, zone="UTC")
        for activity in activities:
            Notification.objects.create(
                recipient=person, activity=activity, category="watched", title="T", url="/"
            )
    ids = [p.pk for p in people]
    # Fixed reads and writes for the chunk (whatever its size), four reads per distinct
    # activity for the access rules, then two writes per digest sent, each as soon as it
    # has left (its claim stamped, its notifications marked): 83 here.
    with django_assert_max_num_queries(11 + 4 * len(activities) + 2 * len(people)):
        sent = send.digest_chunk_send(kind="daily", user_ids=ids, at=now)
    assert sent == 30


@pytest.mark.django_db
def test_a_chunk_with_many_things_new_asks_the_rules_per_member(
    settings, community, django_assert_max_num_queries
):
    """When the members of a chunk have many distinct activities between them, the rules
    are asked once per member for all of theirs: the cost follows the chunk's size, not
    what happened. Lines listed are at most NOTIFICATION_ITEMS a category."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    now = timezone.now()
    people = [UserFactory() for _ in range(10)]
    for person in people:
        Membership.objects.create(user=person, community=community)
        at_their_hour(person, zone="UTC")
        for _ in range(20):
            activity = community_activity(community, actor=None, verb="post.published", target=None)
            Notification.objects.create(
                recipient=person, activity=activity, category="watched", title="T", url="/"
            )
    # Fixed reads and writes, five reads per member for the rules, one per line listed (may
    # its content leave by email: at most 10 a member here), two writes per digest sent.
    with django_assert_max_num_queries(12 + 5 * 10 + 10 * 10 + 2 * 10):
        sent = send.digest_chunk_send(kind="daily", user_ids=[p.pk for p in people], at=now)
    assert sent == 10


@pytest.mark.django_db
def test_an_address_the_mail_server_refuses_does_not_stop_the_others(smtp, community):
    members = [make_member(community) for _ in range(3)]
    now = timezone.now()
    for person in members:
        at_their_hour(person)
        pending(person, community)
    refused = members[1].email

    async def refuse_one(server, session, envelope, address, rcpt_options):
        if address == refused:
            return "550 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp.handle_RCPT = refuse_one
    digests_plan(at=now)
    served = sorted(to for to, _raw in smtp.raw)
    assert served == sorted([p.email] for p in members if p.email != refused)
    assert DigestSent.objects.get(user=members[1], kind="daily").sent_at is None
