"""A community's face: the colour and emblem its chair chooses, on its cards, its pages and
the emails it sends."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from practica.communities.models import FocusArea
from practica.core.faces import PALETTE
from practica.discussions.services import post_create, post_publish
from tests.factories import CommunityFactory, UserFactory, make_member
from tests.pictures import open_picture, photo

pytestmark = pytest.mark.django_db


def _settings(community, **extra):
    return {
        "summary": community.summary,
        "domain": community.domain,
        "rules": community.rules,
        "visibility": community.visibility,
        "join_policy": community.join_policy,
        "eligibility": community.eligibility,
        "featured_days": community.featured_days,
        "focus_areas": [FocusArea.objects.get(slug="skills").pk],
        "version": community.version,
        **extra,
    }


def _emblem_src(page: str, size: str) -> str:
    found = re.search(rf'<img class="emblem emblem--{size}" src="([^"]+)"', page)
    assert found, "no emblem picture on the page"
    return found.group(1).replace("&amp;", "&")


def test_the_chair_chooses_a_colour_and_an_emblem_shown_on_cards_and_pages(
    client, community, chair
):
    url = reverse("community_settings", args=[community.slug])
    client.force_login(chair)
    page = client.get(url).content.decode()
    for key in PALETTE:  # one radio button per palette colour, no free colour
        assert f'value="{key}"' in page and f'class="swatch face--{key}"' in page
    assert 'type="color"' not in page

    response = client.post(url, _settings(community, colour="teal", emblem=photo("logo.png")))
    assert response.status_code == 302
    community.refresh_from_db()
    assert community.colour == "teal" and community.emblem

    client.logout()  # a public community's face is public
    directory = client.get(reverse("community_list")).content.decode()
    assert '<article class="card community-card face--teal">' in directory
    small = client.get(_emblem_src(directory, "m"))
    assert small.status_code == 200 and small["Content-Type"] == "image/jpeg"
    assert open_picture(b"".join(small.streaming_content)).size == (256, 256)

    about = client.get(community.get_absolute_url()).content.decode()
    assert "community-header face--teal" in about
    header = client.get(_emblem_src(about, "l"))
    assert open_picture(b"".join(header.streaming_content)).size == (256, 256)


def test_without_an_emblem_the_initials_show_on_the_chosen_colour(client, chair):
    community = chair.memberships.get().community
    community.name = "Family Courts Network"
    community.colour = "indigo"
    community.save()
    page = client.get(reverse("community_list")).content.decode()
    assert '<span class="emblem emblem--m face--indigo" aria-hidden="true">FN</span>' in page


def test_a_plain_member_cannot_change_the_face_of_the_community(client, community, member):
    url = reverse("community_settings", args=[community.slug])
    client.force_login(member)
    assert client.get(url).status_code == 403
    response = client.post(url, _settings(community, colour="red", emblem=photo("x.png")))
    assert response.status_code == 403
    community.refresh_from_db()
    assert community.colour == "" and not community.emblem


def test_a_bad_emblem_is_refused_and_the_settings_typed_are_kept(client, community, chair):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("community_settings", args=[community.slug])
    client.force_login(chair)
    bad = SimpleUploadedFile("logo.gif", b"GIF89a<script>alert(1)</script>")
    response = client.post(url, _settings(community, summary="A better summary", colour="red",
                                          emblem=bad))  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "damaged or not really an image" in page or "not a picture" in page
    assert 'value="A better summary"' in page
    assert re.search(r'value="red"[^>]*checked', page)
    community.refresh_from_db()
    assert community.summary != "A better summary" and community.colour == ""


def test_the_chair_removes_the_emblem(client, community, chair):
    url = reverse("community_settings", args=[community.slug])
    client.force_login(chair)
    client.post(url, _settings(community, emblem=photo("logo.png")))
    community.refresh_from_db()
    src = _emblem_src(client.get(community.get_absolute_url()).content.decode(), "l")
    client.post(url, _settings(community, remove_emblem="on"))
    community.refresh_from_db()
    assert not community.emblem
    assert client.get(src).status_code == 404
    page = client.get(community.get_absolute_url()).content.decode()
    assert f">{community.initials}</span>" in page


def test_a_hidden_community_s_emblem_is_not_found_by_outsiders(client, staff):
    hidden = CommunityFactory(name="Quiet Circle", visibility="hidden")
    insider = make_member(hidden, role="chair")
    client.force_login(insider)
    client.post(
        reverse("community_settings", args=[hidden.slug]),
        _settings(hidden, emblem=photo("logo.png")),
    )
    src = _emblem_src(client.get(hidden.get_absolute_url()).content.decode(), "l")
    assert client.get(src).status_code == 200
    client.force_login(UserFactory())
    assert client.get(src).status_code == 404
    client.logout()
    assert client.get(src).status_code == 404
    assert client.get(reverse("community_emblem", args=["no-such", "s"])).status_code == 404


def test_emails_about_a_community_are_headed_by_its_emblem(client, on_commit):
    community = CommunityFactory(name="Family Courts Network", colour="green")
    chair = make_member(community, role="chair")
    author = make_member(community)
    post = post_create(actor=author, community=community, kind="featured", title="Pilot", body="b")
    with on_commit():
        post_publish(actor=chair, post=post)
    [email] = [m for m in mail.outbox if m.to == [author.email]]
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert 'bgcolor="#067647"' in html and "<b>FN</b>" in html and "Family Courts Network" in html
    assert "style=" not in html
    assert post.get_absolute_url() in email.body  # the text version is as before

    # With an emblem, the picture travels inside the email.
    client.force_login(chair)
    client.post(
        reverse("community_settings", args=[community.slug]),
        _settings(community, colour="green", emblem=photo("logo.png")),
    )
    mail.outbox.clear()
    second = post_create(actor=author, community=community, kind="featured", title="P2", body="b")
    with on_commit():
        post_publish(actor=chair, post=second)
    [email] = [m for m in mail.outbox if m.to == [author.email]]
    html = email.alternatives[0][0]
    assert 'src="cid:emblem@practica"' in html
    message = email.message()
    images = [part for part in message.walk() if part.get_content_type() == "image/jpeg"]
    assert len(images) == 1 and images[0]["Content-ID"] == "<emblem@practica>"
    assert open_picture(images[0].get_payload(decode=True)).size == (64, 64)


def test_the_admin_offers_no_unchecked_emblem_upload(client, staff, community):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    page = client.get(reverse("admin:communities_community_change", args=[community.pk]))
    assert page.status_code == 200
    assert 'name="emblem' not in page.content.decode()
    assert 'name="colour"' in page.content.decode()
