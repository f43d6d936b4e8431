"""A member's photo: uploaded on the profile page, made safe and square, served only to
those who may see the profile; initials on a colour without one."""

import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import UserFactory, make_member
from tests.pictures import open_picture, photo

pytestmark = pytest.mark.django_db

FIELDS = {"display_name": "Kofi Mensah", "affiliation": "Accra High Court", "bio": "Ten years."}


def _upload(client, upload, **extra):
    return client.post(reverse("profile_edit"), {**FIELDS, "photo": upload, **extra}, follow=True)


def _photo_src(page: str, size: str = "s") -> str:
    found = re.search(rf'<img class="avatar avatar--{size}" src="([^"]+)"', page)
    assert found, "no photo on the page"
    return found.group(1).replace("&amp;", "&")


def test_an_uploaded_photo_is_made_square_stripped_and_shown_beside_the_name(client, user):
    client.force_login(user)
    response = _upload(client, photo(exif=True))
    assert response.status_code == 200
    assert "Your profile has been saved." in response.content.decode()
    user.refresh_from_db()
    assert user.photo and user.photo_small

    people = client.get(reverse("people")).content.decode()
    small = client.get(_photo_src(people, "s"))
    assert small["Content-Type"] == "image/jpeg"
    image = open_picture(b"".join(small.streaming_content))
    assert image.size == (64, 64)
    assert not image.getexif()  # no camera, no place

    profile = client.get(reverse("person_detail", args=[user.pk])).content.decode()
    large = client.get(_photo_src(profile, "xl"))
    content = b"".join(large.streaming_content)
    assert open_picture(content).size == (256, 256)
    assert b"SpyCam" not in content
    # Cropped from the centre: red on the left, blue on the right.
    left, right = (
        open_picture(content).getpixel((10, 128)),
        open_picture(content).getpixel((245, 128)),
    )
    assert left[0] > 150 > left[2] and right[2] > 150 > right[0]


def test_the_photo_is_cached_privately_under_an_address_that_changes_with_it(client, user):
    client.force_login(user)
    _upload(client, photo())
    src = _photo_src(client.get(reverse("people")).content.decode())
    response = client.get(src)
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "max-age=86400" in cache_control
    assert "no-store" not in cache_control and "public" not in cache_control
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(src, headers={"if-none-match": response["ETag"]}).status_code == 304

    _upload(client, photo(size=(300, 500)))
    new_src = _photo_src(client.get(reverse("people")).content.decode())
    assert new_src != src
    stale = client.get(src)  # an old page's address: the new photo, checked again next time
    assert stale.status_code == 200 and "no-cache" in stale["Cache-Control"]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("me.jpg", b"<html><script>alert(1)</script></html>"),
            "This file is not a picture",
        ),
        (
            SimpleUploadedFile(
                "me.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'
            ),
            "This file is not a picture",
        ),
        (
            # A polyglot: a real PNG with an archive appended after its end.
            SimpleUploadedFile("me.png", photo(fmt="PNG").read() + b"PK\x03\x04" + b"\x00" * 200),
            "appended after its end",
        ),
        (SimpleUploadedFile("me.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100), "damaged"),
        (SimpleUploadedFile("huge.jpg", b"\xff\xd8\xff" + b"\x00" * (11 * 1024 * 1024)), "10 MB"),
    ],
    ids=["html-named-jpg", "svg", "png-with-archive", "broken-jpeg", "too-big"],
)
def test_a_hostile_or_bad_file_is_refused_with_a_reason_and_nothing_typed_is_lost(
    client, upload, message
):
    person = UserFactory(display_name="Old Name", affiliation="Old Court")
    client.force_login(person)
    response = _upload(client, upload)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "choose it again" in page
    # What was typed is still in the form…
    assert 'value="Kofi Mensah"' in page and 'value="Accra High Court"' in page
    assert "Ten years." in page
    # …and nothing was saved.
    person.refresh_from_db()
    assert (person.display_name, person.affiliation, person.photo.name) == (
        "Old Name",
        "Old Court",
        "",
    )


def test_removing_the_photo_brings_back_initials_and_deletes_the_files(client, user, on_commit):
    client.force_login(user)
    _upload(client, photo())
    user.refresh_from_db()
    stored = [user.photo.name, user.photo_small.name]
    src = _photo_src(client.get(reverse("people")).content.decode())

    with on_commit():
        response = client.post(
            reverse("profile_edit"), {**FIELDS, "remove_photo": "on"}, follow=True
        )
    assert "Your profile has been saved." in response.content.decode()
    page = client.get(reverse("people")).content.decode()
    assert 'class="avatar avatar--s face--' in page and ">KM</span>" in page
    assert "/photo/" not in page
    assert client.get(src).status_code == 404
    assert not any(default_storage.exists(name) for name in stored)


def test_without_a_photo_initials_and_colour_come_from_the_name(client, user):
    first = UserFactory(display_name="Ruth Okonkwo")
    second = UserFactory(display_name="Ruth Okonkwo")
    client.force_login(user)
    page = client.get(reverse("people"), {"q": "Ruth"}).content.decode()
    faces = re.findall(
        r'<span class="avatar avatar--s (face--[a-z]+)" aria-hidden="true">RO</span>', page
    )
    assert len(faces) == 2 and faces[0] == faces[1]  # decorative: the name is beside it
    assert first.face_colour == second.face_colour


def test_alone_the_avatar_carries_the_name(client, user):
    client.force_login(user)
    page = client.get(reverse("profile_edit")).content.decode()
    assert f'role="img" aria-label="{user.display_name}"' in page
    _upload(client, photo())
    page = client.get(reverse("profile_edit")).content.decode()
    assert 'alt="Kofi Mensah"' in page


def test_photos_are_seen_only_by_those_who_may_see_the_profile(client, community, user):
    leader = make_member(community, role="chair", display_name="Chris Chair")
    client.force_login(leader)
    _upload(client, photo())
    src = _photo_src(client.get(reverse("people")).content.decode())
    client.logout()

    # A visitor may not see profiles: the photo is not found, and pages show initials.
    assert client.get(src).status_code == 404
    about = client.get(reverse("community_detail", args=[community.slug])).content.decode()
    assert "Kofi Mensah" in about and "/photo/" not in about and ">KM</span>" in about

    # A closed account's profile is gone, and so is its photo, for everyone.
    client.force_login(user)
    assert client.get(src).status_code == 200
    leader.is_active = False
    leader.save()
    assert client.get(src).status_code == 404
    assert client.get(reverse("person_photo", args=[user.pk, "s"])).status_code == 404  # none
    assert client.get(reverse("person_photo", args=[leader.pk, "huge"])).status_code == 404
