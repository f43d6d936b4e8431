"""`manage.py backup` and `manage.py restore`: the database and the stored files in one
archive (see archive.py for its layout).

The database is copied first (a consistent snapshot, see database.py), then the files.
Stored files are never changed once written, so a file uploaded during the backup is at
worst an extra file that nothing refers to.
"""

import shutil
import tempfile
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from . import archive, database, files
from .errors import BackupError

__all__ = ["BackupError", "backup_create", "backup_restore"]


def _app_version() -> str:
    try:
        return version("practica")
    except PackageNotFoundError:
        return "unknown"


def backup_create(*, target: Path, include_files: bool = True) -> dict[str, Any]:
    """Write the archive to `target` (replaced only once complete); return its manifest."""
    engine = database.engine()
    target.parent.mkdir(parents=True, exist_ok=True)
    store = files.storage()
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as tmp:
        dump_path = Path(tmp) / database.DUMP_NAME[engine]
        migrations = database.applied_migrations()
        dump_info = database.dump(dump_path)
        created_at = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        manifest: dict[str, Any] = {
            "format": archive.FORMAT,
            "format_version": archive.FORMAT_VERSION,
            "created_at": created_at,
            "app_version": _app_version(),
            "database": {**dump_info, "member": f"{archive.DATABASE_DIR}/{dump_path.name}"},
            "migrations": migrations,
            "files": {
                "included": include_files,
                "storage": settings.STORAGES["default"]["BACKEND"],
                "count": 0,
            },
        }
        with archive.writing(target) as writer:
            with dump_path.open("rb") as dumped:
                writer.add(manifest["database"]["member"], dumped, dump_path.stat().st_size)
            dump_path.unlink()  # the archive has it; do not keep two copies on disk
            if include_files:
                for name in files.names(store):
                    with store.open(name, "rb") as stored:
                        writer.add(f"{archive.FILES_DIR}/{name}", stored, store.size(name))
                    manifest["files"]["count"] += 1
            writer.finish(manifest)
    return manifest


def backup_restore(*, source: Path, force: bool = False) -> dict[str, Any]:
    """Replace the site's database and files with those in the archive at `source`.

    Refuses, before changing anything: an archive that is damaged, malformed or hostile
    (see archive.open_archive), from another database engine or a newer version of the
    code, and a site that already has accounts or files unless `force`. Every member is
    checked against its checksum before the database is touched. Returns what was done:
    `files_written`, `files_kept` and `migrations_to_apply`.
    """
    store = files.storage()
    with archive.open_archive(source) as reader:
        manifest = reader.manifest
        engine = database.engine()
        found = manifest.get("database", {}).get("engine")
        if found != engine:
            raise BackupError(
                _("This backup holds a %(found)s database but this site uses %(engine)s. "
                  "Restore it into a site with the same database engine.")
                % {"found": found, "engine": engine}
            )  # fmt: skip
        unknown = set(manifest.get("migrations") or []) - database.known_migrations()
        if unknown:
            raise BackupError(
                _("This backup comes from a newer version of Practica (%(version)s; it has "
                  "migrations this code lacks: %(names)s). Install that version first.")
                % {"version": manifest.get("app_version"), "names": ", ".join(sorted(unknown)[:5])}
            )  # fmt: skip
        if not force:
            accounts = database.account_count()
            if accounts:
                raise BackupError(
                    _("This site's database already has %(n)s accounts; restoring would "
                      "replace them. Use --force to replace them.") % {"n": accounts}
                )  # fmt: skip
            if manifest["files"]["included"] and files.has_any(store):
                raise BackupError(
                    _("This site already has stored files; restoring writes over those with "
                      "the same names. Use --force to go ahead.")
                )  # fmt: skip
        db_member = manifest["database"]["member"]
        with tempfile.TemporaryDirectory(prefix="practica-restore-") as tmp:
            needed = reader.members[db_member]["size"]
            if needed > shutil.disk_usage(tmp).free:
                raise BackupError(_("Not enough disk space in %(tmp)s to unpack the database "
                                    "(%(n)s bytes).") % {"tmp": tmp, "n": needed})  # fmt: skip
            dump_path = Path(tmp) / database.DUMP_NAME[engine]
            # First pass: every checksum, and the database copy unpacked; nothing changed yet.
            for name, member in reader.stream():
                if name == db_member:
                    with dump_path.open("wb") as out:
                        shutil.copyfileobj(member, out, 1024 * 1024)
            database.load(dump_path, dump_info=manifest["database"])
        written = kept = 0
        if manifest["files"]["included"]:
            for name, member in reader.stream():
                if name.startswith(f"{archive.FILES_DIR}/"):
                    if files.put(
                        store,
                        name.removeprefix(f"{archive.FILES_DIR}/"),
                        member,
                        sha256=reader.members[name]["sha256"],
                    ):
                        written += 1
                    else:
                        kept += 1
    pending = sorted(database.known_migrations() - set(manifest.get("migrations") or []))
    return {
        "manifest": manifest,
        "files_written": written,
        "files_kept": kept,
        "migrations_to_apply": pending,
    }
