from django.urls import path

from . import installable, views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("ping/", views.ping, name="ping"),
    path("manifest.webmanifest", installable.web_manifest, name="web_manifest"),
    path("sw.js", installable.service_worker, name="service_worker"),
    path("offline/", installable.offline, name="offline"),
    path("favicon.ico", installable.favicon, name="favicon"),
]
