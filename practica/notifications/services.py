"""Tell people things: on the site at once, by email through the task queue after commit.

Takes user ids and a payload; imports no domain app.
"""

from collections.abc import Iterable
from datetime import timedelta
from functools import partial
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from practica.activity.models import Activity
from practica.core.readercache import reader_changed

from .models import Category, Delivery, Notification


def notify(
    *,
    user_ids: Iterable[int],
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    email: bool = True,
    email_title: str = "",
    email_body: str = "",
    email_badge: dict[str, str] | None = None,
) -> list[Notification]:
    """Create one notification per recipient; queue their emails once the caller commits.

    `email_title` / `email_body`, when given, replace the title and body in the email only;
    `email_badge` (name, initials, colour, picture) heads the email's HTML version.
    """
    from .tasks import notification_email

    notes = Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=uid,
                kind=kind,
                title=title[:200],
                body=body,
                url=url,
                email_title=email_title[:200],
                email_body=email_body,
                email_badge=email_badge or {},
            )
            for uid in dict.fromkeys(user_ids)
        ]
    )
    # Bulk inserts send no signal: the recipients' cached pages show the count.
    reader_changed(*(note.recipient_id for note in notes))
    if email:
        for note in notes:
            transaction.on_commit(partial(notification_email.enqueue, note.pk))
    return notes


def notify_many(
    *, activity: Activity, wanted: list[tuple[int, dict[str, Any]]]
) -> list[Notification]:
    """One notification per (recipient, note) about `activity`, unless made before (a
    retried task); the emails due at once are queued. The notifications made."""
    from .deliver import deliveries
    from .tasks import notification_emails

    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=uid,
                activity=activity,
                kind=note.get("kind", activity.verb)[:40],
                category=note.get("category", Category.DECISIONS),
                group=note.get("group", "")[:100],
                title=note.get("title", "")[:200],
                body=note.get("body", ""),
                url=note.get("url", ""),
                email_badge=note.get("extra", {}).get("badge", {}),
            )
            for uid, note in wanted
        ],
        ignore_conflicts=True,
    )
    notes = list(
        Notification.objects.filter(
            activity=activity, recipient_id__in=[uid for uid, _note in wanted]
        )
    )
    reader_changed(*(note.recipient_id for note in notes))
    due = deliveries(notes)
    now = [note.pk for note in notes if due[note.pk] == Delivery.NOW and note.emailed_at is None]
    if now:
        notification_emails.enqueue(now)
    return notes


def email_later(*, to: str, subject: str, body: str) -> None:
    """Send one email to an address (someone who may have no account yet) after commit."""
    from .tasks import email_send

    transaction.on_commit(partial(email_send.enqueue, to, subject, body))


def email_message_later(message: EmailMessage) -> None:
    """Queue a message rendered elsewhere (the account emails), so that no request waits
    for the mail server. It carries everything it needs, so it is queued at once rather
    than on commit: a rolled-back request takes a database-queued message with it."""
    from .tasks import email_message_send

    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    email_message_send.enqueue(
        list(message.to), str(message.subject), str(message.body), message.from_email, str(html)
    )


def notifications_mark_read(*, user_id: int, ids: Iterable[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient_id=user_id, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    changed = qs.update(read_at=timezone.now())
    if changed:
        reader_changed(user_id)
    return changed


def notifications_delete_read(*, older_than: timedelta) -> int:
    """Delete notifications read longer ago than `older_than`; unread ones are kept.
    The number deleted."""
    cutoff = timezone.now() - older_than
    deleted, _ = Notification.objects.filter(read_at__lt=cutoff).delete()
    return deleted
