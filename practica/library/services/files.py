"""What happens to stored files: download counts and text kept for search."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import (
    Resource,
    ResourceVersion,
)
from ..uploads.types import extension_of


@transaction.atomic
def download_counted(*, version: ResourceVersion) -> None:
    """Count a download on the version, and on the resource, whose count is the sum of its
    versions' (kept in the row for sorting); both in one transaction so they never differ."""
    ResourceVersion.objects.filter(pk=version.pk).update(download_count=F("download_count") + 1)
    Resource.objects.filter(pk=version.resource_id).update(download_count=F("download_count") + 1)


def extract_text(*, version_id: int) -> None:
    from ..extract import extract_text as extract

    version = ResourceVersion.objects.filter(pk=version_id).first()
    if version is None or version.text_extracted_at:
        return
    with version.file.open("rb") as handle:  # read as a stream, within limits
        text = extract(handle, extension_of(version.original_name))
    ResourceVersion.objects.filter(pk=version.pk).update(
        extracted_text=text, text_extracted_at=timezone.now()
    )
