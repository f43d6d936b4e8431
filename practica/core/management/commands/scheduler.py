"""Enqueue periodic tasks on their interval, so that no external cron is needed.

Reads PRACTICA_PERIODIC_TASKS: (dotted path of a task, interval in seconds). Run exactly
one scheduler per site (`manage.py serve` starts it); the tasks are safe to run twice.
"""

import signal
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Enqueue the periodic tasks (closing featured posts, digests, reminders)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Enqueue everything once, exit.")

    def handle(self, *args: Any, once: bool, **options: Any) -> None:
        schedule = [
            (import_string(path), seconds) for path, seconds in settings.PRACTICA_PERIODIC_TASKS
        ]
        last: dict[int, float] = {}
        running = True

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal running
            running = False

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while running:
            now = time.monotonic()
            for index, (task, seconds) in enumerate(schedule):
                if now - last.get(index, -seconds) >= seconds:
                    task.enqueue()
                    last[index] = now
            if once:
                return
            time.sleep(1)
