"""The daily rollups follow the activity record and match a full recount."""

import pytest
from django.core.management import call_command

from practica.discussions.models import PostKind
from practica.discussions.services import comment_create, comment_delete, post_create
from practica.reports.models import DailyRollup
from practica.reports.rollups import recount_all, rollups_rebuild, rollups_stored
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db


def test_rollups_kept_by_the_activity_record_match_a_full_recount(
    django_capture_on_commit_callbacks,
):
    community = CommunityFactory()
    chair = make_member(community, role="chair")
    member = make_member(community)
    with django_capture_on_commit_callbacks(execute=True):
        post = post_create(
            actor=chair, community=community, kind=PostKind.DISCUSSION, title="Bail", body="x"
        )
    with django_capture_on_commit_callbacks(execute=True):
        first = comment_create(actor=member, post=post, body="One")
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(actor=chair, post=post, body="Two", parent=first)
    with django_capture_on_commit_callbacks(execute=True):
        third = comment_create(actor=member, post=post, body="Three")
    with django_capture_on_commit_callbacks(execute=True):
        gone = comment_create(actor=member, post=post, body="Gone soon")
    with django_capture_on_commit_callbacks(execute=True):
        comment_delete(actor=chair, comment=gone, reason="Off topic.")
    assert third.pk
    stored = rollups_stored()
    assert stored == recount_all()
    rows = {r.user_id: (r.posts, r.comments, r.replies) for r in DailyRollup.objects.all()}
    assert rows == {chair.pk: (1, 0, 1), member.pk: (0, 2, 0)}


def test_the_subscriber_is_safe_to_run_twice(django_capture_on_commit_callbacks):
    from practica.activity.models import Activity
    from practica.reports.rollups import activity_rollup

    community = CommunityFactory()
    chair = make_member(community, role="chair")
    with django_capture_on_commit_callbacks(execute=True):
        post_create(actor=chair, community=community, kind="discussion", title="T", body="x")
    before = rollups_stored()
    for activity in Activity.objects.all():
        activity_rollup(activity)
    assert rollups_stored() == before == recount_all()


def test_rebuild_from_scratch(small):
    DailyRollup.objects.all().delete()
    DailyRollup.objects.create(community_id=999, day="2020-01-01", user_id=1, posts=5)
    call_command("reports_rebuild", stdout=__import__("io").StringIO())
    assert rollups_stored() == recount_all()
    assert rollups_rebuild() == DailyRollup.objects.count()


def test_a_moved_post_takes_its_counts_along(django_capture_on_commit_callbacks):
    from practica.discussions.services import post_move
    from tests.factories import UserFactory

    community, target = CommunityFactory(), CommunityFactory()
    chair = make_member(community, role="chair")
    member = make_member(community)
    with django_capture_on_commit_callbacks(execute=True):
        post = post_create(
            actor=chair, community=community, kind=PostKind.DISCUSSION, title="Bail", body="x"
        )
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(actor=member, post=post, body="One")
    with django_capture_on_commit_callbacks(execute=True):
        post_move(actor=UserFactory(is_staff=True), post=post, target=target)
    assert rollups_stored() == recount_all()
    assert set(DailyRollup.objects.values_list("community_id", flat=True)) == {target.pk}
