"""Reads: who is in an issue's audience, the public archive, the staff's list."""

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from practica.communities.models import Membership, Visibility
from practica.notifications.models import EmailSettings

from .models import Audience, Delivery, Issue, IssueStatus, Subscriber, SubscriberStatus


def audience_subscribers(issue: Issue) -> QuerySet[Subscriber]:
    """Everyone the issue goes to, asked now: confirmed subscribers (visitors and members),
    or, for a community audience, the subscribed members of its communities. Deactivated
    members and addresses that stopped taking mail (hard bounces) are left out."""
    subscribers = Subscriber.objects.filter(status=SubscriberStatus.SUBSCRIBED).filter(
        Q(user__isnull=True) | Q(user__is_active=True)
    )
    subscribers = subscribers.exclude(
        Exists(EmailSettings.objects.filter(user_id=OuterRef("user_id"), stopped_at__isnull=False))
    )
    if issue.audience == Audience.COMMUNITIES:
        community_ids = list(issue.communities.values_list("pk", flat=True))
        subscribers = subscribers.filter(
            Exists(
                Membership.objects.filter(
                    user_id=OuterRef("user_id"), community_id__in=community_ids
                )
            )
        )
    return subscribers


def archive_issues() -> QuerySet[Issue]:
    """Sent issues the public may read: those the staff left in the archive and that were
    not written for a members-only or hidden community (their words are for its members,
    and their audience would name it)."""
    private = Issue.communities.through.objects.filter(
        issue_id=OuterRef("pk"), community__visibility__in=[Visibility.MEMBERS, Visibility.HIDDEN]
    )
    return (
        Issue.objects.filter(status=IssueStatus.SENT, in_archive=True)
        .exclude(Exists(private))
        .order_by("-sent_at", "-id")
    )


def archive_issue(pk: int) -> Issue | None:
    return archive_issues().filter(pk=pk).first()


def issues_for_staff() -> QuerySet[Issue]:
    return (
        Issue.objects.select_related("created_by")
        .annotate(delivered=Count("deliveries", filter=Q(deliveries__sent_at__isnull=False)))
        .order_by("-created_at", "-id")
    )


def issue_delivered(issue: Issue) -> int:
    return Delivery.objects.filter(issue=issue, sent_at__isnull=False).count()


def subscriber_for_user(user: Any) -> Subscriber | None:
    """The member's subscription: linked to their account, or made with their address."""
    if not getattr(user, "is_authenticated", False):
        return None
    found = Subscriber.objects.filter(user=user).first()
    if found is None and user.email:
        found = Subscriber.objects.filter(email=user.email.lower(), user__isnull=True).first()
    return found


def member_subscribed(user: Any) -> bool:
    subscriber = subscriber_for_user(user)
    return subscriber is not None and subscriber.status == SubscriberStatus.SUBSCRIBED
