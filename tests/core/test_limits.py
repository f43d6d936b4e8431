"""Request bodies over the limit are refused before they are read, and a file over
UPLOAD_MAX_MB is dropped as it arrives (tests/core/test_server_limits.py does the same
through the real server)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.urls import reverse

from practica.demo.files import make_pdf
from practica.library.models import Resource

MB = 1024 * 1024


class Recorder(FileUploadHandler):
    """Stands just before Django's own handlers and counts what reaches them."""

    seen: list[int] = []

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        Recorder.seen.append(0)

    def receive_data_chunk(self, raw_data, start):
        Recorder.seen[-1] += len(raw_data)
        return raw_data

    def file_complete(self, file_size):
        return None


def _resource_form(file):
    return {
        "title": "Referral form template",
        "kind": "template",
        "summary": "A referral form for treatment court coordinators.",
        "link_url": "",
        "language": "English",
        "licence": "cc_by",
        "licence_confirmed": "on",
        "current_as_of": "2026-01-15",
        "review_months": "12",
        "file": file,
    }


def test_a_file_over_the_limit_is_never_stored_and_the_form_says_why(
    client, community, member, settings, tmp_path
):
    settings.PRACTICA_UPLOAD_MAX_MB = 2
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024  # past this, a temporary file on disk
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    settings.FILE_UPLOAD_HANDLERS = [
        "practica.core.limits.UploadLimitHandler",
        "tests.core.test_limits.Recorder",
        "django.core.files.uploadhandler.MemoryFileUploadHandler",
        "django.core.files.uploadhandler.TemporaryFileUploadHandler",
    ]
    Recorder.seen = []
    client.force_login(member)
    big = SimpleUploadedFile("big.pdf", make_pdf("x") + b"0" * (MB * 5 // 2), "application/pdf")
    response = client.post(reverse("resource_create", args=[community.slug]), _resource_form(big))
    body = response.content.decode()
    assert response.status_code == 200
    assert "The file is 2.5 MB; the limit is 2 MB." in body
    assert 'value="Referral form template"' in body  # nothing typed is lost
    assert Recorder.seen and max(Recorder.seen) <= 2 * MB  # nothing past the limit was kept
    assert list(tmp_path.iterdir()) == []  # the temporary file is gone
    assert not Resource.objects.exists()

    # Under the limit, the same form goes through.
    small = SimpleUploadedFile("small.pdf", make_pdf("x"), "application/pdf")
    response = client.post(reverse("resource_create", args=[community.slug]), _resource_form(small))
    assert response.status_code == 302
    assert Resource.objects.count() == 1


def test_a_body_declared_over_the_limit_is_refused_unread(client, settings):
    settings.PRACTICA_UPLOAD_MAX_MB = 2

    class Unreadable:
        def read(self, *args):
            raise AssertionError("the body was read")

        readline = read

    # The log-in page, anonymously: a form with a file, and a form without one.
    for content_type, length in (
        ("multipart/form-data; boundary=xyz", 1024 * MB),
        ("multipart/form-data; boundary=xyz", 3 * MB + 1),  # 2 MB of file, 1 MB of fields
        ("application/x-www-form-urlencoded", 5 * MB + 1),
    ):
        response = client.generic(
            "POST", reverse("account_login"), b"", CONTENT_TYPE=content_type,
            CONTENT_LENGTH=str(length), **{"wsgi.input": Unreadable()},
        )  # fmt: skip
        assert response.status_code == 413, (content_type, length)
        body = response.content.decode()
        assert "What you sent is too large" in body
        assert "Files of up to 2 MB can be uploaded" in body


def _post_unread(client, path, length, content_type="multipart/form-data; boundary=xyz"):
    class Unreadable:
        def read(self, *args):
            raise AssertionError("the body was read")

        readline = read

    return client.generic(
        "POST", path, b"", CONTENT_TYPE=content_type, CONTENT_LENGTH=str(length),
        **{"wsgi.input": Unreadable()},
    )  # fmt: skip


def test_the_too_large_page_is_a_page_of_the_site_like_any_other(client, member):
    client.force_login(member)
    response = _post_unread(client, reverse("account_login"), 1024 * MB)
    assert response.status_code == 413
    body = response.content.decode()
    assert "Mia Member" in body and "Log in" not in body  # the reader is still signed in
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Frame-Options"] == "DENY"


def test_a_request_refused_by_the_csrf_check_never_has_its_files_stored(client, settings):
    """The size check leaves the body unread; a form without a CSRF cookie is refused
    before Django parses it, so not even a file within the limit reaches the handlers."""
    settings.FILE_UPLOAD_HANDLERS = [
        "tests.core.test_limits.Recorder",
        *settings.FILE_UPLOAD_HANDLERS,
    ]
    Recorder.seen.clear()
    client.handler.enforce_csrf_checks = True
    pdf = SimpleUploadedFile("a.pdf", make_pdf("x") + b"0" * MB, "application/pdf")
    response = client.post(reverse("account_login"), {"login": "a@example.org", "file": pdf})
    assert response.status_code == 403
    assert Recorder.seen == []
