"""The name a file is shown and downloaded under: no control characters, and never cut so
that its extension changes (`report.html.pdf` cut to `report.html`)."""

import unicodedata

from django.utils.translation import gettext as _

from practica.core.errors import ServiceError

from .limits import NAME_MAX


def clean_name(name: str) -> str:
    if not name or any(unicodedata.category(ch) in ("Cc", "Cf") for ch in name):
        raise ServiceError(
            _("The file name contains control characters. Rename the file and try again.")
        )
    return name.strip()


def fit_name(name: str, limit: int = NAME_MAX) -> str:
    """Shorten the stem so that the whole name fits `limit`; the extension is kept whole."""
    if len(name) <= limit:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) >= limit // 2:
        return name[:limit]
    return stem[: limit - len(suffix) - 1].rstrip(" .") + "." + suffix
