"""Thin tasks of the reports: the scheduler's monthly report."""

from django.utils import timezone
from django_tasks import task

from .monthly import monthly_reports_send


@task()
def monthly_reports_task() -> int:
    """Periodic (PRACTICA_PERIODIC_TASKS): from the first of the month, send last month's
    reports not sent yet (a missed first is caught up on the next run)."""
    return monthly_reports_send(today=timezone.now().date())
