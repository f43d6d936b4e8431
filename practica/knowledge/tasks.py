from django_tasks import task

from . import services


@task()
def requests_deadline_task() -> dict[str, int]:
    """Warn leaders of requests nearing their deadline; close those past it."""
    return services.requests_deadline_check()
