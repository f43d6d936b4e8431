"""Thin, retry-safe tasks: they take ids, fetch, and send."""

from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives, send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from practica.activity.models import Activity
from practica.activity.services import email_may_carry, readers_among
from practica.core.http import site_url
from practica.core.text import single_line

from . import services
from .deliver import notify_chunk
from .emails import email_build, threading_of
from .models import Category, EmailSettings, Notification
from .unsubscribe import MAILING_LIST


@task()
def activity_notify_chunk(activity_id: int, plan: list[list[int]]) -> None:
    activity = Activity.objects.filter(pk=activity_id).first()
    if activity is not None:
        notify_chunk(activity, [(uid, index) for uid, index in plan])


@task()
def notification_emails(notification_ids: list[int]) -> None:
    for notification_id in notification_ids:
        notification_email_send(notification_id)


@task()
def notification_email(notification_id: int) -> None:
    notification_email_send(notification_id)


def notification_email_send(notification_id: int) -> None:
    """Email one notification, unless emailed before, or its recipient may no longer see
    what it is about (asked now, not when it was made), or their address takes no mail.
    Content that may not leave the platform becomes a pointer to it."""
    note = (
        Notification.objects.filter(pk=notification_id, emailed_at__isnull=True)
        .select_related("recipient", "activity")
        .first()
    )
    if note is None or not note.recipient.is_active or email_stopped(note.recipient_id):
        return
    if note.activity is not None and not readers_among(note.activity, [note.recipient_id]):
        Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())
        return
    link = site_url(note.url)
    title, text = email_words(note)
    # Its reply address and its place in the thread, from the app that takes replies in.
    headers, subject = threading_of(note)
    notification_message(
        note, title=title, text=text, link=link, headers=headers, subject=subject or title
    ).send()
    Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())


def email_words(note: Notification) -> tuple[str, str]:
    """The title and text an email about `note` may carry."""
    if note.activity is not None and not email_may_carry(note.activity):
        name = note.email_badge.get("name", "")
        return (
            _("News in %(community)s") % {"community": name},
            _(
                "There is something new for you in this community. Sign in to Practica to "
                "read it: its content stays on the platform."
            ),
        )
    if note.email_title:
        return note.email_title, note.email_body
    return note.title, note.body


def email_stopped(user_id: int) -> bool:
    return EmailSettings.objects.filter(user_id=user_id, stopped_at__isnull=False).exists()


def notification_message(
    note: Notification,
    *,
    title: str,
    text: str,
    link: str,
    headers: dict[str, str] | None = None,
    subject: str = "",
) -> EmailMultiAlternatives:
    """The email of one notification: the plain text, and, when it comes from a community,
    an HTML version headed by its emblem and name; with the links and headers that stop
    its category (emails.email_build), and the caller's `headers` (reply address,
    threading). `subject` defaults to the title.

    Email programs load no style sheet and often no remote image (and ours need a session):
    the emblem travels inside the message (cid:), and initials on a colour use only HTML
    attributes (bgcolor), which every email program shows."""
    body = "\n\n".join(part for part in (text, link) if part)
    html = ""
    images: list[tuple[str, bytes]] = []
    if note.email_badge:
        badge = dict(note.email_badge)
        picture = _picture(badge.get("picture", ""))
        html = render_to_string(
            "notifications/email.html",
            {
                "title": title,
                "text": text,
                "link": link,
                "badge": badge,
                "picture": picture is not None,
            },
        )
        if picture is not None:
            images.append((EMBLEM_CID, picture))
    return email_build(
        to=note.recipient.email,
        user_id=note.recipient_id,
        kind=_stop_kind(note),
        subject=_subject(subject or title),
        text=body,
        html=html,
        headers=headers,
        images=images,
    )


def _stop_kind(note: Notification) -> str:
    """What the email's unsubscribe link stops: its category, but for what the member
    watches while in mailing-list mode (which sends it whatever the category says) the
    mode itself."""
    if (
        note.category == Category.WATCHED
        and EmailSettings.objects.filter(user_id=note.recipient_id, mailing_list=True).exists()
    ):
        return MAILING_LIST
    return note.category


EMBLEM_CID = "emblem@practica"


def _picture(name: str) -> bytes | None:
    """A stored picture made by core.pictures (a small JPEG), or None if it is gone."""
    if not name:
        return None
    try:
        with default_storage.open(name, "rb") as file:
            data: bytes = file.read(256 * 1024)
    except (OSError, ValueError):
        return None
    return data if data.startswith(b"\xff\xd8") else None


@task()
def email_send(to: str, subject: str, body: str) -> None:
    send_mail(_subject(subject), body, None, [to])


def _subject(text: str) -> str:
    """One line, whatever the names in it hold: a line break in a header is refused by the
    mail library (BadHeaderError) and the email would never leave."""
    return single_line(f"[Practica] {text}")


@task()
def email_message_send(
    to: list[str], subject: str, body: str, from_email: str, html: str = ""
) -> None:
    """Send a message already rendered in full (the account emails)."""
    message = EmailMultiAlternatives(single_line(subject), body, from_email or None, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@task()
def notifications_delete_read_task() -> int:
    """Periodic housekeeping (the scheduler enqueues it)."""
    days = settings.PRACTICA_KEEP_READ_NOTIFICATIONS_DAYS
    if days <= 0:
        return 0
    return services.notifications_delete_read(older_than=timedelta(days=days))
