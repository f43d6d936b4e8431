"""What a phone needs to install Practica and show an offline page: the manifest, icons
of the sizes it names, the service worker and the offline page, all allowed by the
Content-Security-Policy and all linked from every page."""

import io
import json
import re

import pytest
from django.urls import reverse
from PIL import Image

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _static(client, url):
    """A static file as WhiteNoise serves it (the test client's response is streamed)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response, b"".join(response.streaming_content)


def _head(client):
    return client.get(reverse("community_list")).content.decode().split("</head>")[0]


def test_the_manifest_names_the_app_and_its_icons(client):
    response = client.get(reverse("web_manifest"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Practica" and manifest["short_name"] == "Practica"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        served, body = _static(client, icon["src"])
        assert served["Content-Type"] == icon["type"] == "image/png"
        image = Image.open(io.BytesIO(body))
        assert "x".join(map(str, image.size)) == icon["sizes"], icon["src"]
        if icon["purpose"] == "maskable":  # a full square: nothing transparent to crop
            assert image.convert("RGBA").getpixel((0, 0))[3] == 255


def test_every_page_links_the_manifest_icons_and_theme_colour(client):
    head = _head(client)
    manifest = json.loads(client.get(reverse("web_manifest")).content)
    assert f'<link rel="manifest" href="{reverse("web_manifest")}">' in head
    assert f'<meta name="theme-color" content="{manifest["theme_color"]}">' in head
    links = dict(
        (rel + (kind or ""), href)
        for rel, href, kind in re.findall(
            r'<link rel="(icon|apple-touch-icon)" href="([^"]+)"(?:[^>]*type="([^"]+)")?', head
        )
    )
    assert set(links) == {"icon", "iconimage/svg+xml", "apple-touch-icon"}
    served, body = _static(client, links["iconimage/svg+xml"])
    assert served["Content-Type"].startswith("image/svg+xml") and b"<svg" in body
    served, body = _static(client, links["icon"])
    assert served["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert Image.open(io.BytesIO(body)).format == "ICO"
    served, body = _static(client, links["apple-touch-icon"])
    assert Image.open(io.BytesIO(body)).size == (180, 180)
    # Programs that ask for /favicon.ico without reading the page find it too.
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == links["icon"]


def test_the_service_worker_is_served_as_a_script_the_policy_allows(client):
    head = _head(client)
    script = re.search(r'<script src="([^"]+)" data-worker="([^"]+)" defer></script>', head)
    assert script and script.group(2) == reverse("service_worker") == "/sw.js"
    _static(client, script.group(1))

    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]  # a new version is seen at once
    policy = response["Content-Security-Policy"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy
    page_policy = client.get(reverse("community_list"))["Content-Security-Policy"]
    assert "worker-src 'self'" in page_policy and "manifest-src 'self'" in page_policy


def _worker_config(client) -> dict:
    body = client.get("/sw.js").content.decode()
    return json.loads(re.search(r"const CONFIG = (\{.*?\});", body).group(1))


def test_the_worker_keeps_only_the_offline_page_and_the_files_it_uses(client):
    config = _worker_config(client)
    assert config["offline"] == reverse("offline")
    offline = client.get(config["offline"]).content.decode()
    used = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', offline))
    assert set(config["assets"]) == used
    assert any(a.endswith(".css") for a in used)
    for asset in config["assets"]:
        _static(client, asset)
    # Nothing else: no page of the site, nothing outside the static files.
    assert all(asset.startswith("/static/") for asset in config["assets"])


def test_the_offline_page_says_so_and_names_no_one(client):
    # The worker fetches it without cookies; as a visitor it shows no member.
    response = client.get(reverse("offline"))
    page = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "<title>You are offline · Practica</title>" in page
    assert "Try again" in page and 'href="/accounts/login/"' in page
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert not re.search(r"<script(?![^>]*\bsrc=)", page) and "style=" not in page


def test_a_signed_in_page_is_still_private(client):
    """The worker stores nothing it fetches for a person; the server says the same."""
    client.force_login(UserFactory())
    response = client.get(reverse("community_list"))
    assert "no-store" in response["Cache-Control"]


def test_the_app_colours_are_the_stylesheets(client):
    """The installed app's title bar and splash screen use the design tokens (light scheme)."""
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/site.css")).read_text()
    tokens = dict(re.findall(r"(--c-[a-z-]+):\s*(#[0-9a-f]{6})", css.split("}")[0]))
    manifest = json.loads(client.get(reverse("web_manifest")).content)
    assert manifest["theme_color"] == tokens["--c-accent"]
    assert manifest["background_color"] == tokens["--c-bg"]
