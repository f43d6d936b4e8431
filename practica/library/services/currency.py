"""Keeping resources current: confirmations and review reminders."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.notify import tell
from practica.communities.selectors import leader_ids
from practica.notifications.models import Category

from ..models import (
    Resource,
    ResourceStatus,
)
from ..permissions import (
    check_take_part,
)


@transaction.atomic
def resource_confirm_current(*, actor: User, resource: Resource) -> Resource:
    """Someone checked: the resource is still current. Recorded with who and when."""
    check_take_part(actor, resource)
    resource.last_reviewed_at = timezone.now()
    resource.last_reviewed_by = actor
    resource.review_reminded_on = None
    resource.save(
        update_fields=["last_reviewed_at", "last_reviewed_by", "review_reminded_on", "updated_at"]
    )
    return resource


def review_reminders_send(*, today: date | None = None) -> int:
    """Remind authors and leaders of resources that are due for review, once per due date."""
    today = today or timezone.localdate()
    sent = 0
    # Read everything first: on SQLite, writing while a read cursor stays open fails with
    # "database is locked" as soon as another connection has written in between.
    candidates = list(
        Resource.objects.filter(status=ResourceStatus.PUBLISHED)
        .select_related("community")
        .only("pk", "title", "community", "current_as_of", "last_reviewed_at", "review_months",
              "review_reminded_on")
    )  # fmt: skip
    for resource in candidates:
        due = resource.review_due_on
        if due > today or (resource.review_reminded_on and resource.review_reminded_on >= due):
            continue
        with transaction.atomic():
            updated = Resource.objects.filter(
                pk=resource.pk, review_reminded_on=resource.review_reminded_on
            ).update(review_reminded_on=today)
            if not updated:
                continue
            recipients = {
                *resource.authors.values_list("pk", flat=True),
                *leader_ids(community=resource.community),
            }
            tell(
                resource.community,
                to=recipients,
                verb="resource.review_due",
                actor=None,
                target=resource,
                category=Category.LIBRARY,
                title=_("Is “%(title)s” still current?") % {"title": resource.title},
                body=_(
                    "It was last checked on %(date)s. Confirm it is current, or upload a new "
                    "version."
                )
                % {"date": resource.reviewed_on.isoformat()},
                url=resource.get_absolute_url(),
            )
            sent += 1
    return sent
