"""Request bodies over the limit are refused as they arrive, never stored first.

Two checks, both before any view or the CSRF check reads the body:

- `RequestSizeLimitMiddleware` answers 413 at once when the declared length is over the
  limit, without reading a byte of the body: a form with a file may carry
  `UPLOAD_MAX_MB` plus `REQUEST_FIELDS_MB` for its other fields; any other body
  `DATA_UPLOAD_MAX_MEMORY_SIZE`.
- `UploadLimitHandler`, first of `FILE_UPLOAD_HANDLERS`, stops keeping a file as soon as
  it passes `UPLOAD_MAX_MB`: nothing more of it reaches memory or a temporary file, and
  the form says the file is over the limit.

The server (Granian) has no body limit of its own, and reads a body only as the app asks
for it; a reverse proxy in front should refuse the same sizes (docs/deploy/nginx.conf).
"""

from collections.abc import Callable
from io import BytesIO
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

MB = 1024 * 1024


def upload_limit_bytes() -> int:
    return int(settings.PRACTICA_UPLOAD_MAX_MB) * MB


def body_limit_bytes(content_type: str) -> int | None:
    """The largest body accepted for this content type (None: no limit)."""
    if content_type.startswith("multipart/form-data"):
        return upload_limit_bytes() + int(settings.PRACTICA_REQUEST_FIELDS_MB) * MB
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return None if limit is None else int(limit)


class UploadLimitHandler(FileUploadHandler):
    """Keeps nothing of a file past UPLOAD_MAX_MB.

    Once a file passes the limit, what the other handlers stored of it is closed (a
    temporary file is deleted) and the rest of it is only counted, never stored; the form
    then receives an empty stand-in with the size that was sent, so that it says "the file
    is 31.2 MB; the limit is 25 MB" and keeps everything else that was typed. The request's
    declared length (checked by the middleware first) bounds what is counted.
    """

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0
        self.dropped = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.dropped:
            return None
        if self.received > upload_limit_bytes():
            self.dropped = True
            for handler in self.request.upload_handlers:
                stored = getattr(handler, "file", None) if handler is not self else None
                if stored is not None:
                    stored.close()
            return None  # the next handlers see no more of this file
        return raw_data

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if not self.dropped:
            return None  # the next handlers hand over the file they kept
        return UploadedFile(
            BytesIO(), self.file_name, self.content_type, self.received, self.charset
        )


class RequestSizeLimitMiddleware:
    """Answers 413 for a body over the limit before anything reads it (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        content_type = request.META.get("CONTENT_TYPE", "")
        limit = body_limit_bytes(content_type)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            return too_large(request)
        # The body is left unread: a request the CSRF check refuses (no cookie, say) is
        # answered without its files ever reaching a temporary file.
        return self.get_response(request)


def too_large(request: HttpRequest) -> HttpResponse:
    context = {"upload_max_mb": settings.PRACTICA_UPLOAD_MAX_MB}
    return render(request, "413.html", context, status=413)
