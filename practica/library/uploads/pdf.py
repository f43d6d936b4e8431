"""PDF: opened by pypdf only within limits, so that a file built to expand (a stream that
decompresses to gigabytes, a page tree of millions of entries) stops early."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from django.utils.translation import gettext as _

from practica.core.errors import ServiceError

from .limits import PDF_MAX_PAGES, PDF_PARSING_MAX, PDF_STREAM_MAX


@contextmanager
def pdf_limits() -> Iterator[None]:
    from pypdf import apply_configuration

    with apply_configuration(
        maximum_declared_stream_length=PDF_STREAM_MAX,
        array_based_stream_maximum_output_length=PDF_STREAM_MAX,
        jbig2_maximum_output_length=PDF_STREAM_MAX,
        lzw_maximum_output_length=PDF_STREAM_MAX,
        run_length_maximum_output_length=PDF_STREAM_MAX,
        zlib_maximum_output_length=PDF_STREAM_MAX,
        brotli_maximum_output_length=PDF_STREAM_MAX,
        image_maximum_buffer_size=PDF_STREAM_MAX,
        stream_decoding_work_maximum_length=4 * PDF_STREAM_MAX,
        stream_parsing_work_maximum_count=PDF_PARSING_MAX,
    ):
        yield


def check_pdf(file: IO[bytes]) -> None:
    """Refuse a PDF with too many pages or built to exhaust memory.

    A PDF that pypdf cannot read for other reasons is kept: viewers are more forgiving, and it
    is served only as a download. Its text will simply not be searchable.
    """
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    try:
        with pdf_limits():
            pages = len(PdfReader(file).pages)
    except LimitReachedError as error:
        raise ServiceError(
            _(
                "The PDF is built to take far more memory to open than its size suggests "
                "(a stream or page tree beyond our limits). It is not accepted."
            )
        ) from error
    except Exception:  # pypdf raises many kinds on a malformed file; see the docstring
        return
    finally:
        file.seek(0)
    if pages > PDF_MAX_PAGES:
        raise ServiceError(
            _("The PDF has %(n)s pages; at most %(limit)s are accepted.")
            % {"n": pages, "limit": PDF_MAX_PAGES}
        )
