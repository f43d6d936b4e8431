"""Periodic housekeeping (the scheduler enqueues it); thin and safe to run again."""

from datetime import timedelta

from django.conf import settings
from django_tasks import task

from . import services


@task()
def sessions_delete_expired_task() -> int:
    return services.sessions_delete_expired()


@task()
def task_results_delete_old_task() -> int:
    days = settings.PRACTICA_KEEP_TASK_RESULTS_DAYS
    return services.task_results_delete_old(older_than=timedelta(days=days)) if days > 0 else 0
