from django_tasks import task

from . import services


@task()
def surveys_due_task() -> dict[str, int]:
    """Announce surveys whose opening date has come; remind before they close."""
    return services.surveys_due_check()
