"""Rebuild the search index from the live rows, kind by kind, with a progress bar."""

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection

from practica.search.index import SOURCES, clear, rebuild
from practica.search.models import Document


class Command(BaseCommand):
    help = "Rebuild the search index (all kinds, or those given with --kind)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--kind", action="append", choices=list(SOURCES), help="Only this kind (repeatable)."
        )
        parser.add_argument("--chunk", type=int, default=2000, help="Objects per transaction.")

    def handle(self, *args: Any, kind: list[str] | None, chunk: int, **options: Any) -> None:
        kinds = kind or list(SOURCES)
        if not kind:
            clear()
        for name in kinds:
            total = SOURCES[name][0].objects.count()
            started, done = time.monotonic(), 0

            def progress(
                n: int, name: str = name, total: int = total, started: float = started
            ) -> None:
                nonlocal done
                done += n
                self._bar(name, done, total, started)

            self._bar(name, 0, total, started)
            rebuild(name, chunk=chunk, progress=progress)
            self.stdout.write("")
        with connection.cursor() as cursor:  # fresh statistics for the planner
            cursor.execute(f"ANALYZE {Document._meta.db_table}")
        self.stdout.write(self.style.SUCCESS("The search index is rebuilt."))

    def _bar(self, name: str, done: int, total: int, started: float) -> None:
        width = 30
        filled = width * done // total if total else width
        rate = done / max(time.monotonic() - started, 0.001)
        line = (
            f"\r{name:<10} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({rate:.0f}/s)"
        )
        self.stdout.write(line, ending="")
        self.stdout.flush()
