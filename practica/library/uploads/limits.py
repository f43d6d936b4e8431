"""How much a file may cost to open. Every limit is far above what real documents need and
far below what would hurt the server, or the computer of the member who downloads the file.

They are constants, not settings: the largest upload is the only size an operator chooses
(`UPLOAD_MAX_MB`); the others bound the work one upload can cause, whatever that size is.
"""

MIB = 1024 * 1024

# Shown file names, in characters. A longer name loses the end of its stem, never its
# extension.
NAME_MAX = 200

# Zip-based documents (docx, xlsx, pptx, odt, ods, odp). Checked from the central directory
# before any part is opened, then again while each part is decompressed, since the
# directory's sizes can lie.
ARCHIVE_MAX_MEMBERS = 10_000
ARCHIVE_MAX_UNCOMPRESSED = 1024 * MIB  # the whole document, decompressed
ARCHIVE_MAX_RATIO = 200  # decompressed / compressed, for any part above ARCHIVE_RATIO_FROM
ARCHIVE_RATIO_FROM = 1 * MIB

# Images are decoded and written again by practica.core.images, which holds their limits
# (profile photos and community emblems go through it too).

# PDF: pages, and the bytes any one stream may decompress to.
PDF_MAX_PAGES = 10_000
PDF_STREAM_MAX = 20 * MIB
PDF_PARSING_MAX = 500_000  # operators and operands in one page's content

# Text kept for search, extracted by the task worker.
EXTRACT_MAX_TEXT = 1_000_000  # characters
EXTRACT_MAX_READ = 100 * MIB  # decompressed bytes read from one document
EXTRACT_MAX_SECONDS = 120
