"""Thin, retry-safe tasks: they take ids, fetch, and send."""

from datetime import timedelta
from email.mime.image import MIMEImage

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives, send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from practica.core.text import single_line

from . import services
from .models import Notification


@task()
def notification_email(notification_id: int) -> None:
    note = (
        Notification.objects.filter(pk=notification_id, emailed_at__isnull=True)
        .select_related("recipient")
        .first()
    )
    if note is None or not note.recipient.is_active:
        return
    link = f"{settings.SITE_URL}{note.url}" if note.url.startswith("/") else note.url
    title = note.email_title or note.title
    text = note.email_body if note.email_title else note.body
    body = "\n\n".join(part for part in (text, link) if part)
    if note.email_badge:
        _send_with_badge(note, _subject(title), body, title=title, text=text, link=link)
    else:
        send_mail(_subject(title), body, None, [note.recipient.email])
    Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())


def _send_with_badge(note: Notification, subject: str, body: str, **parts: str) -> None:
    """The plain text, and an HTML version headed by the community's emblem and name.

    Email programs load no style sheet and often no remote image (and ours need a session):
    the emblem travels inside the message (cid:), and initials on a colour use only HTML
    attributes (bgcolor), which every email program shows."""
    badge = dict(note.email_badge)
    picture = _picture(badge.get("picture", ""))
    html = render_to_string(
        "notifications/email.html", {**parts, "badge": badge, "picture": picture is not None}
    )
    message = EmailMultiAlternatives(subject, body, None, [note.recipient.email])
    message.attach_alternative(html, "text/html")
    if picture is not None:
        message.mixed_subtype = "related"
        image = MIMEImage(picture, "jpeg")
        image.add_header("Content-ID", f"<{EMBLEM_CID}>")
        image.add_header("Content-Disposition", "inline", filename="emblem.jpg")
        message.attach(image)
    message.send()


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
