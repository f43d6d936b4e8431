"""Thin, retry-safe tasks: they take ids, fetch, and send."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

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
    send_mail(f"[Practica] {title}", body, None, [note.recipient.email])
    Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())


@task()
def email_send(to: str, subject: str, body: str) -> None:
    send_mail(f"[Practica] {subject}", body, None, [to])
