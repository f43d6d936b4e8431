"""`manage.py backup`: the database and the stored files in one archive."""

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from practica.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the database and every stored file to one .tar.gz "
        "archive (safe while the site runs)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="Where to write the archive (default: var/backups/practica-<UTC time>.tar.gz).",
        )
        parser.add_argument(
            "--no-files",
            action="store_true",
            help="Leave the stored files out (e.g. when the S3 bucket has its own backups).",
        )

    def handle(self, *args: Any, output: Path | None, no_files: bool, **options: Any) -> None:
        if output is None:
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            output = Path(settings.VAR_DIR) / "backups" / f"practica-{stamp}.tar.gz"
        try:
            manifest = backup_create(target=output.resolve(), include_files=not no_files)
        except BackupError as exc:
            raise CommandError(exc.message) from exc
        count = manifest["files"]["count"]
        files = f"{count} stored files" if not no_files else "no stored files (--no-files)"
        self.stdout.write(
            f"Wrote {output}: the {manifest['database']['engine']} database, {files}, "
            f"{output.stat().st_size} bytes."
        )
