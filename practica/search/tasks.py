"""Thin, retry-safe tasks: they take ids and index those objects as they are now."""

from django_tasks import task

from .index import index


@task()
def index_task(kind: str, ids: list[int]) -> None:
    index(kind, ids)
