"""Zip-based documents (docx, xlsx, pptx, odt, ods, odp): opened only within limits.

A zip's central directory says how large each part becomes once decompressed. It is checked
before any part is opened (`open_archive`), and the parts are then read as a stream that stops
as soon as one gives more than it declared or more than the reader's budget (`read_member`),
because the directory can lie. Nothing is ever decompressed whole into memory.
"""

import zipfile
from collections.abc import Iterator
from typing import IO

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from practica.core.errors import ServiceError

from .limits import (
    ARCHIVE_MAX_MEMBERS,
    ARCHIVE_MAX_RATIO,
    ARCHIVE_MAX_UNCOMPRESSED,
    ARCHIVE_RATIO_FROM,
)

CHUNK = 64 * 1024


class ArchiveTooLarge(ServiceError):
    """The document expands beyond a limit: a decompression bomb, or a budget spent."""


def _damaged() -> ServiceError:
    return ServiceError(
        _("The document is damaged: it cannot be opened. Save it again and upload the copy.")
    )


def _too_large(size: int | None = None) -> ArchiveTooLarge:
    if size is None:
        return ArchiveTooLarge(
            _(
                "The document expands to far more than its size when opened (a “zip bomb”). "
                "It is not accepted."
            )
        )
    return ArchiveTooLarge(
        _(
            "The document expands to %(size)s when opened, more than the %(limit)s accepted, "
            "or far more than its own size (a “zip bomb”). It is not accepted."
        )
        % {"size": filesizeformat(size), "limit": filesizeformat(ARCHIVE_MAX_UNCOMPRESSED)}
    )


def open_archive(file: IO[bytes]) -> zipfile.ZipFile:
    """Open a zip and check its central directory before any member is read.

    Raises ServiceError (ArchiveTooLarge for a bomb) with a message for the uploader.
    """
    try:
        archive = zipfile.ZipFile(file)
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise _damaged() from error
    if len(members) > ARCHIVE_MAX_MEMBERS:
        raise ServiceError(
            _("The document has %(n)s parts; at most %(limit)s are accepted.")
            % {"n": len(members), "limit": ARCHIVE_MAX_MEMBERS}
        )
    total = sum(info.file_size for info in members)
    if total > ARCHIVE_MAX_UNCOMPRESSED or any(
        info.file_size > ARCHIVE_RATIO_FROM
        and info.file_size > ARCHIVE_MAX_RATIO * max(info.compress_size, 1)
        for info in members
    ):
        raise _too_large(total)
    return archive


class Budget:
    """Decompressed bytes a reader may still take from one archive, over all its members."""

    def __init__(self, limit: int) -> None:
        self.left = limit


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> Iterator[bytes]:
    """Yield a member's decompressed bytes in chunks.

    Stops with ArchiveTooLarge as soon as the member gives more than its declared size or
    than the budget has left, and with ServiceError if it is damaged (a wrong checksum).
    """
    declared = info.file_size
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                declared -= len(chunk)
                budget.left -= len(chunk)
                if declared < 0 or budget.left < 0:
                    raise _too_large()
                yield chunk
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise _damaged() from error


def read_small_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """The whole of a small member (e.g. `[Content_Types].xml`), or None if there is none."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    return b"".join(read_member(archive, info, Budget(limit)))


def check_archive_stream(archive: zipfile.ZipFile) -> None:
    """Decompress every member once, discarding the bytes, to prove the declared sizes and
    checksums true (what the directory said was checked by `open_archive`)."""
    budget = Budget(ARCHIVE_MAX_UNCOMPRESSED)
    for info in archive.infolist():
        for _chunk in read_member(archive, info, budget):
            pass
