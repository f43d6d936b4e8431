"""The library as people use it: upload, versions, approval, finding, downloading, currency."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from practica.demo.files import make_docx, make_odt, make_pdf, make_png
from practica.library.models import Resource, ResourceVersion
from practica.library.services import review_reminders_send
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db


def _form(**changes):
    data = {
        "title": "Referral form template",
        "kind": "template",
        "summary": "A referral form for treatment court coordinators.",
        "link_url": "",
        "outside_authors": "Dr. R. Example",
        "tags": "Referrals, forms",
        "jurisdictions": "Ontario, Manitoba",
        "language": "English",
        "licence": "cc_by",
        "licence_confirmed": "on",
        "current_as_of": "2026-01-15",
        "review_months": "12",
    }
    data.update(changes)
    return data


def _file(name="referral.pdf", content=None, content_type="application/pdf"):
    return SimpleUploadedFile(
        name, content if content is not None else make_pdf("Referral v1"), content_type=content_type
    )


def test_upload_version_approve_find_download_remind_confirm(client, on_commit, community, chair):
    community.library_needs_approval = True
    community.save()
    author, coauthor, reader = (
        make_member(community, display_name=n) for n in ("Ada", "Cole", "Rita")
    )

    client.force_login(author)
    with on_commit():
        response = client.post(
            reverse("resource_create", args=[community.slug]),
            {**_form(co_authors=[coauthor.pk]), "file": _file()},
        )
    resource = Resource.objects.get()
    assert response["Location"] == resource.get_absolute_url()
    assert resource.status == "pending"
    assert set(resource.authors.all()) == {author, coauthor}
    assert sorted(resource.tags.values_list("name", flat=True)) == ["forms", "referrals"]
    first = resource.versions.get()
    assert first.extracted_text.strip() == "Referral v1"  # extracted by the worker's task
    # Others cannot see it before approval.
    client.force_login(reader)
    assert client.get(resource.get_absolute_url()).status_code == 404

    client.force_login(coauthor)
    with on_commit():
        client.post(
            reverse("version_add", args=[resource.pk]),
            {
                "file": _file("referral-v2.docx", make_docx("Referral v2"), "application/msword"),
                "note": "Added the consent section",
            },
        )
    assert resource.versions.count() == 2

    client.force_login(chair)
    with on_commit():
        client.post(reverse("resource_approve", args=[resource.pk]))
    resource.refresh_from_db()
    assert resource.status == "published"
    assert {m.to[0] for m in mail.outbox if "now in the library" in m.subject} == {
        author.email,
        coauthor.email,
    }

    client.force_login(reader)
    listing = client.get(
        reverse("library"), {"kind": "template", "jurisdiction": "manitoba", "licence": "cc_by"}
    ).content.decode()
    assert "Referral form template" in listing
    assert (
        "Referral form template"
        not in client.get(reverse("library"), {"kind": "guide"}).content.decode()
    )
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "Added the consent section" in page and "Cole" in page
    v1, v2 = resource.versions.order_by("number")
    assert b"".join(client.get(v1.get_download_url()).streaming_content) == make_pdf("Referral v1")
    assert b"".join(client.get(v2.get_download_url()).streaming_content).startswith(b"PK")
    resource.refresh_from_db()
    assert resource.download_count == 2

    # A year on it falls due: its authors and leaders are reminded, once.
    Resource.objects.filter(pk=resource.pk).update(
        current_as_of=timezone.localdate() - timedelta(days=400), last_reviewed_at=None
    )
    mail.outbox.clear()
    with on_commit():
        assert review_reminders_send() == 1
        assert review_reminders_send() == 0
    assert {m.to[0] for m in mail.outbox} == {author.email, coauthor.email, chair.email}
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "May be out of date." in page
    client.post(reverse("resource_confirm", args=[resource.pk]))
    resource.refresh_from_db()
    assert resource.last_reviewed_by == reader and not resource.may_be_out_of_date
    assert "May be out of date." not in client.get(resource.get_absolute_url()).content.decode()


GIF_WITH_SCRIPT = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00<script>alert(1)</script>"
)


@pytest.mark.parametrize(
    "upload, changes, message",
    [
        (lambda: _file(content=b"x" * (2 * 1024 * 1024 + 1)), {}, "the limit is 2 MB"),
        (lambda: _file("tool.exe", b"MZ\x90\x00" + b"\x00" * 100), {}, "are not accepted"),
        (
            lambda: _file("report.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
            {},
            "named .pdf but its content",
        ),
        (lambda: _file("photo.gif", GIF_WITH_SCRIPT, "image/gif"), {}, "not really an image"),
        (lambda: _file("notes.txt", b"<html><body onload=x>", "text/plain"), {}, "HTML or script"),
        (lambda: _file("empty.pdf", b""), {}, "The submitted file is empty."),
        (
            lambda: _file("drawing.svg", b"<svg onload=alert(1)>", "image/svg+xml"),
            {},
            "are not accepted",
        ),
        (lambda: None, {"link_url": "htp:/broken"}, "Enter a valid URL."),
        (lambda: _file(), {"licence_confirmed": ""}, "This field is required."),
        (lambda: None, {}, "Upload a file or give a web link."),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message_and_the_form_kept(
    client, community, member, settings, upload, changes, message
):
    settings.PRACTICA_UPLOAD_MAX_MB = 2
    client.force_login(member)
    data = _form(**changes)
    file = upload()
    if file is not None:
        data["file"] = file
    response = client.post(reverse("resource_create", args=[community.slug]), data)
    body = response.content.decode()
    assert response.status_code == 200, body[:300]
    assert message in body
    assert 'value="Referral form template"' in body
    assert not Resource.objects.exists() and not ResourceVersion.objects.exists()


def test_files_get_server_names_and_safe_download_headers(client, community, member):
    client.force_login(member)
    for name, content in (
        ("../../etc/Plan.pdf", make_pdf("x")),
        ("Notes.docx", make_docx("y")),
        ("Chart.png", make_png()),
        ("List.odt", make_odt("z")),
    ):
        client.post(
            reverse("resource_create", args=[community.slug]),
            {**_form(title=name), "file": _file(name, content, "application/octet-stream")},
        )
    versions = {v.original_name: v for v in ResourceVersion.objects.all()}
    assert set(versions) == {"Plan.pdf", "Notes.docx", "Chart.png", "List.odt"}  # no path parts
    for version in versions.values():
        assert version.file.name.startswith("library/")
        assert version.original_name.rsplit(".", 1)[0] not in version.file.name
    pdf = client.get(versions["Plan.pdf"].get_download_url())
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment")
    assert pdf["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in pdf["Content-Security-Policy"]
    docx = client.get(versions["Notes.docx"].get_download_url())
    assert docx["Content-Disposition"].startswith("attachment")
    assert client.get(versions["Chart.png"].get_download_url())["Content-Disposition"].startswith(
        "inline"
    )


def test_downloads_check_permission_on_every_request(client, member, make_resource):
    closed = CommunityFactory(visibility="members")
    insider = make_member(closed)
    resource = make_resource(community=closed, author=insider)
    url = resource.versions.get().get_download_url()
    client.force_login(insider)
    assert client.get(url).status_code == 200
    client.force_login(member)  # a copied link does not work for someone else
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404
    assert client.get(reverse("resource_download", args=[resource.pk])).status_code == 404


def test_leaders_retire_move_and_delete(client, community, chair, member, make_resource):
    resource = make_resource(author=member)
    client.force_login(chair)
    client.post(reverse("resource_manage", args=[resource.pk]), {"action": "retire"})
    client.force_login(member)
    assert client.get(resource.get_absolute_url()).status_code == 404
    assert "Referral form template" not in client.get(reverse("library")).content.decode()
    client.force_login(chair)
    assert "Retired" in client.get(resource.get_absolute_url()).content.decode()
    client.post(reverse("resource_manage", args=[resource.pk]), {"action": "unretire"})
    # Leading no other community, the chair is not offered a move to nowhere.
    move_url = reverse("resource_move", args=[resource.pk])
    assert f'href="{move_url}"' not in client.get(resource.get_absolute_url()).content.decode()
    assert "there is nowhere to move it" in client.get(move_url).content.decode()
    other = CommunityFactory()
    other.memberships.create(user=chair, role="chair")
    assert f'href="{move_url}"' in client.get(resource.get_absolute_url()).content.decode()
    client.post(reverse("resource_move", args=[resource.pk]), {"target": other.pk})
    resource.refresh_from_db()
    assert resource.community == other
    confirm = client.get(reverse("resource_delete", args=[resource.pk])).content.decode()
    assert "removed for good" in confirm
    client.post(reverse("resource_delete", args=[resource.pk]))
    assert not Resource.objects.exists()
    client.force_login(member)
    assert client.post(reverse("resource_delete", args=[resource.pk])).status_code == 404


def test_only_authors_and_leaders_add_versions(client, community, make_resource):
    resource = make_resource()
    client.force_login(make_member(community))
    assert client.get(reverse("version_add", args=[resource.pk])).status_code == 403


def test_link_resources_and_comments(client, community, member):
    client.force_login(member)
    client.post(
        reverse("resource_create", args=[community.slug]),
        _form(kind="link", title="Bench book", link_url="https://example.org/bench"),
    )
    resource = Resource.objects.get()
    assert resource.link_url == "https://example.org/bench"
    client.post(reverse("resource_comment", args=[resource.pk]), {"body": "Very **useful**."})
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "<strong>useful</strong>" in page
    assert (
        client.get(reverse("resource_download", args=[resource.pk]))["Location"]
        == resource.link_url
    )


def test_library_sorts_and_query_counts(
    client, community, member, make_resource, assert_page_queries
):
    old = make_resource(title="Old guide")
    new = make_resource(title="New guide")
    Resource.objects.filter(pk=old.pk).update(
        download_count=9, created_at=timezone.now() - timedelta(days=9)
    )
    client.force_login(member)
    by_new = client.get(reverse("library")).content.decode()
    assert by_new.index("New guide") < by_new.index("Old guide")
    by_downloads = client.get(reverse("library"), {"sort": "downloads"}).content.decode()
    assert by_downloads.index("Old guide") < by_downloads.index("New guide")
    for url, queries in (
        (reverse("library"), 8),
        (reverse("community_library", args=[community.slug]), 11),  # with the watch level
    ):
        client.get(url)
        with assert_page_queries(queries):
            client.get(url)
        for n in range(6):
            make_resource(title=f"More {n}")
        with assert_page_queries(queries):
            client.get(url)
    assert new.pk


def test_file_names_lose_path_parts_and_control_characters(client, community, member):
    from practica.core.errors import ServiceError
    from practica.library.uploads import check_upload

    client.force_login(member)
    client.post(
        reverse("resource_create", args=[community.slug]),
        {**_form(), "file": _file("..\\..\\bad\x07name.pdf")},
    )
    assert ResourceVersion.objects.get().original_name == "badname.pdf"  # cleaned on arrival
    with pytest.raises(ServiceError, match="control characters"):  # and refused if one slips by
        check_upload(_file("bad\x07name.pdf"))


def test_a_refused_or_interrupted_comment_comes_back_in_the_comment_box(
    client, on_commit, community, member, staff, make_resource
):
    from html import unescape
    from urllib.parse import parse_qs, urlsplit

    from practica.accounts.services import conduct_publish

    resource = make_resource()
    client.force_login(member)
    url = reverse("resource_comment", args=[resource.pk])
    too_long = "Useful, and " + "x" * 20_000
    response = client.post(url, {"body": too_long}, follow=True)
    page = unescape(response.content.decode())
    assert "at most 20000 characters" in page
    assert f"{too_long}</textarea>" in page
    with on_commit():
        conduct_publish(actor=staff, body="Version two.")
    response = client.post(url, {"body": "Used it in our court."})
    client.post(reverse("conduct"), {"accept": "on"})
    back = client.get(parse_qs(urlsplit(response["Location"]).query)["next"][0])
    assert back.wsgi_request.path == resource.get_absolute_url()
    assert "Used it in our court.</textarea>" in back.content.decode()
