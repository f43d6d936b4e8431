from django_tasks import task

from . import services


@task()
def extract_text_task(version_id: int) -> None:
    """Keep the text of an uploaded document for search."""
    services.extract_text(version_id=version_id)


@task()
def review_reminders_task() -> int:
    return services.review_reminders_send()
