"""Plain text and CSV: UTF-8 throughout, and no markup anywhere, read as a stream."""

import codecs
import re

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from practica.core.errors import ServiceError

MARKUP = re.compile(
    rb"<\s{0,16}(?:!doctype|html|head|body|script|svg|iframe|object|embed|\?xml)", re.I
)
OVERLAP = 64  # longer than any match, so that one split across two chunks is still seen
CHUNK = 64 * 1024


def check_text(upload: UploadedFile, found: str | None, extension: str) -> None:
    """Refuse text that is binary, not UTF-8, or holds HTML or script at any position."""
    if found is not None:
        raise ServiceError(
            _("The file is named .%(ext)s but its content is a .%(found)s file.")
            % {"ext": extension, "found": found}
        )
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    tail = b""
    try:
        for chunk in upload.chunks(CHUNK):
            if "\x00" in decoder.decode(chunk):
                raise ServiceError(_("The file is not plain text."))
            window = tail + chunk
            if MARKUP.search(window):
                raise ServiceError(
                    _("The file contains HTML or script; it is not accepted as text.")
                )
            tail = window[-OVERLAP:]
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise ServiceError(_("The file is not plain text in UTF-8.")) from error
