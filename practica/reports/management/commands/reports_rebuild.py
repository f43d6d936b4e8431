from typing import Any

from django.core.management.base import BaseCommand

from practica.reports.rollups import rollups_rebuild


class Command(BaseCommand):
    help = "Rebuild the reports' daily rollups from scratch, from posts and comments."

    def handle(self, *args: Any, **options: Any) -> None:
        written = rollups_rebuild()
        self.stdout.write(f"{written} daily rollups written.")
