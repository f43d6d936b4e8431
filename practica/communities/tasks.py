"""Periodic housekeeping for communities (the scheduler enqueues it)."""

from datetime import timedelta

from django.conf import settings
from django_tasks import task

from . import services


@task()
def suspensions_ended_task() -> int:
    """Tell members whose suspension has ended (it ended by itself at its time)."""
    return services.suspensions_tell_ended()


@task()
def invitations_delete_expired_task() -> int:
    days = settings.PRACTICA_KEEP_EXPIRED_INVITATIONS_DAYS
    if days <= 0:
        return 0
    return services.invitations_delete_expired(older_than=timedelta(days=days))
