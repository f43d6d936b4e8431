"""The stored files (uploads), read and written through the storage API.

The same code serves local storage (MEDIA_ROOT) and S3-compatible storage: files are
listed, streamed into the archive and saved back under their own names.
"""

import hashlib
from collections.abc import Iterator
from typing import IO

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.utils.translation import gettext as _

from .archive import safe_name
from .errors import BackupError


def storage() -> Storage:
    return default_storage


def names(store: Storage, folder: str = "") -> Iterator[str]:
    """Every stored file's name, folder by folder (nothing when the storage is empty)."""
    try:
        folders, files = store.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from names(store, f"{folder}/{sub}" if folder else sub)


def has_any(store: Storage) -> bool:
    return next(names(store), None) is not None


def _sha256(store: Storage, name: str) -> str:
    digest = hashlib.sha256()
    with store.open(name, "rb") as stored:
        for chunk in iter(lambda: stored.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def put(store: Storage, name: str, source: IO[bytes], *, sha256: str) -> bool:
    """Store `source` as `name` unless the same content is there; True if written."""
    if not safe_name(name):
        raise BackupError(_("Refusing to write a file named %r.") % name)
    if store.exists(name):
        if _sha256(store, name) == sha256:
            return False
        store.delete(name)
    saved = store.save(name, File(source, name=name.rsplit("/", 1)[-1]))
    if saved != name:
        message = _("The storage saved %(name)s as %(saved)s.")
        raise BackupError(message % {"name": name, "saved": saved})
    return True
