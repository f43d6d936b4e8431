"""The one-year plan: the draft, its goals and activities, comments, publishing, and the
status of each activity as the year goes on."""

from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.activity.services import TRACKING
from practica.communities.models import Community, Membership
from practica.communities.notify import tell
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.discussions.models import Post
from practica.events.models import Event
from practica.library.models import Resource
from practica.notifications.models import Category

from ..models import ActivityStatus, Goal, Plan, PlanActivity, PlanStatus
from ..permissions import check_draft, check_update_activity
from ..selectors import linkable_events, linkable_posts, linkable_resources
from .agreement import _period_end


def _check_dates(starts_on: date, ends_on: date) -> None:
    if ends_on <= starts_on:
        raise ServiceError(_("The plan must end after it starts."))
    if (ends_on - starts_on).days > 731:
        raise ServiceError(_("A plan covers at most two years."))


def _check_draft_plan(actor: User, plan: Plan) -> Plan:
    check_draft(actor, plan.community)
    plan = Plan.objects.select_for_update().select_related("community").get(pk=plan.pk)
    if not plan.is_draft:
        raise ServiceError(_("This plan is published: its goals are kept as they are."))
    return plan


@transaction.atomic
def plan_draft_save(
    *,
    actor: User,
    community: Community,
    title: str,
    starts_on: date,
    ends_on: date,
    introduction: str = "",
    plan: Plan | None = None,
) -> Plan:
    """Start the community's draft plan (one at a time) or change `plan`, the draft."""
    check_draft(actor, community)
    _check_dates(starts_on, ends_on)
    if not title.strip():
        raise ServiceError(_("Give the plan a title."))
    if plan is None:
        try:
            with transaction.atomic():
                plan = Plan.objects.create(
                    community=community,
                    title=title.strip(),
                    starts_on=starts_on,
                    ends_on=ends_on,
                    introduction=introduction.strip(),
                )
        except IntegrityError as error:
            raise ServiceError(_("This community already has a draft plan.")) from error
    else:
        plan = _check_draft_plan(actor, plan)
        plan.title, plan.starts_on, plan.ends_on = title.strip(), starts_on, ends_on
        plan.introduction = introduction.strip()
        plan.save()
    plan.authors.add(actor)
    return plan


@transaction.atomic
def plan_comments_open(*, actor: User, plan: Plan, days: int) -> Plan:
    plan = _check_draft_plan(actor, plan)
    plan.comments_until = _period_end(days)
    plan.save(update_fields=["comments_until"])
    tell(
        plan.community,
        actor=actor,
        verb="plan.comments_opened",
        target=plan,
        audience="members",
        category=Category.WATCHED,
        title=_("%(community)s asks for your comments on its draft plan, until %(date)s")
        % {
            "community": plan.community.name,
            "date": date_format(plan.comments_until, "DATE_FORMAT"),
        },
        url=reverse("plan_draft", args=[plan.community.slug]),
    )
    return plan


@transaction.atomic
def plan_publish(*, actor: User, plan: Plan) -> Plan:
    """Publish the draft: it becomes the community's current plan; members are told."""
    plan = _check_draft_plan(actor, plan)
    if not plan.goals.exists():
        raise ServiceError(_("Add at least one goal before publishing the plan."))
    plan.status = PlanStatus.PUBLISHED
    plan.published_at = timezone.now()
    plan.published_by = actor
    plan.comments_until = None
    plan.save()
    audit_record(actor=actor, action="plan.publish", target=plan, scope=plan.community.slug)
    tell(
        plan.community,
        actor=actor,
        verb="plan.published",
        target=plan,
        audience="members",
        category=Category.WATCHED,
        title=_("%(community)s published its plan: %(title)s")
        % {"community": plan.community.name, "title": plan.title},
        url=plan.get_absolute_url(),
        watched=TRACKING,
    )
    return plan


@transaction.atomic
def goal_add(*, actor: User, plan: Plan, title: str, description: str = "") -> Goal:
    plan = _check_draft_plan(actor, plan)
    if not title.strip():
        raise ServiceError(_("Name the goal."))
    position = plan.goals.count() + 1
    return Goal.objects.create(
        plan=plan, title=title.strip(), description=description.strip(), position=position
    )


@transaction.atomic
def goal_update(*, actor: User, goal: Goal, title: str, description: str = "") -> Goal:
    _check_draft_plan(actor, goal.plan)
    if not title.strip():
        raise ServiceError(_("Name the goal."))
    goal.title, goal.description = title.strip(), description.strip()
    goal.save(update_fields=["title", "description"])
    return goal


@transaction.atomic
def goal_delete(*, actor: User, goal: Goal) -> None:
    _check_draft_plan(actor, goal.plan)
    goal.delete()


def _links(
    community: Community, *, owner: User | None, post: Post | None, event: Event | None,
    resource: Resource | None,
) -> None:  # fmt: skip
    """Only the community's own members own activities, and only its own (visible to its
    members) posts, events and resources are linked."""
    if (
        owner is not None
        and not Membership.objects.filter(community=community, user=owner).exists()
    ):
        raise ServiceError(_("The owner must be a member of the community."))
    if post is not None and not linkable_posts(community=community).filter(pk=post.pk).exists():
        raise ServiceError(_("Link one of the community's published posts."))
    if event is not None and not linkable_events(community=community).filter(pk=event.pk).exists():
        raise ServiceError(_("Link one of the community's events."))
    if (
        resource is not None
        and not linkable_resources(community=community).filter(pk=resource.pk).exists()
    ):
        raise ServiceError(_("Link one of the community's published resources."))


def _check_status(status: str) -> None:
    if status not in ActivityStatus.values:
        raise ServiceError(_("Choose a status."))


@transaction.atomic
def activity_add(
    *,
    actor: User,
    goal: Goal,
    title: str,
    owner: User | None = None,
    due_on: date | None = None,
    status: str = ActivityStatus.PLANNED,
    post: Post | None = None,
    event: Event | None = None,
    resource: Resource | None = None,
) -> PlanActivity:
    plan = _check_draft_plan(actor, goal.plan)
    if not title.strip():
        raise ServiceError(_("Name the activity."))
    _check_status(status)
    _links(plan.community, owner=owner, post=post, event=event, resource=resource)
    return PlanActivity.objects.create(
        goal=goal, title=title.strip(), owner=owner, due_on=due_on, status=status,
        post=post, event=event, resource=resource,
    )  # fmt: skip


@transaction.atomic
def activity_update(
    *,
    actor: User,
    activity: PlanActivity,
    title: str,
    owner: User | None = None,
    due_on: date | None = None,
    status: str = ActivityStatus.PLANNED,
    post: Post | None = None,
    event: Event | None = None,
    resource: Resource | None = None,
) -> PlanActivity:
    """Change an activity: anything while the plan is a draft; afterwards the leaders may
    still change its owner, due date, status and links as the year goes on."""
    community = activity.goal.plan.community
    check_draft(actor, community)
    if not title.strip():
        raise ServiceError(_("Name the activity."))
    _check_status(status)
    _links(community, owner=owner, post=post, event=event, resource=resource)
    activity.title, activity.owner, activity.due_on, activity.status = (
        title.strip(), owner, due_on, status
    )  # fmt: skip
    activity.post, activity.event, activity.resource = post, event, resource
    activity.save()
    return activity


@transaction.atomic
def activity_status_set(*, actor: User, activity: PlanActivity, status: str) -> PlanActivity:
    """The owner (or a leader) says how the activity is going."""
    community = activity.goal.plan.community
    check_update_activity(actor, activity, community)
    _check_status(status)
    activity.status = status
    activity.save(update_fields=["status"])
    return activity


@transaction.atomic
def activity_delete(*, actor: User, activity: PlanActivity) -> None:
    _check_draft_plan(actor, activity.goal.plan)
    activity.delete()
