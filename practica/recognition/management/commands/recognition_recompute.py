"""Recompute every badge from scratch: python manage.py recognition_recompute."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from practica.recognition.services import awards_sync


class Command(BaseCommand):
    help = (
        "Make the badges held equal to their rules for everyone (idempotent). Quiet by "
        "default: badges found this way are not announced unless --notify is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--notify", action="store_true", help="Tell members of new badges.")

    def handle(self, *args: Any, **options: Any) -> None:
        done = awards_sync(notify=options["notify"])
        self.stdout.write(f"Badges: {done['added']} added, {done['removed']} removed.")
