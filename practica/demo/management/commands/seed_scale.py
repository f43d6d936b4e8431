"""Build a large site for the benchmark (see bench/README.md); an empty database is required."""

import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from practica.accounts.models import User
from practica.demo import scale


class Command(BaseCommand):
    help = "Fill an empty database with a realistic site of the given size, deterministically."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--size", choices=sorted(scale.SIZES), default="medium")

    def handle(self, *args: Any, size: str, **options: Any) -> None:
        if scale.already_seeded():
            self.stdout.write(f"Scale data already present: {scale.describe()}.")
            return
        if User.objects.exists():
            raise CommandError(
                "seed_scale fills an empty database, and this one already has people in it. "
                "Point DATABASE_URL at a new database (make bench does this for you)."
            )
        started = time.monotonic()
        scale.ScaleSeeder(scale.SIZES[size], log=self._log).run()
        took = time.monotonic() - started
        self.stdout.write("Indexing it for search:")
        call_command("reindex", stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Built the {size} site in {took:.0f} s: {scale.describe()}.")
        )
        self.stdout.write(f"Sign in as {scale.bench_email(0)} with {scale.BENCH_PASSWORD}.")

    def _log(self, line: str) -> None:
        self.stdout.write(f"  {line}")
