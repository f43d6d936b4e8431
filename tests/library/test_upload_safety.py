"""Files that cannot hurt: every hostile file goes through the real upload form, and the test
checks what the member is told and what is stored (or that nothing is)."""

import io
import json
import os
import random
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from practica.demo.files import make_docx, make_odt, make_png
from practica.library.models import Resource, ResourceVersion
from tests.library import hostile

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
REFUSED_BOMB = "(a “zip bomb”). It is not accepted."
REFUSED_MACROS = "The document contains macros"


def _form(**changes):
    return {
        "title": "Hostile file",
        "kind": "document",
        "summary": "Uploaded by a test.",
        "link_url": "",
        "language": "English",
        "licence": "cc_by",
        "licence_confirmed": "on",
        "current_as_of": "2026-01-15",
        "review_months": "12",
        **changes,
    }


def _upload(client, community, name, content, **changes):
    data = _form(**changes)
    if content is not None:
        data["file"] = SimpleUploadedFile(name, content, "application/octet-stream")
    response = client.post(reverse("resource_create", args=[community.slug]), data)
    return response, response.content.decode()


def _refused(response, body, reason):
    assert response.status_code == 200, body[:300]
    assert reason in body, body[body.find("form-errors") :][:600]
    assert 'value="Hostile file"' in body  # the rest of the form is kept
    assert not Resource.objects.exists() and not ResourceVersion.objects.exists()


def _accepted(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return ResourceVersion.objects.get()


def _stored(version):
    with version.file.open("rb") as handle:
        return handle.read()


# --- Zip-based documents: bombs ------------------------------------------------------------


def _bomb(extension):
    if extension == "docx":
        return hostile.docx_bomb(gib=1.0)  # about 3 MB on disk
    unit = b"<t>bomb</t>" * 100_000
    return hostile.office(extension, hostile.repeated(b"<x>", unit, 300, b"</x>"))


@pytest.mark.parametrize("extension", ["docx", "xlsx", "pptx", "odt"])
def test_zip_bombs_are_refused_from_the_central_directory(client, community, member, extension):
    client.force_login(member)
    response, body = _upload(client, community, f"bomb.{extension}", _bomb(extension))
    _refused(response, body, REFUSED_BOMB)


def test_a_zip_that_lies_about_its_sizes_is_refused_while_streaming(client, community, member):
    # The directory declares 2 MB for a part that inflates to 512 MiB: a modest ratio.
    liar = hostile.make_zip(
        hostile.deflated_members(hostile.docx_bomb(gib=0.5)),
        lie={"word/document.xml": 2_000_000},
    )
    client.force_login(member)
    response, body = _upload(client, community, "liar.docx", liar)
    _refused(response, body, "The document is damaged: it cannot be opened.")


EXTRACT = textwrap.dedent(
    """
    import json, resource, sys, time
    import django
    django.setup()
    from practica.library.extract import extract_text

    def peak():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # MB

    with open(sys.argv[-2], "rb") as handle:  # warm up: imports, parsers
        extract_text(handle, sys.argv[-1])
    base, results = peak(), {}
    for path, extension in zip(sys.argv[1::2], sys.argv[2::2]):
        started = time.monotonic()
        with open(path, "rb") as handle:
            text = extract_text(handle, extension)
        results[path.rsplit("/", 1)[1]] = [len(text), round(time.monotonic() - started, 1)]
    print(json.dumps({"growth_mb": peak() - base, "results": results}))
    """
)


def _limit_memory():  # should the bug come back, fail the test rather than the machine
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))


def test_text_extraction_stays_small_whatever_the_document(tmp_path):
    """The worker reads documents as streams and stops at its limits: a 1 GiB zip bomb, one
    that lies about its sizes, 120 MiB of markup without text, 6 million characters of text
    and a PDF stream of 200 MiB never take it far above where it began."""
    rng = random.Random(7)
    words = [f"word{n}" for n in range(5000)]
    text = hostile.paragraphs(*(" ".join(rng.choices(words, k=12)) for _ in range(60_000)))
    noise = "".join(
        f'<w:bookmarkStart w:id="{rng.randrange(10**9)}" w:name="{"n" * 60}"/>'
        for _ in range(10_000)
    ).encode()
    start, end = hostile.docx_xml("").split(b"</w:body>")
    files = {
        "bomb.docx": hostile.docx_bomb(gib=1.0),
        "liar.docx": hostile.make_zip(
            hostile.deflated_members(hostile.docx_bomb(gib=0.5)),
            lie={"word/document.xml": 2_000_000},
        ),
        "markup.docx": hostile.office(
            "docx",
            hostile.repeated(start, noise, 120 * 1024 * 1024 // len(noise), b"</w:body>" + end),
        ),
        "text.docx": hostile.office("docx", hostile.docx_xml(text)),
        "bomb.pdf": hostile.pdf_bomb(mib=200),
        "plain.docx": make_docx("Warm-up"),
    }
    arguments = []
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
        arguments += [str(tmp_path / name), name.rsplit(".", 1)[1]]
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "-c", EXTRACT, *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        preexec_fn=_limit_memory,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    results = report["results"]
    assert results["bomb.docx"][0] == 0, report  # refused from its directory: nothing read
    assert 0 < results["liar.docx"][0] <= 1_000_000, report  # read until the lie shows
    assert results["markup.docx"][0] == 0, report
    assert results["text.docx"][0] == 1_000_000, report  # the cap on kept text
    assert results["bomb.pdf"][0] < 100, report
    assert results["plain.docx"][0] == len("Warm-up"), report
    # Before, the 1 GiB docx alone took the worker from 81 MB to 1.8 GB.
    assert report["growth_mb"] < 200, report


# --- Office documents with macros -----------------------------------------------------------


def _with_member(content, name, data=b"\x00" * 64):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(name, data)
    return out.getvalue()


MACROS = REFUSED_MACROS
VBA = '<Override PartName="/word/x.bin" ContentType="application/vnd.ms-office.vbaProject"/>'


def _ooxml(extension, name, types=""):
    return hostile.office(extension, extra=[(name, b"<x/>")], types=types)


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("report.docx", lambda: _with_member(make_docx("Hi"), "word/vbaProject.bin"), MACROS),
        ("sheet.xlsx", lambda: _ooxml("xlsx", "xl/vbaProject.bin"), MACROS),
        ("slides.pptx", lambda: _ooxml("pptx", "ppt/vbaProject.bin"), MACROS),
        # A VBA project under another name, found through its content type
        ("hidden.docx", lambda: _ooxml("docx", "word/x.bin", types=VBA), MACROS),
        ("control.docx", lambda: _ooxml("docx", "word/activeX/activeX1.xml"), "ActiveX controls"),
        ("letter.odt", lambda: _with_member(make_odt("Hi"), "Basic/Standard/Module1.xml"), MACROS),
        ("script.odt", lambda: _with_member(make_odt("Hi"), "Scripts/python/run.py"), MACROS),
        ("old.doc", lambda: hostile.word97(macros=True), MACROS),
    ],
)  # fmt: skip
def test_office_files_with_macros_are_refused(client, community, member, name, make, reason):
    client.force_login(member)
    response, body = _upload(client, community, name, make())
    _refused(response, body, reason)


@pytest.mark.parametrize(
    "extension, text",
    [
        ("docx", "Hello from Word"),
        ("xlsx", "Hello from Excel"),
        ("pptx", "Hello from PowerPoint"),
        ("odt", "Hello from Writer"),
    ],
)
def test_clean_office_files_are_accepted_and_their_text_found(
    client, community, member, on_commit, extension, text
):
    client.force_login(member)
    with on_commit():
        response, _body = _upload(
            client, community, f"clean.{extension}", hostile.office(extension)
        )
    version = _accepted(response)
    version.refresh_from_db()
    assert version.extracted_text == text
    download = client.get(version.get_download_url())
    assert download["Content-Disposition"].startswith("attachment")


def test_a_word_97_file_without_macros_is_accepted(client, community, member):
    client.force_login(member)
    response, _body = _upload(client, community, "old.doc", hostile.word97(macros=False))
    assert _accepted(response).content_type == "application/msword"


# --- PDFs: served as attachments, bounded --------------------------------------------------


def test_a_pdf_with_javascript_is_only_ever_downloaded(client, community, member):
    script = b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"
    client.force_login(member)
    response, _body = _upload(client, community, "script.pdf", hostile.pdf(script))
    version = _accepted(response)
    download = client.get(version.get_download_url())
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="script.pdf"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    latest = client.get(reverse("resource_download", args=[version.resource_id]))
    assert latest["Content-Disposition"].startswith("attachment")


def test_a_pdf_with_too_many_pages_is_refused(client, community, member, monkeypatch):
    monkeypatch.setattr("practica.library.uploads.pdf.PDF_MAX_PAGES", 3)
    client.force_login(member)
    response, body = _upload(client, community, "long.pdf", hostile.pdf(pages=4))
    _refused(response, body, "The PDF has 4 pages; at most 3 are accepted.")


# --- Images: re-encoded, only the new bytes kept, inline only then --------------------------


def test_images_are_shown_inline_only_after_re_encoding(client, community, member):
    client.force_login(member)
    response, _body = _upload(client, community, "chart.png", make_png())
    version = _accepted(response)
    assert version.inline
    assert client.get(version.get_download_url())["Content-Disposition"].startswith("inline")
    # A version stored before images were re-encoded is downloaded, not shown.
    ResourceVersion.objects.filter(pk=version.pk).update(inline=False)
    assert client.get(version.get_download_url())["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    "name, content",
    [
        ("photo.png", hostile.image("PNG") + b"<html><body><img src=x onerror=alert(1)></body>"),
        ("photo.gif", hostile.image("GIF") + hostile.jar()),  # a GIFAR
        ("photo.webp", hostile.image("WEBP") + b"<script>alert(1)</script>"),
    ],
)
def test_images_with_something_appended_are_refused(client, community, member, name, content):
    client.force_login(member)
    response, body = _upload(client, community, name, content)
    _refused(response, body, "bytes of other data appended after its end")


def test_a_jpeg_keeps_only_its_pixels(client, community, member):
    """Cameras append data of their own to JPEGs, so nothing is refused for it: re-encoding
    drops what was appended or hidden, with the location and other metadata."""
    exif = Image.Exif()
    exif[0x010E] = "<script>alert(1)</script>"  # image description
    exif[0x0112] = 6  # taken sideways: rotate when shown
    exif.get_ifd(0x8825)[2] = (45.0, 30.0, 0.0)  # GPS latitude
    original = hostile.image("JPEG", (40, 20), exif=exif.tobytes(), comment=b"<svg onload=x>")
    client.force_login(member)
    response, _body = _upload(
        client, community, "photo.jpeg", original + b"<html><script>alert(1)</script>"
    )
    version = _accepted(response)
    stored = _stored(version)
    assert b"<script" not in stored and b"<svg" not in stored and b"<html" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG" and image.size == (20, 40)  # rotated, then EXIF gone
        assert not image.getexif() and "comment" not in image.info
        red, green, blue = image.convert("RGB").getpixel((10, 20))
        assert abs(red - 31) < 8 and abs(green - 95) < 8 and abs(blue - 139) < 8
    assert version.size == len(stored) and version.original_name == "photo.jpeg"
    assert client.get(version.get_download_url())["Content-Disposition"].startswith("inline")


def test_an_animated_gif_keeps_its_frames_and_timing(client, community, member):
    frames = [Image.new("RGB", (30, 20), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(
        out, "GIF", save_all=True, append_images=frames[1:], duration=[100, 200, 300], loop=0,
        comment=b"<script>alert(1)</script>",
    )  # fmt: skip
    client.force_login(member)
    response, _body = _upload(client, community, "anim.gif", out.getvalue())
    stored = _stored(_accepted(response))
    assert b"<script" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.n_frames == 3 and image.info.get("loop") == 0
        timing = []
        for index in range(3):
            image.seek(index)
            timing.append(image.info["duration"])
        assert timing == [100, 200, 300]
        assert image.convert("RGB").getpixel((5, 5)) == (0, 0, 255)


def test_an_image_too_large_to_decode_safely_is_refused(client, community, member):
    client.force_login(member)
    huge = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(huge, "PNG")
    response, body = _upload(client, community, "huge.png", huge.getvalue())
    _refused(response, body, "The image is 10000 by 5000 pixels; at most 40 million")


# --- Text: markup anywhere ------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"a,b\n" * 1100 + b"<script>alert(1)</script>\n",  # after the first 4 KB
        b"x" * (64 * 1024 - 3) + b"<scr" + b"ipt>alert(1)",  # across a read boundary
        b"notes\n" * 300_000 + b"<iframe src=//evil>",  # at the very end of 1.8 MB
    ],
)
def test_text_with_markup_anywhere_is_refused(client, community, member, content):
    client.force_login(member)
    response, body = _upload(client, community, "data.csv", content)
    _refused(response, body, "The file contains HTML or script; it is not accepted as text.")


def test_text_without_markup_is_accepted(client, community, member):
    client.force_login(member)
    response, _body = _upload(client, community, "notes.txt", "Café, 3 < 4\n".encode() * 9000)
    assert _accepted(response).size == len("Café, 3 < 4\n".encode()) * 9000


# --- Names -----------------------------------------------------------------------------------


def test_a_long_name_keeps_its_extension(client, community, member):
    name = "x" * 195 + ".html.pdf"  # cut at 200 characters, it would end in .html
    client.force_login(member)
    response, _body = _upload(client, community, name, hostile.pdf())
    version = _accepted(response)
    assert version.original_name == "x" * 195 + ".pdf"  # the stem is cut, not the extension
    assert version.original_name.endswith(".pdf") and version.file.name.endswith(".pdf")
    download = client.get(version.get_download_url())
    assert download["Content-Disposition"].endswith('.pdf"')


# --- The form --------------------------------------------------------------------------------

CHOOSE_AGAIN = "browsers do not keep a chosen file after an error"


def test_the_choose_again_notice_shows_only_when_a_file_was_chosen(
    client, community, member, make_resource
):
    client.force_login(member)
    _response, body = _upload(client, community, "", None, title="", link_url="https://a.org")
    assert "This field is required." in body and CHOOSE_AGAIN not in body
    _response, body = _upload(client, community, "a.pdf", hostile.pdf(), licence_confirmed="")
    assert "This field is required." in body and CHOOSE_AGAIN in body

    resource = make_resource(author=member)
    url = reverse("version_add", args=[resource.pk])
    body = client.post(url, {"note": "New figures"}).content.decode()
    assert "This field is required." in body and CHOOSE_AGAIN not in body
    body = client.post(
        url, {"note": "", "file": SimpleUploadedFile("b.pdf", hostile.pdf())}
    ).content.decode()
    assert "This field is required." in body and CHOOSE_AGAIN in body
