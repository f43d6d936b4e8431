from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("practica.core.urls")),
    path("", include("practica.accounts.urls")),
    path("", include("practica.discussions.urls")),
    path("", include("practica.events.urls")),
    path("", include("practica.library.urls")),
    path("", include("practica.communities.urls")),
    path("notifications/", include("practica.notifications.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
