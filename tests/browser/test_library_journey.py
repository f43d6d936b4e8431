"""In a browser: a member uploads a template, a leader approves it, another member finds
and downloads it."""

import pytest

from practica.demo.files import make_docx
from tests.browser.conftest import log_in
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_upload_approve_find_download(page, tmp_path):
    community = CommunityFactory(
        name="Treatment Courts", slug="treatment", library_needs_approval=True
    )
    make_member(community, role="chair", email="chair@example.org")
    make_member(community, email="ada@example.org", display_name="Ada")
    make_member(community, email="rita@example.org", display_name="Rita")
    template = tmp_path / "handbook.docx"
    template.write_bytes(make_docx("Participant handbook"))

    log_in(page, "ada@example.org")
    page.goto("/communities/treatment/library/new/")
    page.get_by_label("Title").fill("Participant handbook template")
    page.get_by_label("Kind").select_option("template")
    page.get_by_label("Summary").fill("A handbook to adapt.")
    page.get_by_label("File").set_input_files(str(template))
    page.get_by_label("Licence", exact=True).select_option("cc_by")
    page.get_by_label("I may share this resource under this licence.").check()
    page.get_by_role("button", name="Add").click()
    assert page.get_by_text("A leader will approve it").is_visible()
    resource_url = page.url

    log_in(page, "chair@example.org")
    page.goto(resource_url)
    page.get_by_role("button", name="Approve").click()
    assert page.get_by_text("Approved: it is now in the library.").is_visible()

    log_in(page, "rita@example.org")
    page.goto("/library/?kind=template")
    page.get_by_role("link", name="Participant handbook template").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the latest version").click()
    saved = tmp_path / "downloaded.docx"
    download.value.save_as(saved)
    assert saved.read_bytes() == template.read_bytes()
    assert download.value.suggested_filename == "handbook.docx"
