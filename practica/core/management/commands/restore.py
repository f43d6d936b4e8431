"""`manage.py restore ARCHIVE`: put back what `manage.py backup` saved."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from practica.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore the database and stored files from an archive made by `manage.py backup`. "
        "Stop the site first. Refuses a site that already has accounts or files unless "
        "--force."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive", type=Path, help="The .tar.gz written by manage.py backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database and overwrite files even though the site has data.",
        )

    def handle(self, *args: Any, archive: Path, force: bool, **options: Any) -> None:
        try:
            result = backup_restore(source=archive, force=force)
        except BackupError as exc:
            raise CommandError(exc.message) from exc
        manifest = result["manifest"]
        self.stdout.write(
            f"Restored the database of {manifest['created_at']} (Practica "
            f"{manifest['app_version']}); {result['files_written']} files written, "
            f"{result['files_kept']} already in place."
        )
        if not manifest["files"]["included"]:
            self.stdout.write("The archive holds no stored files (it was made with --no-files).")
        if result["migrations_to_apply"]:
            self.stdout.write(
                f"This code has {len(result['migrations_to_apply'])} migrations the backup "
                "predates: run `manage.py migrate` next."
            )
