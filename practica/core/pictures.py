"""Square pictures (profile photos, community emblems) from an upload, made safe.

The upload's type is decided from its content (a photo named .html is still a photo; an
HTML page named .jpg is refused), then it goes through the same decoding and re-encoding as
library images (`core.images`: appended data refused, pixel limits, EXIF orientation
applied), and only then is it cropped to a centred square and written at each size as a
fresh JPEG: no metadata, no animation, no transparency, nothing but pixels.
"""

import hashlib
import io
import secrets
from typing import Any

import filetype
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest, HttpResponseNotModified
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from .errors import ServiceError
from .headers import cache_privately
from .images import PILLOW_FORMATS, reencode_image

MB = 1024 * 1024
PICTURE_MAX_MB = 10
# size name → pixels: "l" for profile pages and headers, "s" for lists (64 px covers a 32 px
# avatar on a high-density screen).
SIZES = {"l": 256, "s": 64}
_TYPES = {"jpeg": "jpg", "jpg": "jpg", "png": "png", "gif": "gif", "webp": "webp"}


def square_pictures(upload: UploadedFile) -> dict[str, bytes]:
    """size name → JPEG bytes; ServiceError saying why the file is refused."""
    if not upload.size:
        raise ServiceError(_("The file is empty."))
    if upload.size > PICTURE_MAX_MB * MB:
        raise ServiceError(
            _("The picture is %(size).1f MB; the limit is %(limit)s MB.")
            % {"size": upload.size / MB, "limit": PICTURE_MAX_MB}
        )
    upload.seek(0)
    content = upload.read()
    guessed = filetype.guess(content[:8192])
    extension = _TYPES.get(guessed.extension) if guessed else None
    if extension is None:
        raise ServiceError(
            _("This file is not a picture. Choose a photo or image in JPEG, PNG, GIF or WebP.")
        )
    clean = reencode_image(content, extension)  # ServiceError with the reason
    return _squares(clean, extension)


def _squares(content: bytes, extension: str) -> dict[str, bytes]:
    from PIL import Image

    with Image.open(io.BytesIO(content), formats=[PILLOW_FORMATS[extension]]) as image:
        image.seek(0)
        frame = image.convert("RGBA")
    flat = Image.new("RGB", frame.size, (255, 255, 255))
    flat.paste(frame, mask=frame.getchannel("A"))
    width, height = flat.size
    side = min(width, height)
    left, top = (width - side) // 2, (height - side) // 2
    square = flat.crop((left, top, left + side, top + side))
    out = {}
    for name, pixels in SIZES.items():
        buffer = io.BytesIO()
        square.resize((pixels, pixels), Image.Resampling.LANCZOS).save(
            buffer, "JPEG", quality=85, optimize=True, progressive=True
        )
        out[name] = buffer.getvalue()
    return out


def picture_files(pictures: dict[str, bytes]) -> dict[str, ContentFile]:
    """Files to store, under a new random name, so that a replaced picture gets a new
    address and no cached copy of the old one is ever shown for it."""
    token = secrets.token_hex(8)
    return {size: ContentFile(data, name=f"{token}-{size}.jpg") for size, data in pictures.items()}


def picture_version(stored_name: str) -> str:
    """A short token that changes whenever the stored picture does, for its address."""
    return hashlib.sha256(stored_name.encode()).hexdigest()[:12]


def replace_pictures(
    instance: Any, fields: tuple[str, str], pictures: dict[str, bytes] | None
) -> None:
    """Put new pictures (or none) in `instance`'s two file fields ("l" then "s"), unsaved;
    the files they replace are deleted once the transaction commits."""
    old = [getattr(instance, name).name for name in fields if getattr(instance, name)]
    if pictures is None:
        for name in fields:
            setattr(instance, name, "")
    else:
        files = picture_files(pictures)
        for name, size in zip(fields, SIZES, strict=True):
            getattr(instance, name).save(files[size].name, files[size], save=False)
    if old:
        transaction.on_commit(lambda: _delete(old))


def _delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def picture_response(request: HttpRequest, file: FieldFile, version: str) -> HttpResponseBase:
    """A stored picture, for a reader the caller has already let see it.

    Its address carries `?v=<version>`, which changes with the picture: at the current
    version the reader's browser (never a shared cache) may keep it for a day; an older
    address gets the current picture, to be checked again next time. Pictures are JPEGs made
    by this module, served with a sandboxing policy like every other upload."""
    etag = f'"{version}"'
    if etag in request.headers.get("If-None-Match", ""):
        response: HttpResponseBase = HttpResponseNotModified()
    else:
        response = FileResponse(file.open("rb"), content_type="image/jpeg")
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["ETag"] = etag
    current = request.GET.get("v") == version
    return cache_privately(response, seconds=86400 if current else 0)
