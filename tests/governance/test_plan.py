"""The one-year plan: drafting goals and activities linked to the community's own posts,
events and resources, comments on the draft, publishing, progress, and query counts."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from practica.core.errors import ServiceError
from practica.core.models import AuditEvent
from practica.discussions.services import post_create
from practica.governance import services
from practica.governance.models import DraftComment, Plan, PlanActivity
from practica.governance.selectors import plan_progress
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def draft_plan(community, chair, title="Our plan for 2026"):
    return services.plan_draft_save(
        actor=chair, community=community, title=title,
        starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31),
    )  # fmt: skip


def test_a_leader_builds_a_plan_through_the_pages(client, community, chair, member):
    post = post_create(
        actor=chair, community=community, kind="discussion", title="Diversion clinic notes",
        body="B",
    )  # fmt: skip
    client.force_login(chair)
    edit = reverse("plan_edit", args=[community.slug])
    assert client.get(edit).status_code == 200
    client.post(edit, {"action": "plan", "title": "Plan 2026", "starts_on": "2026-01-01",
                       "ends_on": "2026-12-31", "introduction": "Our year."})  # fmt: skip
    plan = Plan.objects.get(community=community)
    assert plan.is_draft
    client.post(edit, {"action": "goal", "title": "Share what works", "description": ""})
    goal = plan.goals.get()
    goal_url = reverse("goal_edit", args=[community.slug, goal.pk])
    page = client.get(goal_url).content.decode()
    assert "Diversion clinic notes" in page  # offered to link
    response = client.post(goal_url, {
        "action": "activity", "title": "Monthly clinic", "owner": member.pk,
        "due_on": "2026-03-31", "status": "planned", "post": post.pk,
    })  # fmt: skip
    assert response.status_code == 302
    activity = PlanActivity.objects.get()
    assert activity.owner == member and activity.post == post
    assert client.post(reverse("plan_publish", args=[community.slug])).status_code == 302
    plan.refresh_from_db()
    assert not plan.is_draft and plan.published_by == chair
    assert AuditEvent.objects.filter(action="plan.publish", target_id=plan.pk).exists()
    page = client.get(reverse("plan", args=[community.slug])).content.decode()
    assert "Plan 2026" in page and "Monthly clinic" in page and "Diversion clinic notes" in page


def test_bad_dates_are_refused_and_the_title_kept(client, community, chair):
    client.force_login(chair)
    response = client.post(reverse("plan_edit", args=[community.slug]), {
        "action": "plan", "title": "Kept plan title", "starts_on": "2026-12-31",
        "ends_on": "2026-01-01",
    })  # fmt: skip
    assert response.status_code == 200
    assert "The plan must end after it starts." in response.content.decode()
    assert "Kept plan title" in response.content.decode()
    assert not Plan.objects.exists()


def test_only_one_draft_at_a_time(community, chair):
    draft_plan(community, chair)
    with pytest.raises(ServiceError):
        services.plan_draft_save(
            actor=chair, community=community, title="Another", starts_on=date(2026, 1, 1),
            ends_on=date(2026, 6, 1),
        )  # fmt: skip


def test_activities_link_only_the_communitys_own_things_and_members(community, chair):
    plan = draft_plan(community, chair)
    goal = services.goal_add(actor=chair, plan=plan, title="Goal")
    other = CommunityFactory()
    other_chair = make_member(other, role="chair")
    foreign = post_create(
        actor=other_chair, community=other, kind="discussion", title="T", body="B"
    )
    with pytest.raises(ServiceError):
        services.activity_add(actor=chair, goal=goal, title="A", post=foreign)
    with pytest.raises(ServiceError):
        services.activity_add(actor=chair, goal=goal, title="A", owner=UserFactory())


def test_non_leaders_are_refused(client, community, chair, member):
    plan = draft_plan(community, chair)
    goal = services.goal_add(actor=chair, plan=plan, title="Goal")
    client.force_login(member)
    assert client.get(reverse("plan_edit", args=[community.slug])).status_code == 403
    assert client.get(reverse("goal_edit", args=[community.slug, goal.pk])).status_code == 403
    assert client.post(reverse("plan_publish", args=[community.slug])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.goal_add(actor=member, plan=plan, title="Mine")


def test_members_comment_on_the_draft_plan_only_while_open(client, community, chair, member):
    plan = draft_plan(community, chair)
    services.goal_add(actor=chair, plan=plan, title="Goal")
    url = reverse("plan_draft", args=[community.slug])
    client.force_login(member)
    assert client.get(url).status_code == 403
    services.plan_comments_open(actor=chair, plan=plan, days=10)
    assert client.get(url).status_code == 200
    assert client.post(url, {"body": "Add a mentoring goal."}).status_code == 302
    assert DraftComment.objects.get().plan == plan
    Plan.objects.filter(pk=plan.pk).update(comments_until=timezone.now() - timedelta(seconds=1))
    client.force_login(chair)
    assert client.post(url, {"body": "Too late"}).status_code == 403
    assert DraftComment.objects.count() == 1


def test_publishing_needs_a_goal(community, chair):
    plan = draft_plan(community, chair)
    with pytest.raises(ServiceError):
        services.plan_publish(actor=chair, plan=plan)


def test_progress_counts_done_activities_without_the_dropped(client, community, chair, member):
    plan = draft_plan(community, chair)
    first = services.goal_add(actor=chair, plan=plan, title="First goal")
    second = services.goal_add(actor=chair, plan=plan, title="Second goal")
    for status in ("done", "done", "in_progress", "dropped"):
        services.activity_add(actor=chair, goal=first, title=status, status=status)
    services.activity_add(actor=chair, goal=second, title="Later", owner=member)
    services.plan_publish(actor=chair, plan=plan)
    progress = plan_progress(community)
    assert [(g.done, g.counted, g.percent) for g in progress.goals] == [(2, 3, 67), (0, 1, 0)]
    assert (progress.done, progress.counted, progress.percent) == (2, 4, 50)
    # The community's page shows it.
    page = client.get(reverse("community_detail", args=[community.slug])).content.decode()
    assert "50% done (2 of 4 activities)" in page
    # The owner says their activity is done; the progress moves.
    later = PlanActivity.objects.get(title="Later")
    client.force_login(member)
    url = reverse("activity_edit", args=[community.slug, later.pk])
    assert client.post(url, {"action": "status", "status": "done"}).status_code == 302
    assert plan_progress(community).percent == 75
    # Another member may not.
    client.force_login(make_member(community))
    assert client.post(url, {"action": "status", "status": "dropped"}).status_code == 403


def test_no_plan_no_progress(community):
    assert plan_progress(community) is None


def test_members_only_plans_are_not_shown_to_outsiders(client):
    community = CommunityFactory(visibility="members")
    chair = make_member(community, role="chair")
    plan = draft_plan(community, chair, title="Confidential year plan")
    services.goal_add(actor=chair, plan=plan, title="Goal")
    services.plan_publish(actor=chair, plan=plan)
    client.force_login(UserFactory())
    for url in (
        reverse("plan", args=[community.slug]),
        reverse("plan_detail", args=[community.slug, plan.pk]),
        reverse("community_detail", args=[community.slug]),
    ):
        assert "Confidential year plan" not in client.get(url).content.decode()


def test_the_plan_page_costs_the_same_whatever_its_size(
    client, community, chair, member, django_assert_num_queries
):
    plan = draft_plan(community, chair)
    services.plan_comments_open(actor=chair, plan=plan, days=5)
    client.force_login(member)
    url = reverse("plan_draft", args=[community.slug])

    def grow(n):
        goal = services.goal_add(actor=chair, plan=plan, title=f"Goal {n}")
        for i in range(3):
            post = post_create(
                actor=chair, community=community, kind="discussion", title=f"P{n}{i}", body="B"
            )
            services.activity_add(actor=chair, goal=goal, title=f"A{n}{i}", owner=member, post=post)
        services.draft_comment_add(actor=member, community=community, body=f"C{n}", plan=plan)

    grow(1)
    client.get(url)
    with django_assert_num_queries(QUERIES) as small:
        client.get(url)
    grow(2)
    grow(3)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)


QUERIES = 11


def test_the_community_page_costs_the_same_with_a_plan(
    client, community, chair, member, django_assert_num_queries
):
    plan = draft_plan(community, chair)
    goal = services.goal_add(actor=chair, plan=plan, title="Goal")
    services.activity_add(actor=chair, goal=goal, title="A")
    services.plan_publish(actor=chair, plan=plan)
    client.force_login(member)
    url = reverse("community_detail", args=[community.slug])
    client.get(url)
    with django_assert_num_queries(COMMUNITY_PAGE) as first:
        client.get(url)
    for n in range(5):
        services_goal = Plan.objects.get(pk=plan.pk).goals.get()
        PlanActivity.objects.create(goal=services_goal, title=f"More {n}", status="done")
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(url)


COMMUNITY_PAGE = 14


def test_the_agreement_versions_page_costs_the_same_whatever_the_count(
    client, community, chair, member, django_assert_num_queries
):
    for n in range(2):
        services.agreement_draft_save(actor=chair, community=community, body=f"V{n}")
        services.agreement_publish(actor=chair, community=community)
    client.force_login(member)
    url = reverse("agreement_versions", args=[community.slug])
    client.get(url)
    with django_assert_num_queries(VERSIONS) as first:
        client.get(url)
    for n in range(3):
        services.agreement_draft_save(actor=chair, community=community, body=f"W{n}")
        services.agreement_publish(actor=chair, community=community)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(url)


VERSIONS = 8


def test_plan_progress_reads_four_queries_whatever_the_size(
    community, chair, django_assert_num_queries
):
    plan = draft_plan(community, chair)
    for n in range(3):
        goal = services.goal_add(actor=chair, plan=plan, title=f"Goal {n}")
        for i in range(4):
            services.activity_add(actor=chair, goal=goal, title=f"A{i}", status="done")
    services.plan_publish(actor=chair, plan=plan)
    with django_assert_num_queries(4):  # the plan, its authors, goals, activities
        assert plan_progress(community).percent == 100
