from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

urlpatterns = [
    path("", include("practica.core.urls")),
    path("", include("practica.accounts.urls")),
    path("", include("practica.discussions.urls")),
    path("", include("practica.events.urls")),
    path("", include("practica.library.urls")),
    path("", include("practica.workgroups.urls")),
    path("", include("practica.communities.urls")),
    path("", include("practica.directory.urls")),
    path("", include("practica.search.urls")),
    path("", include("practica.knowledge.urls")),
    path("", include("practica.governance.urls")),
    path("", include("practica.consultations.urls")),
    path("", include("practica.reports.urls")),
    path("", include("practica.moderation.urls")),
    path("", include("practica.recognition.urls")),
    path("messages/", include("practica.messaging.urls")),
    path("notifications/", include("practica.notifications.urls")),
    path("newsletter/", include("practica.newsletter.urls")),
    path("accounts/", include("allauth.urls")),
    # Without a CSRF token in the footer, anonymous pages carry no per-visitor token and can
    # be cached whole. The worst a forged request can do here is switch someone's language.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
