"""Periodic and background work for discussions; thin and safe to run again."""

from django_tasks import task

from . import services


@task()
def featured_close_due_task() -> int:
    """Record closures of featured posts whose period has ended (the scheduler enqueues it)."""
    return services.featured_close_due()


@task()
def scheduled_posts_task() -> int:
    """Publish scheduled posts whose time has come and record expiries (the scheduler
    enqueues it every PUBLISH_SCHEDULED_EVERY seconds)."""
    return services.posts_publish_due() + services.posts_expire_due()
