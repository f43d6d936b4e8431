"""Thin, retry-safe tasks over the services."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks import task

from practica.core.http import site_url

from . import services
from .mail import confirmation_message, issue_message, unsubscribe_url
from .models import Issue
from .selectors import subscriber_for_user


@task()
def confirmation_send(subscriber_id: int, email: str, version: int) -> None:
    confirmation_message(subscriber_id=subscriber_id, email=email, version=version).send()


@task()
def issue_send_chunk_task(issue_id: int, after_id: int) -> None:
    last = services.issue_send_chunk(issue_id=issue_id, after_id=after_id)
    if last is not None:
        issue_send_chunk_task.enqueue(issue_id, last)


@task()
def issue_test_send(issue_id: int, user_id: int) -> None:
    """A copy to one member of staff, marked as a test; it counts as no delivery."""
    issue = Issue.objects.filter(pk=issue_id).first()
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if issue is None or user is None or not user.email:
        return
    subscriber = subscriber_for_user(user)
    unsubscribe = (
        unsubscribe_url(subscriber.pk)
        if subscriber is not None
        else site_url(reverse("newsletter_preferences"))
    )
    issue_message(issue, to=user.email, unsubscribe=unsubscribe, test=True).send()


@task()
def newsletter_resume_stalled_task() -> int:
    """Periodic (the scheduler enqueues it): finish sends a stopped worker left."""
    return services.issues_resume_stalled(idle=timedelta(minutes=15))
