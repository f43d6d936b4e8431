"""Periodic and background work for discussions; thin and safe to run again."""

from django_tasks import task

from . import services


@task()
def featured_close_due_task() -> int:
    """Record closures of featured posts whose period has ended (the scheduler enqueues it)."""
    return services.featured_close_due()
