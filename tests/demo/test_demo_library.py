"""The demo library tells a consistent story: what a reader sees adds up."""

import pytest
from django.core.management import call_command
from django.db.models import Max, Sum
from django.urls import reverse
from django.utils import dateformat, formats, timezone

from practica.library.models import Resource

pytestmark = pytest.mark.django_db


def test_demo_library_counts_and_dates_agree(client):
    call_command("seed_demo")
    resources = Resource.objects.annotate(
        version_downloads=Sum("versions__download_count"), latest=Max("versions__created_at")
    )
    overdue = [r for r in resources if r.may_be_out_of_date]
    assert overdue and any(r.versions.count() > 1 for r in overdue)
    assert sum(r.download_count for r in resources) > 0
    for resource in resources:
        assert resource.download_count == (resource.version_downloads or 0), resource
        if resource.latest:
            # A new version counts as a review: none is newer than the last check.
            assert resource.latest.date() <= resource.reviewed_on, resource
            assert resource.created_at <= resource.latest

    # What a reader of the page sees: the total is the sum of the versions' counts, and a
    # resource "may be out of date" shows no version dated after its last check.
    resource = next(
        r for r in overdue if r.versions.count() > 1 and r.community.visibility == "public"
    )
    page = client.get(reverse("resource_detail", args=[resource.pk])).content.decode()
    assert "May be out of date." in page
    total = page.split("<dt>Downloads</dt><dd>", 1)[1].split("</dd>", 1)[0]
    assert int(total) == sum(v.download_count for v in resource.versions.all()) > 0
    today = dateformat.format(timezone.localdate(), formats.get_format("DATE_FORMAT"))
    versions_table = page.split('id="versions-h"', 1)[1].split("</table>", 1)[0]
    assert today not in versions_table
