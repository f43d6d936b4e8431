"""The types the library accepts, decided from the content; the name must agree."""

from pathlib import PurePath

# extension → the content type it is served with
ALLOWED = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
ALIASES = {"jpeg": "jpg", "text": "txt"}
TEXT_TYPES = {"txt", "csv"}
IMAGE_TYPES = {"png", "jpg", "gif", "webp"}
OOXML_TYPES = {"docx", "xlsx", "pptx"}
ODF_TYPES = {"odt", "ods", "odp"}
ARCHIVE_TYPES = OOXML_TYPES | ODF_TYPES
OLE_TYPES = {"doc", "xls", "ppt"}


def extension_of(name: str) -> str:
    """The canonical extension of a file name (`jpeg` → `jpg`), lower case, without the dot."""
    suffix = PurePath(name).suffix.lower().lstrip(".")
    return ALIASES.get(suffix, suffix)
