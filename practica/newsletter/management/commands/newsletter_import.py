"""Bring in addresses whose consent to the newsletter was collected before this site."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandParser
from django.core.validators import validate_email

from practica.newsletter.services import subscriber_import


class Command(BaseCommand):
    help = (
        "Subscribe the addresses in a file (one a line) whose consent was collected "
        "elsewhere; recorded as an import. Addresses that unsubscribed stay unsubscribed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--wording-version",
            type=int,
            default=0,
            help="The version of this site's wording they agreed to (0: wording of their own).",
        )

    def handle(self, *args: Any, path: Path, wording_version: int, **options: Any) -> None:
        added = skipped = 0
        for line in path.read_text().splitlines():
            email = line.strip()
            if not email or email.startswith("#"):
                continue
            try:
                validate_email(email)
            except ValidationError:
                self.stderr.write(f"Not an email address, left out: {email}")
                skipped += 1
                continue
            if subscriber_import(email=email, wording_version=wording_version):
                added += 1
            else:
                skipped += 1
        self.stdout.write(f"{added} subscribed, {skipped} left as they were.")
