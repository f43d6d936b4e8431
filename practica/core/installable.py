"""What makes Practica installable on a phone's home screen, and usable when offline.

- the web app manifest (name, colours, icons) at /manifest.webmanifest;
- a service worker at /sw.js (it must live at the root to look after every page), which
  keeps only the offline page and the files that page needs, and shows it when a page
  cannot be reached. It never stores a page a person asked for: a signed-in page is only
  ever on the network. Registered by static/js/install.js, after the page has loaded; a
  browser without service workers, or without JavaScript, simply has no offline page.
- /favicon.ico, for the programs that ask for it without reading the page's <head>.

The icons in static/icons/ are drawn by `manage.py make_icons`."""

import hashlib
import json
import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# The same colours as <meta name="theme-color"> in base.html and the icons (make_icons).
THEME_COLOUR = "#1c5a85"  # --c-accent in site.css
BACKGROUND_COLOUR = "#f5f6f8"  # --c-bg

ICONS = [
    ("icons/icon-192.png", "192x192", "any"),
    ("icons/icon-512.png", "512x512", "any"),
    ("icons/icon-maskable-192.png", "192x192", "maskable"),
    ("icons/icon-maskable-512.png", "512x512", "maskable"),
]
# The static files a page links to (stylesheets, scripts, icons).
_STATIC_LINK = re.compile(r'(?:href|src)="(' + re.escape(settings.STATIC_URL) + r'[^"?#]+)"')


def offline_assets() -> list[str]:
    """The static files the offline page uses, read from the page itself, so that a new
    stylesheet or icon in base.html is kept for it without anyone remembering to."""
    return sorted(set(_STATIC_LINK.findall(render_to_string("core/offline.html"))))


@require_GET
@cache_control(public=True, max_age=3600)
def web_manifest(request: HttpRequest) -> HttpResponse:
    manifest = {
        "id": "/",
        "name": "Practica",
        "short_name": "Practica",
        "description": _("Communities of practice for people who work in justice."),
        "lang": get_language(),
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": reverse("home"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static(path), "sizes": sizes, "type": "image/png", "purpose": purpose}
            for path, sizes, purpose in ICONS
        ],
    }
    return JsonResponse(
        manifest, content_type="application/manifest+json", json_dumps_params={"indent": 1}
    )


@require_GET
@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    """The worker's code, with the addresses it keeps. Its text changes whenever one of
    those files changes (their names carry a hash of their content), so browsers install
    the new worker, which drops the old copies."""
    config = {
        "offline": reverse("offline"),
        "assets": offline_assets(),
    }
    config["cache"] = (
        "practica-offline-"
        + hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()[:12]
    )
    body = render_to_string("core/service_worker.js", {"config": json.dumps(config)})
    return HttpResponse(body, content_type="text/javascript; charset=utf-8")


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """The page the service worker shows when the network is gone. It fetches it without
    cookies, so the stored copy is the visitor's page and names no one."""
    return render(request, "core/offline.html")


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    return HttpResponsePermanentRedirect(static("icons/favicon.ico"))
