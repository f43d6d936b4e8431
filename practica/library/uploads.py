"""Checking uploaded files: size, a type decided from the content, names without tricks.

The allowlist holds documents, spreadsheets, presentations, plain text, CSV and common
images. HTML, SVG, scripts and executables are never accepted, whatever their name says.
"""

import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from practica.core.errors import ServiceError

# extension → (content type we serve it with, may be shown inline)
ALLOWED = {
    "pdf": ("application/pdf", True),
    "doc": ("application/msword", False),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", False),
    "odt": ("application/vnd.oasis.opendocument.text", False),
    "xls": ("application/vnd.ms-excel", False),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", False),
    "ppt": ("application/vnd.ms-powerpoint", False),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", False),
    "odp": ("application/vnd.oasis.opendocument.presentation", False),
    "txt": ("text/plain; charset=utf-8", False),
    "csv": ("text/csv; charset=utf-8", False),
    "png": ("image/png", True),
    "jpg": ("image/jpeg", True),
    "gif": ("image/gif", True),
    "webp": ("image/webp", True),
}
ALIASES = {"jpeg": "jpg", "text": "txt"}
TEXT_TYPES = {"txt", "csv"}
IMAGE_TYPES = {"png", "jpg", "gif", "webp"}
MARKUP = re.compile(rb"<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|\?xml)", re.I)


@dataclass(frozen=True)
class CheckedFile:
    name: str
    extension: str
    content_type: str
    inline: bool
    size: int
    sha256: str


def _extension(name: str) -> str:
    suffix = PurePath(name).suffix.lower().lstrip(".")
    return ALIASES.get(suffix, suffix)


def _check_name(name: str) -> str:
    if not name or any(unicodedata.category(ch) in ("Cc", "Cf") for ch in name):
        raise ServiceError(
            _("The file name contains control characters. Rename the file and try again.")
        )
    return name.strip()


def check_upload(upload: UploadedFile) -> CheckedFile:
    """Accept the file or raise ServiceError saying exactly why not."""
    name = _check_name(upload.name or "")
    limit = settings.PRACTICA_UPLOAD_MAX_MB
    if not upload.size:
        raise ServiceError(_("The file is empty."))
    if upload.size > limit * 1024 * 1024:
        raise ServiceError(
            _("The file is %(size).1f MB; the limit is %(limit)s MB.")
            % {"size": upload.size / 1024 / 1024, "limit": limit}
        )
    extension = _extension(name)
    if extension not in ALLOWED:
        raise ServiceError(
            _("Files of this type (%(ext)s) are not accepted. Accepted: %(list)s.")
            % {
                "ext": f".{extension}" if extension else _("no extension"),
                "list": ", ".join(sorted(ALLOWED)),
            }
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    guessed = filetype.guess(content[:8192])
    found = ALIASES.get(guessed.extension, guessed.extension) if guessed else None
    if extension in TEXT_TYPES:
        _check_text(content, found, extension)
    elif found != extension:
        raise ServiceError(
            _(
                "The file is named .%(ext)s but its content is %(found)s. Only files whose "
                "content matches their name are accepted."
            )
            % {"ext": extension, "found": f".{found}" if found else _("not a known document")}
        )
    if extension in IMAGE_TYPES:
        _check_image(content)
    return CheckedFile(
        name=name[:200],
        extension=extension,
        content_type=ALLOWED[extension][0],
        inline=ALLOWED[extension][1],
        size=upload.size,
        sha256=hashlib.sha256(content).hexdigest(),
    )


def _check_text(content: bytes, found: str | None, extension: str) -> None:
    if found is not None:
        raise ServiceError(
            _("The file is named .%(ext)s but its content is a .%(found)s file.")
            % {"ext": extension, "found": found}
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ServiceError(_("The file is not plain text in UTF-8.")) from error
    if "\x00" in text:
        raise ServiceError(_("The file is not plain text."))
    if MARKUP.search(content[:4096]):
        raise ServiceError(_("The file contains HTML or script; it is not accepted as text."))


def _check_image(content: bytes) -> None:
    from PIL import Image, UnidentifiedImageError

    if MARKUP.search(content):
        raise ServiceError(_("The image contains markup or script; it is not accepted."))
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ServiceError(_("The image is damaged or not really an image.")) from error
