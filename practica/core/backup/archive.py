"""The archive: a tar.gz of the database copy, the stored files and a manifest.

Layout: `database/db.sqlite3` or `database/db.pgdump`, `files/<storage name>` for each
stored file, and `manifest.json` last (it holds every other member's size and SHA-256).
Reading trusts nothing in the archive: only regular files with plain relative names
under those folders, each listed in the manifest with its size, each checked against its
checksum before anything is restored.
"""

import hashlib
import io
import json
import tarfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from .errors import BackupError

FORMAT = "practica-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_DIR = "database"
FILES_DIR = "files"
_MANIFEST_MAX_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024
_READ_ERRORS = (tarfile.TarError, OSError, EOFError, zlib.error)


def safe_name(name: str) -> bool:
    """A plain relative POSIX path: no root, no `..`, no empty part, no control character."""
    if not name or name.startswith("/") or "\\" in name:
        return False
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


class _Hashing(io.RawIOBase):
    """Reads through `source`, counting bytes and hashing them."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        self.digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


class _Checked(_Hashing):
    """Reads a member of an archive; damage found while reading is a BackupError."""

    def read(self, size: int = -1) -> bytes:
        try:
            return super().read(size)
        except _READ_ERRORS as exc:
            raise BackupError(_("The archive is damaged: %s") % exc) from exc


class ArchiveWriter:
    """Adds members to a new archive and records their sizes and checksums."""

    def __init__(self, tar: tarfile.TarFile) -> None:
        self.tar = tar
        self.members: dict[str, dict[str, Any]] = {}
        self.now = int(time.time())

    def _info(self, name: str, size: int) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, self.now, 0o600
        return info

    def add(self, name: str, source: IO[bytes], size: int) -> None:
        """Add `size` bytes read from `source` as `name`; the source must not change."""
        reader = _Hashing(source)
        try:
            self.tar.addfile(self._info(name, size), reader)  # type: ignore[arg-type]
        except OSError as exc:
            raise BackupError(
                _("%(name)s changed while it was copied (%(error)s); run the backup again.")
                % {"name": name, "error": exc}
            ) from exc
        extra = source.read(1)
        if reader.size != size or extra:
            raise BackupError(_("%s changed while it was copied; run the backup again.") % name)
        self.members[name] = {"size": size, "sha256": reader.digest.hexdigest()}

    def finish(self, manifest: dict[str, Any]) -> None:
        data = json.dumps({**manifest, "members": self.members}, indent=1, sort_keys=True)
        raw = data.encode()
        self.tar.addfile(self._info(MANIFEST, len(raw)), io.BytesIO(raw))


@contextmanager
def writing(path: Path) -> Iterator[ArchiveWriter]:
    """Write the archive to a temporary name beside `path`, renamed into place when done."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with tarfile.open(partial, "w:gz", format=tarfile.PAX_FORMAT) as tar:
            yield ArchiveWriter(tar)
        partial.chmod(0o600)  # it holds every account's data
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


class ArchiveReader:
    """An archive checked for shape before any byte of it is used; see `open_archive`."""

    def __init__(self, tar: tarfile.TarFile, manifest: dict[str, Any]) -> None:
        self.tar = tar
        self.manifest = manifest
        self.members: dict[str, dict[str, Any]] = manifest["members"]

    def stream(self) -> Iterator[tuple[str, IO[bytes]]]:
        """Every member but the manifest, in archive order, each checked against its
        checksum once its reader is exhausted (the caller must read it to the end)."""
        try:
            for info in self.tar:
                if info.name == MANIFEST:
                    continue
                source = self.tar.extractfile(info)
                if source is None:  # not a regular file: refused by open_archive already
                    raise BackupError(_("%s is not a regular file.") % info.name)
                reader = _Checked(source)
                yield info.name, reader  # type: ignore[misc]
                while reader.read(_CHUNK):
                    pass
                expected = self.members[info.name]
                if reader.size != expected["size"] or (
                    reader.digest.hexdigest() != expected["sha256"]
                ):
                    raise BackupError(_("%s is damaged: its checksum does not match.") % info.name)
        except _READ_ERRORS as exc:
            raise BackupError(_("The archive is damaged: %s") % exc) from exc


def _refuse(message: str) -> BackupError:
    return BackupError(_("This is not a usable Practica backup: %s") % message)


@contextmanager
def open_archive(path: Path) -> Iterator[ArchiveReader]:
    """Open `path` and check its shape and manifest; raises BackupError on anything odd."""
    if not path.is_file():
        raise BackupError(_("There is no file at %s.") % path)
    try:
        tar = tarfile.open(path, "r:gz")  # noqa: SIM115 (closed by the `with` below)
    except _READ_ERRORS as exc:
        raise _refuse(_("it is not a gzip-compressed tar archive (%s).") % exc) from exc
    with tar:
        try:
            infos = tar.getmembers()
            manifest = _read_manifest(tar, infos)
        except _READ_ERRORS as exc:
            raise _refuse(_("it is damaged or cut short (%s).") % exc) from exc
        yield ArchiveReader(tar, manifest)


def _read_manifest(tar: tarfile.TarFile, infos: list[tarfile.TarInfo]) -> dict[str, Any]:
    seen: set[str] = set()
    for info in infos:
        if not info.isfile():
            raise _refuse(_("%s is a link, a folder or a device; only files are allowed.")
                          % info.name)  # fmt: skip
        top = info.name.split("/", 1)[0]
        if not safe_name(info.name) or (
            info.name != MANIFEST and (top not in (DATABASE_DIR, FILES_DIR) or "/" not in info.name)
        ):
            raise _refuse(_("the name %r points outside the places a backup restores to.")
                          % info.name)  # fmt: skip
        if info.name in seen:
            raise _refuse(_("%s appears twice.") % info.name)
        seen.add(info.name)
    by_name = {info.name: info for info in infos}
    if MANIFEST not in by_name:
        raise _refuse(_("it has no manifest: it is damaged, cut short or not made by "
                        "manage.py backup."))  # fmt: skip
    if by_name[MANIFEST].size > _MANIFEST_MAX_BYTES:
        raise _refuse(_("its manifest is too large."))
    source = tar.extractfile(by_name[MANIFEST])
    try:
        manifest = json.loads(source.read() if source else b"")
    except ValueError as exc:
        raise _refuse(_("its manifest is not valid JSON.")) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse(_("its manifest is not a Practica manifest."))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _("This backup has format version %(found)s; this version of Practica reads "
              "version %(known)s. Restore it with the version that made it.")
            % {"found": manifest.get("format_version"), "known": FORMAT_VERSION}
        )  # fmt: skip
    members = manifest.get("members")
    if not isinstance(members, dict) or not all(
        isinstance(entry, dict)
        and isinstance(entry.get("size"), int)
        and isinstance(entry.get("sha256"), str)
        for entry in members.values()
    ):
        raise _refuse(_("its manifest does not list the members' sizes and checksums."))
    listed, present = set(members), set(by_name) - {MANIFEST}
    if listed - present:
        raise _refuse(_("it lacks %s, which the manifest lists (was it cut short?).")
                      % ", ".join(sorted(listed - present)[:5]))  # fmt: skip
    if present - listed:
        raise _refuse(_("it holds %s, which the manifest does not list.")
                      % ", ".join(sorted(present - listed)[:5]))  # fmt: skip
    for name in listed:
        if by_name[name].size != members[name]["size"]:
            raise _refuse(_("the size of %s differs from the manifest's.") % name)
    return manifest
