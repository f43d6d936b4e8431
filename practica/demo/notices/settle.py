"""The notifications' dates and read state, as if members had come and gone."""

import random
from datetime import datetime, timedelta

from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from practica.activity.models import Activity
from practica.notifications.models import Delivery, Notification

from .constants import READ_AFTER


def _settle(rng: random.Random, *, since: datetime) -> None:
    """Date each notification when its activity happened, count as emailed those that
    would have gone by now, and mark most of those older than READ_AFTER read (a member
    who comes back finds the new ones waiting)."""
    made = Notification.objects.filter(
        pk__in=list(Notification.objects.filter(created_at__gte=since).values_list("pk", flat=True))
    )
    made.filter(activity__isnull=False).update(
        created_at=Subquery(
            Activity.objects.filter(pk=OuterRef("activity_id")).values("created_at")[:1]
        )
    )
    notifications = list(made)
    _emailed(notifications)
    cutoff = timezone.now() - READ_AFTER
    # Everyone's three newest stay unread whatever the hour the demo is seeded at: each
    # login finds something waiting. Whoever has two or more has read their oldest, so
    # each login also finds something already read, at any hour.
    by_recipient: dict[int, list[Notification]] = {}
    for made_one in sorted(notifications, key=lambda n: n.created_at, reverse=True):
        by_recipient.setdefault(made_one.recipient_id, []).append(made_one)
    waiting = {
        n.pk for notes in by_recipient.values() for n in notes[: max(1, min(3, len(notes) - 1))]
    }
    read = [
        n.pk
        for n in notifications
        if n.pk not in waiting and n.created_at < cutoff and rng.random() < 0.8
    ]
    read += [notes[-1].pk for notes in by_recipient.values() if len(notes) > 1]
    Notification.objects.filter(pk__in=read).update(read_at=F("created_at") + timedelta(hours=3))


def _emailed(notifications: list[Notification]) -> None:
    """Those due at once went out when they were made, and those whose digest has gone
    since went in it; the last day's (and week's) wait for the next digest."""
    from practica.notifications.deliver import deliveries

    now = timezone.now()
    period: dict[str, timedelta] = {
        Delivery.DAILY: timedelta(days=1),
        Delivery.WEEKLY: timedelta(days=7),
    }
    due = deliveries(notifications)
    sent = [
        n.pk
        for n in notifications
        if due[n.pk] == Delivery.NOW
        or (due[n.pk] in period and n.created_at < now - period[due[n.pk]])
    ]
    emailed = F("created_at") + timedelta(minutes=1)
    Notification.objects.filter(pk__in=sent).update(emailed_at=emailed)
