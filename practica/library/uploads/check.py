"""Checking an uploaded file: size, a type decided from the content, nothing that could run,
nothing built to exhaust memory, a name without tricks."""

import hashlib
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from practica.core.errors import ServiceError
from practica.core.images import reencode_image

from .archives import check_archive_stream, open_archive
from .macros import check_odf, check_ole, check_ooxml
from .names import clean_name, fit_name
from .pdf import check_pdf
from .text import check_text
from .types import (
    ALIASES,
    ALLOWED,
    ARCHIVE_TYPES,
    IMAGE_TYPES,
    OLE_TYPES,
    OOXML_TYPES,
    TEXT_TYPES,
    extension_of,
)


@dataclass(frozen=True)
class CheckedFile:
    name: str
    extension: str
    content_type: str
    # Only images, re-encoded here, may be shown in the browser; everything else downloads.
    inline: bool
    size: int
    sha256: str
    # What to store instead of the upload (the re-encoded image), if anything.
    content: bytes | None = None


def check_upload(upload: UploadedFile) -> CheckedFile:
    """Accept the file or raise ServiceError saying exactly why not."""
    name = clean_name(upload.name or "")
    limit = settings.PRACTICA_UPLOAD_MAX_MB
    if not upload.size:
        raise ServiceError(_("The file is empty."))
    if upload.size > limit * 1024 * 1024:
        raise ServiceError(
            _("The file is %(size).1f MB; the limit is %(limit)s MB.")
            % {"size": upload.size / 1024 / 1024, "limit": limit}
        )
    extension = extension_of(name)
    if extension not in ALLOWED:
        raise ServiceError(
            _("Files of this type (%(ext)s) are not accepted. Accepted: %(list)s.")
            % {
                "ext": f".{extension}" if extension else _("no extension"),
                "list": ", ".join(sorted(ALLOWED)),
            }
        )
    upload.seek(0)
    guessed = filetype.guess(upload.read(8192))
    upload.seek(0)
    found = ALIASES.get(guessed.extension, guessed.extension) if guessed else None
    if extension in TEXT_TYPES:
        check_text(upload, found, extension)
    elif found != extension:
        raise ServiceError(
            _(
                "The file is named .%(ext)s but its content is %(found)s. Only files whose "
                "content matches their name are accepted."
            )
            % {"ext": extension, "found": f".{found}" if found else _("not a known document")}
        )
    content = _check_content(upload, extension)
    digest = hashlib.sha256()
    if content is None:
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
    else:
        digest.update(content)
    return CheckedFile(
        name=fit_name(name),
        extension=extension,
        content_type=ALLOWED[extension],
        inline=content is not None,
        size=upload.size if content is None else len(content),
        sha256=digest.hexdigest(),
        content=content,
    )


def _check_content(upload: UploadedFile, extension: str) -> bytes | None:
    """Check what the type can hide; return the bytes to keep instead, for images."""
    upload.seek(0)
    try:
        if extension in IMAGE_TYPES:
            return reencode_image(upload.read(), extension)
        if extension in ARCHIVE_TYPES:
            archive = open_archive(upload)  # the central directory, before any member
            (check_ooxml if extension in OOXML_TYPES else check_odf)(archive)
            check_archive_stream(archive)  # then every member, as a stream
        elif extension in OLE_TYPES:
            check_ole(upload)
        elif extension == "pdf":
            check_pdf(upload)
    finally:
        upload.seek(0)
    return None
