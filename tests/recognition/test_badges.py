"""Each badge's rule, its edge cases, and how badges are awarded (subscriber, daily task,
recompute command) and announced."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from practica.communities.models import Membership
from practica.discussions.models import Comment, Reaction
from practica.discussions.services import answer_accept, comment_create, post_create
from practica.events.models import Event, EventStatus
from practica.knowledge.services import request_save
from practica.library.models import Resource
from practica.messaging.models import ExpertRequest, RequestKind, RequestStatus
from practica.notifications.models import Notification
from practica.recognition.models import Award
from practica.recognition.services import awards_sync
from practica.recognition.tasks import awards_daily_task
from tests.factories import CommunityFactory, UserFactory, make_member


def held(user, badge=None):
    qs = Award.objects.filter(user=user)
    if badge:
        qs = qs.filter(badge=badge)
    return set(qs.values_list("badge", "community_id"))


def question(asker, community, title="How are bail conditions set?"):
    return post_create(
        actor=asker, community=community, kind="question", title=title, body="Please.", tags="bail"
    )


def test_first_accepted_answer_is_awarded_by_the_subscriber_and_told_once(
    community, chair, member, on_commit
):
    post = question(chair, community)
    with on_commit():
        comment = comment_create(actor=member, post=post, body="Here is how.")
    with on_commit():
        answer_accept(actor=chair, post=post, comment=comment)
    assert held(member) == {("first_answer", community.pk)}
    told = Notification.objects.filter(recipient=member, kind="badge.earned")
    assert told.count() == 1
    assert "First accepted answer" in told.get().title
    # Accepting again, and the daily recount, award nothing twice and tell nothing more.
    post2 = question(chair, community, title="Second question on sureties")
    with on_commit():
        c2 = comment_create(actor=member, post=post2, body="Again.")
    with on_commit():
        answer_accept(actor=chair, post=post2, comment=c2)
    awards_daily_task.call()
    assert Award.objects.filter(user=member, badge="first_answer").count() == 1
    assert Notification.objects.filter(recipient=member, kind="badge.earned").count() == 1


def test_an_answer_removed_since_withdraws_the_badge(community, chair, member):
    post = question(chair, community)
    comment = comment_create(actor=member, post=post, body="Here is how.")
    answer_accept(actor=chair, post=post, comment=comment)
    awards_sync()
    assert held(member, "first_answer")
    Comment.objects.filter(pk=comment.pk).update(deleted_at=timezone.now())
    assert awards_sync()["removed"] == 1
    assert not held(member, "first_answer")


def test_a_question_answered_by_its_asker_earns_nothing(community, member):
    post = question(member, community)
    comment = comment_create(actor=member, post=post, body="Found it myself.")
    from practica.discussions.models import Post

    Post.objects.filter(pk=post.pk).update(accepted_answer=comment)
    awards_sync()
    assert held(member) == set()


def test_ten_helpful_reactions_from_others_in_one_community(community, member):
    post = post_create(actor=member, community=community, kind="discussion", title="T", body="B")
    comment = comment_create(actor=member, post=post, body="Useful")
    fans = [make_member(community) for _ in range(9)]
    for fan in fans:
        Reaction.objects.create(comment=comment, user=fan, kind="helpful")
    # Their own reaction and other kinds do not count.
    Reaction.objects.create(comment=comment, user=member, kind="helpful")
    Reaction.objects.create(comment=comment, user=fans[0], kind="thanks")
    awards_sync()
    assert not held(member, "helpful_ten")
    Reaction.objects.create(comment=comment, user=make_member(community), kind="helpful")
    awards_sync()
    assert held(member, "helpful_ten") == {("helpful_ten", community.pk)}


def _resource(community, author, **fields):
    resource = Resource.objects.create(
        community=community, title="Bail guide", kind="guide", summary="s", language="English",
        licence="cc_by", current_as_of=timezone.localdate(), status="published",
        created_by=author, **fields,
    )  # fmt: skip
    resource.authors.set([author])
    return resource


def test_a_resource_used_100_times(community, member):
    resource = _resource(community, member, download_count=99)
    awards_sync()
    assert not held(member, "resource_used")
    Resource.objects.filter(pk=resource.pk).update(download_count=100)
    awards_sync()
    assert held(member, "resource_used") == {("resource_used", community.pk)}
    # Retired: the badge goes with it.
    Resource.objects.filter(pk=resource.pk).update(status="retired")
    awards_sync()
    assert not held(member, "resource_used")


def test_a_resource_kept_current_for_a_year(community, member):
    now = timezone.now()
    young = _resource(community, member, created_at=now - timedelta(days=200))
    Resource.objects.filter(pk=young.pk).update(last_reviewed_at=now)
    awards_sync()
    assert not held(member, "resource_current")
    Resource.objects.filter(pk=young.pk).update(created_at=now - timedelta(days=400))
    awards_sync()
    assert held(member, "resource_current") == {("resource_current", community.pk)}


def _event(community, organiser, *, days_ago=1, status=EventStatus.SCHEDULED, hours=2):
    start = timezone.now() - timedelta(days=days_ago)
    return Event.objects.create(
        community=community, title="Bail clinic", kind="workshop", description="d",
        starts_at=start, ends_at=start + timedelta(hours=hours), time_zone="UTC",
        status=status, created_by=organiser,
    )  # fmt: skip


def test_an_event_run_counts_once_it_has_ended_and_not_if_cancelled(community, chair):
    _event(community, chair, days_ago=-3)  # still to come
    _event(community, chair, status=EventStatus.CANCELLED)
    awards_sync()
    assert not held(chair, "event_run")
    _event(community, chair)
    _event(community, chair, days_ago=5)
    awards_daily_task.call()
    assert held(chair, "event_run") == {("event_run", community.pk)}


def test_a_request_answered_before_its_deadline(community, chair, member):
    post = question(chair, community)
    request_save(
        actor=chair, post=post, jurisdictions="Ontario",
        deadline=timezone.localdate() + timedelta(days=3), answer_kind="document",
    )  # fmt: skip
    late = make_member(community)
    on_time = comment_create(actor=member, post=post, body="On time")
    answer_accept(actor=chair, post=post, comment=on_time)
    awards_sync()
    assert held(member, "request_answered") == {("request_answered", community.pk)}
    # An answer written after the deadline earns nothing.
    after = comment_create(actor=late, post=post, body="Late")
    Comment.objects.filter(pk=after.pk).update(created_at=timezone.now() + timedelta(days=5))
    answer_accept(actor=chair, post=post, comment=Comment.objects.get(pk=after.pk))
    awards_sync()
    assert not held(late, "request_answered")
    assert not held(member, "request_answered")


def test_a_year_of_membership_lasts_while_a_member(community, member):
    Membership.objects.filter(user=member).update(joined_at=timezone.now() - timedelta(days=364))
    awards_sync()
    assert not held(member, "member_year")
    Membership.objects.filter(user=member).update(joined_at=timezone.now() - timedelta(days=366))
    awards_sync()
    assert held(member, "member_year") == {("member_year", community.pk)}
    Membership.objects.filter(user=member).delete()  # they left
    awards_sync()
    assert not held(member, "member_year")


def test_mentoring_is_an_accepted_request_for_mentoring(member):
    mentor, other = UserFactory(), UserFactory()
    for kind, status, to in (
        (RequestKind.QUESTION, RequestStatus.ACCEPTED, other),
        (RequestKind.MENTORING, RequestStatus.DECLINED, other),
        (RequestKind.MENTORING, RequestStatus.ACCEPTED, mentor),
    ):
        ExpertRequest.objects.create(
            kind=kind, sender=member, recipient=to, topic="t", context="c", status=status
        )
    awards_sync()
    assert held(mentor) == {("mentor", None)}
    assert held(other) == set()


def test_a_member_who_left_keeps_what_they_contributed(community, chair, member):
    post = question(chair, community)
    comment = comment_create(actor=member, post=post, body="Here is how.")
    answer_accept(actor=chair, post=post, comment=comment)
    Membership.objects.filter(user=member).delete()
    awards_sync()
    assert held(member, "first_answer")


def test_a_closed_account_holds_nothing(community, chair, member):
    post = question(chair, community)
    answer_accept(actor=chair, post=post, comment=comment_create(actor=member, post=post, body="x"))
    awards_sync()
    member.is_active = False
    member.save()
    awards_sync()
    assert held(member) == set()


def test_the_recompute_command_is_idempotent_and_quiet(community, chair, member, capsys):
    post = question(chair, community)
    answer_accept(actor=chair, post=post, comment=comment_create(actor=member, post=post, body="x"))
    _event(community, chair)
    Award.objects.create(user=member, badge="mentor")  # not supported by the record
    call_command("recognition_recompute")
    first = set(Award.objects.values_list("user_id", "badge", "community_id"))
    assert first == {
        (member.pk, "first_answer", community.pk),
        (chair.pk, "event_run", community.pk),
    }
    assert "2 added, 1 removed" in capsys.readouterr().out
    call_command("recognition_recompute")
    assert set(Award.objects.values_list("user_id", "badge", "community_id")) == first
    assert "0 added, 0 removed" in capsys.readouterr().out
    assert not Notification.objects.filter(kind="badge.earned").exists()


@pytest.mark.parametrize("visibility", ["members", "hidden"])
def test_the_badge_notification_names_only_the_holder(db, visibility, on_commit):
    community = CommunityFactory(visibility=visibility, name="Quiet Harbour Circle")
    chair = make_member(community, role="chair")
    member = make_member(community)
    watcher = make_member(community)
    post = question(chair, community)
    comment = comment_create(actor=member, post=post, body="x")
    with on_commit():
        answer_accept(actor=chair, post=post, comment=comment)
    assert Notification.objects.filter(kind="badge.earned").count() == 1
    assert not Notification.objects.filter(recipient=watcher, kind="badge.earned").exists()


def test_mentoring_through_the_real_request_is_awarded_at_once(community, member, on_commit):
    from practica.messaging.expert import expert_request_create, expert_request_decide

    mentor = make_member(community, open_to_mentoring=True)
    request = expert_request_create(
        actor=member, person=mentor, kind="mentoring", topic="Starting a legal aid clinic",
        context="I would value an hour a month.",
    )  # fmt: skip
    with on_commit():
        expert_request_decide(actor=mentor, request=request, accept=True)
    assert held(mentor) == {("mentor", None)}
    assert Notification.objects.filter(recipient=mentor, kind="badge.earned").exists()
    assert not Notification.objects.filter(recipient=member, kind="badge.earned").exists()


def test_removal_from_a_community_withdraws_its_year_of_membership_at_once(
    community, chair, member, on_commit
):
    from practica.communities.services.membership import membership_remove

    Membership.objects.filter(user=member).update(joined_at=timezone.now() - timedelta(days=400))
    awards_sync()
    assert held(member, "member_year")
    with on_commit():
        membership_remove(
            actor=chair, membership=Membership.objects.get(user=member), reason="Left the field"
        )
    assert not held(member, "member_year")


def test_the_scheduler_runs_the_daily_recount(settings):
    from django.utils.module_loading import import_string

    paths = [path for path, _every in settings.PRACTICA_PERIODIC_TASKS]
    assert "practica.recognition.tasks.awards_daily_task" in paths
    assert import_string("practica.recognition.tasks.awards_daily_task") is awards_daily_task


def test_the_subscriber_is_safe_to_call_twice(community, chair, member, on_commit):
    from practica.activity.models import Activity
    from practica.recognition.follow import activity_award

    post = question(chair, community)
    answer_accept(actor=chair, post=post, comment=comment_create(actor=member, post=post, body="x"))
    activity = Activity.objects.get(verb="answer.accepted")
    with on_commit():
        activity_award(activity)
    with on_commit():
        activity_award(activity)
    assert Award.objects.filter(user=member).count() == 1
    assert Notification.objects.filter(recipient=member, kind="badge.earned").count() == 1
