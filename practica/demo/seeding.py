"""How the demo is seeded: what it queues runs at once, and its past is not emailed."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.test.utils import override_settings
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult

# Tasks that only send email: the demo's content is its past, and nobody is mailed about it.
UNSENT = {
    "practica.notifications.tasks.notification_email",
    "practica.notifications.tasks.notification_emails",
    "practica.notifications.tasks.email_send",
    "practica.notifications.tasks.email_message_send",
}


class SeedingBackend(ImmediateBackend):
    """Runs each task as it is queued (after commit, as the site would), except those that
    only send email, which are left unrun."""

    def _execute_task(self, task_result: TaskResult[Any]) -> None:
        if task_result.task.module_path in UNSENT:
            return
        super()._execute_task(task_result)


@contextmanager
def past_quietly() -> Iterator[None]:
    """Seed with the work that activities queue done at once, and no email sent.

    The demo's notifications are then made while it is seeded (and dated when each thing
    happened, practica.demo.notices), nothing waits for the worker, and no burst of old
    news reaches the console when the site starts. Any email that still tries to leave goes
    nowhere."""
    with override_settings(
        TASKS={
            "default": {
                "BACKEND": "practica.demo.seeding.SeedingBackend",
                "QUEUES": ["default"],
            }
        },
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    ):
        log = logging.getLogger("django_tasks")
        level = log.level
        log.setLevel(logging.WARNING)  # not a line per task run
        try:
            yield
        finally:
            log.setLevel(level)
