"""Housekeeping of what Django and the task queue leave behind; the scheduler runs these
through practica.core.tasks (see PRACTICA_PERIODIC_TASKS)."""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

_DATABASE_SESSIONS = (
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
)


def sessions_delete_expired() -> int:
    """Delete expired sessions; the number deleted.

    Only database sessions pile up: sessions in Redis (the cache backend) expire by
    themselves, and other engines are asked to clean up after themselves."""
    if settings.SESSION_ENGINE in _DATABASE_SESSIONS:
        deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
        return deleted
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    return 0


def task_results_delete_old(*, older_than: timedelta) -> int:
    """Delete the database queue's results of tasks that finished (succeeded or failed)
    longer ago than `older_than`; waiting and running tasks are never touched."""
    deleted, _ = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=timezone.now() - older_than,
    ).delete()
    return deleted
