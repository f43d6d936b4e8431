"""Reads of a community's agreement and plan, with their joins chosen; `plan_progress` is
what the community's page (and, later, the helpers' reports) show of the plan."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from practica.communities.models import Community, Membership
from practica.discussions.models import Post, PostStatus
from practica.events.models import Audience, Event
from practica.library.models import Resource, ResourceStatus

from .models import (
    ActivityStatus,
    Agreement,
    AgreementVersion,
    DraftComment,
    Endorsement,
    Goal,
    Plan,
    PlanActivity,
    PlanStatus,
)

LINK_CHOICES = 200  # the most recent posts, events and resources offered to link


def agreement_current(*, community: Community) -> AgreementVersion | None:
    """The version in force (the number kept on the community), with its people."""
    if not community.agreement_version:
        return None
    return (
        AgreementVersion.objects.filter(community=community, number=community.agreement_version)
        .select_related("community", "published_by")
        .prefetch_related("authors")
        .annotate(endorsement_count=Count("endorsements"))
        .first()
    )


def agreement_version(*, community: Community, number: int) -> AgreementVersion | None:
    return (
        AgreementVersion.objects.filter(community=community, number=number)
        .select_related("community", "published_by")
        .prefetch_related("authors")
        .annotate(endorsement_count=Count("endorsements"))
        .first()
    )


def agreement_versions(*, community: Community) -> QuerySet[AgreementVersion]:
    return (
        AgreementVersion.objects.filter(community=community)
        .select_related("community", "published_by")
        .prefetch_related("authors")
        .annotate(endorsement_count=Count("endorsements"))
        .order_by("-number")
    )


def agreement_draft(*, community: Community) -> Agreement | None:
    return Agreement.objects.filter(community=community).prefetch_related("authors").first()


def endorsed_number(*, user: Any, community: Community) -> int:
    """The highest version of the agreement `user` endorsed (0: none)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    row = (
        Endorsement.objects.filter(user_id=user.pk, version__community=community)
        .order_by("-version__number")
        .values_list("version__number", flat=True)
        .first()
    )
    return row or 0


def endorsers(*, version: AgreementVersion, limit: int = 50) -> list[Any]:
    return [
        e.user
        for e in Endorsement.objects.filter(version=version)
        .select_related("user")
        .order_by("created_at")[:limit]
    ]


def draft_comments(
    *, community: Community, agreement_number: int | None = None, plan: Plan | None = None
) -> QuerySet[DraftComment]:
    qs = DraftComment.objects.filter(community=community).select_related("author")
    if plan is not None:
        return qs.filter(plan=plan)
    return qs.filter(plan__isnull=True, agreement_number=agreement_number)


# --- Plans --------------------------------------------------------------------------------


def _with_goals(qs: QuerySet[Plan]) -> QuerySet[Plan]:
    activities = PlanActivity.objects.select_related("owner", "post", "event", "resource")
    return qs.select_related("community", "published_by").prefetch_related(
        "authors",
        Prefetch(
            "goals",
            queryset=Goal.objects.prefetch_related(Prefetch("activities", queryset=activities)),
        ),
    )


def plan_current(*, community: Community, goals: bool = True) -> Plan | None:
    """The latest published plan."""
    qs = Plan.objects.filter(community=community, status=PlanStatus.PUBLISHED).order_by(
        "-published_at", "-pk"
    )
    return (_with_goals(qs) if goals else qs).first()


def plan_draft(*, community: Community) -> Plan | None:
    return _with_goals(Plan.objects.filter(community=community, status=PlanStatus.DRAFT)).first()


def plan_get(*, community: Community, pk: int) -> Plan | None:
    return _with_goals(Plan.objects.filter(community=community, pk=pk)).first()


def plans_published(*, community: Community) -> QuerySet[Plan]:
    return Plan.objects.filter(community=community, status=PlanStatus.PUBLISHED).order_by(
        "-published_at", "-pk"
    )


@dataclass
class GoalProgress:
    goal: Goal
    done: int
    counted: int  # activities not dropped

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.counted) if self.counted else 0


@dataclass
class PlanProgress:
    plan: Plan
    goals: list[GoalProgress] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(g.done for g in self.goals)

    @property
    def counted(self) -> int:
        return sum(g.counted for g in self.goals)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.counted) if self.counted else 0


def progress_of(plan: Plan) -> PlanProgress:
    """The share of activities done, per goal and overall; dropped activities do not count.
    Reads the goals and activities prefetched on `plan` (`plan_current`, `plan_get`)."""
    goals = []
    for goal in plan.goals.all():
        kept = [a for a in goal.activities.all() if a.status != ActivityStatus.DROPPED]
        done = sum(1 for a in kept if a.status == ActivityStatus.DONE)
        goals.append(GoalProgress(goal=goal, done=done, counted=len(kept)))
    return PlanProgress(plan=plan, goals=goals)


def plan_progress(community: Community) -> PlanProgress | None:
    """The progress of the community's current (latest published) plan, or None: four
    queries whatever its size. For the community's page and the helper's reports."""
    plan = plan_current(community=community)
    return progress_of(plan) if plan is not None else None


# --- What an activity may link to: the community's own -----------------------------------
# (the form offers the latest LINK_CHOICES of each; the services accept any of them)


def linkable_posts(*, community: Community) -> QuerySet[Post]:
    return Post.objects.filter(
        community=community, status=PostStatus.PUBLISHED, deleted_at__isnull=True
    ).order_by("-pk")


def linkable_events(*, community: Community) -> QuerySet[Event]:
    return (
        Event.objects.filter(community=community)
        .exclude(audience=Audience.LEADERS)
        .order_by("-starts_at")
    )


def linkable_resources(*, community: Community) -> QuerySet[Resource]:
    return Resource.objects.filter(community=community, status=ResourceStatus.PUBLISHED).order_by(
        "-pk"
    )


def owner_choices(*, community: Community) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(community=community)
        .select_related("user")
        .order_by("user__display_name", "pk")
    )
