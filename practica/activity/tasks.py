"""Thin, retry-safe tasks: they take ids, fetch, and call the subscribers."""

from django_tasks import task

from .models import Activity
from .services import subscribers


@task()
def activity_dispatch(activity_id: int) -> None:
    activity = Activity.objects.filter(pk=activity_id).select_related("actor").first()
    if activity is None:
        return
    for subscriber in subscribers().values():
        subscriber(activity)
