from django_tasks import task

from . import services


@task()
def reminders_task() -> int:
    """Send the reminders that are due (the scheduler enqueues it every few minutes)."""
    return services.reminders_send()
