"""Thin, retry-safe tasks: the scheduler runs the daily recount (RECOGNITION_EVERY)."""

from django_tasks import task

from . import services


@task()
def awards_daily_task() -> dict[str, int]:
    """Award (and withdraw) every badge for everyone, by the record as it stands."""
    return services.awards_sync()
